import { UserError } from "../errors.js";
import { checkName } from "../names.js";
import { renderComparison } from "../report/compare.js";
import { crashPoint } from "../util/crash-point.js";
import type { ModelVersion, Tags } from "../workspace/workspace.js";
import { WORKSPACE_INPUTS } from "./common.js";
import { type Candidate, checkCandidateMetrics, resolveCandidate, resolveChampion } from "./compare/candidate.js";
import { repairChampionTags } from "./compare/champion-tags.js";
import { decide } from "./compare/decide.js";
import { DIRECTIONS } from "./compare/directions.js";
import {
  type EvaluationOutcome,
  evaluatedDecision,
  evaluateOnData,
  evaluationJson,
  evaluationSettings,
  evaluationView,
  recordedMetricsNote,
} from "./compare/evaluate.js";
import { parseMetricSpecs } from "./compare/metrics.js";
import type { Task, TaskContext, TaskResult } from "./context.js";
import { refuseForkWrites } from "./fork-guard.js";
import { formatModelRef } from "./model-ref.js";
import type { TaskSpec } from "./spec.js";

export const spec: TaskSpec = {
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
};

async function run(ctx: TaskContext): Promise<TaskResult> {
  const { inputs, workspace, log } = ctx;
  // Inputs first, strictly, before anything is read or written.
  const specs = parseMetricSpecs(inputs.requiredString("metrics"));
  const candidateText = inputs.requiredString("candidate");
  const register = inputs.boolean("register");
  const dataVersion = inputs.string("dataVersion");
  const modelName = inputs.string("modelName");
  if (modelName) checkName("model", modelName, "modelName");

  const evaluation = await evaluationSettings(ctx, specs);

  const candidate = await resolveCandidate(workspace, candidateText, {
    modelName,
    jobOutput: inputs.string("jobOutput") || "model",
  });
  // Scored on evaluationData, the candidate's recorded metrics play no part.
  if (!evaluation) checkCandidateMetrics(candidate, specs);
  const champion = await resolveChampion(workspace, inputs.string("champion"), candidate.modelName);
  if (champion && champion.name !== candidate.modelName) {
    throw new UserError(
      `champion ${formatModelRef(champion)} is a different model from ${candidate.modelName}`,
      { input: "champion" },
      "Compare versions of the same model",
    );
  }
  log.info(
    `Candidate ${candidate.label} (${evaluation ? `to be scored on ${evaluation.data}` : `metrics from ${candidate.metricsFrom}`}); champion ${champion ? formatModelRef(champion) : "none"}`,
  );

  const sameModel = !!(champion && candidate.model && champion.version === candidate.model.version);
  const notes: string[] = [];
  let evaluated: EvaluationOutcome | undefined;
  if (evaluation && !sameModel) evaluated = await evaluateOnData(ctx, evaluation, specs, candidate, champion);
  const decision = evaluated
    ? evaluatedDecision(evaluated, specs)
    : sameModel && champion
      ? {
          ...decide(specs, champion.metrics, candidate.metrics),
          better: false,
          decision: "keep-champion" as const,
          reason: "the champion itself",
        }
      : decide(specs, champion?.metrics, candidate.metrics);
  if (!evaluated) {
    for (const m of decision.metrics) {
      if (m.verdict === "no-baseline" && champion)
        notes.push(
          `Champion ${formatModelRef(champion)} has no \`${m.spec.name}\`: that metric cannot hold the candidate back.`,
        );
    }
    if (champion && !sameModel) notes.push(recordedMetricsNote(champion, candidate, dataVersion));
  }

  let registered: ModelVersion | undefined = candidate.model;
  if (register) {
    if (workspace.capabilities.sharedWrites) refuseForkWrites(ctx, `register model '${candidate.modelName}'`);
    await repairChampionTags(ctx, candidate.modelName, notes);
    registered = await log.group("Register the candidate", () => registerCandidate(ctx, candidate, dataVersion, notes));
    if (decision.better) {
      await moveChampionTag(ctx, registered, notes);
    }
  } else if (decision.better && candidate.job) {
    notes.push("`register` is false: the candidate was not registered, and the champion tag stays where it is.");
  } else if (decision.better) {
    notes.push("`register` is false: the champion tag stays where it is.");
  }

  const report = renderComparison({
    modelName: candidate.modelName,
    candidate: registered && candidate.job ? `${formatModelRef(registered)}` : candidate.label,
    champion: champion ? formatModelRef(champion) : undefined,
    better: decision.better,
    decision: decision.decision,
    reason: decision.reason,
    evaluation: evaluated ? evaluationView(evaluated, specs) : undefined,
    rows: decision.metrics.map((m) => ({
      metric: m.spec.name,
      goal: DIRECTIONS[m.spec.direction].goal,
      minDelta: m.spec.minDelta,
      champion: m.champion,
      candidate: m.candidate,
      change: m.change,
      verdict: m.verdict,
    })),
    notes,
  });
  log.info(`Decision: ${decision.decision} (${decision.reason})`);
  return {
    outputs: {
      better: String(decision.better),
      decision: decision.decision,
      report,
      champion: champion ? formatModelRef(champion) : "",
      candidateVersion: registered ? formatModelRef(registered) : "",
      evaluation: evaluated ? JSON.stringify(evaluationJson(evaluated, specs)) : "",
    },
    summary: report,
    comment: inputs.boolean("comment") ? report : undefined,
  };
}

/** Registers a job's model with lineage tags; a registered candidate (or an earlier run's) is reused. */
async function registerCandidate(
  ctx: TaskContext,
  candidate: Candidate,
  dataVersion: string | undefined,
  notes: string[],
): Promise<ModelVersion> {
  const { workspace, log } = ctx;
  if (candidate.model) {
    log.info(`${formatModelRef(candidate.model)} is already registered.`);
    return candidate.model;
  }
  const job = candidate.job;
  if (!job || !candidate.source) throw new Error("a job candidate without a model output");
  // A re-run on the same job must not register the same model twice.
  const earlier = (await workspace.models.list(candidate.modelName)).find((m) => m.tags.job === job.name);
  if (earlier) {
    log.info(`Job ${job.name}'s model is already registered as ${formatModelRef(earlier)}.`);
    notes.push(`Already registered as \`${formatModelRef(earlier)}\` from job \`${job.name}\`.`);
    return earlier;
  }
  const tags: Tags = { job: job.name };
  if (dataVersion) tags.data = dataVersion;
  if (ctx.run.commit) tags.commit = ctx.run.commit;
  if (ctx.run.runUrl) tags.runUrl = ctx.run.runUrl;
  const model = await workspace.models.register(
    {
      name: candidate.modelName,
      source: candidate.source,
      description: `Model output of job ${job.name}`,
      tags,
      metrics: candidate.metrics,
    },
    log,
  );
  const lineage = Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  notes.push(`Registered \`${formatModelRef(model)}\` (${lineage}).`);
  return model;
}

/** Tags the winner champion first, then untags the others, so there is never a moment with none. */
async function moveChampionTag(ctx: TaskContext, winner: ModelVersion, notes: string[]): Promise<void> {
  const { workspace, log } = ctx;
  await workspace.models.setTags(winner.name, winner.version, { champion: "true" });
  crashPoint("champion.tagged");
  const previous = (await workspace.models.list(winner.name)).filter(
    (m) => m.tags.champion === "true" && m.version !== winner.version,
  );
  for (const m of previous) await workspace.models.setTags(m.name, m.version, { champion: null });
  const from = previous.map((m) => `\`${formatModelRef(m)}\``).join(", ");
  notes.push(`Champion tag moved to \`${formatModelRef(winner)}\`${from ? ` from ${from}` : ""}.`);
  log.info(`${formatModelRef(winner)} is now the champion.`);
}

export const compareModels: Task = { spec, run };
