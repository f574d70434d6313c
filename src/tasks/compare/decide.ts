import { DIRECTIONS } from "./directions.js";
import type { MetricSpec } from "./metrics.js";

export type Verdict = "better" | "worse" | "not-enough" | "no-baseline";

export interface MetricVerdict {
  spec: MetricSpec;
  champion?: number;
  candidate: number;
  /** candidate − champion (raw, not direction-adjusted). */
  change?: number;
  /** Improvement in the metric's direction (positive = better). */
  improvement?: number;
  verdict: Verdict;
  passes: boolean;
}

export interface Decision {
  better: boolean;
  decision: "promote" | "keep-champion";
  metrics: MetricVerdict[];
  /** Why, in one line. */
  reason: string;
}

// Float noise (0.81 - 0.80 = 0.010000000000000009) must not decide a gate.
const EPSILON = 1e-12;

/**
 * One metric: better when the improvement exceeds min_delta (a tie is not better, so a retrain
 * that changed nothing does not churn the deployment). With no champion value, the candidate
 * passes on that metric.
 */
export function decideMetric(spec: MetricSpec, champion: number | undefined, candidate: number): MetricVerdict {
  if (champion === undefined) return { spec, candidate, verdict: "no-baseline", passes: true };
  const improvement = DIRECTIONS[spec.direction].improvement(champion, candidate);
  const scale = Math.max(1, Math.abs(champion), Math.abs(candidate));
  const verdict: Verdict =
    improvement - spec.minDelta > EPSILON * scale ? "better" : improvement < -EPSILON * scale ? "worse" : "not-enough";
  return {
    spec,
    champion,
    candidate,
    change: candidate - champion,
    improvement,
    verdict,
    passes: verdict === "better",
  };
}

/** The candidate is better when it passes on every declared metric; with no champion it wins. */
export function decide(
  specs: MetricSpec[],
  champion: Record<string, number> | undefined,
  candidate: Record<string, number>,
): Decision {
  const metrics = specs.map((s) => decideMetric(s, champion?.[s.name], candidate[s.name]));
  if (!champion) {
    return { better: true, decision: "promote", metrics, reason: "there is no champion yet" };
  }
  const failing = metrics.filter((m) => !m.passes);
  const better = failing.length === 0;
  const reason = better
    ? `better on ${metrics.length === 1 ? "the declared metric" : `all ${metrics.length} declared metrics`}`
    : `not better on ${failing.map((m) => m.spec.name).join(", ")}`;
  return { better, decision: better ? "promote" : "keep-champion", metrics, reason };
}
