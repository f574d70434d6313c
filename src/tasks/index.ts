import { compareModels } from "./compare-models.js";
import type { Task } from "./context.js";
import { deployEndpoint } from "./deploy-endpoint.js";
import { registerDataset } from "./register-dataset.js";
import type { TaskName } from "./spec.js";
import { submitPipeline } from "./submit-pipeline.js";
import { validateData } from "./validate-data.js";

/** Every task, by name, in the order of the MLOps flow. */
export const TASKS: Record<TaskName, Task> = {
  "register-dataset": registerDataset,
  "validate-data": validateData,
  "submit-pipeline": submitPipeline,
  "compare-models": compareModels,
  "deploy-endpoint": deployEndpoint,
};

export function findTask(name: string): Task | undefined {
  return Object.hasOwn(TASKS, name) ? TASKS[name as TaskName] : undefined;
}
