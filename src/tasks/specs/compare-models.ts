import { WORKSPACE_INPUTS } from "../common.js";
import type { TaskSpec } from "../spec.js";

/** compare-models's declared inputs and outputs: read by the hosts, the generator and the docs without loading the task's code. */
export const spec = {
  name: "compare-models",
  title: "Compare models",
  summary:
    "Compares the candidate model with the current champion on declared metrics, decides, and reports on the pull request.",
  inputs: [
    {
      name: "candidate",
      type: "string",
      required: true,
      description:
        "A model reference (`name:version`, `name@3`, `name@latest`) or `job:<jobName>` whose outputs hold a model and its metrics.",
      example: "job:${{ steps.train.outputs.jobName }}",
    },
    { name: "modelName", type: "string", description: "Model name when the candidate is a job output." },
    {
      name: "jobOutput",
      type: "string",
      default: "model",
      description:
        "The job output (a folder) that holds the model and its `metrics.json`, when the candidate is a job.",
      advanced: true,
    },
    {
      name: "champion",
      type: "string",
      description:
        "Champion: a model reference, or `endpoint:<name>` for the model an endpoint serves (its deployment with the most traffic). Default: the version of the model tagged `champion=true`.",
    },
    {
      name: "metrics",
      type: "string",
      required: true,
      description:
        "Metrics to compare, `name:higher|lower[:min_delta]`, comma separated. The candidate is better when it improves every metric by more than its min_delta (default 0; a tie is not better).",
      example: "r2:higher:0.01,rmse:lower",
    },
    {
      name: "register",
      type: "boolean",
      default: "false",
      description: "Register the candidate (and tag it champion when it wins).",
    },
    {
      name: "registry",
      type: "string",
      description:
        "With `register: true`: a registry to publish the winner to, with its lineage tags (`sourceWorkspace`, `sourceModel`, `job`, `data`, `commit`, `runUrl`), and to move `champion=true` to there, so another workspace deploys it with deploy-endpoint. On `azureml` an Azure ML registry's name; on `local` a folder holding a local registry (created if missing), relative to the working directory.",
      example: "mlops-registry",
    },
    {
      name: "dataVersion",
      type: "string",
      description:
        "The data the candidate was trained on, such as `diabetes:3`, recorded as a lineage tag when it is registered.",
      advanced: true,
    },
    {
      name: "evaluationData",
      type: "string",
      description:
        "Rows to score champion and candidate on, the same rows for both: a CSV, TSV, JSON Lines or Parquet file, a folder or MLTable folder of them, or a registered dataset (`diabetes@3`, `diabetes@latest`, `diabetes:3`). With it the metrics are computed from the models' answers and the decision is taken on paired bootstrap intervals; without it the metrics recorded with each model are compared.",
      example: "diabetes@latest",
    },
    {
      name: "labelColumn",
      type: "string",
      description:
        "The column of `evaluationData` holding the true values; the other columns are the features, sent in file order.",
      example: "target",
    },
    {
      name: "scoringScript",
      type: "string",
      description:
        "The `score.py` (`init()` and `run(raw_data)`) that serves the model. Both models are scored through it, each with `AZUREML_MODEL_DIR` at its own files (downloaded to the runner on Azure).",
      example: "src/score.py",
    },
    {
      name: "requestFormat",
      type: "choice",
      options: ["rows", "records", "mlflow"],
      default: "rows",
      description:
        'How rows are sent to `run()`: `rows` (`{"data": [[...], ...]}`), `records` (`{"data": [{"column": value}, ...]}`) or `mlflow` (`{"input_data": {"columns": [...], "data": [...]}}`).',
      advanced: true,
    },
    {
      name: "problemType",
      type: "choice",
      options: ["regression", "classification"],
      description:
        "`regression` or `classification`. Default: inferred from the label column and the answers (the log says what was inferred).",
      advanced: true,
    },
    {
      name: "confidence",
      type: "number",
      default: "0.95",
      description:
        "Confidence of the paired bootstrap intervals of candidate − champion; the candidate is better only when every interval lies beyond its min_delta.",
      advanced: true,
    },
    {
      name: "samples",
      type: "number",
      default: "1000",
      description: "Paired bootstrap samples (seeded, so a re-run gives the same intervals), 100 to 100000.",
      advanced: true,
    },
    { name: "comment", type: "boolean", default: "false", description: "Post the report on the pull request." },
    {
      name: "token",
      type: "string",
      secret: true,
      description: "Token for the PR comment (GitHub: `github.token`; Azure DevOps: `System.AccessToken`).",
    },
    ...WORKSPACE_INPUTS,
  ],
  outputs: [
    { name: "better", description: "`true` when the candidate beats the champion on every declared metric." },
    { name: "decision", description: "`promote` or `keep-champion`." },
    {
      name: "report",
      description:
        "The Markdown report (the text itself; it also goes to the job summary and, with `comment`, the pull request).",
    },
    { name: "champion", description: "The champion compared against (`name:version`), empty when there was none." },
    {
      name: "candidateVersion",
      description: "The candidate's registered `name:version`, when it is or was registered.",
    },
    {
      name: "registryModel",
      description:
        "With `registry`: the version published there (`name:version` in a local registry, `azureml://registries/<r>/models/<m>/versions/<v>` on Azure ML); empty when nothing was published.",
    },
    {
      name: "evaluation",
      description:
        "With `evaluationData`: JSON with the data, problem type, rows, confidence and samples, and per metric `champion`, `candidate`, `delta`, `ciLow`, `ciHigh`, `pValue`, `rows` and `verdict`. Empty without it.",
    },
  ],
  example: {
    candidate: "job:${{ steps.train.outputs.jobName }}",
    modelName: "diabetes-model",
    metrics: "r2:higher,rmse:lower",
    comment: "true",
  },
} as const satisfies TaskSpec;
