import { WORKSPACE_INPUTS } from "./common.js";
import type { Task, TaskContext, TaskResult } from "./context.js";
import type { TaskSpec } from "./spec.js";

export const spec: TaskSpec = {
  name: "submit-pipeline",
  title: "Submit pipeline",
  summary: "Runs an Azure ML pipeline job YAML (the file `az ml job create -f` takes), waits, and reports status and metrics.",
  inputs: [
    { name: "pipeline", type: "path", required: true, description: "The pipeline job YAML.", example: "examples/pipelines/demo/pipeline.yml" },
    { name: "set", type: "multiline", description: "Overrides, one per line, such as `inputs.learning_rate=0.1`." },
    { name: "experimentName", type: "string", default: "mlops-action", description: "Experiment the job is filed under." },
    { name: "wait", type: "boolean", default: "true", description: "Wait for the job to finish." },
    { name: "timeoutMinutes", type: "number", description: "Cancel the job when it runs longer than this." },
    ...WORKSPACE_INPUTS,
  ],
  outputs: [
    { name: "jobName", description: "Name of the pipeline job." },
    { name: "status", description: "Azure ML's status word: `Completed`, `Failed`, `Canceled` (or the current status when not waiting)." },
    { name: "metrics", description: "JSON object of the metrics the steps logged." },
    { name: "outputs", description: "JSON map of pipeline output name → path or URI." },
  ],
  example: { pipeline: "examples/pipelines/demo/pipeline.yml" },
};

async function run(_ctx: TaskContext): Promise<TaskResult> {
  throw new Error("submit-pipeline is being built");
}

export const submitPipeline: Task = { spec, run };
