/**
 * The workspace's default datastore, reached with @azure/storage-blob: uploads in parallel blocks
 * with progress, content hashes in blob metadata so files already there are not sent again, and
 * downloads for readers.
 */
import { mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ContainerClient } from "@azure/storage-blob";
import { UserError } from "../../errors.js";
import type { Log } from "../../run-context.js";
import type { AzureMlClient } from "./client.js";
import { isRestError } from "./contract/errors.js";
import type { BlobDatastoreProperties } from "./contract/responses.js";
import {
  chooseStorageAccess,
  type DatastoreSecrets,
  describeStorageAccess,
  refusesSharedKey,
  SHARED_KEY_REFUSED,
  type StorageAccess,
  storageContainer,
  storageRefusalFix,
} from "./storage-auth.js";

export interface Datastore {
  name: string;
  accountName: string;
  containerName: string;
  endpoint: string;
  protocol: string;
  /** `credentials.credentialsType`: AccountKey, Sas, None (identity-based), ... */
  credentialsType?: string;
}

export interface UploadFile {
  /** Local file. */
  local: string;
  /** Blob name inside the container. */
  blob: string;
  size: number;
  sha256: string;
}

export interface UploadStats {
  sent: number;
  skipped: number;
  bytesSent: number;
}

/** Metadata key holding a blob's content hash (what lets a re-run skip it). */
const HASH_KEY = "mlopssha256";
/** Files up to this size go in one request; bigger ones in parallel blocks. */
const SINGLE_SHOT = 4 * 1024 * 1024;
const BLOCK = 8 * 1024 * 1024;

/**
 * The blob endpoint of a datastore. Azure stores `endpoint` as the storage suffix
 * (`core.windows.net`); an endpoint with a port or an IP (Azurite, Azure Stack) is path-style.
 */
export function blobServiceUrl(ds: Datastore): string {
  const protocol = ds.protocol || "https";
  if (/:\d+$/.test(ds.endpoint) || /^\d+\.\d+\.\d+\.\d+/.test(ds.endpoint) || ds.endpoint.startsWith("localhost")) {
    return `${protocol}://${ds.endpoint}/${ds.accountName}`;
  }
  return `${protocol}://${ds.accountName}.blob.${ds.endpoint}`;
}

export class DatastoreAccess {
  private datastore?: Promise<Datastore>;
  private container?: Promise<ContainerClient>;
  /** True once storage is reached with the identity's token (changes the hint on a 403). */
  private keyless = false;

  constructor(
    private readonly client: AzureMlClient,
    private readonly log: () => Log,
    /** A named datastore (Azure Blob or ADLS Gen2) instead of the workspace's default one. */
    private readonly named?: string,
  ) {}

  /** The datastore this access is for: the workspace's default, or the one named. */
  defaultDatastore(): Promise<Datastore> {
    this.datastore ??= (async () => {
      const { resourceGroup, workspaceName } = this.client.ref;
      if (this.named) return this.namedDatastore(this.named);
      try {
        for await (const ds of this.client.sdk.datastores.list(resourceGroup, workspaceName, { isDefault: true })) {
          // The SDK types properties as a union of datastore kinds; a blob datastore carries these.
          const p = ds.properties as BlobDatastoreProperties;
          if (p.datastoreType !== "AzureBlob") continue;
          return {
            name: ds.name as string,
            accountName: String(p.accountName),
            containerName: String(p.containerName),
            endpoint: String(p.endpoint ?? this.client.cloud.storageSuffix),
            protocol: String(p.protocol ?? "https"),
            credentialsType: p.credentials?.credentialsType,
          };
        }
      } catch (error) {
        throw this.client.toUserError("list the workspace's datastores", error);
      }
      throw new UserError(
        `workspace '${workspaceName}' has no default Azure Blob datastore`,
        {},
        "Set a blob datastore as the workspace default (az ml datastore update --set is_default=true)",
      );
    })();
    return this.datastore;
  }

  /**
   * A named datastore: Azure Blob, or ADLS Gen2, whose filesystem is a blob container of the same
   * name behind the account's blob endpoint (so the same client reads and writes it).
   */
  private async namedDatastore(name: string): Promise<Datastore> {
    const { resourceGroup, workspaceName } = this.client.ref;
    let ds: Awaited<ReturnType<AzureMlClient["sdk"]["datastores"]["get"]>>;
    try {
      ds = await this.client.sdk.datastores.get(resourceGroup, workspaceName, name);
    } catch (error) {
      throw this.client.toUserError(`read datastore '${name}'`, error);
    }
    const p = ds.properties as BlobDatastoreProperties & { filesystem?: string };
    const container = p.datastoreType === "AzureDataLakeGen2" ? p.filesystem : p.containerName;
    if ((p.datastoreType !== "AzureBlob" && p.datastoreType !== "AzureDataLakeGen2") || !container) {
      throw new UserError(
        `datastore '${name}' is of type ${p.datastoreType ?? "unknown"}`,
        {},
        "Name an Azure Blob or Azure Data Lake Gen2 datastore",
      );
    }
    return {
      name,
      accountName: String(p.accountName),
      containerName: String(container),
      endpoint: String(p.endpoint ?? this.client.cloud.storageSuffix),
      protocol: String(p.protocol ?? "https"),
      credentialsType: p.credentials?.credentialsType,
    };
  }

  /** A container client for the default datastore, signed the way the datastore says. */
  containerClient(): Promise<ContainerClient> {
    this.container ??= (async () => {
      const ds = await this.defaultDatastore();
      const { resourceGroup, workspaceName } = this.client.ref;
      let access: StorageAccess;
      try {
        access = await chooseStorageAccess(
          ds,
          async () =>
            (await this.client.sdk.datastores.listSecrets(resourceGroup, workspaceName, ds.name)) as DatastoreSecrets,
        );
      } catch (error) {
        throw this.client.toUserError(`read the credentials of datastore '${ds.name}'`, error);
      }
      if (access.kind === "AccountKey") this.log().secret(access.key);
      if (access.kind === "Sas") this.log().secret(access.sasToken);
      const scope = this.client.cloud.storageScope;
      const options = {
        scope,
        credential: this.client.credential,
        tlsOptions: this.client.tlsOptions,
        agents: this.client.agents,
      };
      const url = blobServiceUrl(ds);
      let container = storageContainer(url, ds.accountName, ds.containerName, access, options);
      // An account that disallows shared keys refuses the key and the SAS alike: go keyless.
      if (access.kind !== "Identity" && (await refusesSharedKey(container))) {
        access = {
          kind: "Identity",
          reason: `storage account '${ds.accountName}' refuses shared keys (${SHARED_KEY_REFUSED})`,
        };
        container = storageContainer(url, ds.accountName, ds.containerName, access, options);
      }
      this.keyless = access.kind === "Identity";
      this.log().info(describeStorageAccess(access, ds, scope));
      return container;
    })();
    return this.container;
  }

  /** The azureml:// URI of a path in the default datastore. */
  async uri(path: string): Promise<string> {
    const ds = await this.defaultDatastore();
    const { subscriptionId, resourceGroup, workspaceName } = this.client.ref;
    return `azureml://subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/workspaces/${workspaceName}/datastores/${ds.name}/paths/${path}`;
  }

  /**
   * Uploads files, skipping every blob whose stored content hash already matches (one listing per
   * prefix, not one request per file). Small files go several at a time; big ones in parallel blocks.
   */
  async upload(files: UploadFile[], prefix: string, log: Log, signal?: AbortSignal): Promise<UploadStats> {
    const total = files.reduce((n, f) => n + f.size, 0);
    if (this.client.dryRun) {
      const ds = await this.defaultDatastore();
      for (const f of files) {
        this.client.plan.push({
          method: "PUT",
          path: `/${ds.accountName}/${ds.containerName}/${f.blob}`,
          bytes: f.size,
        });
      }
      log.info(`Plan: would upload ${files.length} file(s), ${total} bytes, to ${ds.name}/${prefix}`);
      return { sent: 0, skipped: 0, bytesSent: 0 };
    }
    const container = await this.containerClient();
    const existing = new Map<string, string>();
    try {
      for await (const blob of container.listBlobsFlat({ prefix, includeMetadata: true })) {
        const hash = blob.metadata?.[HASH_KEY];
        if (hash) existing.set(blob.name, hash);
      }
    } catch (error) {
      throw this.storageError("list blobs", error);
    }
    const todo = files.filter((f) => existing.get(f.blob) !== f.sha256);
    const skipped = files.length - todo.length;
    const bytes = todo.reduce((n, f) => n + f.size, 0);
    if (skipped > 0)
      log.info(`${skipped} of ${files.length} file(s) already in the datastore with the same content: not sent again.`);
    if (todo.length === 0) return { sent: 0, skipped, bytesSent: 0 };
    log.info(`Uploading ${todo.length} file(s), ${formatBytes(bytes)}, to ${container.containerName}/${prefix}`);
    let done = 0;
    let lastReport = 0;
    let lastTime = Date.now();
    const progress = (delta: number) => {
      done += delta;
      const pct = bytes === 0 ? 100 : Math.floor((done / bytes) * 100);
      if (pct >= lastReport + 10 || (Date.now() - lastTime > 5000 && pct > lastReport)) {
        lastReport = pct;
        lastTime = Date.now();
        log.info(`  uploaded ${formatBytes(done)} of ${formatBytes(bytes)} (${pct}%)`);
      }
    };
    const queue = [...todo].sort((a, b) => b.size - a.size);
    const workers = Array.from({ length: Math.min(16, queue.length) }, async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        const blob = container.getBlockBlobClient(f.blob);
        let reported = 0;
        try {
          await blob.uploadFile(f.local, {
            blockSize: BLOCK,
            maxSingleShotSize: SINGLE_SHOT,
            concurrency: f.size > SINGLE_SHOT ? 8 : 1,
            metadata: { [HASH_KEY]: f.sha256 },
            abortSignal: signal,
            onProgress: (p) => {
              progress(p.loadedBytes - reported);
              reported = p.loadedBytes;
            },
          });
        } catch (error) {
          throw this.storageError(`upload ${f.local}`, error);
        }
        if (reported < f.size) progress(f.size - reported);
      }
    });
    await Promise.all(workers);
    return { sent: todo.length, skipped, bytesSent: bytes };
  }

  /** Downloads every blob under `prefix` into `dir`, keeping relative paths. */
  async download(prefix: string, dir: string, signal?: AbortSignal): Promise<string[]> {
    const container = await this.containerClient();
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix })) names.push(blob.name);
    const base =
      prefix.endsWith("/") || names.length !== 1 || names[0] !== prefix
        ? prefix.replace(/\/?$/, "/")
        : `${dirname(prefix)}/`;
    const out: string[] = [];
    for (const name of names) {
      const local = join(dir, name.slice(base.length));
      const known = await stat(local).catch(() => undefined);
      if (!known) {
        await mkdir(dirname(local), { recursive: true });
        await container.getBlobClient(name).downloadToFile(local, 0, undefined, { abortSignal: signal });
      }
      out.push(local);
    }
    return out;
  }

  /** Downloads one blob to a local file (its folder created); false when there is no such blob. */
  async downloadBlob(name: string, local: string, signal?: AbortSignal): Promise<boolean> {
    const container = await this.containerClient();
    try {
      await mkdir(dirname(local), { recursive: true });
      await container.getBlobClient(name).downloadToFile(local, 0, undefined, { abortSignal: signal });
      return true;
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return false;
      throw this.storageError(`read ${name}`, error);
    }
  }

  async readBlob(name: string): Promise<{ content: Buffer; etag?: string } | undefined> {
    const container = await this.containerClient();
    try {
      const blob = container.getBlobClient(name);
      const props = await blob.getProperties();
      return { content: await blob.downloadToBuffer(), etag: props.etag };
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return undefined;
      throw this.storageError(`read ${name}`, error);
    }
  }

  /** Writes a blob; with `ifMatch` only when nobody changed it since (an etag), else returns false. */
  async writeBlob(
    name: string,
    content: Buffer,
    condition?: { ifMatch?: string; ifNoneMatch?: string },
  ): Promise<boolean> {
    if (this.client.dryRun) {
      const ds = await this.defaultDatastore();
      this.client.plan.push({
        method: "PUT",
        path: `/${ds.accountName}/${ds.containerName}/${name}`,
        bytes: content.length,
      });
      return true;
    }
    const container = await this.containerClient();
    try {
      await container.getBlockBlobClient(name).uploadData(content, { conditions: condition });
      return true;
    } catch (error) {
      if (isRestError(error) && (error.statusCode === 412 || error.statusCode === 409)) return false;
      throw this.storageError(`write ${name}`, error);
    }
  }

  private storageError(what: string, error: unknown): Error {
    if ((error as { name?: string } | undefined)?.name === "AbortError") return error as Error;
    if (!isRestError(error) || error.statusCode === undefined)
      return error instanceof Error ? error : new Error(String(error));
    const e = error;
    if (e.statusCode === 403) {
      return new UserError(
        `${what} in the default datastore failed: ${e.code ?? "AuthorizationPermissionMismatch"}`,
        {},
        storageRefusalFix(e.code, this.keyless, this.client.cloud.storageScope),
      );
    }
    return new UserError(
      `${what} in the default datastore failed: HTTP ${e.statusCode} ${e.code ?? ""} ${String(e.message ?? "").split("\n")[0]}`.trim(),
      {},
      "Re-run; files already uploaded are skipped",
    );
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/** Splits `azureml://.../datastores/<ds>/paths/<path>` into its datastore and path. */
export function parseDatastoreUri(uri: string): { datastore: string; path: string } | undefined {
  const m =
    /^azureml:\/\/(?:subscriptions\/[^/]+\/resourcegroups\/[^/]+\/workspaces\/[^/]+\/)?datastores\/([^/]+)\/paths\/(.*)$/i.exec(
      uri,
    );
  return m ? { datastore: m[1], path: m[2] } : undefined;
}
