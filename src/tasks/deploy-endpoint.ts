import { WORKSPACE_INPUTS } from "./common.js";
import type { Task, TaskContext, TaskResult } from "./context.js";
import type { TaskSpec } from "./spec.js";

export const spec: TaskSpec = {
  name: "deploy-endpoint",
  title: "Deploy endpoint",
  summary: "Blue/green rollout to an online endpoint: deploy at 0 %, smoke test, shift traffic in steps, roll back on failure.",
  inputs: [
    { name: "endpoint", type: "string", required: true, description: "Online endpoint name.", example: "diabetes" },
    { name: "model", type: "string", required: true, description: "Model reference, `name:version` or `name@latest`.", example: "diabetes-model@latest" },
    { name: "deployment", type: "string", description: "Name of the new deployment. Default: derived from the model version." },
    { name: "scoringScript", type: "path", required: true, description: "A `score.py` with `init()` and `run(raw_data)`, the contract Azure ML uses.", example: "examples/pipelines/demo/score.py" },
    { name: "smokeTest", type: "path", description: "A JSON request file sent to the new deployment before it gets traffic." },
    { name: "traffic", type: "string", default: "100", description: "Traffic steps for the new deployment, in percent, such as `10,50,100`." },
    ...WORKSPACE_INPUTS,
  ],
  outputs: [
    { name: "deployment", description: "Name of the new deployment." },
    { name: "scoringUri", description: "The endpoint's scoring URI." },
    { name: "status", description: "`Succeeded`, or `RolledBack` when a step failed." },
    { name: "rolledBack", description: "`true` when the rollout failed and the saved traffic was restored." },
  ],
  example: { endpoint: "diabetes", model: "diabetes-model@latest", scoringScript: "score.py", traffic: "10,50,100" },
};

async function run(_ctx: TaskContext): Promise<TaskResult> {
  throw new Error("deploy-endpoint is being built");
}

export const deployEndpoint: Task = { spec, run };
