import type { ErrorLocation } from "../errors.js";
import type { Log, RunContext } from "../run-context.js";
import type { ModelRegistry, Workspace } from "../workspace/workspace.js";
import type { Inputs } from "./inputs.js";
import type { TaskSpec } from "./spec.js";

/** What a task runs with; `S` is its spec, so input names are checked against it. */
export interface TaskContext<S extends TaskSpec = TaskSpec> {
  inputs: Inputs<S>;
  workspace: Workspace;
  log: Log;
  /** The working directory relative paths resolve against. */
  cwd: string;
  /** Aborted on SIGINT/SIGTERM (a cancelled CI run). */
  signal: AbortSignal;
  run: RunContext;
  /**
   * Opens a registry beside the workspace (the caller closes it): `value` is the `registry` input,
   * or with `fromUri` the registry name in an `azureml://registries/<name>/...` reference. What a
   * value means is the backend's (a folder locally, a registry name on Azure ML). Absent where the
   * host opens none.
   */
  openRegistry?(value: string, options?: { fromUri?: boolean }): Promise<ModelRegistry>;
}

/** What a task hands back to its host to publish. */
export interface TaskResult {
  outputs: Record<string, string>;
  /** Markdown for the job summary. */
  summary?: string;
  /** Markdown to post (or update) on the pull request, when the task was asked to comment. */
  comment?: string;
  /** Set when the task reached a failing verdict: outputs are still published, then it fails. */
  failure?: string;
  /** The user's file and line the failure points at (the annotation's location). */
  failureAt?: ErrorLocation;
}

/** A task as hosts see it: its spec, and a run() that loads the task's code only when called. */
export interface Task<S extends TaskSpec = TaskSpec> {
  spec: S;
  run(ctx: TaskContext<S>): Promise<TaskResult>;
}
