import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Workspace, WorkspaceCapabilities } from "../workspace.js";
import { LocalArtifacts } from "./artifacts.js";
import type { LocalBatchEndpoints } from "./batch/service.js";
import { LocalDatasets } from "./datasets.js";
import type { LocalEndpoints } from "./endpoints.js";
import type { LocalJobs } from "./jobs.js";
import { lazyService } from "./lazy-service.js";
import { LocalModels } from "./models.js";
import { recoverWorkspace } from "./recover.js";
import { readJson, withLock, writeJson } from "./store.js";

// Every method the local services have, optional ones of the port included: the port's optional
// methods say what a backend can do, so leaving one out here would hide a capability.
const JOB_METHODS = ["submit", "preview", "wait", "get", "cancel"] as const;
const ENDPOINT_METHODS = [
  "get",
  "list",
  "ensure",
  "createDeployment",
  "setTraffic",
  "setMirror",
  "served",
  "deleteDeployment",
  "invoke",
  "delete",
] as const;
const BATCH_ENDPOINT_METHODS = [
  "get",
  "list",
  "ensure",
  "createDeployment",
  "setDefault",
  "deleteDeployment",
  "delete",
  "invoke",
  "wait",
  "getJob",
  "readOutput",
] as const;

/**
 * The embedded workspace: a folder anyone can read. JSON metadata with a schema version,
 * content-addressed files, atomic writes under a lock.
 */
export class LocalWorkspace implements Workspace {
  readonly backend = "local" as const;
  /** A folder on this runner; jobs and deployments run in this process. */
  readonly capabilities: WorkspaceCapabilities = {
    sharedWrites: false,
    plansDryRun: false,
    detachedJobs: false,
    managedCompute: false,
  };
  readonly description: string;
  readonly datasets: LocalDatasets;
  readonly models: LocalModels;
  /** Loaded on first use (lazy-service.ts): most runs start no job and no endpoint. */
  readonly jobs: Pick<LocalJobs, (typeof JOB_METHODS)[number]>;
  readonly endpoints: Pick<LocalEndpoints, (typeof ENDPOINT_METHODS)[number]>;
  readonly batchEndpoints: Pick<LocalBatchEndpoints, (typeof BATCH_ENDPOINT_METHODS)[number]>;
  readonly artifacts: LocalArtifacts;

  private constructor(readonly root: string) {
    this.description = `local workspace at ${root}`;
    this.datasets = new LocalDatasets(root);
    this.models = new LocalModels(root);
    this.jobs = lazyService(async () => new (await import("./jobs.js")).LocalJobs(root), JOB_METHODS);
    this.endpoints = lazyService(
      async () => new (await import("./endpoints.js")).LocalEndpoints(root),
      ENDPOINT_METHODS,
    );
    this.batchEndpoints = lazyService(
      async () => new (await import("./batch/service.js")).LocalBatchEndpoints(root, this.datasets),
      BATCH_ENDPOINT_METHODS,
    );
    this.artifacts = new LocalArtifacts(root);
  }

  static async open(root: string, log?: { info(message: string): void }): Promise<LocalWorkspace> {
    await mkdir(root, { recursive: true });
    const meta = join(root, "workspace.json");
    // One lock per run: create the workspace record if new, and clean what a killed run left
    // (staging folders, temp files, orphan job records) before this run writes anything.
    await withLock(
      root,
      async () => {
        if (!(await readJson(meta))) {
          await writeJson(meta, { kind: "mlops-action local workspace", createdAt: new Date().toISOString() });
        }
        await recoverWorkspace(root, log);
      },
      log,
    );
    return new LocalWorkspace(root);
  }

  async close(): Promise<void> {}
}
