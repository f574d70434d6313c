/**
 * A local file or folder sent to the default datastore as the SDK sends job inputs: under
 * `LocalUpload/<content hash>/<name>`, so the same content is never sent twice, and named by the
 * short datastore URI (`azureml://datastores/<name>/paths/...`; a folder's ends in `/`).
 */
import { basename, join } from "node:path";
import { fingerprint } from "../../data/fingerprint.js";
import type { Log } from "../../run-context.js";
import type { DatastoreAccess } from "./storage.js";

export async function uploadLocalPath(
  storage: DatastoreAccess,
  path: string,
  log: Log,
  signal?: AbortSignal,
  /** The input a missing path is reported against. */
  input = "pipeline",
): Promise<{ uri: string; isFile: boolean }> {
  const fp = await fingerprint(path, input);
  const prefix = `LocalUpload/${fp.digest.slice(0, 32)}/${basename(path)}`;
  await storage.upload(
    fp.files.map((f) => ({
      local: fp.isFile ? path : join(path, f.path),
      blob: fp.isFile ? prefix : `${prefix}/${f.path}`,
      size: f.size,
      sha256: f.sha256,
    })),
    prefix,
    log,
    signal,
  );
  const uri = await storage.uri(fp.isFile ? prefix : `${prefix}/`);
  return {
    uri: uri.replace(/^azureml:\/\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/workspaces\/[^/]+\//i, "azureml://"),
    isFile: fp.isFile,
  };
}
