/**
 * Scores the evaluation data through score.py for each model (the champion and the candidate),
 * in one streaming pass: each batch of rows is read once, sent to every model's process at the
 * same time, and only the labels and answers are kept.
 */

import type { DataFile } from "../data/source.js";
import { UserError } from "../errors.js";
import { suggestion } from "../pipeline/suggest.js";
import type { Log } from "../run-context.js";
import { resolvePython } from "../util/python.js";
import { parseAnswer } from "./answers.js";
import { type Cell, type RowBatch, readRowBatches } from "./evaluation-data.js";
import type { ProblemType } from "./metrics.js";
import { type Gathered, Outcomes } from "./outcomes.js";
import { type RequestFormatName, requestBody } from "./requests.js";
import { ScoreProcess } from "./score-process.js";

export const DEFAULT_BATCH_ROWS = 1000;

export interface ModelToScore {
  /** `champion lin:1`. */
  label: string;
  /** The model's files, given to score.py as AZUREML_MODEL_DIR. */
  dir: string;
}

export interface ScoreRowsOptions {
  files: DataFile[];
  /** How messages name the data: a path or `diabetes@3`. */
  dataLabel: string;
  labelColumn: string;
  /** Absolute path of score.py. */
  script: string;
  requestFormat: RequestFormatName;
  problemType?: ProblemType;
  models: ModelToScore[];
  batchRows?: number;
  /** How long init() or one run() may take (default score-process.ts DEFAULT_ANSWER_TIMEOUT_MS). */
  answerTimeoutMs?: number;
  signal?: AbortSignal;
  log: Log;
}

export interface ScoredRows extends Gathered {
  rows: number;
  /** The feature columns sent, in order. */
  features: string[];
}

/** Starts every model's process; when one fails to start, the others are stopped. */
async function startAll(options: ScoreRowsOptions): Promise<ScoreProcess[]> {
  const { models, script, log } = options;
  const python = await resolvePython();
  const started = await Promise.allSettled(
    models.map((m) =>
      ScoreProcess.start({
        python,
        script,
        modelDir: m.dir,
        label: m.label,
        onOutput: (line) => log.debug(`[${m.label}] ${line}`),
        answerTimeoutMs: options.answerTimeoutMs,
        signal: options.signal,
      }),
    ),
  );
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.close() : undefined)));
    throw (failed as PromiseRejectedResult).reason;
  }
  return started.map((s) => (s as PromiseFulfilledResult<ScoreProcess>).value);
}

export async function scoreRows(options: ScoreRowsOptions): Promise<ScoredRows> {
  const { log, labelColumn } = options;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const batches = readRowBatches(options.files, { batchSize: batchRows, input: "evaluationData" });
  // The first batch settles the columns before any Python starts: a wrong labelColumn fails fast.
  const first = await batches.next();
  if (first.done) throw new UserError("holds no rows", { input: "evaluationData" }, "Give evaluation rows");
  const columns = first.value.columns;
  const labelAt = columns.indexOf(labelColumn);
  if (labelAt < 0) {
    throw new UserError(
      `column '${labelColumn}' is not in ${options.dataLabel}`,
      { input: "labelColumn" },
      suggestion(labelColumn, columns, "one of its columns"),
    );
  }
  if (columns.length < 2) {
    throw new UserError(
      `${options.dataLabel} has no column besides the label '${labelColumn}'`,
      { input: "evaluationData" },
      "Give the features the model takes beside the label column",
    );
  }
  const features = columns.filter((_, i) => i !== labelAt);
  log.info(
    `Scoring ${options.dataLabel} through ${options.script} (${options.requestFormat} requests of up to ${batchRows} rows; label '${labelColumn}', ${features.length} feature column(s)) for ${options.models.map((m) => m.label).join(" and ")}`,
  );
  const outcomes = new Outcomes(
    options.problemType,
    labelColumn,
    options.models.map((m) => m.label),
  );
  const processes = await startAll(options);
  try {
    const score = async (batch: RowBatch) => {
      const labels: Cell[] = new Array(batch.rows.length);
      const rows = batch.rows.map((r, i) => {
        labels[i] = r[labelAt];
        return r.filter((_, j) => j !== labelAt);
      });
      outcomes.addTruth(labels, (i) => `row ${batch.firstRow + i} (${batch.file})`);
      const body = requestBody(options.requestFormat, features, rows);
      const span = `rows ${batch.firstRow}–${batch.firstRow + rows.length - 1} of ${options.dataLabel}`;
      const results = await Promise.all(processes.map((p) => p.score(body, span)));
      results.forEach((result, m) => {
        const answer = parseAnswer(result, rows.length, {
          label: options.models[m].label,
          script: options.script,
          rows: span,
        });
        outcomes.addAnswer(m, answer);
      });
    };
    await score(first.value);
    for await (const batch of batches) await score(batch);
  } finally {
    await batches.return(undefined);
    await Promise.all(processes.map((p) => p.close()));
  }
  const gathered = outcomes.finish();
  log.info(`Scored ${outcomes.rows} row(s) for each model.`);
  return { ...gathered, rows: outcomes.rows, features };
}
