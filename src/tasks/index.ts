import type { Task, TaskContext, TaskResult } from "./context.js";
import type { TaskName, TaskSpec } from "./spec.js";
import { spec as compareModels } from "./specs/compare-models.js";
import { spec as deployEndpoint } from "./specs/deploy-endpoint.js";
import { spec as registerDataset } from "./specs/register-dataset.js";
import { spec as submitPipeline } from "./specs/submit-pipeline.js";
import { spec as validateData } from "./specs/validate-data.js";

/**
 * A task whose code loads on its first run: hosts, the generator and the help read every spec,
 * but a run loads only its own task (and the readers, parsers and libraries it needs), which is
 * most of a short run's start-up. The bundler makes each import() a chunk of its own.
 */
function lazy<S extends TaskSpec>(
  spec: S,
  load: () => Promise<{ run(ctx: TaskContext<S>): Promise<TaskResult> }>,
): Task<S> {
  return { spec, run: async (ctx) => (await load()).run(ctx) };
}

/** Every task, by name, in the order of the MLOps flow. */
export const TASKS: Record<TaskName, Task> = {
  "register-dataset": lazy(registerDataset, () => import("./register-dataset.js")),
  "validate-data": lazy(validateData, () => import("./validate-data.js")),
  "submit-pipeline": lazy(submitPipeline, () => import("./submit-pipeline.js")),
  "compare-models": lazy(compareModels, () => import("./compare-models.js")),
  "deploy-endpoint": lazy(deployEndpoint, () => import("./deploy-endpoint.js")),
};

export function findTask(name: string): Task | undefined {
  return Object.hasOwn(TASKS, name) ? TASKS[name as TaskName] : undefined;
}
