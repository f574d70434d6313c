/**
 * Executes a planned pipeline locally: steps in dependency order, independent ones in parallel
 * up to `maxParallel` processes, reuse of unchanged steps, sweeps, failure and cancellation.
 */
import { join, relative, sep } from "node:path";
import { UserError } from "../../../errors.js";
import type { IoType } from "../../../pipeline/model.js";
import type { Plan, PlanInput, PlanStep } from "../../../pipeline/plan.js";
import { type Assignment, better, sampleTrials, shouldTerminate } from "../../../pipeline/sweep.js";
import type { Log } from "../../../run-context.js";
import type { JobStatus, StepRecord } from "../../workspace.js";
import type { DataResolver } from "./data.js";
import { mlflowRunDirs, readRunMetricHistory } from "./metrics.js";
import { endOrphanedJobs } from "./orphans.js";
import { contentDigest, IGNORED_CODE, reuseKey, type StepCache } from "./reuse.js";
import { Slots } from "./slots.js";
import { runCommand, runnerPython } from "./step.js";

export interface TrialRecord {
  index: number;
  params: Assignment;
  status: JobStatus;
  metric?: number;
  earlyTerminated?: boolean;
  /** The trial's process while it runs (its group is ended if the runner dies). */
  pid?: number;
}

export interface LocalStepRecord extends StepRecord {
  outputs?: Record<string, string>;
  metrics?: Record<string, number>;
  /** The job whose outputs a reused step took. */
  reusedFrom?: string;
  log?: string;
  logTail?: string[];
  trials?: TrialRecord[];
  bestTrial?: number;
  /** The step's process while it runs (its group is ended if the runner dies). */
  pid?: number;
}

export interface ExecuteOptions {
  root: string;
  jobName: string;
  jobDir: string;
  plan: Plan;
  maxParallel: number;
  forceRerun: boolean;
  log: Log;
  signal: AbortSignal;
  data: DataResolver;
  cache: StepCache;
  /** Called after every step status change, with all step records. */
  onChange: (steps: LocalStepRecord[]) => void;
}

export interface ExecuteResult {
  status: JobStatus;
  steps: LocalStepRecord[];
  metrics: Record<string, number>;
  outputs: Record<string, string>;
  error?: string;
}

interface StepOutcome {
  status: JobStatus;
  outputs: Record<string, string>;
  metrics: Record<string, number>;
}

export async function executePlan(o: ExecuteOptions): Promise<ExecuteResult> {
  const { plan, log } = o;
  const settings = plan.job.settings;
  const slots = new Slots(Math.max(1, o.maxParallel));
  const failFast = new AbortController();
  const signal = AbortSignal.any([o.signal, failFast.signal]);
  const records = new Map<string, LocalStepRecord>(
    plan.steps.map((s) => [s.id, { name: s.id, status: "NotStarted" as JobStatus }]),
  );
  const update = (id: string, patch: Partial<LocalStepRecord>) => {
    Object.assign(records.get(id)!, patch);
    o.onChange([...records.values()]);
  };
  const outcomes = new Map<string, Promise<StepOutcome>>();
  let firstError: string | undefined;

  // Steps a killed run left behind are ended before this run starts its own.
  await endOrphanedJobs(o.root, log).catch((error: Error) =>
    log.warning(`Could not check for steps a killed run left running: ${error.message}`),
  );

  if (plan.steps.some((s) => s.component.environment !== undefined)) {
    log.info(
      `Steps run with this runner's interpreter (${runnerPython()}); their \`environment\` is used on Azure ML only. Set MLOPS_PYTHON to pick another python.`,
    );
  }

  const runStep = async (step: PlanStep): Promise<StepOutcome> => {
    const upstream = await Promise.all(step.deps.map((d) => outcomes.get(d)!));
    const failedDep = step.deps.find((_, i) => upstream[i].status !== "Completed");
    if (failedDep || signal.aborted) {
      const why = failedDep ? `not run: step '${failedDep}' did not complete` : "canceled";
      update(step.id, { status: "Canceled", error: why });
      return { status: "Canceled", outputs: {}, metrics: {} };
    }
    const depOutputs = new Map(step.deps.map((d, i) => [d, upstream[i].outputs]));
    try {
      const outcome = await executeStep(o, step, depOutputs, slots, signal, (patch) => update(step.id, patch));
      if (outcome.status === "Failed") {
        const rec = records.get(step.id)!;
        firstError ??= `step '${step.id}' ${rec.error ?? "failed"}`;
        if (!settings.continueOnStepFailure) failFast.abort();
      }
      return outcome;
    } catch (error) {
      // A step that cannot even start (bad data reference, a command needing a shell) fails the job.
      const message =
        error instanceof UserError ? error.describe() : error instanceof Error ? error.message : String(error);
      update(step.id, { status: "Failed", error: message, endedAt: new Date().toISOString() });
      firstError ??= `step '${step.id}': ${message}`;
      if (!settings.continueOnStepFailure) failFast.abort();
      return { status: "Failed", outputs: {}, metrics: {} };
    }
  };
  for (const step of plan.steps) outcomes.set(step.id, runStep(step));
  const done = await Promise.all(plan.steps.map((s) => outcomes.get(s.id)!));

  const metrics: Record<string, number> = {};
  const counts = new Map<string, number>();
  plan.steps.forEach((s, i) => {
    for (const [k, v] of Object.entries(done[i].metrics)) {
      metrics[`${s.id}.${k}`] = v;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  });
  plan.steps.forEach((_, i) => {
    for (const [k, v] of Object.entries(done[i].metrics)) if (counts.get(k) === 1) metrics[k] = v;
  });
  const outputs: Record<string, string> = {};
  plan.steps.forEach((s, i) => {
    for (const [k, v] of Object.entries(done[i].outputs)) outputs[`${s.id}.${k}`] = v;
  });
  const byId = new Map(plan.steps.map((s, i) => [s.id, done[i]]));
  for (const [name, src] of Object.entries(plan.outputs)) {
    const path = byId.get(src.step)?.outputs[src.output];
    if (path) outputs[name] = path;
  }
  const statuses = done.map((d) => d.status);
  const status: JobStatus = o.signal.aborted
    ? "Canceled"
    : statuses.includes("Failed")
      ? "Failed"
      : statuses.every((s) => s === "Completed")
        ? "Completed"
        : "Failed";
  return {
    status,
    steps: [...records.values()],
    metrics,
    outputs,
    error: status === "Canceled" ? "canceled" : firstError,
  };
}

async function executeStep(
  o: ExecuteOptions,
  step: PlanStep,
  depOutputs: Map<string, Record<string, string>>,
  slots: Slots,
  signal: AbortSignal,
  update: (patch: Partial<LocalStepRecord>) => void,
): Promise<StepOutcome> {
  const { log } = o;
  const dir = join(o.jobDir, "steps", ...step.id.split("/"));
  const inputs: Record<string, string | undefined> = {};
  for (const [name, input] of Object.entries(step.inputs)) inputs[name] = await bindInput(o, input, depOutputs, signal);
  const outputsDecl = outputLocations(o.plan, step);
  const c = step.component;
  const key = await stepReuseKey(o.root, step, inputs);
  const reuseAllowed = !o.forceRerun && !o.plan.job.settings.forceRerun && c.isDeterministic;
  if (reuseAllowed) {
    const hit = await o.cache.get(key);
    if (hit) {
      log.info(`[${step.id}] reused: unchanged since job ${hit.job} (component, code, command and inputs identical)`);
      const now = new Date().toISOString();
      update({
        status: "Completed",
        reused: true,
        reusedFrom: hit.job,
        outputs: hit.outputs,
        metrics: hit.metrics,
        startedAt: now,
        endedAt: now,
      });
      return { status: "Completed", outputs: hit.outputs, metrics: hit.metrics };
    }
  }
  update({ status: "Queued" });
  const onLine = (label: string) => (line: string) => log.info(`[${label}] ${line}`);
  let outcome: StepOutcome;
  if (step.node.type === "sweep") {
    outcome = await runSweep(o, step, dir, inputs, outputsDecl, slots, signal, update, onLine);
  } else {
    const release = await slots.acquire(signal).catch(() => undefined);
    if (!release) {
      update({ status: "Canceled", error: "canceled" });
      return { status: "Canceled", outputs: {}, metrics: {} };
    }
    try {
      update({ status: "Running", startedAt: new Date().toISOString() });
      const r = await runCommand({
        label: step.id,
        component: c,
        dir,
        inputs,
        outputs: outputsDecl,
        environmentVariables: step.environmentVariables,
        timeoutMs: step.timeoutSeconds !== undefined ? step.timeoutSeconds * 1000 : undefined,
        exclude: o.root,
        signal,
        onLine: onLine(step.id),
        onStart: (pid) => update({ pid }),
      });
      update({
        status: r.status,
        endedAt: new Date().toISOString(),
        outputs: r.outputs,
        metrics: r.metrics,
        error: r.error,
        where: r.where,
        logTail: r.logTail,
        log: r.log,
      });
      log.info(`[${step.id}] ${r.status}${r.error ? `: ${r.error}` : ""}`);
      outcome = r;
    } finally {
      release();
    }
  }
  if (outcome.status === "Completed") {
    await o.cache.put({
      key,
      job: o.jobName,
      step: step.id,
      outputs: outcome.outputs,
      metrics: outcome.metrics,
      createdAt: new Date().toISOString(),
    });
  }
  return outcome;
}

/** Where each output of a step goes: its folder in the job, or an explicit local `path`. */
export function outputLocations(plan: Plan, step: PlanStep): Record<string, { type: IoType; path?: string }> {
  const out: Record<string, { type: IoType; path?: string }> = {};
  for (const [name, o] of Object.entries(step.outputs)) {
    const explicit = step.node.outputs[name]?.path;
    out[name] = {
      type: o.type,
      path: explicit && !/^(azureml|https?):/.test(explicit) ? join(plan.job.baseDir, explicit) : undefined,
    };
  }
  return out;
}

/** The reuse key of a step given its bound inputs: component, code, command, input contents. */
export async function stepReuseKey(
  root: string,
  step: PlanStep,
  inputs: Record<string, string | undefined>,
): Promise<string> {
  const digests: Record<string, string> = {};
  for (const [name, input] of Object.entries(step.inputs)) {
    const value = inputs[name];
    if (input.kind === "value") digests[name] = `value:${value}`;
    else if (input.kind === "data" || input.kind === "step")
      digests[name] = value === undefined ? "none" : await contentDigest(value);
    else digests[name] = input.kind;
  }
  const c = step.component;
  const skip = (rel: string) => IGNORED_CODE(rel) || (c.code !== undefined && isInside(root, c.code, rel));
  return reuseKey({
    component: c,
    codeDigest: c.code ? await contentDigest(c.code, skip) : undefined,
    inputs: digests,
    outputs: Object.fromEntries(
      Object.entries(step.outputs).map(([k, v]) => [k, `${v.type}:${step.node.outputs[k]?.path ?? ""}`]),
    ),
    environmentVariables: step.environmentVariables,
    // The interpreter is part of the environment locally: another python may give another result.
    extra: { sweep: step.node.sweep ?? null, python: runnerPython({ ...process.env, ...step.environmentVariables }) },
  });
}

function isInside(root: string, base: string, rel: string): boolean {
  const r = relative(base, root).split(sep).join("/");
  return !r.startsWith("..") && r !== "" && (rel === r || rel.startsWith(`${r}/`));
}

export async function bindInput(
  o: Pick<ExecuteOptions, "data" | "log">,
  input: PlanInput,
  depOutputs: Map<string, Record<string, string>>,
  signal: AbortSignal,
): Promise<string | undefined> {
  switch (input.kind) {
    case "value":
      return String(input.value);
    case "data":
      return o.data.resolve(input, o.log, signal);
    case "step":
      return depOutputs.get(input.step)?.[input.output];
    default:
      return undefined;
  }
}

async function runSweep(
  o: ExecuteOptions,
  step: PlanStep,
  dir: string,
  inputs: Record<string, string | undefined>,
  outputsDecl: Record<string, { type: IoType; path?: string }>,
  slots: Slots,
  signal: AbortSignal,
  update: (patch: Partial<LocalStepRecord>) => void,
  onLine: (label: string) => (line: string) => void,
): Promise<StepOutcome> {
  const spec = step.node.sweep!;
  const { log } = o;
  if (spec.sampling.type === "bayesian")
    log.info(`[${step.id}] bayesian sampling needs Azure ML's sampler: locally the trials are sampled at random`);
  const seed = spec.sampling.seed ?? [...o.jobName].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  const assignments = sampleTrials(spec, seed);
  const trials: TrialRecord[] = assignments.map((params, index) => ({ index, params, status: "NotStarted" }));
  const metric = spec.objective.primaryMetric;
  log.info(
    `[${step.id}] sweep: ${trials.length} trial(s), at most ${spec.limits.maxConcurrentTrials} at once, ${spec.objective.goal} ${metric}`,
  );
  update({ status: "Running", startedAt: new Date().toISOString(), trials });
  const sweepStop = new AbortController();
  const sweepSignal = AbortSignal.any([signal, sweepStop.signal]);
  const deadline =
    spec.limits.timeoutSeconds !== undefined
      ? setTimeout(() => sweepStop.abort(), spec.limits.timeoutSeconds * 1000)
      : undefined;
  const concurrency = new Slots(Math.max(1, spec.limits.maxConcurrentTrials));
  const histories: number[][] = trials.map(() => []);
  const stops = trials.map(() => new AbortController());
  const running = new Set<number>();
  // Early termination reads each running trial's primary metric from its MLflow file store.
  const poll = spec.earlyTermination
    ? setInterval(async () => {
        for (const i of running) {
          const history: number[] = [];
          for (const run of await mlflowRunDirs(join(dir, "trials", String(i), "mlruns"))) {
            history.push(...((await readRunMetricHistory(run))[metric] ?? []).map((p) => p.value));
          }
          histories[i] = history;
        }
        for (const i of running) {
          if (!stops[i].signal.aborted && shouldTerminate(spec, histories[i], histories)) {
            log.info(
              `[${step.id}#${i}] early termination (${spec.earlyTermination!.type}): ${metric} ${histories[i].at(-1)} at report ${histories[i].length}`,
            );
            trials[i].earlyTerminated = true;
            stops[i].abort();
          }
        }
      }, 250)
    : undefined;
  const results = await Promise.all(
    trials.map(async (trial, i) => {
      const releaseTrial = await concurrency.acquire(sweepSignal).catch(() => undefined);
      if (!releaseTrial) return undefined;
      const release = await slots.acquire(sweepSignal).catch(() => undefined);
      if (!release) {
        releaseTrial();
        return undefined;
      }
      running.add(i);
      trial.status = "Running";
      update({ trials });
      try {
        const values: Record<string, string | undefined> = { ...inputs };
        for (const [k, v] of Object.entries(trial.params)) values[k] = String(v);
        log.info(
          `[${step.id}#${i}] trial ${Object.entries(trial.params)
            .map(([k, v]) => `${k}=${v}`)
            .join(" ")}`,
        );
        const r = await runCommand({
          label: `${step.id}#${i}`,
          component: step.component,
          dir: join(dir, "trials", String(i)),
          inputs: values,
          // Each trial writes its own outputs; the best trial's become the sweep's.
          outputs: Object.fromEntries(Object.entries(outputsDecl).map(([k, v]) => [k, { type: v.type }])),
          environmentVariables: step.environmentVariables,
          timeoutMs: spec.limits.trialTimeoutSeconds !== undefined ? spec.limits.trialTimeoutSeconds * 1000 : undefined,
          exclude: o.root,
          signal: AbortSignal.any([sweepSignal, stops[i].signal]),
          onLine: onLine(`${step.id}#${i}`),
          onStart: (pid) => {
            trial.pid = pid;
            update({ trials });
          },
        });
        trial.status = r.status;
        trial.metric = r.metrics[metric];
        update({ trials });
        return r;
      } finally {
        running.delete(i);
        release();
        releaseTrial();
      }
    }),
  );
  if (deadline) clearTimeout(deadline);
  if (poll) clearInterval(poll);
  if (signal.aborted) {
    update({ status: "Canceled", endedAt: new Date().toISOString(), error: "canceled", trials });
    return { status: "Canceled", outputs: {}, metrics: {} };
  }
  let best: number | undefined;
  results.forEach((r, i) => {
    const m = r?.metrics[metric];
    if (r?.status !== "Completed" || m === undefined) return;
    if (best === undefined || better(spec.objective.goal, m, results[best]!.metrics[metric])) best = i;
  });
  if (best === undefined) {
    const failed = results.find((r) => r?.status === "Failed");
    const error = `no trial completed with a '${metric}' metric${failed?.error ? ` (a trial ${failed.error})` : ""}`;
    update({ status: "Failed", endedAt: new Date().toISOString(), error, trials, logTail: failed?.logTail });
    return { status: "Failed", outputs: {}, metrics: {} };
  }
  const winner = results[best]!;
  const metrics = { ...winner.metrics, best_trial: best };
  log.info(
    `[${step.id}] best trial #${best}: ${metric}=${winner.metrics[metric]} with ${Object.entries(trials[best].params)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
  update({
    status: "Completed",
    endedAt: new Date().toISOString(),
    outputs: winner.outputs,
    metrics,
    trials,
    bestTrial: best,
  });
  return { status: "Completed", outputs: winner.outputs, metrics };
}
