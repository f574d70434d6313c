import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fingerprint } from "../../data/fingerprint.js";
import { UserError } from "../../errors.js";
import { isRemoteUri } from "../../references.js";
import type { Log } from "../../run-context.js";
import { crashPoint } from "../../util/crash-point.js";
import type { DatasetFile, DatasetStore, DatasetVersion, NewDataset } from "../workspace.js";
import { insideWorkspace } from "./inside.js";
import { recoverWorkspace } from "./recover.js";
import {
  cleanVersionDir,
  materialize,
  newStagingDir,
  nextVersion,
  publishVersion,
  putBlob,
  readJson,
  readVersion,
  readVersions,
  withLock,
} from "./store.js";

interface DatasetRecord extends DatasetVersion {
  files: { path: string; size: number; sha256: string }[];
  isFile: boolean;
}

/**
 * Versioned data assets in the local workspace: `datasets/<name>/<version>.json` holds the
 * metadata and file list; the files themselves are content-addressed blobs, laid out again
 * under `datasets/<name>/<version>/` (hard links) so readers see a plain folder. A version is
 * assembled in a staging folder and exists once its record is renamed into place (store.ts).
 */
export class LocalDatasets implements DatasetStore {
  constructor(private readonly root: string) {}

  private dir(name: string): string {
    return insideWorkspace(this.root, "datasets", name);
  }

  async list(name: string): Promise<DatasetVersion[]> {
    return readVersions<DatasetRecord>(this.dir(name));
  }

  async get(name: string, version: string): Promise<DatasetVersion | undefined> {
    return readVersion<DatasetRecord>(this.dir(name), version);
  }

  async create(dataset: NewDataset, log: Log): Promise<DatasetVersion> {
    if (isRemoteUri(dataset.source)) {
      throw new UserError(
        `'${dataset.source}' is a remote URI; the local workspace registers local files only`,
        { subject: "dataPath" },
        "Give a local path, or use backend: azureml for data already in Azure storage",
      );
    }
    const fp = dataset.files
      ? { files: dataset.files, isFile: dataset.type === "uri_file" }
      : await fingerprint(dataset.source);
    const isFile = fp.isFile;
    // Blobs first, then the version laid out in a staging folder, both outside the lock
    // (content-addressed and private to this run, so concurrent writers agree).
    for (const f of fp.files) {
      const src = isFile ? dataset.source : join(dataset.source, f.path);
      await putBlob(this.root, src, f.sha256);
    }
    const staged = await newStagingDir(this.root);
    try {
      for (const f of fp.files) await materialize(this.root, f.sha256, join(staged, f.path));
      crashPoint("dataset.staged");
      return await withLock(
        this.root,
        async () => {
          // What a killed run left goes before a version number is picked, so none is reused half-made.
          await recoverWorkspace(this.root, log);
          await cleanVersionDir(this.dir(dataset.name), log);
          const existing = await this.list(dataset.name);
          const same = existing.find((d) => d.fingerprint === dataset.fingerprint);
          if (same && same === existing.at(-1)) return same;
          const version = nextVersion(existing.map((d) => d.version));
          const dataDir = join(this.dir(dataset.name), version);
          const record: DatasetRecord = {
            name: dataset.name,
            version,
            type: dataset.type,
            uri: isFile ? join(dataDir, fp.files[0].path) : dataDir,
            fingerprint: dataset.fingerprint,
            description: dataset.description,
            tags: dataset.tags,
            createdAt: new Date().toISOString(),
            files: fp.files,
            isFile,
          };
          await publishVersion(staged, this.dir(dataset.name), version, record, "dataset.placed");
          log.info(`Registered ${dataset.name}:${version} (${fp.files.length} file(s))`);
          return record;
        },
        log,
      );
    } finally {
      await rm(staged, { recursive: true, force: true });
    }
  }

  async localPath(dataset: DatasetVersion): Promise<string> {
    return dataset.uri;
  }

  /** The version's files on this disk, streamed from where they lie. */
  async openFiles(dataset: DatasetVersion): Promise<DatasetFile[]> {
    const rec = dataset as Partial<DatasetRecord>;
    const files =
      rec.files ?? (await readJson<DatasetRecord>(join(this.dir(dataset.name), `${dataset.version}.json`)))?.files;
    if (!files) return [];
    const isFile = rec.isFile ?? dataset.type === "uri_file";
    return files.map((f) => {
      const local = isFile ? dataset.uri : join(dataset.uri, f.path);
      return {
        path: f.path.split("\\").join("/"),
        size: f.size,
        local,
        open: async (start = 0, end?: number) =>
          createReadStream(local, { start, end: end === undefined ? undefined : end - 1, highWaterMark: 1 << 20 }),
      };
    });
  }
}
