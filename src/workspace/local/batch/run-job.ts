/**
 * Runs one local batch scoring job: the input's files cut into mini-batches, `maxConcurrency`
 * worker processes (worker-process.ts) that each call init() once and then run() per mini-batch,
 * the rows appended to the output file in input order (output-file.ts), a throttled progress
 * line, and Azure ML's retry settings and error threshold: a mini-batch whose run() raises, stops
 * its worker or outlives the timeout (its worker's process group is then killed) is retried on a
 * live worker, a fresh one when its own is gone, up to `maxRetries` times; after that its files
 * count as failed, and more failed files than `errorThreshold` (unless -1) fail the job. That is
 * Azure's rule: retry_settings.max_retries is "the maximum number of retries for a failed or
 * timed-out mini-batch" and timeout the seconds one mini-batch may take (the batch deployment YAML
 * reference, reference-yaml-deployment-batch); a mini-batch whose retries all fail is marked failed
 * and counted against the threshold (how-to-use-parallel-job-in-pipeline, the same settings).
 */
import { isAbsolute, join, relative } from "node:path";
import type { Log } from "../../../run-context.js";
import { crashPoint } from "../../../util/crash-point.js";
import { miniBatches } from "./input-files.js";
import { OrderedOutput } from "./output-file.js";
import { type BatchDeploymentRecord, DEFAULT_RETRY, type LocalBatchJobRecord } from "./records.js";
import { type BatchAnswer, BatchWorker, type ScriptFailure } from "./worker-process.js";

export interface BatchRun {
  record: LocalBatchJobRecord;
  deployment: BatchDeploymentRecord;
  files: string[];
  python: string;
  /** Folder for the workers' logs. */
  logDir: string;
  log: Log;
  signal: AbortSignal;
  /** Why the job is being cancelled, once it is. */
  cancelReason: () => string | undefined;
  /** Saves the record (progress: no lock needed, the job's record has one writer). */
  save: () => Promise<void>;
}

const PROGRESS_MS = 2_000;
/** Mini-batches a worker may run ahead of the first one not yet written. */
const AHEAD_PER_WORKER = 16;
/** Failed mini-batches listed one by one (as warnings); later ones are only counted. */
const LISTED_FAILURES = 5;
/** Retries listed one by one; later ones are only counted. */
const LISTED_RETRIES = 10;

/** One attempt at a mini-batch: the worker's answer, and whether the timeout stopped it. */
interface Attempt {
  answer: BatchAnswer;
  timedOut: boolean;
}

/** Runs the job to its end; the record says how it ended (never throws for the script's faults). */
export async function runBatchJob(run: BatchRun): Promise<LocalBatchJobRecord> {
  const { record, deployment, log } = run;
  const batches = miniBatches(run.files, record.miniBatchSize);
  const total = run.files.length;
  let scored = 0;
  let failed = 0;
  let rows = 0;
  let firstFailure: { message: string; where?: { file: string; line?: number } } | undefined;
  let stopReason: string | undefined;
  record.files = { total, failed: 0 };
  record.rows = 0;

  const abort = new AbortController();
  const stop = (why: string) => {
    stopReason ??= why;
    abort.abort();
  };
  const onCancel = () => stop("canceled");
  run.signal.addEventListener("abort", onCancel, { once: true });
  if (run.signal.aborted) onCancel();

  let lastProgress = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_MS) return;
    lastProgress = now;
    log.info(`Scored ${scored} of ${total} files (${failed} failed)`);
    record.files = { total, failed };
    record.rows = rows;
    void run.save().catch(() => {});
  };

  const output = await OrderedOutput.create(record.outputPath, record.outputFile);
  const workers = new Set<BatchWorker>();
  const script = join(deployment.codeDir, deployment.script);
  const userWhere = (where?: { file: string; line?: number }) => {
    if (!where) return undefined;
    const inside = relative(deployment.codeDir, where.file);
    if (inside.startsWith("..") || isAbsolute(inside)) return undefined;
    return { file: join(deployment.sourceDir, inside), ...(where.line ? { line: where.line } : {}) };
  };
  const describe = (f: ScriptFailure) => `${f.type}: ${f.message}`.slice(0, 500);
  let workerCount = 0;
  const startWorker = async (): Promise<BatchWorker | undefined> => {
    if (abort.signal.aborted) return undefined;
    const n = ++workerCount;
    const started = await BatchWorker.start({
      python: run.python,
      script,
      codeDir: deployment.codeDir,
      modelDir: deployment.modelDir,
      logFile: join(run.logDir, `worker-${n}.log`),
    });
    if (!(started instanceof BatchWorker)) {
      // init() fails the same way in every worker: the job cannot score anything.
      const where = userWhere(started.failure?.where);
      firstFailure ??= {
        message: started.failure
          ? `init() of ${deployment.script} failed: ${describe(started.failure)}`
          : `a worker could not start: ${started.died}`,
        ...(where ? { where } : {}),
      };
      stop("init");
      return undefined;
    }
    if (abort.signal.aborted) {
      await started.kill();
      return undefined;
    }
    workers.add(started);
    if (started.pid !== undefined) record.workers.push(started.pid);
    // Recorded at once: what a later look at a killed job needs to find its workers.
    void run.save();
    return started;
  };
  const onStop = () => {
    for (const w of workers) void w.kill();
  };
  abort.signal.addEventListener("abort", onStop, { once: true });

  const retry = deployment.retry ?? DEFAULT_RETRY;
  /** Runs one attempt; a run() still going after the timeout has its worker's whole process group killed. */
  const attempt = async (worker: BatchWorker, index: number, batch: string[]): Promise<Attempt> => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void worker.kill();
    }, retry.timeoutSeconds * 1000);
    try {
      return { answer: await worker.run(index, batch), timedOut };
    } finally {
      clearTimeout(timer);
    }
  };
  /** Why an attempt failed, in a job's error: the timeout, the exception (file:line in `where`), or the worker's end. */
  const reasonOf = (a: Attempt): { message: string; where?: { file: string; line?: number } } => {
    if (a.timedOut) return { message: `run() timed out after ${retry.timeoutSeconds} s` };
    if ("failure" in a.answer) {
      const where = userWhere(a.answer.failure.where);
      return { message: `run() raised ${describe(a.answer.failure)}`, ...(where ? { where } : {}) };
    }
    return { message: `a mini-batch stopped its worker: ${(a.answer as { died: string }).died}` };
  };
  /** The same reason, short, for a warning line. */
  const shortReason = (a: Attempt): string => {
    if (a.timedOut) return `timed out after ${retry.timeoutSeconds} s (its worker was stopped)`;
    return firstFailureLine(a.answer as { ok: false; failure: ScriptFailure } | { ok: false; died: string });
  };

  let next = 0;
  let failedBatches = 0;
  let retries = 0;
  const aborted = new Promise<void>((resolve) => abort.signal.addEventListener("abort", () => resolve()));
  const lane = async (): Promise<void> => {
    let worker = await startWorker();
    while (worker && !abort.signal.aborted && next < batches.length) {
      // Rows wait in memory until every mini-batch before theirs is written: a slow mini-batch
      // holds the others back after a window, so memory stays bounded whatever the input's size.
      while (next >= output.written + ahead && !abort.signal.aborted) await Promise.race([output.advance(), aborted]);
      if (abort.signal.aborted || next >= batches.length) break;
      const index = next++;
      const batch = batches[index];
      const label = `Mini-batch ${index + 1} of ${batches.length} (${batch.length} file(s) from ${batch[0]}`;
      let tries = 0;
      let result: Attempt;
      for (;;) {
        result = await attempt(worker, index, batch);
        if (result.timedOut || (!result.answer.ok && "died" in result.answer)) {
          // The worker is gone: a fresh one takes its place (for a retry, or the mini-batches left).
          workers.delete(worker);
          worker = undefined;
        }
        if (abort.signal.aborted || result.answer.ok || tries >= retry.maxRetries) break;
        tries++;
        retries++;
        if (retries <= LISTED_RETRIES) {
          log.info(`${label}) failed: ${shortReason(result)}; retry ${tries} of ${retry.maxRetries}`);
        } else if (retries === LISTED_RETRIES + 1) {
          log.info("More mini-batches are being retried: they are counted at the end, not listed.");
        }
        worker ??= await startWorker();
        // No worker: the job is stopping (cancelled, or init() failed in the fresh worker).
        if (!worker) break;
      }
      if (abort.signal.aborted) break;
      scored += batch.length;
      if (result.answer.ok) {
        rows += result.answer.rows;
        output.put(index, result.answer.text);
        crashPoint("batch.scored");
      } else {
        failed += batch.length;
        output.put(index, "");
        if (!firstFailure) {
          const reason = reasonOf(result);
          firstFailure = {
            ...reason,
            message:
              tries > 0 ? `${reason.message}; retried ${tries === 1 ? "once" : `${tries} times`}` : reason.message,
          };
        }
        // Each warning is an annotation on a CI host: the first few say why, the rest are counted.
        failedBatches++;
        if (failedBatches <= LISTED_FAILURES) {
          const attempts = tries > 0 ? `, ${tries + 1} attempts` : "";
          log.warning(`${label}${attempts}) failed: ${shortReason(result)}`);
        } else if (failedBatches === LISTED_FAILURES + 1) {
          log.info("More mini-batches failed: they are counted in the progress line, not listed.");
        }
        if (deployment.errorThreshold >= 0 && failed > deployment.errorThreshold) stop("threshold");
      }
      if (!worker && next < batches.length) worker = await startWorker();
      progress();
    }
    if (worker) {
      workers.delete(worker);
      await worker.close();
    }
  };

  const lanes = Math.max(1, Math.min(record.maxConcurrency, batches.length));
  const ahead = AHEAD_PER_WORKER * lanes;
  try {
    await Promise.all(Array.from({ length: lanes }, () => lane()));
    progress(true);
    if (retries > 0)
      log.info(`${retries} mini-batch attempt(s) failed and were retried (maxRetries ${retry.maxRetries})`);
    record.files = { total, failed };
    record.rows = rows;
    if (stopReason === "canceled") {
      await output.discard();
      record.status = "Canceled";
      record.error = run.cancelReason() ?? "canceled";
    } else if (stopReason === "init" || stopReason === "threshold") {
      await output.discard();
      record.status = "Failed";
      const head =
        stopReason === "threshold"
          ? `${failed} of ${total} file(s) failed, more than the errorThreshold of ${deployment.errorThreshold} allows; the first: `
          : "";
      record.error = `${head}${firstFailure?.message ?? "the scoring failed"}`;
      if (firstFailure?.where) record.where = firstFailure.where;
      log.info(`The workers' output (prints, tracebacks): ${join(run.logDir, "worker-<n>.log")}`);
    } else {
      await output.commit();
      record.status = "Completed";
      if (failed > 0 && firstFailure) {
        log.warning(
          `${failed} of ${total} file(s) failed (errorThreshold ${deployment.errorThreshold}); the first: ${firstFailure.message}`,
        );
      }
    }
  } catch (error) {
    await output.discard();
    record.status = "Failed";
    record.error = error instanceof Error ? error.message : String(error);
  } finally {
    run.signal.removeEventListener("abort", onCancel);
    for (const w of workers) await w.kill();
  }
  return record;
}

function firstFailureLine(answer: { ok: false; failure: ScriptFailure } | { ok: false; died: string }): string {
  return "failure" in answer ? `${answer.failure.type}: ${answer.failure.message}`.slice(0, 300) : answer.died;
}
