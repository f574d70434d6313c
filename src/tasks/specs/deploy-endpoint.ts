import { DRY_RUN_INPUT, WORKSPACE_INPUTS } from "../common.js";
import type { TaskSpec } from "../spec.js";

/** deploy-endpoint's declared inputs and outputs: read by the hosts, the generator and the docs without loading the task's code. */
export const spec = {
  name: "deploy-endpoint",
  title: "Deploy endpoint",
  summary:
    "Safe rollout to an online endpoint (blue/green: deploy at 0 %, smoke test, shift traffic in steps) or a batch endpoint (new deployment scores batchInput, then becomes the default); rolls back on failure.",
  inputs: [
    {
      name: "endpoint",
      type: "string",
      required: true,
      description: "Online or batch endpoint name (3-32 letters, digits and '-', starting with a letter).",
      example: "diabetes",
    },
    {
      name: "endpointType",
      type: "choice",
      options: ["online", "batch"],
      default: "online",
      description:
        "`online`: a blue/green rollout to an online endpoint. `batch`: a batch endpoint, whose new deployment scores `batchInput` as a job and becomes the endpoint's default only when that job passes; see docs/deploy-endpoint-batch.md.",
    },
    {
      name: "model",
      type: "string",
      required: true,
      description:
        "Model reference: `name:version`, `name@3`, `name@latest`, or `name@champion` (the version compare-models tagged champion), looked up in `registry` when it is given, else in the workspace; or a registry's `azureml://registries/<registry>/models/<name>/versions/<version>`.",
      example: "diabetes-model@champion",
    },
    {
      name: "registry",
      type: "string",
      description:
        "Deploy a model from this registry (where compare-models published it) instead of the workspace's own models. On `azureml` an Azure ML registry's name; on `local` a local registry's folder, relative to the working directory (an `azureml://registries/<r>/...` model then needs it, and `<r>` must be the folder's registry name).",
      example: "mlops-registry",
    },
    {
      name: "deployment",
      type: "string",
      description: "Name of the new deployment. Default: derived from the model, such as `diabetes-model-v3`.",
    },
    {
      name: "scoringScript",
      type: "path",
      required: true,
      description:
        "A `score.py` with `init()` and `run(raw_data)` (online), or `init()` and `run(mini_batch)` taking a list of file paths and returning a list of rows (batch): the contracts Azure ML uses.",
      example: "examples/pipelines/demo/score.py",
    },
    {
      name: "codeDir",
      type: "path",
      description: "Folder shipped with the scoring script. Default: the script's folder.",
    },
    {
      name: "smokeTest",
      type: "path",
      description:
        "A JSON request file sent to the new deployment before it gets traffic, and through the endpoint after each traffic step.",
    },
    {
      name: "traffic",
      type: "string",
      default: "100",
      description:
        "Traffic steps for the new deployment, in percent, increasing and ending at 100, such as `10,50,100`.",
    },
    {
      name: "burst",
      type: "number",
      default: "20",
      description:
        "Requests sent through the endpoint after each traffic step; every one must answer 2xx with JSON. 0 sends none.",
      advanced: true,
    },
    {
      name: "smokeTestExpect",
      type: "path",
      description:
        "A JSON file with the answer the smoke test must get: same keys and lengths, strings equal, numbers within `smokeTestTolerance`. A mismatch names the JSON path and both values, and rolls back before any traffic. Batch: a text file with the rows the output file must hold, in any order (see docs/deploy-endpoint-batch.md).",
    },
    {
      name: "smokeTestTolerance",
      type: "number",
      default: "1e-6",
      description: "Relative tolerance for numbers in `smokeTestExpect`.",
      advanced: true,
    },
    {
      name: "bakeSeconds",
      type: "number",
      default: "0",
      description:
        "After each traffic step (and the mirror step), send a steady load for this long at `rps` (the `smokeTest` request, or rows of `evaluationData`) and judge the new deployment by its error rate, p95 latency and request count; see docs/deploy-endpoint-details.md. 0: only the burst. Size it so the smallest step reaches `minRequests`: bakeSeconds ≥ minRequests × 100 / (rps × step %).",
    },
    {
      name: "evaluationData",
      type: "string",
      description:
        "Rows for the bake load instead of the smokeTest request, one row per request (the first 1000, in turn): a CSV, TSV, JSON Lines or Parquet file, a folder of them, or a dataset reference (`holdout@3`, `holdout@latest`). The smoke test still sends `smokeTest`.",
      example: "data/holdout.csv",
    },
    {
      name: "labelColumn",
      type: "string",
      description: "A column of `evaluationData` left out of the requests (the true values).",
      example: "target",
    },
    {
      name: "requestFormat",
      type: "choice",
      options: ["rows", "records", "mlflow"],
      default: "rows",
      description:
        'How a row of `evaluationData` is sent to `run()`: `rows` (`{"data": [[...]]}`), `records` (`{"data": [{"column": value}]}`) or `mlflow` (`{"input_data": {"columns": [...], "data": [[...]]}}`).',
      advanced: true,
    },
    {
      name: "rps",
      type: "number",
      default: "5",
      description: "Requests per second of the bake load.",
      advanced: true,
    },
    {
      name: "maxErrorRate",
      type: "number",
      default: "0.01",
      description:
        "Highest share of the new deployment's requests in a bake window that may fail (non-2xx, not JSON, or no answer within 30 s); above it the rollout rolls back.",
    },
    {
      name: "maxLatencyMs",
      type: "number",
      description:
        "Ceiling for the new deployment's p95 latency in a bake window, in milliseconds. Default: no ceiling.",
    },
    {
      name: "minRequests",
      type: "number",
      default: "20",
      description:
        "Fewest requests the new deployment must serve in a bake window for its verdict to count; fewer is inconclusive and rolls back.",
    },
    {
      name: "mirrorPercent",
      type: "number",
      default: "0",
      description:
        "Before the first live step, copy this percent of the endpoint's requests to the new deployment for `bakeSeconds`, answers discarded (Azure ML's mirrored traffic, at most 50), and judge it by the same thresholds. 0: no mirror step.",
    },
    {
      name: "startTimeout",
      type: "number",
      default: "120",
      description:
        "Seconds a local deployment may take to start and answer its health check, `init()` included (backend `local`; Azure ML applies its own provisioning limits). Past it the deployment fails and is rolled back.",
      advanced: true,
    },
    {
      name: "environment",
      type: "string",
      description:
        "Azure ML environment for the deployment (backend `azureml`); the local backend runs the scoring script with python3 (or `MLOPS_PYTHON`).",
      advanced: true,
    },
    {
      name: "instanceType",
      type: "string",
      description: "VM size of the deployment (backend `azureml`), such as `Standard_DS3_v2`.",
      advanced: true,
    },
    {
      name: "instanceCount",
      type: "number",
      default: "1",
      description: "Number of instances (backend `azureml`).",
      advanced: true,
    },
    {
      name: "batchInput",
      type: "string",
      description:
        "With `endpointType: batch`, required: the data the new deployment scores before it becomes the default. A file, a folder (every file in it, subfolders included), a dataset reference (`name@3`, `name@latest`), or on `azureml` an `azureml://datastores/<name>/paths/<path>` URI.",
      example: "data/nightly/",
    },
    {
      name: "miniBatchSize",
      type: "number",
      default: "10",
      description: "Batch: files per mini-batch, the length of the list `run(mini_batch)` gets.",
    },
    {
      name: "maxConcurrency",
      type: "number",
      description:
        "Batch: mini-batches scored in parallel (worker processes; per instance on Azure ML). Default: the number of cores locally, Azure ML's default on `azureml`.",
      advanced: true,
    },
    {
      name: "errorThreshold",
      type: "number",
      default: "0",
      description:
        "Batch: files that may fail (their mini-batch raised) before the scoring job fails and the rollout rolls back. -1 tolerates any number.",
    },
    {
      name: "miniBatchTimeout",
      type: "number",
      default: "30",
      description:
        "Batch: seconds one `run(mini_batch)` call may take (Azure ML's `retry_settings.timeout`); a mini-batch that takes longer is stopped and retried. Whole seconds, 1 to 259200.",
      advanced: true,
    },
    {
      name: "maxRetries",
      type: "number",
      default: "3",
      description:
        "Batch: times a mini-batch that failed or timed out is retried before its files count as failed against `errorThreshold` (Azure ML's `retry_settings.max_retries`). 0 to 100.",
      advanced: true,
    },
    {
      name: "outputPath",
      type: "string",
      description:
        "Batch: where the scoring job writes `outputFile`: a folder, or on `azureml` an `azureml://datastores/<name>/paths/<path>` URI (ADLS Gen2 datastores included). Default: the job's own output folder in the workspace.",
      example: "azureml://datastores/lake/paths/scores/nightly",
    },
    {
      name: "outputFile",
      type: "string",
      default: "predictions.csv",
      description: "Batch: the file the rows `run()` returns are appended to, one per line (Azure ML's `append_row`).",
    },
    {
      name: "compute",
      type: "string",
      description:
        "Batch on `azureml`: the compute cluster the scoring job runs on, such as `cpu-cluster` (required there; checked before anything changes).",
      advanced: true,
    },
    DRY_RUN_INPUT,
    ...WORKSPACE_INPUTS,
  ],
  outputs: [
    { name: "deployment", description: "Name of the new deployment." },
    { name: "scoringUri", description: "The endpoint's scoring URI (batch: its invocation URI)." },
    {
      name: "status",
      description:
        "`Succeeded`, `RolledBack` when a step failed, `Planned` in a dry run, or (batch) `Failed` when the deployment was already the default and its scoring job failed.",
    },
    { name: "rolledBack", description: "`true` when the rollout failed and the saved traffic was restored." },
    {
      name: "analysis",
      description:
        "JSON: one entry per measured step (`step`, `kind`, `traffic`, `mirrorTraffic`, `seconds`, `source`, per-deployment `requests`, `errors`, `errorRate`, `p50`, `p95`, `p99` in ms, `verdict`, `reasons`).",
    },
    {
      name: "jobName",
      description:
        "Batch: the scoring job run on `batchInput` (by the new deployment, or by the default when it already was the deployment asked for). Empty for online.",
    },
    {
      name: "outputPath",
      description: "Batch: where that job wrote its output file (a folder, or an azureml:// URI). Empty for online.",
    },
    { name: "rows", description: "Batch: rows the scoring job appended to its output file. Empty for online." },
  ],
  example: {
    endpoint: "diabetes",
    model: "diabetes-model@champion",
    scoringScript: "score.py",
    smokeTest: "sample-request.json",
    traffic: "10,50,100",
  },
} as const satisfies TaskSpec;
