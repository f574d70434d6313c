/**
 * A local registry: a folder through which local workspaces share model versions, laid out and
 * written like a workspace (models/<name>/<version>.json records, content-addressed blobs, the
 * same lock, staging and recovery), with a `registry.json` naming it. Two workspaces promote
 * through it: one publishes, the other deploys what it finds there.
 */
import { mkdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { UserError } from "../../errors.js";
import type { Log } from "../../run-context.js";
import { fileOnPath } from "../../util/files.js";
import type { ModelRegistry, ModelVersion, Tags } from "../workspace.js";
import { LOCK_DIR } from "./lock.js";
import { LocalModels } from "./models.js";
import { recoverWorkspace } from "./recover.js";
import { listDir, readJson, withLock, writeJson } from "./store.js";

export const REGISTRY_RECORD = "registry.json";
const KIND = "mlops-action local registry";

interface RegistryRecord {
  kind: string;
  name: string;
  createdAt: string;
}

export class LocalRegistry implements ModelRegistry {
  readonly description: string;
  readonly models: LocalModels;

  private constructor(
    readonly root: string,
    readonly name: string,
  ) {
    this.description = `local registry ${name} at ${root}`;
    this.models = new LocalModels(root);
  }

  /**
   * Opens the registry in `folder`, creating it when missing (its name: the folder's name). A
   * folder that is a local workspace, or any other non-empty folder without a registry record, is
   * refused: publishing into it would mix a registry with what is already there.
   */
  static async open(folder: string, log?: Log): Promise<LocalRegistry> {
    const root = resolve(folder);
    refuseFileOnPath(root);
    await mkdir(root, { recursive: true });
    const meta = join(root, REGISTRY_RECORD);
    const record = await withLock(
      root,
      async () => {
        let rec = await readJson<RegistryRecord>(meta);
        if (!rec) {
          if (await exists(join(root, "workspace.json"))) {
            throw new UserError(
              `'${root}' is a local workspace, not a registry`,
              { input: "registry" },
              "Give a folder of its own for the registry (created if missing), such as ../registry",
            );
          }
          // Only the lock this run holds may be there: a registry never moves into a folder in use.
          const others = (await listDir(root)).filter((n) => !n.startsWith(LOCK_DIR));
          if (others.length > 0) {
            throw new UserError(
              `'${root}' holds other files (${others.slice(0, 3).join(", ")}${others.length > 3 ? ", ..." : ""}) and is not a registry`,
              { input: "registry" },
              "Give a new folder for the registry (created if missing), or an existing registry's folder",
            );
          }
          rec = { kind: KIND, name: basename(root), createdAt: new Date().toISOString() };
          await writeJson(meta, rec);
          log?.info(`Created local registry ${rec.name} at ${root}`);
        }
        // A publish a killed run left half made goes before anyone reads or writes.
        await recoverWorkspace(root, log);
        return rec;
      },
      log,
    );
    if (record.kind !== KIND || typeof record.name !== "string") {
      throw new UserError(
        `'${meta}' is not a local registry record`,
        { input: "registry" },
        "Point registry at a registry folder, or at a new folder",
      );
    }
    return new LocalRegistry(root, record.name);
  }

  async publish(model: ModelVersion, tags: Tags, log: Log): Promise<ModelVersion> {
    // A local workspace's model: its uri is its files on this disk.
    const source = model.uri;
    if (!(await exists(source))) {
      throw new UserError(
        `the files of model ${model.name}:${model.version} are gone from ${source}`,
        {},
        "Run mlops workspace check on the source workspace, or register the model again",
      );
    }
    const { model: published, existed } = await this.models.registerOnce(
      {
        name: model.name,
        source,
        description: model.description,
        // The caller's tags (its lineage): a workspace's own bookkeeping (champion) stays there.
        tags,
        metrics: model.metrics,
      },
      log,
      model.version,
    );
    log.info(
      existed
        ? `${model.name}:${model.version} is already in registry ${this.name} as ${published.name}:${published.version} (same files); tags updated`
        : `Published ${model.name}:${model.version} to registry ${this.name} as ${published.name}:${published.version}`,
    );
    return published;
  }

  async close(): Promise<void> {}
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

/** A file where the folder or one of its parents should be fails with a line, not ENOTDIR. */
function refuseFileOnPath(root: string): void {
  const existing = fileOnPath(root);
  if (existing) {
    throw new UserError(
      existing === root ? `'${root}' is a file, not a registry folder` : `'${existing}' in '${root}' is a file`,
      { input: "registry" },
      "Give a folder for the registry (it is created if missing)",
    );
  }
}
