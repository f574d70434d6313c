/**
 * compare-models on evidence: champion and candidate scored on the same evaluation rows through
 * the score.py that will serve them, metrics computed here from the answers, and the decision
 * taken on paired bootstrap intervals of candidate − champion.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { UserError } from "../../errors.js";
import { type PairedResult, pairedBootstrap } from "../../evaluation/bootstrap.js";
import { decidePaired, type PairedDecision } from "../../evaluation/decide-paired.js";
import {
  availableMetrics,
  CLASSIFICATION_METRICS,
  computeMetrics,
  type ProblemType,
  REGRESSION_METRICS,
} from "../../evaluation/metrics.js";
import { REQUEST_FORMAT_NAMES, type RequestFormatName } from "../../evaluation/requests.js";
import { type ModelToScore, type ScoredRows, scoreRows } from "../../evaluation/score-rows.js";
import { suggestion } from "../../pipeline/suggest.js";
import type { EvaluationView } from "../../report/compare.js";
import type { ModelFiles, ModelVersion } from "../../workspace/workspace.js";
import type { TaskContext } from "../context.js";
import { resolveDataInput } from "../data-input.js";
import { formatModelRef } from "../model-ref.js";
import type { spec } from "../specs/compare-models.js";
import type { Candidate } from "./candidate.js";
import type { Decision } from "./decide.js";
import type { MetricSpec } from "./metrics.js";

export interface EvaluationSettings {
  /** The input as given: a path or a dataset reference. */
  data: string;
  labelColumn: string;
  /** Absolute path of score.py. */
  script: string;
  requestFormat: RequestFormatName;
  problemType?: ProblemType;
  /** Where problemType came from when it was not given: logged. */
  problemTypeFrom?: string;
  confidence: number;
  samples: number;
  /** Rows per run() call. */
  batchRows?: number;
}

const EVALUATION_INPUTS = ["labelColumn", "scoringScript", "requestFormat", "problemType"] as const;

/** Reads and checks the evaluation inputs; undefined when evaluationData is not given. */
export async function evaluationSettings(
  ctx: TaskContext<typeof spec>,
  specs: MetricSpec[],
): Promise<EvaluationSettings | undefined> {
  const { inputs } = ctx;
  const data = inputs.string("evaluationData");
  if (!data) {
    // These only mean something with evaluationData: silently ignoring them would hide a typo'd setup.
    for (const name of EVALUATION_INPUTS) {
      if (inputs.string(name) && !(name === "requestFormat" && inputs.string(name) === "rows")) {
        throw new UserError(
          "is set but evaluationData is not",
          { input: name },
          "Set evaluationData to the rows to score both models on, or remove this input",
        );
      }
    }
    return undefined;
  }
  const labelColumn = inputs.string("labelColumn");
  if (!labelColumn) {
    throw new UserError(
      "is required with evaluationData",
      { input: "labelColumn" },
      "Name the column of evaluationData that holds the true values, such as target",
    );
  }
  const scriptInput = inputs.string("scoringScript");
  if (!scriptInput) {
    throw new UserError(
      "is required with evaluationData",
      { input: "scoringScript" },
      "Give the score.py (init() and run(raw_data)) that serves the model",
    );
  }
  const script = resolve(ctx.cwd, scriptInput);
  const info = await stat(script).catch(() => undefined);
  if (!info?.isFile()) {
    throw new UserError(
      info ? `'${scriptInput}' is a folder` : `'${scriptInput}' does not exist`,
      { input: "scoringScript" },
      "Give the path of the score.py file, relative to the working directory",
    );
  }
  const requestFormat: RequestFormatName = inputs.choice("requestFormat") ?? "rows";
  if (!REQUEST_FORMAT_NAMES.includes(requestFormat)) {
    throw new UserError(
      `'${requestFormat}' is not a request format`,
      { input: "requestFormat" },
      `Use one of: ${REQUEST_FORMAT_NAMES.join(", ")}`,
    );
  }
  const problemType = inputs.choice("problemType") ?? problemTypeOf(specs);
  const confidence = inputs.number("confidence") ?? 0.95;
  if (!(confidence >= 0.5 && confidence < 1)) {
    throw new UserError(
      `${confidence} is not a confidence level`,
      { input: "confidence" },
      "Give a number from 0.5 up to (not including) 1, such as 0.95",
    );
  }
  const samples = inputs.number("samples") ?? 1000;
  if (!Number.isInteger(samples) || samples < 100 || samples > 100_000) {
    throw new UserError(
      `${samples} is not a whole number of bootstrap samples from 100 to 100000`,
      { input: "samples" },
      "Use 1000 (the default), or more for steadier intervals",
    );
  }
  checkMetricNames(specs, problemType);
  return {
    data,
    labelColumn,
    script,
    requestFormat,
    problemType,
    problemTypeFrom: inputs.string("problemType") ? undefined : "the declared metrics",
    confidence,
    samples,
  };
}

/**
 * Without problemType, the declared metrics say what the user means to measure (every metric
 * belongs to one problem type); the label column is then checked against it as the rows stream.
 */
function problemTypeOf(specs: MetricSpec[]): ProblemType | undefined {
  const regression = specs.filter((s) => REGRESSION_METRICS.includes(s.name)).map((s) => s.name);
  const classification = specs.filter((s) => CLASSIFICATION_METRICS.includes(s.name)).map((s) => s.name);
  if (regression.length && classification.length) {
    throw new UserError(
      `mixes regression metrics (${regression.join(", ")}) and classification metrics (${classification.join(", ")})`,
      { input: "metrics" },
      "Declare the metrics of one problem type, or set problemType",
    );
  }
  return regression.length ? "regression" : classification.length ? "classification" : undefined;
}

/** The declared metrics must be ones computed here (for the problem type, when known). */
function checkMetricNames(specs: MetricSpec[], problemType: ProblemType | undefined): void {
  const valid =
    problemType === "regression"
      ? REGRESSION_METRICS
      : problemType === "classification"
        ? CLASSIFICATION_METRICS
        : [...REGRESSION_METRICS, ...CLASSIFICATION_METRICS];
  for (const s of specs) {
    if (!valid.includes(s.name)) {
      const near = suggestion(s.name, valid, "one of");
      throw new UserError(
        `metric '${s.name}' is not one compare-models computes from predictions${problemType ? ` for ${problemType}` : ""}`,
        { input: "metrics" },
        `${near.startsWith("Did") ? `${near} ` : ""}Metrics with evaluationData: ${valid.join(", ")}`,
      );
    }
  }
}

export interface EvaluationOutcome {
  data: string;
  problemType: ProblemType;
  rows: number;
  confidence: number;
  samples: number;
  /** Set when there is a champion to compare with. */
  paired?: { results: PairedResult[]; decision: PairedDecision };
  /** The candidate's metrics alone, when there is no champion. */
  candidateOnly?: Record<string, number>;
}

/** Scores both models (or the candidate alone) and decides on the declared metrics. */
export async function evaluateOnData(
  ctx: TaskContext,
  settings: EvaluationSettings,
  specs: MetricSpec[],
  candidate: Candidate,
  champion: ModelVersion | undefined,
): Promise<EvaluationOutcome> {
  const { log, workspace } = ctx;
  const data = await resolveDataInput(ctx, settings.data, "evaluationData");
  const temp = await mkdtemp(join(tmpdir(), "mlops-compare-"));
  try {
    const models: ModelToScore[] = [];
    const dir = async (files: ModelFiles, sub: string) => workspace.models.download(files, join(temp, sub), log);
    if (champion) models.push({ label: `champion ${formatModelRef(champion)}`, dir: await dir(champion, "champion") });
    const candidateFiles: ModelFiles = candidate.model ?? {
      name: candidate.modelName,
      version: candidate.label,
      uri: candidate.source ?? "",
    };
    models.push({ label: `candidate ${candidate.label}`, dir: await dir(candidateFiles, "candidate") });
    if (settings.problemType && settings.problemTypeFrom)
      log.info(
        `problemType not given: ${settings.problemType}, from ${settings.problemTypeFrom} (${specs.map((s) => s.name).join(", ")}); label '${settings.labelColumn}' is checked against it.`,
      );
    const scored = await log.group(`Score ${data.label} through ${settings.script}`, () =>
      scoreRows({
        files: data.files,
        dataLabel: data.label,
        labelColumn: settings.labelColumn,
        script: settings.script,
        requestFormat: settings.requestFormat,
        problemType: settings.problemType,
        models,
        batchRows: settings.batchRows,
        signal: ctx.signal,
        log,
      }),
    );
    if (scored.inferred) log.info(`problemType not given: inferred ${scored.inferred}.`);
    for (const note of scored.notes) log.warning(note);
    const names = specs.map((s) => s.name);
    checkAvailable(scored, names);
    const base = {
      data: data.label,
      problemType: scored.truth.problemType,
      rows: scored.rows,
      confidence: settings.confidence,
      samples: settings.samples,
    };
    if (!champion) return { ...base, candidateOnly: computeMetrics(scored.truth, scored.scored[0], names) };
    const results = pairedBootstrap(scored.truth, scored.scored[0], scored.scored[1], names, {
      samples: settings.samples,
      confidence: settings.confidence,
    });
    const decision = decidePaired(
      specs.map((s) => ({ name: s.name, direction: s.direction, minDelta: s.minDelta })),
      results,
    );
    return { ...base, paired: { results, decision } };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function checkAvailable(scored: ScoredRows, names: string[]): void {
  const available = scored.scored
    .map((s) => availableMetrics(scored.truth, s))
    .reduce((a, b) => a.filter((m) => b.includes(m)));
  for (const name of names) {
    if (!available.includes(name)) {
      const needsProbabilities = name === "roc_auc" || name === "log_loss";
      throw new UserError(
        needsProbabilities && scored.truth.problemType === "classification"
          ? `metric '${name}' needs class probabilities, and run() did not answer them for every model`
          : `metric '${name}' is not a ${scored.truth.problemType} metric`,
        { input: "metrics" },
        needsProbabilities && scored.truth.problemType === "classification"
          ? `Return {"predictions": [...], "probabilities": [[...]]} from run(), or use: ${available.join(", ")}`
          : `Use one of: ${available.join(", ")}${scored.inferred ? ` (problemType was inferred as ${scored.truth.problemType}; set problemType to change it)` : ""}`,
      );
    }
  }
}

/** The decision compare-models reports and outputs, from the evaluation. */
export function evaluatedDecision(outcome: EvaluationOutcome, specs: MetricSpec[]): Decision {
  if (!outcome.paired) {
    const values = outcome.candidateOnly ?? {};
    return {
      better: true,
      decision: "promote",
      reason: "there is no champion yet",
      metrics: specs.map((spec) => ({ spec, candidate: values[spec.name], verdict: "no-baseline", passes: true })),
    };
  }
  const { results, decision } = outcome.paired;
  return {
    better: decision.better,
    decision: decision.better ? "promote" : "keep-champion",
    reason: decision.reason,
    metrics: specs.map((spec) => {
      const r = results.find((x) => x.metric === spec.name) as PairedResult;
      const v = decision.metrics.find((m) => m.metric === spec.name)?.verdict ?? "inconclusive";
      return {
        spec,
        champion: r.champion,
        candidate: r.candidate,
        change: r.delta,
        verdict: v === "inconclusive" ? "not-enough" : v,
        passes: v === "better",
      };
    }),
  };
}

/** The `evaluation` output: per metric the point values, the interval, the p-value and the rows. */
export function evaluationJson(outcome: EvaluationOutcome, specs: MetricSpec[]): Record<string, unknown> {
  const metrics: Record<string, unknown> = {};
  for (const spec of specs) {
    const r = outcome.paired?.results.find((x) => x.metric === spec.name);
    const verdict = outcome.paired?.decision.metrics.find((m) => m.metric === spec.name)?.verdict;
    metrics[spec.name] = r
      ? {
          champion: finite(r.champion),
          candidate: finite(r.candidate),
          delta: finite(r.delta),
          ciLow: finite(r.ciLow),
          ciHigh: finite(r.ciHigh),
          pValue: finite(r.pValue),
          rows: r.rows,
          verdict,
        }
      : {
          champion: null,
          candidate: finite(outcome.candidateOnly?.[spec.name]),
          delta: null,
          ciLow: null,
          ciHigh: null,
          pValue: null,
          rows: outcome.rows,
          verdict: "no-champion",
        };
  }
  return {
    data: outcome.data,
    problemType: outcome.problemType,
    rows: outcome.rows,
    confidence: outcome.confidence,
    samples: outcome.samples,
    metrics,
  };
}

/** JSON has no NaN: an undefined metric is null. */
function finite(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

/** What the report shows of the evaluation. */
export function evaluationView(outcome: EvaluationOutcome, specs: MetricSpec[]): EvaluationView {
  return {
    data: outcome.data,
    problemType: outcome.problemType,
    rows: outcome.rows,
    confidence: outcome.confidence,
    samples: outcome.samples,
    metrics: specs.map((spec) => {
      const r = outcome.paired?.results.find((x) => x.metric === spec.name);
      const verdict = outcome.paired?.decision.metrics.find((m) => m.metric === spec.name);
      return {
        metric: spec.name,
        goal: spec.direction,
        minDelta: spec.minDelta,
        champion: r?.champion,
        candidate: r ? r.candidate : (outcome.candidateOnly?.[spec.name] ?? Number.NaN),
        delta: r?.delta,
        ciLow: r?.ciLow,
        ciHigh: r?.ciHigh,
        pValue: r?.pValue,
        verdict: verdict?.verdict ?? "no-champion",
      };
    }),
  };
}

/**
 * Without evaluationData the two sets of numbers were measured by different runs, maybe on
 * different data: said plainly, with the data versions when the lineage tags name them.
 */
export function recordedMetricsNote(champion: ModelVersion, candidate: Candidate, dataVersion?: string): string {
  const championData = champion.tags.data;
  const candidateData = dataVersion ?? candidate.model?.tags.data;
  const from =
    championData || candidateData
      ? ` (champion \`${formatModelRef(champion)}\`: data ${championData ? `\`${championData}\`` : "not recorded"}; candidate \`${candidate.label}\`: data ${candidateData ? `\`${candidateData}\`` : "not recorded"}${championData && candidateData && championData !== candidateData ? " — different data" : ""})`
      : " (no `data` lineage tag says on which data)";
  return `These are the metrics recorded by different runs${from}: they may not be comparable. Give \`evaluationData\`, \`labelColumn\` and \`scoringScript\` to score both models on the same rows.`;
}
