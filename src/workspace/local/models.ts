import { rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fingerprint } from "../../data/fingerprint.js";
import { UserError } from "../../errors.js";
import { isRemoteUri } from "../../references.js";
import type { Log } from "../../run-context.js";
import { crashPoint } from "../../util/crash-point.js";
import type { ModelFiles, ModelStore, ModelVersion, NewModel } from "../workspace.js";
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
  writeJson,
} from "./store.js";

interface ModelRecord extends ModelVersion {
  files: { path: string; size: number; sha256: string }[];
}

/** Versioned models in the local workspace, laid out like datasets under `models/<name>/`. */
export class LocalModels implements ModelStore {
  constructor(private readonly root: string) {}

  private dir(name: string): string {
    return insideWorkspace(this.root, "models", name);
  }

  async list(name: string): Promise<ModelVersion[]> {
    return readVersions<ModelRecord>(this.dir(name));
  }

  async get(name: string, version: string): Promise<ModelVersion | undefined> {
    return readVersion<ModelRecord>(this.dir(name), version);
  }

  async register(model: NewModel, log: Log): Promise<ModelVersion> {
    return (await this.registerFiles(model, log, {})).model;
  }

  /**
   * Registers the files unless a version of the model already holds exactly them (same
   * fingerprint): that version is answered then, `model.tags` merged into its own. Decided under
   * the lock, so two runs publishing the same files make one version (registries publish this way).
   * A new version takes `version` when that number is above every existing one (so `name:7` can
   * mean one model in a workspace and in a registry), else the next number.
   */
  async registerOnce(model: NewModel, log: Log, version?: string): Promise<{ model: ModelVersion; existed: boolean }> {
    return this.registerFiles(model, log, { once: true, version });
  }

  private async registerFiles(
    model: NewModel,
    log: Log,
    { once = false, version: wanted }: { once?: boolean; version?: string },
  ): Promise<{ model: ModelVersion; existed: boolean }> {
    if (isRemoteUri(model.source)) {
      throw new UserError(`'${model.source}' is a remote URI; the local workspace registers local files only`);
    }
    const fp = await fingerprint(model.source, "candidate");
    for (const f of fp.files) await putBlob(this.root, fp.isFile ? model.source : join(model.source, f.path), f.sha256);
    const staged = await newStagingDir(this.root);
    try {
      for (const f of fp.files) await materialize(this.root, f.sha256, join(staged, f.path));
      crashPoint("model.staged");
      return await withLock(
        this.root,
        async () => {
          // What a killed run left goes before a version number is picked, so none is reused half-made.
          await recoverWorkspace(this.root, log);
          await cleanVersionDir(this.dir(model.name), log);
          const same = once
            ? (await readVersions<ModelRecord>(this.dir(model.name))).find((m) => m.tags.fingerprint === fp.digest)
            : undefined;
          if (same) {
            same.tags = { ...same.tags, ...model.tags, fingerprint: fp.digest };
            await writeJson(join(this.dir(model.name), `${same.version}.json`), same);
            return { model: same, existed: true };
          }
          const next = nextVersion((await this.list(model.name)).map((m) => m.version));
          // Never below an existing number: `latest` is the highest, and must stay the newest.
          const version = wanted && /^\d+$/.test(wanted) && Number(wanted) >= Number(next) ? wanted : next;
          const dir = join(this.dir(model.name), version);
          const record: ModelRecord = {
            name: model.name,
            version,
            uri: fp.isFile ? join(dir, fp.files[0].path) : dir,
            description: model.description,
            tags: { ...model.tags, fingerprint: fp.digest },
            metrics: model.metrics,
            createdAt: new Date().toISOString(),
            files: fp.files,
          };
          await publishVersion(staged, this.dir(model.name), version, record, "model.placed");
          // A registry's publish says what it did itself.
          if (!once) log.info(`Registered model ${model.name}:${version}`);
          return { model: record, existed: false };
        },
        log,
      );
    } finally {
      await rm(staged, { recursive: true, force: true });
    }
  }

  async setTags(name: string, version: string, tags: Record<string, string | null>): Promise<ModelVersion> {
    return withLock(this.root, async () => {
      const file = join(this.dir(name), `${version}.json`);
      const rec = await readJson<ModelRecord>(file);
      if (!rec) throw new UserError(`model ${name}:${version} does not exist`);
      for (const [k, v] of Object.entries(tags)) {
        if (v === null) delete rec.tags[k];
        else rec.tags[k] = v;
      }
      await writeJson(file, rec);
      return rec;
    });
  }

  async localPath(model: ModelVersion): Promise<string> {
    return model.uri;
  }

  /** Local files are on this disk already: their folder (a file model's parent), nothing copied. */
  async download(model: ModelFiles): Promise<string> {
    const info = await stat(model.uri).catch(() => undefined);
    if (!info) {
      throw new UserError(
        `the files of model ${model.name}:${model.version} are gone from ${model.uri}`,
        {},
        "Run mlops workspace check, or register the model again",
      );
    }
    // Azure ML sets AZUREML_MODEL_DIR to the folder holding the model's files (as local deployments do).
    return info.isFile() ? dirname(model.uri) : model.uri;
  }
}
