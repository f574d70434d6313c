/**
 * The CI's and Azure's credential variables, in one place, and the environment user code gets
 * without them. Pipeline steps and scoring servers run code from the repository (on a pull
 * request, a stranger's): they must not inherit the job token, the Azure sign-in or service
 * connection secrets this tool was started with. Tests set a canary for every entry here.
 */

export interface CredentialVariable {
  /** The variable's name, or the start of the names of a family (`prefix: true`). */
  name: string;
  prefix?: boolean;
  /** Who sets it. */
  from: "GitHub Actions" | "Azure Pipelines" | "Azure identity" | "Azure storage" | "Terraform azurerm" | "mlops";
}

export const CREDENTIAL_VARIABLES: readonly CredentialVariable[] = [
  // GitHub Actions: the job token, the runtime (cache/artifact) token and the OIDC token request;
  // the URLs go with them (with the token they mint credentials). Inputs may hold secrets.
  { name: "GITHUB_TOKEN", from: "GitHub Actions" },
  { name: "GH_TOKEN", from: "GitHub Actions" },
  { name: "ACTIONS_RUNTIME_TOKEN", from: "GitHub Actions" },
  { name: "ACTIONS_RUNTIME_URL", from: "GitHub Actions" },
  { name: "ACTIONS_RESULTS_URL", from: "GitHub Actions" },
  { name: "ACTIONS_CACHE_URL", from: "GitHub Actions" },
  { name: "ACTIONS_ID_TOKEN_REQUEST_TOKEN", from: "GitHub Actions" },
  { name: "ACTIONS_ID_TOKEN_REQUEST_URL", from: "GitHub Actions" },
  { name: "NODE_AUTH_TOKEN", from: "GitHub Actions" },
  { name: "INPUT_", prefix: true, from: "GitHub Actions" },
  // Azure Pipelines: the job's access token, service connections (ENDPOINT_AUTH_*, ENDPOINT_URL_*,
  // ENDPOINT_DATA_*), task inputs and secret variables handed to tasks, the agent's proxy password.
  { name: "SYSTEM_ACCESSTOKEN", from: "Azure Pipelines" },
  { name: "ENDPOINT_", prefix: true, from: "Azure Pipelines" },
  { name: "SECRET_", prefix: true, from: "Azure Pipelines" },
  { name: "AGENT_PROXYPASSWORD", from: "Azure Pipelines" },
  { name: "VSTS_HTTP_PROXY_PASSWORD", from: "Azure Pipelines" },
  { name: "AZURE_DEVOPS_EXT_PAT", from: "Azure Pipelines" },
  { name: "AZURE_DEVOPS_EXT_GITHUB_PAT", from: "Azure Pipelines" },
  // Azure identity (EnvironmentCredential, workload identity, managed identity endpoints, azure/login).
  { name: "AZURE_CLIENT_SECRET", from: "Azure identity" },
  { name: "AZURE_CLIENT_CERTIFICATE_PASSWORD", from: "Azure identity" },
  { name: "AZURE_CLIENT_CERTIFICATE_PATH", from: "Azure identity" },
  { name: "AZURE_FEDERATED_TOKEN", prefix: true, from: "Azure identity" },
  { name: "AZURE_PASSWORD", from: "Azure identity" },
  { name: "AZURE_CREDENTIALS", from: "Azure identity" },
  { name: "IDENTITY_", prefix: true, from: "Azure identity" },
  { name: "MSI_", prefix: true, from: "Azure identity" },
  { name: "IMDS_ENDPOINT", from: "Azure identity" },
  // Storage keys and SAS tokens the Azure CLI and SDKs read.
  { name: "AZURE_STORAGE_KEY", from: "Azure storage" },
  { name: "AZURE_STORAGE_ACCESS_KEY", from: "Azure storage" },
  { name: "AZURE_STORAGE_CONNECTION_STRING", from: "Azure storage" },
  { name: "AZURE_STORAGE_SAS_TOKEN", from: "Azure storage" },
  { name: "ARM_CLIENT_SECRET", from: "Terraform azurerm" },
  { name: "ARM_CLIENT_CERTIFICATE_PASSWORD", from: "Terraform azurerm" },
  { name: "ARM_OIDC_TOKEN", prefix: true, from: "Terraform azurerm" },
  { name: "ARM_OIDC_REQUEST_TOKEN", from: "Terraform azurerm" },
  { name: "ARM_ACCESS_KEY", from: "Terraform azurerm" },
  { name: "ARM_SAS_TOKEN", from: "Terraform azurerm" },
  // This tool's own secrets, should any be passed by environment.
  { name: "MLOPS_SECRET_", prefix: true, from: "mlops" },
  { name: "MLOPS_TOKEN", from: "mlops" },
];

const EXACT = new Set(CREDENTIAL_VARIABLES.filter((v) => !v.prefix).map((v) => v.name));
const PREFIXES = CREDENTIAL_VARIABLES.filter((v) => v.prefix).map((v) => v.name);

/** Whether a variable is one of the credentials above (names compared upper-case: Windows ignores case). */
export function isCredentialVariable(name: string): boolean {
  const upper = name.toUpperCase();
  return EXACT.has(upper) || PREFIXES.some((p) => upper.startsWith(p));
}

/**
 * The environment for a child process that runs user code: `base` without the credential
 * variables, then `explicit` on top. What a pipeline YAML's `environment_variables` names is
 * explicit: the user chose to hand it to the step, so it passes even when it is on the list.
 */
export function childEnvironment(
  base: Record<string, string | undefined> = process.env,
  explicit: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && !isCredentialVariable(k)) env[k] = v;
  return { ...env, ...explicit };
}
