import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Workspace, WorkspaceCapabilities } from "../workspace.js";
import { LocalArtifacts } from "./artifacts.js";
import { LocalDatasets } from "./datasets.js";
import { LocalEndpoints } from "./endpoints.js";
import { LocalJobs } from "./jobs.js";
import { LocalModels } from "./models.js";
import { recoverWorkspace } from "./recover.js";
import { readJson, withLock, writeJson } from "./store.js";

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
  readonly jobs: LocalJobs;
  readonly endpoints: LocalEndpoints;
  readonly artifacts: LocalArtifacts;

  private constructor(readonly root: string) {
    this.description = `local workspace at ${root}`;
    this.datasets = new LocalDatasets(root);
    this.models = new LocalModels(root);
    this.jobs = new LocalJobs(root);
    this.endpoints = new LocalEndpoints(root);
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
