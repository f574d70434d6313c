import { ALLOW_FORKS_INPUT } from "./fork-guard.js";
import type { InputSpec } from "./spec.js";

/** Inputs every task takes: which workspace to act on. */
export const WORKSPACE_INPUTS = [
  {
    name: "backend",
    type: "choice",
    options: ["local", "azureml"],
    description:
      "Where the ML work happens: `local` (an embedded workspace in a folder) or `azureml` (an Azure Machine Learning workspace). Default: `azureml` when `workspaceName` is set, else `local`.",
    advanced: true,
  },
  {
    name: "workspaceDir",
    type: "path",
    default: ".mlops",
    description: "Folder of the local workspace (backend `local`), relative to the working directory.",
    advanced: true,
  },
  {
    name: "subscriptionId",
    type: "string",
    description: "Azure subscription id of the Azure ML workspace (default: `AZURE_SUBSCRIPTION_ID`).",
    example: "00000000-0000-0000-0000-000000000000",
  },
  {
    name: "resourceGroup",
    type: "string",
    description: "Resource group of the Azure ML workspace (default: `AZURE_RESOURCE_GROUP`).",
    example: "rg-ml",
  },
  {
    name: "workspaceName",
    type: "string",
    description: "Azure ML workspace name (default: `AZUREML_WORKSPACE_NAME`). Setting it selects backend `azureml`.",
    example: "mlw-prod",
  },
  {
    name: "cloud",
    type: "choice",
    options: ["AzureCloud", "AzureChinaCloud", "AzureUSGovernment"],
    default: "AzureCloud",
    description: "Azure cloud of the workspace. For other clouds set `resourceManagerEndpoint` and `authorityHost`.",
    advanced: true,
  },
  {
    name: "resourceManagerEndpoint",
    type: "string",
    description:
      "Explicit Azure Resource Manager endpoint, such as `https://management.azure.com` (overrides `cloud`).",
    advanced: true,
  },
  {
    name: "authorityHost",
    type: "string",
    description:
      "Explicit Microsoft Entra ID authority host, such as `https://login.microsoftonline.com` (overrides `cloud`).",
    advanced: true,
  },
  {
    name: "clientId",
    type: "string",
    description:
      "Client id of the app registration or managed identity to sign in as with OIDC federation (GitHub needs `permissions: id-token: write`). Without it: an `azure/login` session, then the environment's service principal, then a managed identity.",
  },
  {
    name: "tenantId",
    type: "string",
    description: "Microsoft Entra tenant id, with `clientId`.",
  },
  {
    name: "azureSubscription",
    type: "string",
    adoType: "connectedService:AzureRM",
    adoName: "connectedServiceNameARM",
    description:
      "Azure DevOps: the Azure Resource Manager service connection to sign in with (workload identity federation or service principal).",
  },
  {
    name: "planFile",
    type: "path",
    description:
      "With `dryRun` on the `azureml` backend: where to write the JSON plan of every request that would change the workspace (method, path, api-version, body). Default: `mlops-plan.json`.",
    advanced: true,
  },
  ALLOW_FORKS_INPUT,
] as const satisfies readonly InputSpec[];

/** Plan mode, for tasks that change the workspace. */
export const DRY_RUN_INPUT = {
  name: "dryRun",
  type: "boolean",
  default: "false",
  description:
    "Send nothing that changes the workspace: on `azureml`, write the requests that would be sent to `planFile` and summarise them.",
} as const satisfies InputSpec;
