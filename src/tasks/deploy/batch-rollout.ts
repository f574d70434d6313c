/**
 * A batch endpoint's rollout: the new deployment is created beside the default (never made the
 * default by creating it), scores `batchInput` as a job, and becomes the default only when that
 * job completes within `errorThreshold` (and its output matches `smokeTestExpect`, when given).
 * Any failure leaves the previous default as it was and removes the new deployment. Written
 * against the BatchEndpointService port only, so every backend gets the same rollout.
 *
 * After a success the previous default is kept, not deleted: an idle batch deployment costs
 * nothing (its cluster scales to zero; locally it is a record), and it is the one-step way back
 * if tonight's scores look wrong. Deployments older than that are removed, so an endpoint holds
 * at most two.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { errorMessage } from "../../errors.js";
import type { Log } from "../../run-context.js";
import { crashPoint } from "../../util/crash-point.js";
import type {
  ArtifactStore,
  BatchEndpointService,
  BatchEndpointState,
  BatchJobRecord,
  NewBatchDeployment,
} from "../../workspace/workspace.js";
import { countRows, firstRowMismatch } from "./batch-expect.js";
import type { BatchSettings } from "./batch-settings.js";

/** What a batch rollout writes before it changes anything, so a re-run can finish or undo it. */
export interface BatchJournal {
  kind: "batch";
  endpoint: string;
  deployment: string;
  model: string;
  /** The default before the rollout: what stays (or is restored) on failure. */
  previousDefault?: string;
  /** The endpoint did not exist before this rollout: it is removed if the rollout fails. */
  createdEndpoint: boolean;
  /** How far it got; `passed`: the scoring job passed, only making it the default is left. */
  reached: "started" | "created" | "scoring" | "passed";
  job?: string;
  state: "running" | "succeeded" | "rolled-back";
  startedAt: string;
  host: string;
  pid: number;
}

export interface BatchRolloutDeps {
  batch: BatchEndpointService;
  artifacts: ArtifactStore;
  log: Log;
  signal: AbortSignal;
}

export interface BatchPlan {
  endpoint: string;
  deployment: NewBatchDeployment;
  modelRef: string;
  settings: BatchSettings;
  createdEndpoint: boolean;
  previousDefault?: string;
}

export interface BatchStep {
  step: string;
  detail: string;
  ok: boolean;
}

export interface BatchOutcome {
  /** Failed: the default was already the deployment asked for (nothing rolled out) and its scoring failed. */
  status: "Succeeded" | "RolledBack" | "Failed";
  /** The deployment asked for was already the default: it only scored. */
  unchanged?: boolean;
  steps: BatchStep[];
  job?: BatchJobRecord;
  rows?: number;
  /** The first line of why it rolled back. */
  error?: string;
  /** Old deployments removed after the success. */
  removed: string[];
  /** The endpoint removed because this run created it and its first rollout failed. */
  endpointRemoved?: boolean;
  endpoint?: BatchEndpointState;
}

export const batchJournalPath = (endpoint: string) => `rollouts/batch-${endpoint}.json`;

export async function readBatchJournal(artifacts: ArtifactStore, endpoint: string): Promise<BatchJournal | undefined> {
  const raw = await artifacts.read(batchJournalPath(endpoint));
  return raw ? (JSON.parse(raw.toString("utf8")) as BatchJournal) : undefined;
}

async function writeJournal(artifacts: ArtifactStore, journal: BatchJournal): Promise<void> {
  await artifacts.write(batchJournalPath(journal.endpoint), `${JSON.stringify(journal, null, 2)}\n`);
}

/** A failed check of the rollout, as opposed to a backend call that threw. */
class BatchRolloutError extends Error {}

/**
 * Undoes a rollout: the previous default restored if the new deployment had become it, the new
 * deployment deleted, and an endpoint the rollout created deleted whole. Throws when the
 * previous default cannot be restored (the endpoint needs a person then).
 */
export async function undoBatch(deps: BatchRolloutDeps, journal: BatchJournal): Promise<{ endpointRemoved: boolean }> {
  const { batch, log } = deps;
  const state = await batch.get(journal.endpoint);
  let endpointRemoved = false;
  if (state) {
    const has = (d: string | undefined) => d !== undefined && state.deployments.some((x) => x.name === d);
    if (journal.createdEndpoint) {
      await batch.delete(journal.endpoint, log);
      log.info(`Removed endpoint ${journal.endpoint}: this rollout created it.`);
      endpointRemoved = true;
    } else {
      if (state.defaultDeployment === journal.deployment && has(journal.previousDefault)) {
        await batch.setDefault(journal.endpoint, journal.previousDefault as string, log);
        log.info(`Restored the default deployment: ${journal.previousDefault}`);
      }
      if (has(journal.deployment) && journal.deployment !== journal.previousDefault) {
        await batch.deleteDeployment(journal.endpoint, journal.deployment, log);
        log.info(`Removed deployment ${journal.deployment}.`);
      }
    }
  }
  await writeJournal(deps.artifacts, { ...journal, state: "rolled-back" });
  return { endpointRemoved };
}

/**
 * Deletes the endpoint's deployments other than the default and `keep` (the previous default).
 * A failure is a warning: the new default already scores.
 */
export async function removeOlderDeployments(
  deps: BatchRolloutDeps,
  endpoint: string,
  keep: string | undefined,
): Promise<string[]> {
  const state = await deps.batch.get(endpoint);
  const removed: string[] = [];
  for (const d of state?.deployments ?? []) {
    if (d.name === state?.defaultDeployment || d.name === keep) continue;
    try {
      await deps.batch.deleteDeployment(endpoint, d.name, deps.log);
      removed.push(d.name);
    } catch (error) {
      deps.log.warning(`Could not remove old deployment ${d.name}: ${errorMessage(error)}`);
    }
  }
  return removed;
}

/** Finishes a rollout whose job passed: the new deployment made the default, older ones removed. */
export async function finishBatch(deps: BatchRolloutDeps, journal: BatchJournal): Promise<string[]> {
  await deps.batch.setDefault(journal.endpoint, journal.deployment, deps.log);
  deps.log.info(`${journal.deployment} is the default deployment of ${journal.endpoint}.`);
  const removed = await removeOlderDeployments(deps, journal.endpoint, journal.previousDefault);
  await writeJournal(deps.artifacts, { ...journal, reached: "passed", state: "succeeded" });
  return removed;
}

/** Why the job does not pass, or undefined when it does. */
export function jobProblem(record: BatchJobRecord, errorThreshold: number): string | undefined {
  const files = record.files;
  const failedFiles = files ? `${files.failed} of ${files.total} file(s) failed` : undefined;
  if (record.status !== "Completed") {
    const why = record.error ?? failedFiles;
    return `scoring job ${record.name} ended ${record.status}${why ? `: ${why}` : ""}`;
  }
  if (files && files.total === 0) return `scoring job ${record.name} scored no files`;
  if (files && errorThreshold >= 0 && files.failed > errorThreshold) {
    return `scoring job ${record.name}: ${failedFiles}, over errorThreshold ${errorThreshold}${record.error ? `: ${record.error}` : ""}`;
  }
  return undefined;
}

const describeFiles = (r: BatchJobRecord) =>
  r.files ? `${r.files.total} file(s), ${r.files.failed} failed` : "files not reported";

/** The job's output file read into a fresh folder (a download on Azure ML), removed afterwards. */
async function withOutput<T>(
  deps: BatchRolloutDeps,
  record: BatchJobRecord,
  fn: (path: string | undefined) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "mlops-batch-output-"));
  try {
    return await fn(await deps.batch.readOutput(record, dir, deps.log));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What one scoring job showed: its record, its rows, and the steps for the summary. */
interface Scored {
  steps: BatchStep[];
  job?: BatchJobRecord;
  rows?: number;
}

/**
 * Scores the batch input with one deployment and checks the job: completed, failed files within
 * errorThreshold, and the rows smokeTestExpect names. A failed check throws BatchRolloutError;
 * `seen` keeps what was learnt either way. `started` runs once the job has a name, before the wait.
 */
async function scoreAndCheck(
  deps: BatchRolloutDeps,
  endpoint: string,
  name: string,
  s: BatchSettings,
  seen: Scored,
  started?: (job: string) => Promise<void>,
): Promise<void> {
  const { batch, log } = deps;
  const steps = seen.steps;
  const job = await log.group(`Score ${s.inputLabel} with ${name}`, async () => {
    const started_ = await batch.invoke(
      endpoint,
      {
        deployment: name,
        input: s.input,
        ...(s.outputPath ? { outputPath: s.outputPath } : {}),
        outputFile: s.outputFile,
      },
      { log, signal: deps.signal },
    );
    log.info(`Scoring job ${started_} started on ${s.inputLabel}`);
    await started?.(started_);
    return batch.wait(started_, { log, signal: deps.signal });
  });
  seen.job = job;
  const problem = jobProblem(job, s.errorThreshold);
  steps.push({
    step: `score ${s.inputLabel}`,
    detail: `job ${job.name}: ${job.status}, ${describeFiles(job)}`,
    ok: problem === undefined,
  });
  if (problem) throw new BatchRolloutError(problem);
  if (job.files && job.files.failed > 0) {
    log.warning(
      `${job.files.failed} of ${job.files.total} file(s) failed, within errorThreshold ${s.errorThreshold === -1 ? "-1 (any)" : s.errorThreshold}${job.error ? `: ${job.error}` : ""}`,
    );
  }
  seen.rows = job.rows;
  if (seen.rows === undefined || s.expect) {
    const mismatch = await withOutput(deps, job, async (path) => {
      if (path === undefined) {
        if (s.expect) throw new BatchRolloutError(`scoring job ${job.name} wrote no ${s.outputFile}`);
        return undefined;
      }
      seen.rows ??= await countRows(path);
      if (!s.expect) return undefined;
      const m = firstRowMismatch(s.expect, await readFile(path, "utf8"), s.outputFile, s.expect.tolerance);
      steps.push({
        step: `compare with ${s.expect.file}`,
        detail: m ?? `${s.expect.rows.length} row(s) match (relative tolerance ${s.expect.tolerance})`,
        ok: m === undefined,
      });
      return m;
    });
    if (mismatch) throw new BatchRolloutError(`the output of ${name} differs: ${mismatch}`);
  }
}

/**
 * The deployment asked for is already the endpoint's default: nothing to roll out, so the run
 * scores batchInput with it (a nightly job's scoring) and reports the job like a rollout's.
 */
export async function scoreWithDefault(
  deps: BatchRolloutDeps,
  endpoint: string,
  name: string,
  s: BatchSettings,
): Promise<BatchOutcome> {
  const seen: Scored = { steps: [] };
  try {
    await scoreAndCheck(deps, endpoint, name, s, seen);
  } catch (error) {
    const message = errorMessage(error);
    const line = message.split("\n")[0];
    // Logged as information: the task's own failure line says it as the error.
    deps.log.info(`Scoring with ${name} failed: ${line}`);
    if (!(error instanceof BatchRolloutError)) deps.log.info(message);
    seen.steps.push({ step: "failed", detail: line, ok: false });
    return {
      status: "Failed",
      unchanged: true,
      steps: seen.steps,
      job: seen.job,
      rows: seen.rows,
      error: line,
      removed: [],
      endpoint: await deps.batch.get(endpoint),
    };
  }
  return {
    status: "Succeeded",
    unchanged: true,
    steps: seen.steps,
    job: seen.job,
    rows: seen.rows,
    removed: [],
    endpoint: await deps.batch.get(endpoint),
  };
}

export async function batchRollout(deps: BatchRolloutDeps, plan: BatchPlan): Promise<BatchOutcome> {
  const { batch, log } = deps;
  const name = plan.deployment.name;
  const s = plan.settings;
  const journal: BatchJournal = {
    kind: "batch",
    endpoint: plan.endpoint,
    deployment: name,
    model: plan.modelRef,
    ...(plan.previousDefault ? { previousDefault: plan.previousDefault } : {}),
    createdEndpoint: plan.createdEndpoint,
    reached: "started",
    state: "running",
    startedAt: new Date().toISOString(),
    host: hostname(),
    pid: process.pid,
  };
  await writeJournal(deps.artifacts, journal);
  const steps: BatchStep[] = [];
  // What the scoring showed, kept for the outcome whether it passed or not.
  const seen: Scored = { steps };
  try {
    const created = await log.group(`Create deployment ${name} (not the default)`, () =>
      batch.createDeployment(plan.endpoint, plan.deployment, log),
    );
    // A backend may report a failed provisioning as a state rather than an error.
    if (created.status !== "Succeeded") {
      throw new BatchRolloutError(
        `deployment ${name} ended ${created.status}${created.error ? `: ${created.error}` : ""}`,
      );
    }
    steps.push({ step: `create deployment ${name}`, detail: `${plan.modelRef}, not the default`, ok: true });
    journal.reached = "created";
    await writeJournal(deps.artifacts, journal);

    await scoreAndCheck(deps, plan.endpoint, name, s, seen, async (job) => {
      journal.reached = "scoring";
      journal.job = job;
      await writeJournal(deps.artifacts, journal);
      crashPoint("batch-rollout.scoring");
    });
    const job = seen.job as BatchJobRecord;
    log.info(`Scoring job ${job.name} passed: ${describeFiles(job)}, ${seen.rows ?? "?"} row(s) in ${job.outputFile}`);
    journal.reached = "passed";
    await writeJournal(deps.artifacts, journal);
    crashPoint("batch-rollout.passed");
  } catch (error) {
    const message = errorMessage(error);
    const line = message.split("\n")[0];
    // Logged as information: the task's own failure line (one per run) says it as the error.
    log.info(`Rollout of ${name} failed: ${line}`);
    if (!(error instanceof BatchRolloutError)) log.info(message);
    steps.push({ step: "failed", detail: line, ok: false });
    const what = plan.previousDefault
      ? `Roll back: ${plan.previousDefault} stays the default`
      : `Roll back: remove ${plan.createdEndpoint ? `endpoint ${plan.endpoint}` : name}`;
    const { endpointRemoved } = await log.group(what, () => undoBatch(deps, journal));
    steps.push({
      step: "roll back",
      detail: endpointRemoved
        ? `endpoint ${plan.endpoint} (created by this run) removed`
        : `${name} removed${plan.previousDefault ? `; ${plan.previousDefault} is still the default` : ""}`,
      ok: true,
    });
    return {
      status: "RolledBack",
      steps,
      job: seen.job,
      rows: seen.rows,
      error: line,
      removed: [],
      endpointRemoved,
      endpoint: await batch.get(plan.endpoint),
    };
  }
  const removed = await log.group(`Make ${name} the default`, () => finishBatch(deps, journal));
  steps.push({
    step: `make ${name} the default`,
    detail: plan.previousDefault ? `was ${plan.previousDefault} (kept for a switch back)` : "first deployment",
    ok: true,
  });
  if (removed.length) steps.push({ step: "remove older deployments", detail: removed.join(", "), ok: true });
  return {
    status: "Succeeded",
    steps,
    job: seen.job,
    rows: seen.rows,
    removed,
    endpoint: await batch.get(plan.endpoint),
  };
}
