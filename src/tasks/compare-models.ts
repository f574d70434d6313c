import { WORKSPACE_INPUTS } from "./common.js";
import type { Task, TaskContext, TaskResult } from "./context.js";
import type { TaskSpec } from "./spec.js";

export const spec: TaskSpec = {
  name: "compare-models",
  title: "Compare models",
  summary: "Compares the candidate model with the current champion on declared metrics, decides, and reports on the pull request.",
  inputs: [
    { name: "candidate", type: "string", required: true, description: "A model reference (`name:version`, `name@latest`) or `job:<jobName>` whose outputs hold a model and its metrics.", example: "job:${{ steps.train.outputs.jobName }}" },
    { name: "modelName", type: "string", description: "Model name when the candidate is a job output." },
    { name: "champion", type: "string", description: "Champion model reference. Default: the version of the model tagged `champion`." },
    { name: "metrics", type: "string", required: true, description: "Metrics to compare, `name:higher|lower[:min_delta]`, comma separated.", example: "r2:higher:0.01,rmse:lower" },
    { name: "register", type: "boolean", default: "false", description: "Register the candidate (and tag it champion when it wins)." },
    { name: "comment", type: "boolean", default: "false", description: "Post the report on the pull request." },
    { name: "token", type: "string", secret: true, description: "Token for the PR comment (GitHub: `github.token`; Azure DevOps: `System.AccessToken`)." },
    ...WORKSPACE_INPUTS,
  ],
  outputs: [
    { name: "better", description: "`true` when the candidate beats the champion on every declared metric." },
    { name: "decision", description: "`promote` or `keep-champion`." },
    { name: "report", description: "The Markdown report." },
  ],
  example: { candidate: "job:${{ steps.train.outputs.jobName }}", modelName: "diabetes-model", metrics: "r2:higher,rmse:lower", comment: "true" },
};

async function run(_ctx: TaskContext): Promise<TaskResult> {
  throw new Error("compare-models is being built");
}

export const compareModels: Task = { spec, run };
