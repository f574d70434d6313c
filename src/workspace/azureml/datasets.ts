import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, posix } from "node:path";
import { Readable } from "node:stream";
import { fingerprint } from "../../data/fingerprint.js";
import { UserError } from "../../errors.js";
import type { Log } from "../../run-context.js";
import { sasQuery } from "../../util/sas.js";
import type { DatasetFile, DatasetStore, DatasetVersion, DataType, NewDataset } from "../workspace.js";
import { createWithFreshVersion, isRemoteUri, newestFirst, nextVersion } from "./assets.js";
import type { AzureMlClient } from "./client.js";
import { isNotFound } from "./contract/errors.js";
import type { DataVersionResource } from "./contract/responses.js";
import { datastorePathForSasUrl } from "./sas-datastore.js";
import { type DatastoreAccess, formatBytes, parseDatastoreUri } from "./storage.js";

function toDataset(name: string, v: DataVersionResource): DatasetVersion {
  const p = v.properties;
  return {
    name,
    version: v.name as string,
    type: p.dataType as DataType,
    uri: p.dataUri,
    fingerprint: p.tags?.fingerprint ?? "",
    description: p.description,
    tags: Object.fromEntries(Object.entries(p.tags ?? {}).filter(([, x]) => x !== null)) as Record<string, string>,
    createdAt: v.systemData?.createdAt ? new Date(v.systemData.createdAt).toISOString() : "",
  };
}

/**
 * Data assets on Azure ML: local files go to the default datastore under a folder named by their
 * fingerprint, then a data version points at them; URIs already in storage are registered as given.
 */
export class AzureDatasets implements DatasetStore {
  constructor(
    private readonly client: AzureMlClient,
    private readonly storage: DatastoreAccess,
  ) {}

  private get rg() {
    return this.client.ref.resourceGroup;
  }

  private get ws() {
    return this.client.ref.workspaceName;
  }

  async list(name: string): Promise<DatasetVersion[]> {
    const out: DatasetVersion[] = [];
    try {
      for await (const v of this.client.sdk.dataVersions.list(this.rg, this.ws, name, {
        orderBy: "createdtime desc",
      })) {
        out.push(toDataset(name, v));
      }
    } catch (error) {
      if (isNotFound(error)) return [];
      throw this.client.toUserError(`list versions of data asset '${name}'`, error);
    }
    return newestFirst(out).reverse();
  }

  async get(name: string, version: string): Promise<DatasetVersion | undefined> {
    if (version === "latest") return (await this.list(name)).at(-1);
    try {
      return toDataset(name, await this.client.sdk.dataVersions.get(this.rg, this.ws, name, version));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.client.toUserError(`read data asset ${name}:${version}`, error);
    }
  }

  async create(dataset: NewDataset, log: Log): Promise<DatasetVersion> {
    const existing = await this.list(dataset.name);
    const latest = existing.at(-1);
    if (latest && dataset.fingerprint && latest.fingerprint === dataset.fingerprint) {
      log.info(`Unchanged: ${dataset.name}:${latest.version} already holds this content.`);
      return latest;
    }
    let dataUri: string;
    if (sasQuery(dataset.source) !== undefined) {
      dataUri = await datastorePathForSasUrl(this.client, dataset.source, log);
    } else if (isRemoteUri(dataset.source)) {
      dataUri = dataset.source;
      log.info(`Registering ${dataUri} in place (already in storage: nothing copied).`);
    } else {
      dataUri = await this.uploadLocal(dataset, log);
    }
    const created = await createWithFreshVersion(nextVersion(existing.map((d) => d.version)), async (version) => {
      try {
        return await this.client.sdk.dataVersions.createOrUpdate(this.rg, this.ws, dataset.name, version, {
          properties: {
            dataType: dataset.type,
            dataUri,
            description: dataset.description,
            tags: dataset.tags,
            properties: {},
            isAnonymous: false,
            isArchived: false,
          },
        });
      } catch (error) {
        throw this.client.toUserError(`create data asset ${dataset.name}:${version}`, error);
      }
    });
    const result = toDataset(dataset.name, created);
    log.info(
      `${this.client.dryRun ? "Plan: would register" : "Registered"} data asset ${dataset.name}:${result.version} → ${dataUri}`,
    );
    return result;
  }

  /** Uploads a local file or folder under LocalUpload/<fingerprint>/ and returns its azureml:// URI. */
  private async uploadLocal(dataset: NewDataset, log: Log): Promise<string> {
    const fp = dataset.files
      ? { files: dataset.files, digest: dataset.fingerprint }
      : await fingerprint(dataset.source);
    const isFile = dataset.type === "uri_file";
    const top = basename(dataset.source);
    const prefix = `LocalUpload/${fp.digest.slice(0, 32)}/${top}`;
    const files = fp.files.map((f) => ({
      local: isFile ? dataset.source : join(dataset.source, f.path),
      blob: isFile ? prefix : `${prefix}/${f.path}`,
      size: f.size,
      sha256: f.sha256,
    }));
    const stats = await log.group(`Upload ${dataset.source} to the workspace's default datastore`, () =>
      this.storage.upload(files, prefix, log),
    );
    if (!this.client.dryRun)
      log.info(`Sent ${stats.sent} file(s) (${formatBytes(stats.bytesSent)}), skipped ${stats.skipped} already there.`);
    // A data asset names its datastore path in the short form the SDK sends (azureml://datastores/<name>/paths/...).
    const uri = await this.storage.uri(isFile ? prefix : `${prefix}/`);
    return uri.replace(/^azureml:\/\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/workspaces\/[^/]+\//i, "azureml://");
  }

  /**
   * The version's blobs, each read by ranged GETs as a stream: readers profile the data where it
   * lies, with nothing written to this disk.
   */
  async openFiles(dataset: DatasetVersion, _log: Log): Promise<DatasetFile[]> {
    const prefix = await this.blobPath(dataset);
    const container = await this.storage.containerClient();
    const single = dataset.type === "uri_file" && !prefix.endsWith("/");
    const base = single ? `${posix.dirname(prefix)}/` : prefix.replace(/\/?$/, "/");
    const out: DatasetFile[] = [];
    try {
      for await (const blob of container.listBlobsFlat({ prefix: single ? prefix : base })) {
        if (single && blob.name !== prefix) continue;
        const size = blob.properties.contentLength ?? 0;
        const client = container.getBlobClient(blob.name);
        out.push({
          path: blob.name.slice(base.length),
          size,
          open: async (start = 0, end?: number) => {
            const count = end === undefined ? undefined : Math.max(0, end - start);
            if (count === 0 || start >= size) return Readable.from([]);
            const res = await client.download(start, count, { maxRetryRequests: 5 });
            return res.readableStreamBody as Readable;
          },
        });
      }
    } catch (error) {
      throw this.client.toUserError(`list the files of data asset ${dataset.name}:${dataset.version}`, error);
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The blob path (in the default datastore) a data version points at. */
  private async blobPath(dataset: DatasetVersion): Promise<string> {
    const parsed = parseDatastoreUri(dataset.uri);
    if (!parsed) {
      throw new UserError(
        `data asset ${dataset.name}:${dataset.version} lives at ${dataset.uri}, outside a datastore`,
        { subject: "dataPath" },
        "Register the data from a datastore path to read it here",
      );
    }
    const ds = await this.storage.defaultDatastore();
    if (parsed.datastore !== ds.name) {
      throw new UserError(
        `data asset ${dataset.name}:${dataset.version} is in datastore '${parsed.datastore}'; only the default datastore '${ds.name}' can be read here`,
        {},
        "Register the data in the default datastore",
      );
    }
    return parsed.path;
  }

  async localPath(dataset: DatasetVersion, _log: Log): Promise<string> {
    const path = await this.blobPath(dataset);
    const dir = join(tmpdir(), "mlops-azureml", `${dataset.name}-${dataset.version}`);
    await mkdir(dir, { recursive: true });
    const files = await this.storage.download(path, dir);
    return dataset.type === "uri_file" && files.length === 1 ? files[0] : dir;
  }
}
