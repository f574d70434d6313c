/**
 * How the default datastore is signed. A datastore with an account key or a SAS token is signed with
 * it; an identity-based one (credentialsType None: the default in secured workspaces, the only kind
 * when the storage account disallows shared keys) is reached with the signed-in identity's Entra ID
 * token for storage, as the Azure ML SDK does. Nothing here logs a secret.
 */
import { Agent } from "node:https";
import type { TokenCredential } from "@azure/core-auth";
import type { TlsSettings } from "@azure/core-rest-pipeline";
import {
  AnonymousCredential,
  BlobServiceClient,
  type ContainerClient,
  newPipeline,
  type RequestPolicyFactory,
  StorageSharedKeyCredential,
} from "@azure/storage-blob";
import { isRestError, serviceStatus } from "./contract/errors.js";
import type { DatastoreSecrets } from "./contract/responses.js";
import type { TimedAgents } from "./http-timeouts.js";

export type StorageAccess =
  | { kind: "AccountKey"; key: string }
  | { kind: "Sas"; sasToken: string }
  | { kind: "Identity"; reason: string };

export type { DatastoreSecrets };

export interface DatastoreCredentials {
  name: string;
  /** `properties.credentials.credentialsType` of the datastore (AccountKey, Sas, None, ...). */
  credentialsType?: string;
}

/** Storage's error code when the account has `allowSharedKeyAccess: false` (keys and SAS alike). */
export const SHARED_KEY_REFUSED = "KeyBasedAuthenticationNotPermitted";

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].trim();
}

/**
 * True when listSecrets said the datastore has no secrets: the service answers 400 for an
 * identity-based datastore ("No secrets for credentials of type None").
 */
function hasNoSecrets(error: unknown): boolean {
  return serviceStatus(error) === 400 || /no secrets for credentials/i.test(firstLine(error));
}

/**
 * Chooses how to sign, asking for secrets only when the datastore has some (the SDK skips
 * listSecrets for credentialsType None too). Other listSecrets failures (403, 404, ...) are thrown.
 */
export async function chooseStorageAccess(
  ds: DatastoreCredentials,
  listSecrets: () => Promise<DatastoreSecrets>,
): Promise<StorageAccess> {
  if (/^none$/i.test(ds.credentialsType ?? "")) {
    return { kind: "Identity", reason: `datastore '${ds.name}' is identity-based (credentialsType None)` };
  }
  let secrets: DatastoreSecrets;
  try {
    secrets = await listSecrets();
  } catch (error) {
    if (!hasNoSecrets(error)) throw error;
    return {
      kind: "Identity",
      reason: `the workspace holds no secrets for datastore '${ds.name}' (listSecrets: ${firstLine(error)})`,
    };
  }
  if (secrets.secretsType === "AccountKey" && secrets.key) return { kind: "AccountKey", key: secrets.key };
  if (secrets.secretsType === "Sas" && secrets.sasToken) return { kind: "Sas", sasToken: secrets.sasToken };
  return {
    kind: "Identity",
    reason: `datastore '${ds.name}' has secrets of type '${secrets.secretsType ?? "none"}', not an account key or SAS token`,
  };
}

/** The log line that says which way storage is reached (never the secret itself). */
export function describeStorageAccess(access: StorageAccess, ds: { name: string; accountName: string }, scope: string) {
  const where = `datastore '${ds.name}' (storage account '${ds.accountName}')`;
  switch (access.kind) {
    case "AccountKey":
      return `Storage: ${where} is reached with its account key.`;
    case "Sas":
      return `Storage: ${where} is reached with its SAS token.`;
    case "Identity":
      return `Storage: ${where} is reached with the signed-in identity's Entra ID token (scope ${scope}), because ${access.reason}.`;
  }
}

/**
 * Makes requests trust the extra CA (MLOPS_EXTRA_CA_CERTS: private clouds, emulators). The storage
 * pipeline has no TLS option; a core-http style policy may set the request's agent.
 */
function trustPolicy(tls: TlsSettings): RequestPolicyFactory {
  const agent = new Agent({ keepAlive: true, ca: tls.ca, cert: tls.cert, key: tls.key });
  return {
    create: (next) => ({
      sendRequest: (request) => {
        if (request.url.startsWith("https:")) request.agent = agent;
        return next.sendRequest(request);
      },
    }),
  };
}

export interface StorageClientOptions {
  /** Token scope for identity-based access (the cloud's storage scope). */
  scope: string;
  credential: TokenCredential;
  tlsOptions?: TlsSettings;
  /** Timed sockets (connect and idle timeouts), trusting tlsOptions' CA too. */
  agents?: TimedAgents;
}

/** Puts every blob request on a timed socket (http-timeouts.ts); the agent carries the TLS settings. */
function timedPolicy(agents: TimedAgents, tls?: TlsSettings): RequestPolicyFactory {
  return {
    create: (next) => ({
      sendRequest: (request) => {
        request.agent = agents.for(request.url, tls);
        return next.sendRequest(request);
      },
    }),
  };
}

/** A container client signed the way `access` says. */
export function storageContainer(
  serviceUrl: string,
  accountName: string,
  containerName: string,
  access: StorageAccess,
  options: StorageClientOptions,
): ContainerClient {
  const pipelineOptions = { retryOptions: { maxTries: 5 }, audience: options.scope };
  let url = serviceUrl;
  let pipeline: ReturnType<typeof newPipeline>;
  if (access.kind === "AccountKey") {
    pipeline = newPipeline(new StorageSharedKeyCredential(accountName, access.key), pipelineOptions);
  } else if (access.kind === "Sas") {
    url = `${serviceUrl}?${access.sasToken.replace(/^\?/, "")}`;
    pipeline = newPipeline(new AnonymousCredential(), pipelineOptions);
  } else {
    // The identity needs a data role on the account (Storage Blob Data Contributor).
    pipeline = newPipeline(options.credential, pipelineOptions);
  }
  if (options.agents) pipeline.factories.push(timedPolicy(options.agents, options.tlsOptions));
  else if (options.tlsOptions?.ca) pipeline.factories.push(trustPolicy(options.tlsOptions));
  return new BlobServiceClient(url, pipeline).getContainerClient(containerName);
}

/**
 * True when the account refuses shared-key and SAS requests (allowSharedKeyAccess: false). Found
 * with one listing of at most one blob, made once per run before any upload or download.
 */
export async function refusesSharedKey(container: ContainerClient): Promise<boolean> {
  try {
    await container.listBlobsFlat().byPage({ maxPageSize: 1 }).next();
    return false;
  } catch (error) {
    if (!isRestError(error) || error.statusCode !== 403) return false;
    return (error.code ?? (error.details as { errorCode?: string } | undefined)?.errorCode) === SHARED_KEY_REFUSED;
  }
}

/** What to do about a 403 from storage, by how it was reached and what storage said. */
export function storageRefusalFix(code: string | undefined, keyless: boolean, scope: string): string {
  if (!keyless) {
    return "The datastore's key or SAS token was refused: update the datastore's credentials (az ml datastore update), or make it identity-based and grant the identity 'Storage Blob Data Contributor'";
  }
  if (code === "AuthenticationFailed" || code === "InvalidAuthenticationInfo") {
    return `Storage did not accept the identity's token for ${scope}: check that the inputs 'cloud' and 'tenantId' match the workspace's cloud and tenant`;
  }
  return "Grant the signed-in identity 'Storage Blob Data Contributor' on the workspace's storage account (az role assignment create --role \"Storage Blob Data Contributor\" --assignee <clientId> --scope <storage account id>), or give the datastore an account key";
}
