import { WORKSPACE_INPUTS } from "../common.js";
import type { TaskSpec } from "../spec.js";

/** submit-pipeline's declared inputs and outputs: read by the hosts, the generator and the docs without loading the task's code. */
export const spec = {
  name: "submit-pipeline",
  title: "Submit pipeline",
  summary:
    "Runs an Azure ML pipeline job YAML (the file `az ml job create -f` takes), waits, and reports status and metrics.",
  inputs: [
    {
      name: "pipeline",
      type: "path",
      description: "The pipeline job YAML. Required unless `jobName` attaches to an existing job.",
      example: "examples/pipelines/demo/pipeline.yml",
    },
    {
      name: "set",
      type: "multiline",
      description: "Overrides, one per line, such as `inputs.learning_rate=0.1` or `settings.force_rerun=true`.",
    },
    {
      name: "experimentName",
      type: "string",
      default: "mlops-action",
      description: "Experiment the job is filed under (the YAML's `experiment_name` wins).",
    },
    {
      name: "wait",
      type: "boolean",
      default: "true",
      description: "Wait for the job to finish. The local backend runs the job in this process, so it always waits.",
    },
    { name: "timeoutMinutes", type: "number", description: "Cancel the job when it runs longer than this." },
    {
      name: "dryRun",
      type: "boolean",
      default: "false",
      description: "Validate and print the plan (DAG, uploads, reused steps) without running anything.",
    },
    {
      name: "maxParallel",
      type: "number",
      description: "Local backend: at most this many step processes at once (default: the number of cores).",
      advanced: true,
    },
    {
      name: "jobName",
      type: "string",
      description: "Attach to an existing job instead of submitting: wait for it and report its outputs.",
    },
    {
      name: "forceRerun",
      type: "boolean",
      default: "false",
      description: "Run every step even when an earlier run could be reused.",
    },
    ...WORKSPACE_INPUTS,
  ],
  outputs: [
    { name: "jobName", description: "Name of the pipeline job." },
    {
      name: "status",
      description:
        "Azure ML's status word: `Completed`, `Failed`, `Canceled` (or the current status when not waiting).",
    },
    {
      name: "metrics",
      description: "JSON object of the metrics the steps logged, as `step.metric` and, where unique, `metric`.",
    },
    { name: "outputs", description: "JSON map of pipeline output name (and `step.output`) → path or URI." },
    {
      name: "studioUrl",
      description: "Where to look at the job: the Azure ML studio URL, or the job's folder (`file://`) locally.",
    },
  ],
  example: { pipeline: "examples/pipelines/demo/pipeline.yml" },
} as const satisfies TaskSpec;
