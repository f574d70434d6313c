/**
 * A registry's own storage, reached through the container SAS the registry hands out: a pending
 * upload's (read, write, list) to copy a model version's files in, a data reference's (read, list)
 * to read them back. The SAS is a secret: it is registered with the log before the client exists.
 */
import { mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ContainerClient } from "@azure/storage-blob";
import { UserError } from "../../errors.js";
import type { Log } from "../../run-context.js";
import type { AzureMlClient } from "./client.js";
import { isRestError } from "./contract/errors.js";
import type { BlobReference } from "./contract/responses.js";
import { storageContainer } from "./storage-auth.js";

/** Metadata key holding a blob's content hash, as the default datastore's uploads do (a re-run skips it). */
const HASH_KEY = "mlopssha256";

export interface RegistryBlobs {
  container: ContainerClient;
  /** The blob path inside the container that the reference's blobUri names ("" for the container). */
  prefix: string;
  /** The reference's blobUri, without any query. */
  blobUri: string;
}

/**
 * A container client for a blob reference. The SAS URI names the container (`<service>/<container>?sig`);
 * the blob URI may name a path inside it.
 */
export function openBlobReference(
  ref: BlobReference | null | undefined,
  what: string,
  client: AzureMlClient,
  log: Log,
) {
  const sasUri = ref?.credential?.sasUri;
  const blobUri = ref?.blobUri;
  if (!sasUri || !blobUri) {
    throw new UserError(
      `${what}: the registry answered without a storage location or SAS`,
      { input: "registry" },
      "Check that the registry's storage account exists and the registry is provisioned (az ml registry show), then re-run",
    );
  }
  const sas = new URL(sasUri);
  log.secret(sas.search.replace(/^\?/, ""));
  log.secret(sasUri);
  const parts = sas.pathname.split("/").filter(Boolean);
  const containerName = decodeURIComponent(parts.at(-1) ?? "");
  const serviceUrl = `${sas.origin}/${parts.slice(0, -1).join("/")}`.replace(/\/$/, "");
  const container = storageContainer(
    serviceUrl,
    "",
    containerName,
    { kind: "Sas", sasToken: sas.search },
    {
      scope: client.cloud.storageScope,
      credential: client.credential,
      tlsOptions: client.tlsOptions,
      agents: client.agents,
    },
  );
  const plain = new URL(blobUri);
  plain.search = "";
  const inContainer = decodeURIComponent(plain.pathname).split("/").filter(Boolean);
  const at = inContainer.indexOf(containerName);
  const prefix = at >= 0 ? inContainer.slice(at + 1).join("/") : "";
  return { container, prefix, blobUri: plain.toString().replace(/\/$/, "") } satisfies RegistryBlobs;
}

export interface LocalFile {
  local: string;
  /** Path below the upload's folder, with forward slashes. */
  path: string;
  size: number;
  sha256: string;
}

/** Uploads files below `folder`, skipping blobs whose stored hash already matches (a re-run after an interruption). */
export async function uploadToRegistry(
  target: RegistryBlobs,
  folder: string,
  files: LocalFile[],
  log: Log,
): Promise<{ sent: number; skipped: number }> {
  const existing = new Map<string, string>();
  try {
    for await (const blob of target.container.listBlobsFlat({ prefix: folder, includeMetadata: true })) {
      const hash = blob.metadata?.[HASH_KEY];
      if (hash) existing.set(blob.name, hash);
    }
  } catch (error) {
    throw storageError("list the registry's pending upload", error);
  }
  // A file with an empty path is the one blob of a one-file model: the folder's name is its name.
  const blobName = (f: LocalFile) => (f.path ? `${folder}/${f.path}` : folder);
  const todo = files.filter((f) => existing.get(blobName(f)) !== f.sha256);
  const queue = [...todo].sort((a, b) => b.size - a.size);
  const workers = Array.from({ length: Math.min(8, queue.length) }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      try {
        await target.container.getBlockBlobClient(blobName(f)).uploadFile(f.local, {
          blockSize: 8 * 1024 * 1024,
          maxSingleShotSize: 4 * 1024 * 1024,
          concurrency: 4,
          metadata: { [HASH_KEY]: f.sha256 },
        });
      } catch (error) {
        throw storageError(`upload ${f.path} to the registry`, error);
      }
    }
  });
  await Promise.all(workers);
  const skipped = files.length - todo.length;
  if (skipped > 0) log.info(`${skipped} of ${files.length} file(s) already in the registry's storage: not sent again.`);
  return { sent: todo.length, skipped };
}

/** Downloads every blob below `folder` (or the one blob `folder` names) into `dir`, keeping relative paths. */
export async function downloadFromRegistry(source: RegistryBlobs, folder: string, dir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const blob of source.container.listBlobsFlat({ prefix: `${folder}/` })) names.push(blob.name);
    const base = names.length > 0 ? `${folder}/` : `${dirname(folder)}/`;
    if (names.length === 0 && (await source.container.getBlobClient(folder).exists())) names.push(folder);
    const out: string[] = [];
    for (const name of names) {
      const local = join(dir, name.slice(base === "./" ? 0 : base.length));
      if (!(await stat(local).catch(() => undefined))) {
        await mkdir(dirname(local), { recursive: true });
        await source.container.getBlobClient(name).downloadToFile(local);
      }
      out.push(local);
    }
    return out;
  } catch (error) {
    throw storageError("read the model's files from the registry", error);
  }
}

function storageError(what: string, error: unknown): Error {
  if (!isRestError(error) || error.statusCode === undefined)
    return error instanceof Error ? error : new Error(String(error));
  if (error.statusCode === 403) {
    return new UserError(
      `${what} failed: the registry's SAS was refused (${error.code ?? "AuthorizationFailure"})`,
      { input: "registry" },
      "Re-run (the SAS may have expired); if it persists, check that the registry's storage account allows shared-key access",
    );
  }
  return new UserError(
    `${what} failed: HTTP ${error.statusCode} ${error.code ?? ""} ${String(error.message ?? "").split("\n")[0]}`.trim(),
    {},
    "Re-run; files already copied are skipped",
  );
}
