import { WORKSPACE_INPUTS } from "./common.js";
import type { Task, TaskContext, TaskResult } from "./context.js";
import type { TaskSpec } from "./spec.js";

export const spec: TaskSpec = {
  name: "validate-data",
  title: "Validate data",
  summary: "Profiles data in one streaming pass, checks it against a baseline profile and rules, and tests drift.",
  inputs: [
    { name: "data", type: "string", required: true, description: "A file or folder, or a dataset reference such as `diabetes@3` or `diabetes@latest`.", example: "data/diabetes.csv" },
    { name: "baseline", type: "string", description: "Baseline: a profile JSON file or a dataset reference. Without one, only rules are checked.", example: "baseline/diabetes.profile.json" },
    { name: "writeProfile", type: "path", description: "Where to write this data's profile (JSON)." },
    { name: "failOn", type: "choice", options: ["error", "drift", "never"], default: "error", description: "What fails the task: `error` (schema and rule violations), `drift` (errors or dataset drift), `never`." },
    ...WORKSPACE_INPUTS,
  ],
  outputs: [
    { name: "passed", description: "`true` when no check selected by `failOn` failed." },
    { name: "driftedColumns", description: "JSON array of the columns whose distribution drifted." },
    { name: "profile", description: "Path of the profile JSON written for this data." },
    { name: "report", description: "Path of the Markdown report." },
  ],
  example: { data: "diabetes@latest", baseline: "baseline/diabetes.profile.json" },
};

async function run(_ctx: TaskContext): Promise<TaskResult> {
  throw new Error("validate-data is being built");
}

export const validateData: Task = { spec, run };
