/**
 * What a traffic step measured and what it means: per-deployment request counts, errors and
 * latency percentiles from the requests of the step's bake window, and the step's verdict
 * against the thresholds. Pure functions: the rollout gathers the samples, this judges them.
 */
import type { PlatformMetrics } from "../../workspace/workspace.js";
import type { TrafficMap } from "./traffic.js";

/** One request of a step: who answered (when known), whether it was a copy, and how it went. */
export interface Sample {
  /** The deployment that answered; undefined when no answer named one (a timeout, a refused connection). */
  deployment?: string;
  /** `live`: routed by the traffic map; `mirror`: a copy whose answer was discarded. */
  kind: "live" | "mirror";
  /** 2xx with a JSON body. */
  ok: boolean;
  ms: number;
}

export interface DeploymentNumbers {
  /** `mirror` when these are the copies mirrored to the deployment. */
  kind: "live" | "mirror";
  requests: number;
  /** Answers that were not 2xx JSON, or no answer at all. */
  errors: number;
  errorRate: number;
  /** Latency percentiles in milliseconds (nearest rank), over every request, failed ones included. */
  p50: number;
  p95: number;
  p99: number;
}

export interface Thresholds {
  maxErrorRate: number;
  /** Ceiling for the new deployment's p95 latency, in milliseconds. */
  maxLatencyMs?: number;
  /** Fewer requests than this served by the new deployment is too little evidence. */
  minRequests: number;
}

export type Verdict = "pass" | "fail" | "inconclusive";

/** One entry of the `analysis` output. */
export interface StepAnalysis {
  step: string;
  /** `mirror`: the new deployment got copies only; `live`: a traffic step; `burst`: the burst only (no bake). */
  kind: "mirror" | "live" | "burst";
  traffic: TrafficMap;
  mirrorTraffic?: TrafficMap;
  /** Length of the measured window in seconds (0 for a burst). */
  seconds: number;
  /** `router`: the endpoint's own records; `runner`: measured by this task from its requests. */
  source: "router" | "runner";
  /** Keyed by deployment; `(no answer)` holds requests no deployment answered. */
  deployments: Record<string, DeploymentNumbers>;
  verdict: Verdict;
  reasons: string[];
  /**
   * The endpoint's platform metrics for the window (Azure Monitor), where the backend has them:
   * informational, beside the numbers above, never part of the verdict.
   */
  platform?: PlatformMetrics;
}

export const NO_ANSWER = "(no answer)";

/** Nearest-rank percentile of ascending values (0 for none). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Groups samples by deployment (and by kind: a deployment's mirrored copies are its own entry). */
export function summarize(samples: Sample[]): Record<string, DeploymentNumbers> {
  const groups = new Map<string, { kind: Sample["kind"]; ms: number[]; errors: number }>();
  for (const s of samples) {
    const name = s.deployment ?? NO_ANSWER;
    const key = s.kind === "mirror" ? `${name} (mirror)` : name;
    let g = groups.get(key);
    if (!g) {
      g = { kind: s.kind, ms: [], errors: 0 };
      groups.set(key, g);
    }
    g.ms.push(s.ms);
    if (!s.ok) g.errors += 1;
  }
  const out: Record<string, DeploymentNumbers> = {};
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key) as { kind: Sample["kind"]; ms: number[]; errors: number };
    const sorted = [...g.ms].sort((a, b) => a - b);
    out[key] = {
      kind: g.kind,
      requests: sorted.length,
      errors: g.errors,
      errorRate: sorted.length ? g.errors / sorted.length : 0,
      p50: round(percentile(sorted, 0.5)),
      p95: round(percentile(sorted, 0.95)),
      p99: round(percentile(sorted, 0.99)),
    };
  }
  return out;
}

const pct = (rate: number) => `${Number((rate * 100).toPrecision(3))} %`;

/**
 * A step's verdict for the new deployment (its live answers, or its mirrored copies in a mirror
 * step): any breach fails; fewer requests than `minRequests` is inconclusive, which rolls back
 * too (as Argo Rollouts and Flagger treat it). Requests no deployment answered count against the
 * step as well, by the same error-rate ceiling over all the step's requests.
 */
export function judge(
  numbers: Record<string, DeploymentNumbers>,
  deployment: string,
  kind: "mirror" | "live",
  t: Thresholds,
): { verdict: Verdict; reasons: string[] } {
  const key = kind === "mirror" ? `${deployment} (mirror)` : deployment;
  const mine = numbers[key];
  const breaches: string[] = [];
  const thin: string[] = [];
  const requests = mine?.requests ?? 0;
  if (mine && mine.errorRate > t.maxErrorRate) {
    breaches.push(
      `${key}: error rate ${pct(mine.errorRate)} (${mine.errors} of ${mine.requests}) is above maxErrorRate ${pct(t.maxErrorRate)}`,
    );
  }
  if (mine && t.maxLatencyMs !== undefined && mine.p95 > t.maxLatencyMs) {
    breaches.push(`${key}: p95 latency ${mine.p95} ms is above maxLatencyMs ${t.maxLatencyMs} ms`);
  }
  const lost = numbers[NO_ANSWER];
  if (lost && lost.errors > 0) {
    const total = Object.values(numbers).reduce((s, n) => s + (n.kind === "live" ? n.requests : 0), 0);
    const rate = total ? lost.errors / total : 1;
    if (rate > t.maxErrorRate) {
      breaches.push(`${lost.errors} of ${total} requests got no answer (${pct(rate)}), above maxErrorRate`);
    }
  }
  if (requests < t.minRequests) {
    thin.push(`${key} served ${requests} request(s), fewer than minRequests ${t.minRequests}: inconclusive`);
  }
  if (breaches.length) return { verdict: "fail", reasons: [...breaches, ...thin] };
  if (thin.length) return { verdict: "inconclusive", reasons: thin };
  return { verdict: "pass", reasons: [] };
}

/**
 * Requests the new deployment can expect from the task's own load in a window: the load's
 * requests times its share. The local router splits and mirrors in exact shares; Azure ML's split
 * is random, so there this is the expected value.
 */
export function expectedRequests(rps: number, seconds: number, percent: number): number {
  return Math.floor((rps * seconds * percent) / 100 + 1e-9);
}

/** The shortest bake that lets `percent` of the load reach `minRequests`. */
export function bakeNeeded(rps: number, percent: number, minRequests: number): number {
  return Math.ceil((minRequests * 100) / (rps * percent) - 1e-9);
}
