/**
 * Which identity signs in to Azure. The host (GitHub, Azure DevOps, the CLI) knows how to obtain an
 * OIDC token or which service connection the pipeline names; this module only chooses, so no host
 * library is imported here.
 */
import type { TokenCredential } from "@azure/core-auth";
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type TlsSettings,
} from "@azure/core-rest-pipeline";
import {
  AzureCliCredential,
  AzurePipelinesCredential,
  ChainedTokenCredential,
  ClientAssertionCredential,
  ClientSecretCredential,
  EnvironmentCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import { UserError } from "../../errors.js";
import type { HostAzureIdentity, Log } from "../../run-context.js";
import { type CloudEndpoints, isKnownAuthority } from "./cloud.js";
import { guardSignIn, type SignInSource } from "./sign-in-errors.js";

/** The audience GitHub's OIDC tokens must carry for Entra ID workload identity federation. */
export const FEDERATION_AUDIENCE = "api://AzureADTokenExchange";

export type { AzureServiceConnection } from "../../run-context.js";
/** What a host can contribute to signing in (defined beside RunContext, so hosts need not import a backend). */
export type HostIdentity = HostAzureIdentity;

export interface CredentialRequest {
  clientId?: string;
  tenantId?: string;
  /** The `azureSubscription` input, when set on Azure DevOps. */
  azureSubscription?: string;
  cloud: CloudEndpoints;
  host?: HostIdentity;
  env: NodeJS.ProcessEnv;
  tlsOptions?: TlsSettings;
  /** Sign-in requests on timed sockets too (http-timeouts.ts). */
  httpClient?: HttpClient;
}

export interface ChosenCredential {
  credential: TokenCredential;
  /** For the log: which way of signing in was chosen (never a secret). */
  description: string;
}

/**
 * The chosen credential, its sign-in failures turned into one line naming the input or variable
 * the failing secret comes from (sign-in-errors.ts). A secret found in the environment is
 * registered with the host before anything can print it.
 */
export function chooseCredential(req: CredentialRequest, log: Log): ChosenCredential {
  for (const name of ["AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PASSWORD"]) {
    const value = req.env[name];
    if (value) log.secret(value);
  }
  const chosen = pickCredential(req, log);
  return { credential: guardSignIn(chosen.credential, chosen.source), description: chosen.description };
}

/**
 * GitHub Actions exposes its OIDC token service through two variables when the workflow has
 * `permissions: id-token: write`. Asking it directly (what core.getIDToken does) keeps this module
 * free of host libraries and works when a host passed no callback.
 */
export function githubOidcFromEnv(
  env: NodeJS.ProcessEnv,
  tlsOptions?: TlsSettings,
): ((audience: string) => Promise<string>) | undefined {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !token) return undefined;
  const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 3 }, tlsOptions });
  const http = createDefaultHttpClient();
  return async (audience) => {
    const u = new URL(url);
    u.searchParams.set("audience", audience);
    const request = createPipelineRequest({
      url: u.toString(),
      method: "GET",
      headers: createHttpHeaders({ authorization: `Bearer ${token}`, accept: "application/json" }),
    });
    const res = await pipeline.sendRequest(http, request);
    if (res.status !== 200) throw new Error(`GitHub's OIDC token service answered HTTP ${res.status}`);
    const value = (JSON.parse(res.bodyAsText ?? "{}") as { value?: string }).value;
    if (!value) throw new Error("GitHub's OIDC token service returned no token");
    return value;
  };
}

/**
 * Chooses the credential, in this order:
 * 1. an Azure DevOps service connection (workload identity federation or service principal);
 * 2. clientId + tenantId with an OIDC token source: a federated credential whose assertion callback
 *    asks for a fresh token every time, so a wait of many hours never presents an expired one;
 * 3. clientId + tenantId with AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET in the environment;
 * 4. otherwise an `az login` / `azure/login` session, then the environment's service principal,
 *    then a managed identity (self-hosted runners).
 */
function pickCredential(req: CredentialRequest, log: Log): ChosenCredential & { source: SignInSource } {
  const authorityHost = req.cloud.authorityHost;
  const common = {
    authorityHost,
    tlsOptions: req.tlsOptions,
    disableInstanceDiscovery: !isKnownAuthority(authorityHost),
    httpClient: req.httpClient,
  };
  const conn = req.host?.azureServiceConnection;
  if (conn) {
    if (/^WorkloadIdentityFederation$/i.test(conn.scheme)) {
      if (!conn.systemAccessToken) {
        throw new UserError(
          `service connection '${conn.id}' uses workload identity federation but System.AccessToken is not available`,
          { input: "azureSubscription" },
          "Map it into the task: env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)",
        );
      }
      log.secret(conn.systemAccessToken);
      let credential: TokenCredential;
      try {
        credential = new AzurePipelinesCredential(
          conn.tenantId,
          conn.clientId,
          conn.id,
          conn.systemAccessToken,
          common,
        );
      } catch (error) {
        throw new UserError(
          `service connection '${conn.id}': ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
          { input: "azureSubscription" },
          "Run on an Azure Pipelines agent, where SYSTEM_OIDCREQUESTURI is set",
        );
      }
      const description = `Azure DevOps service connection ${conn.id} (workload identity federation)`;
      const source = {
        what: description,
        input: "azureSubscription",
        clientId: conn.clientId,
        tenantId: conn.tenantId,
      };
      return { credential, description, source };
    }
    if (conn.clientSecret) {
      log.secret(conn.clientSecret);
      return {
        credential: new ClientSecretCredential(conn.tenantId, conn.clientId, conn.clientSecret, common),
        description: `Azure DevOps service connection ${conn.id} (service principal ${conn.clientId})`,
        source: {
          what: `service connection ${conn.id} (service principal ${conn.clientId})`,
          input: "azureSubscription",
          clientId: conn.clientId,
          tenantId: conn.tenantId,
        },
      };
    }
    throw new UserError(
      `service connection '${conn.id}' uses scheme '${conn.scheme}', which this task cannot sign in with`,
      { input: "azureSubscription" },
      "Use a workload identity federation or service principal (secret) connection",
    );
  }
  if (req.azureSubscription) {
    throw new UserError(
      `service connection '${req.azureSubscription}' was named but the host passed no connection details`,
      { input: "azureSubscription" },
      "Run this task as the Azure DevOps task (MLOps@1), where the connection is resolved",
    );
  }
  const { clientId, tenantId, env } = req;
  if (clientId || tenantId) {
    if (!clientId || !tenantId) {
      const missing = clientId ? "tenantId" : "clientId";
      throw new UserError(
        `is required with ${clientId ? "clientId" : "tenantId"}`,
        { input: missing },
        "Set both clientId and tenantId for federated sign-in",
      );
    }
    const getIdToken = req.host?.getIdToken ?? githubOidcFromEnv(env, req.tlsOptions);
    if (getIdToken) {
      return {
        credential: new ClientAssertionCredential(
          tenantId,
          clientId,
          async () => {
            try {
              const token = await getIdToken(FEDERATION_AUDIENCE);
              log.secret(token);
              return token;
            } catch (error) {
              throw new UserError(
                `could not get an OIDC token for ${FEDERATION_AUDIENCE}: ${error instanceof Error ? error.message : String(error)}`,
                { input: "clientId" },
                "Grant the workflow `permissions: id-token: write`",
              );
            }
          },
          common,
        ),
        description: `federated credential for client ${clientId} in tenant ${tenantId}`,
        source: { what: `client ${clientId} (federated credential)`, input: "clientId", clientId, tenantId },
      };
    }
    if (env.AZURE_FEDERATED_TOKEN_FILE) {
      return {
        credential: new WorkloadIdentityCredential({
          ...common,
          clientId,
          tenantId,
          tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
        }),
        description: `workload identity for client ${clientId} (token file)`,
        source: {
          what: `client ${clientId} (federated token file)`,
          env: "AZURE_FEDERATED_TOKEN_FILE",
          clientId,
          tenantId,
        },
      };
    }
    if (env.AZURE_CLIENT_SECRET) {
      return {
        credential: new ClientSecretCredential(tenantId, clientId, env.AZURE_CLIENT_SECRET, common),
        description: `service principal ${clientId} (AZURE_CLIENT_SECRET)`,
        source: { what: `service principal ${clientId}`, env: "AZURE_CLIENT_SECRET", clientId, tenantId },
      };
    }
    throw new UserError(
      "clientId and tenantId are set but there is no OIDC token to exchange",
      { input: "clientId" },
      "On GitHub grant the workflow `permissions: id-token: write`; elsewhere set AZURE_CLIENT_SECRET or AZURE_FEDERATED_TOKEN_FILE",
    );
  }
  if (env.AZURE_CLIENT_ID && env.AZURE_TENANT_ID && (env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH)) {
    return {
      credential: new EnvironmentCredential(common),
      description: `service principal ${env.AZURE_CLIENT_ID} from the environment`,
      source: {
        what: `service principal ${env.AZURE_CLIENT_ID}`,
        env: env.AZURE_CLIENT_SECRET ? "AZURE_CLIENT_SECRET" : "AZURE_CLIENT_CERTIFICATE_PATH",
        clientId: env.AZURE_CLIENT_ID,
        tenantId: env.AZURE_TENANT_ID,
      },
    };
  }
  return {
    credential: new ChainedTokenCredential(
      new AzureCliCredential({ tenantId: env.AZURE_TENANT_ID }),
      new EnvironmentCredential(common),
      new ManagedIdentityCredential(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {}),
    ),
    description: "the azure/login (az CLI) session, else the environment's service principal, else a managed identity",
    source: { what: "the az CLI session, the environment or a managed identity", clientId: env.AZURE_CLIENT_ID },
  };
}
