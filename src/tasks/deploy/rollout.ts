import { hostname } from "node:os";
import { errorMessage } from "../../errors.js";
import type { Log } from "../../run-context.js";
import type {
  ArtifactStore,
  EndpointService,
  EndpointState,
  NewDeployment,
  PlatformMetrics,
} from "../../workspace/workspace.js";
import {
  type DeploymentNumbers,
  judge,
  type Sample,
  type StepAnalysis,
  summarize,
  type Thresholds,
} from "./analysis.js";
import { bake } from "./bake.js";
import { answerProblem } from "./checks.js";
import { firstMismatch } from "./expect.js";
import { describeTraffic, hasTraffic, type TrafficMap, trafficAt } from "./traffic.js";

/**
 * What a rollout in progress writes before it changes anything, so a re-run after an
 * interruption (a killed runner) can finish it or undo it.
 */
export interface RolloutJournal {
  endpoint: string;
  deployment: string;
  model: string;
  /** The traffic map before the rollout: what a rollback restores, exactly. */
  saved: TrafficMap;
  /** The mirrored traffic before the rollout, restored the same way (absent from older journals). */
  savedMirror?: TrafficMap;
  /** The highest traffic step whose checks passed. */
  reached: number;
  state: "running" | "succeeded" | "rolled-back";
  startedAt: string;
  /** Who runs it, so a second rollout on the same machine can tell a live one from an interrupted one. */
  host: string;
  pid: number;
}

export interface RolloutPlan {
  endpoint: string;
  deployment: NewDeployment;
  modelRef: string;
  steps: number[];
  /** The JSON request for the smoke test and the bursts; undefined skips both. */
  request?: string;
  burst: number;
  /** The smoke test's expected answer (parsed JSON) and the relative tolerance for its numbers. */
  expect?: { value: unknown; tolerance: number; file: string };
  /** A bake window after each step (and the mirror step); absent or 0 seconds: the burst only. */
  bake?: {
    seconds: number;
    rps: number;
    thresholds: Thresholds;
    mirrorPercent: number;
    /** Bodies the bake load cycles through; absent: the smoke-test request. */
    requests?: string[];
  };
  /**
   * Old deployments that were already failing before the rollout (process gone, provisioning
   * failed). Their failed answers are not the new deployment's fault: they are counted and
   * reported, and do not roll back the deployment that replaces them.
   */
  alreadyFailing?: string[];
}

export interface StepReport {
  step: string;
  traffic: string;
  requests: number;
  /** Requests the new deployment answered. */
  byNew: number;
  ok: boolean;
  note?: string;
}

export interface RolloutOutcome {
  status: "Succeeded" | "RolledBack";
  rolledBack: boolean;
  steps: StepReport[];
  /** What each step measured and its verdict (the `analysis` output). */
  analysis: StepAnalysis[];
  error?: string;
  endpoint: EndpointState;
}

export interface RolloutDeps {
  endpoints: EndpointService;
  artifacts: ArtifactStore;
  log: Log;
  signal: AbortSignal;
}

export const journalPath = (endpoint: string) => `rollouts/${endpoint}.json`;

export async function readJournal(artifacts: ArtifactStore, endpoint: string): Promise<RolloutJournal | undefined> {
  const raw = await artifacts.read(journalPath(endpoint));
  return raw ? (JSON.parse(raw.toString("utf8")) as RolloutJournal) : undefined;
}

async function writeJournal(artifacts: ArtifactStore, journal: RolloutJournal): Promise<void> {
  await artifacts.write(journalPath(journal.endpoint), `${JSON.stringify(journal, null, 2)}\n`);
}

class RolloutError extends Error {}

/** A journal still marked running by another live process on this machine: a rollout in progress, not an interrupted one. */
export function inProgressElsewhere(journal: Pick<RolloutJournal, "state" | "host" | "pid">): boolean {
  if (journal.state !== "running" || journal.host !== hostname() || journal.pid === process.pid || !journal.pid)
    return false;
  try {
    process.kill(journal.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Sends `count` requests through the endpoint's router; every answer must be 2xx JSON. */
async function burst(
  deps: RolloutDeps,
  plan: RolloutPlan,
  count: number,
  label: string,
  samples: Sample[] = [],
): Promise<StepReport> {
  let byNew = 0;
  let excused = 0;
  const failing = new Set(plan.alreadyFailing ?? []);
  for (let i = 0; i < count; i++) {
    if (deps.signal.aborted) throw new RolloutError("cancelled");
    const started = performance.now();
    const answer = await deps.endpoints.invoke(plan.endpoint, plan.request ?? "");
    const problem = answerProblem(answer);
    samples.push({ deployment: answer.deployment, kind: "live", ok: !problem, ms: performance.now() - started });
    if (problem && answer.deployment && failing.has(answer.deployment)) {
      excused += 1;
      continue;
    }
    if (problem) {
      throw new RolloutError(
        `request ${i + 1} of ${count} at ${label}${answer.deployment ? ` (answered by ${answer.deployment})` : ""} failed: ${problem}`,
      );
    }
    if (answer.deployment === plan.deployment.name) byNew += 1;
  }
  if (excused > 0) {
    deps.log.warning(
      `${excused} request(s) at ${label} failed on deployment(s) already failing before this rollout: ${[...failing].join(", ")}`,
    );
  }
  const note = excused > 0 ? `${excused} failed on already-failing ${[...failing].join(", ")}` : undefined;
  return { step: label, traffic: "", requests: count, byNew, ok: true, note };
}

/**
 * Removes deployments that no longer have traffic (after a rollout reached 100 %). A failure
 * here is a warning: the new deployment already serves everything.
 */
export async function removeOldDeployments(deps: RolloutDeps, endpoint: string, keep: string): Promise<void> {
  const state = await deps.endpoints.get(endpoint);
  for (const d of state?.deployments ?? []) {
    if (d.name === keep || (state?.traffic[d.name] ?? 0) > 0) continue;
    try {
      await deps.endpoints.deleteDeployment(endpoint, d.name, deps.log);
    } catch (error) {
      deps.log.warning(`Could not remove old deployment ${d.name}: ${(error as Error).message}`);
    }
  }
}

/**
 * Undoes a rollout: the saved traffic map exactly as it was, then the new deployment deleted.
 * Throws when the traffic cannot be restored (the endpoint needs a person then).
 */
export async function undo(deps: RolloutDeps, journal: RolloutJournal): Promise<void> {
  const state = await deps.endpoints.get(journal.endpoint);
  const existing = new Set(state?.deployments.map((d) => d.name));
  const missing = Object.keys(journal.saved).filter((d) => !existing.has(d));
  if (missing.length > 0)
    deps.log.warning(`Saved traffic names deployment(s) that no longer exist: ${missing.join(", ")}`);
  const restore = Object.fromEntries(Object.entries(journal.saved).filter(([d]) => existing.has(d)));
  // Mirrored traffic first: the new deployment must not keep receiving copies, nor be deleted while it does.
  const mirrorNow = state?.mirrorTraffic ?? {};
  if (journal.savedMirror && deps.endpoints.setMirror && !sameMap(mirrorNow, journal.savedMirror)) {
    const mirror = Object.fromEntries(Object.entries(journal.savedMirror).filter(([d]) => existing.has(d)));
    await deps.endpoints.setMirror(journal.endpoint, mirror, deps.log);
    deps.log.info(`Restored mirrored traffic: ${describeTraffic(mirror)}`);
  }
  await deps.endpoints.setTraffic(journal.endpoint, restore, deps.log);
  deps.log.info(`Restored traffic: ${describeTraffic(restore)}`);
  if (existing.has(journal.deployment) && !(journal.deployment in journal.saved)) {
    await deps.endpoints.deleteDeployment(journal.endpoint, journal.deployment, deps.log);
  }
  await writeJournal(deps.artifacts, { ...journal, state: "rolled-back" });
}

function sameMap(a: TrafficMap, b: TrafficMap): boolean {
  const live = (m: TrafficMap) =>
    Object.entries(m)
      .filter(([, p]) => p > 0)
      .sort(([x], [y]) => (x < y ? -1 : 1));
  return JSON.stringify(live(a)) === JSON.stringify(live(b));
}

const ms = (n: DeploymentNumbers | undefined) => (n ? `p50 ${n.p50} / p95 ${n.p95} / p99 ${n.p99} ms` : "");

/** Logs a step's numbers, one line per deployment, then the verdict. */
function logAnalysis(log: RolloutDeps["log"], a: StepAnalysis): void {
  for (const [d, n] of Object.entries(a.deployments)) {
    log.info(`  ${d}: ${n.requests} request(s), ${n.errors} error(s), ${ms(n)}`);
  }
  const line = `${a.step}: ${a.verdict}${a.reasons.length ? ` — ${a.reasons.join("; ")}` : ""}`;
  if (a.verdict === "pass") log.info(line);
  else log.error(line);
}

/**
 * A bake window judged: the steady load, its numbers per deployment, and the verdict for the new
 * deployment (its live answers, or its mirrored copies in the mirror step).
 */
async function bakeStep(
  deps: RolloutDeps,
  plan: RolloutPlan,
  step: string,
  kind: "mirror" | "live",
  traffic: TrafficMap,
  mirrorTraffic: TrafficMap | undefined,
): Promise<StepAnalysis> {
  const b = plan.bake as NonNullable<RolloutPlan["bake"]>;
  deps.log.info(`Baking for ${b.seconds} s at ${b.rps} request(s)/s`);
  const start = new Date();
  const measured = await bake({
    endpoints: deps.endpoints,
    endpoint: plan.endpoint,
    requests: b.requests ?? [plan.request ?? ""],
    rps: b.rps,
    seconds: b.seconds,
    deployment: plan.deployment.name,
    mirrorPercent: kind === "mirror" ? b.mirrorPercent : 0,
    signal: deps.signal,
  });
  if (deps.signal.aborted) throw new RolloutError("cancelled");
  const deployments = summarize(measured.samples);
  const { verdict, reasons } = measured.problem
    ? { verdict: "inconclusive" as const, reasons: [measured.problem] }
    : judge(deployments, plan.deployment.name, kind, b.thresholds);
  const analysis: StepAnalysis = {
    step,
    kind,
    traffic,
    ...(mirrorTraffic ? { mirrorTraffic } : {}),
    seconds: b.seconds,
    source: measured.source,
    deployments,
    verdict,
    reasons,
  };
  logAnalysis(deps.log, analysis);
  const platform = await platformMetrics(deps, plan.endpoint, { start, end: new Date() });
  if (platform) analysis.platform = platform;
  return analysis;
}

/** Per rollout: a reason already logged, and whether asking again is pointless (no permission). */
const platformSeen = new WeakMap<RolloutDeps, { reason?: string; final?: boolean }>();

/**
 * The endpoint's own metrics for a bake window, where the backend has them: logged beside the
 * runner's numbers, which alone decide. Never fails the step; a reason they are absent is logged
 * once, and after a refusal (no permission) they are not asked for again.
 */
async function platformMetrics(
  deps: RolloutDeps,
  endpoint: string,
  window: { start: Date; end: Date },
): Promise<PlatformMetrics | undefined> {
  if (!deps.endpoints.platformMetrics) return undefined;
  const seen = platformSeen.get(deps) ?? {};
  platformSeen.set(deps, seen);
  if (seen.final) return undefined;
  let m: PlatformMetrics;
  try {
    m = await deps.endpoints.platformMetrics(endpoint, window, deps.signal);
  } catch (error) {
    if (deps.signal.aborted) throw new RolloutError("cancelled");
    m = { available: false, reason: errorMessage(error) };
  }
  if (!m.available) {
    if (m.reason !== seen.reason)
      deps.log.info(`Platform metrics are not shown beside the runner's numbers: ${m.reason}`);
    seen.reason = m.reason;
    seen.final = m.final;
    return m;
  }
  for (const [d, n] of Object.entries(m.deployments)) {
    deps.log.info(
      `  ${d} (${m.source}, ${m.timespan}, informational): ${n.requests ?? "?"} request(s), p95 ${n.p95 ?? "?"} / p99 ${n.p99 ?? "?"} ms`,
    );
  }
  return m;
}

/**
 * Blue/green: the new deployment at 0 %, a smoke test sent to it directly, traffic shifted in
 * steps with a burst of requests through the endpoint after each, old deployments removed once
 * at 0 %. Any failure restores the saved traffic map exactly and deletes the new deployment.
 * Written against the EndpointService port only, so every backend gets the same rollout.
 */
export async function blueGreen(deps: RolloutDeps, plan: RolloutPlan, before: EndpointState): Promise<RolloutOutcome> {
  const { endpoints, log } = deps;
  const name = plan.deployment.name;
  const journal: RolloutJournal = {
    endpoint: plan.endpoint,
    deployment: name,
    model: plan.modelRef,
    saved: { ...before.traffic },
    savedMirror: { ...(before.mirrorTraffic ?? {}) },
    reached: 0,
    state: "running",
    startedAt: new Date().toISOString(),
    host: hostname(),
    pid: process.pid,
  };
  await writeJournal(deps.artifacts, journal);
  // The first deployment of an endpoint has nobody to share traffic with.
  const steps = hasTraffic(journal.saved) ? plan.steps : [100];
  const reports: StepReport[] = [];
  const analysis: StepAnalysis[] = [];
  const baking = plan.bake !== undefined && plan.bake.seconds > 0 && plan.request !== undefined;
  try {
    const created = await log.group(`Create deployment ${name} at 0 %`, () =>
      endpoints.createDeployment(plan.endpoint, plan.deployment, log),
    );
    // A backend may report a failed provisioning as a state rather than an error.
    if (created.status !== "Succeeded") {
      throw new RolloutError(`deployment ${name} ended ${created.status}${created.error ? `: ${created.error}` : ""}`);
    }
    if (plan.request !== undefined) {
      await log.group(`Smoke test ${name}`, async () => {
        const answer = await endpoints.invoke(plan.endpoint, plan.request ?? "", name);
        const problem = answerProblem(answer);
        if (problem) throw new RolloutError(`smoke test of ${name} failed: ${problem}`);
        log.info(`Smoke test answered HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
        if (plan.expect) {
          const m = firstMismatch(plan.expect.value, JSON.parse(answer.body), plan.expect.tolerance);
          if (m) {
            throw new RolloutError(
              `smoke test of ${name} answered ${m.actual} at ${m.path} where ${plan.expect.file} expects ${m.expected} (relative tolerance ${plan.expect.tolerance})`,
            );
          }
          log.info(`Smoke test answer matches ${plan.expect.file} (relative tolerance ${plan.expect.tolerance})`);
        }
        reports.push({ step: "smoke test", traffic: "direct", requests: 1, byNew: 1, ok: true });
      });
    } else {
      log.warning(
        "No smokeTest request: the new deployment is only checked for health, and no requests are sent after each step.",
      );
    }
    const mirrorPercent = baking ? (plan.bake?.mirrorPercent ?? 0) : 0;
    if (mirrorPercent > 0 && !hasTraffic(journal.saved)) {
      log.warning(
        `mirrorPercent ${mirrorPercent}: the endpoint has no live traffic to mirror yet; skipping the mirror step.`,
      );
    } else if (mirrorPercent > 0 && endpoints.setMirror) {
      const setMirror = endpoints.setMirror.bind(endpoints);
      const mirror = { ...journal.savedMirror, [name]: mirrorPercent };
      const step = `mirror ${mirrorPercent} %`;
      const a = await log.group(`Mirror ${mirrorPercent} % of traffic to ${name} (answers discarded)`, async () => {
        await setMirror(plan.endpoint, mirror, log);
        try {
          return await bakeStep(deps, plan, step, "mirror", journal.saved, mirror);
        } finally {
          // The mirror ends before any live step (a deployment takes live or mirrored traffic, not both).
          await setMirror(plan.endpoint, journal.savedMirror ?? {}, log);
        }
      });
      analysis.push(a);
      const n = a.deployments[`${name} (mirror)`];
      reports.push({
        step,
        traffic: `${describeTraffic(journal.saved)}; mirror ${name} ${mirrorPercent}%`,
        requests: Object.values(a.deployments).reduce((s, x) => s + x.requests, 0),
        byNew: n?.requests ?? 0,
        ok: a.verdict === "pass",
        note: a.reasons.join("; ") || undefined,
      });
      if (a.verdict !== "pass") throw new RolloutError(`${step}: ${a.verdict}: ${a.reasons.join("; ")}`);
    }
    for (const percent of steps) {
      if (deps.signal.aborted) throw new RolloutError("cancelled");
      const map = trafficAt(journal.saved, name, percent);
      const step = `${percent} %`;
      await log.group(`Traffic ${percent} % to ${name}`, async () => {
        await endpoints.setTraffic(plan.endpoint, map, log);
        const samples: Sample[] = [];
        let report: StepReport;
        try {
          report =
            plan.request !== undefined && plan.burst > 0
              ? await burst(deps, plan, plan.burst, step, samples)
              : { step, traffic: "", requests: 0, byNew: 0, ok: true };
        } catch (error) {
          // The burst's numbers go into the analysis even when it stopped the rollout.
          if (!baking && samples.length)
            analysis.push(burstAnalysis(step, map, samples, "fail", [errorMessage(error)]));
          throw error;
        }
        report.traffic = describeTraffic(map);
        reports.push(report);
        if (report.requests) log.info(`${report.requests} request(s) answered, ${report.byNew} by ${name}`);
        if (!baking) {
          if (samples.length) analysis.push(burstAnalysis(step, map, samples, "pass", []));
          return;
        }
        const a = await bakeStep(deps, plan, `${step} bake`, "live", map, undefined);
        analysis.push(a);
        reports.push({
          step: `${step} bake`,
          traffic: report.traffic,
          requests: Object.values(a.deployments).reduce((s, x) => s + x.requests, 0),
          byNew: a.deployments[name]?.requests ?? 0,
          ok: a.verdict === "pass",
          note: a.reasons.join("; ") || undefined,
        });
        if (a.verdict !== "pass") throw new RolloutError(`${step} bake: ${a.verdict}: ${a.reasons.join("; ")}`);
      });
      journal.reached = percent;
      await writeJournal(deps.artifacts, journal);
    }
  } catch (error) {
    const message = errorMessage(error);
    log.error(`Rollout of ${name} failed: ${message.split("\n")[0]}`);
    if (!(error instanceof RolloutError)) log.info(message);
    reports.push({ step: "failed", traffic: "", requests: 0, byNew: 0, ok: false, note: message.split("\n")[0] });
    await log.group(`Roll back to ${describeTraffic(journal.saved)}`, () => undo(deps, journal));
    const after = (await endpoints.get(plan.endpoint)) ?? before;
    return { status: "RolledBack", rolledBack: true, steps: reports, analysis, error: message, endpoint: after };
  }
  await log.group("Remove old deployments", () => removeOldDeployments(deps, plan.endpoint, name));
  await writeJournal(deps.artifacts, { ...journal, state: "succeeded" });
  const after = (await endpoints.get(plan.endpoint)) ?? before;
  return { status: "Succeeded", rolledBack: false, steps: reports, analysis, endpoint: after };
}

/** A step without a bake window: the burst's numbers, judged by the burst's rule (every answer 2xx JSON). */
function burstAnalysis(
  step: string,
  traffic: TrafficMap,
  samples: Sample[],
  verdict: "pass" | "fail",
  reasons: string[],
): StepAnalysis {
  return {
    step,
    kind: "burst",
    traffic,
    seconds: 0,
    source: "runner",
    deployments: summarize(samples),
    verdict,
    reasons,
  };
}
