/**
 * A storage URL with a SAS token is never stored in a data asset: `dataUri` is readable by anyone
 * who can read the workspace and lives on after the token should have been revoked. Instead the
 * URL is registered as the path in the workspace's datastore for that account and container (the
 * datastore holds its own credentials, managed and rotated in one place), as Azure ML itself
 * prefers (`azureml://datastores/<name>/paths/<path>`). Without such a datastore we refuse and say
 * how to create one, rather than silently registering a URL that leaks or stops working.
 */
import { type ErrorSubject, UserError } from "../../errors.js";
import type { Log } from "../../run-context.js";
import { showUri, withoutSas } from "../../util/sas.js";
import type { AzureMlClient } from "./client.js";

interface StorageLocation {
  account: string;
  container: string;
  /** The path inside the container, decoded; a trailing `/` kept for a folder. */
  path: string;
  /** The storage suffix (virtual-host URLs) or host:port (path-style: Azurite, Azure Stack). */
  endpoint: string;
  pathStyle: boolean;
}

/** Account, container and path of a blob or ADLS Gen2 URL; undefined for anything else. */
export function parseStorageUrl(uri: string): StorageLocation | undefined {
  let url: URL;
  try {
    url = new URL(withoutSas(uri));
  } catch {
    return undefined;
  }
  const segments = url.pathname.split("/").slice(1);
  const decode = (parts: string[]) => parts.map((p) => decodeURIComponent(p)).join("/");
  const virtual = /^([a-z0-9]{3,24})\.(?:blob|dfs)\.(.+)$/i.exec(url.hostname);
  if (virtual && !url.port) {
    const [container, ...rest] = segments;
    if (!container) return undefined;
    return { account: virtual[1], container, path: decode(rest), endpoint: virtual[2], pathStyle: false };
  }
  const [account, container, ...rest] = segments;
  if (!account || !container) return undefined;
  return { account, container, path: decode(rest), endpoint: url.host, pathStyle: true };
}

interface DatastoreProps {
  datastoreType?: string;
  accountName?: string;
  containerName?: string;
  filesystem?: string;
  endpoint?: string;
}

/**
 * The `azureml://datastores/<name>/paths/<path>` URI for a SAS URL, from the workspace's
 * datastores; a UserError naming the fix when none points at that account and container.
 */
export async function datastorePathForSasUrl(
  client: AzureMlClient,
  uri: string,
  log: Log,
  /** What the URL came in (the task names the input), and what would keep it (for the refusal). */
  context: { subject: ErrorSubject; keptBy: string } = {
    subject: "dataPath",
    keptBy: "a data asset would keep in plain text (its dataUri, readable by anyone who can read the workspace)",
  },
): Promise<string> {
  const shown = showUri(uri);
  const loc = parseStorageUrl(uri);
  const refuse = (why: string): never => {
    throw new UserError(
      `'${shown}' carries a SAS token, which ${context.keptBy}; ${why}`,
      { subject: context.subject },
      loc
        ? `Create a datastore for account '${loc.account}' container '${loc.container}' (az ml datastore create --file datastore.yml; give it the SAS or an identity there), then register azureml://datastores/<datastore>/paths/${loc.path}`
        : "Register the data from a datastore (azureml://datastores/<datastore>/paths/<path>) or give a local path to upload",
    );
  };
  if (!loc)
    return refuse("it is not an Azure Storage blob or Data Lake URL this workspace could reach through a datastore");
  const { resourceGroup, workspaceName } = client.ref;
  const suffix = client.cloud.storageSuffix;
  try {
    for await (const ds of client.sdk.datastores.list(resourceGroup, workspaceName)) {
      const p = ds.properties as DatastoreProps;
      if (p.datastoreType !== "AzureBlob" && p.datastoreType !== "AzureDataLakeGen2") continue;
      const container = p.datastoreType === "AzureBlob" ? p.containerName : p.filesystem;
      const endpoint = String(p.endpoint ?? suffix);
      if (String(p.accountName).toLowerCase() !== loc.account.toLowerCase() || container !== loc.container) continue;
      if (endpoint.toLowerCase() !== loc.endpoint.toLowerCase()) continue;
      const target = `azureml://datastores/${ds.name}/paths/${loc.path}`;
      log.info(
        `${shown} is in datastore '${ds.name}': ${context.subject === "dataPath" ? "registered" : "passed"} as ${target}; the SAS token is not stored (the datastore's own credentials read the data).`,
      );
      return target;
    }
  } catch (error) {
    throw client.toUserError("list the workspace's datastores", error);
  }
  return refuse(
    `no datastore of workspace '${workspaceName}' points at account '${loc.account}' container '${loc.container}'`,
  );
}
