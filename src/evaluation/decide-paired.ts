/**
 * compare-models' decision on paired bootstrap intervals: the candidate is better only when, on
 * every declared metric, the whole interval of candidate − champion lies beyond min_delta in the
 * improving direction. Too little evidence is never a pass: an interval that straddles the
 * threshold is inconclusive, and so is a metric the data could not define.
 */
import type { PairedResult } from "./bootstrap.js";

export interface PairedRule {
  name: string;
  direction: "higher" | "lower";
  /** The least improvement that counts, >= 0, in the metric's own units. */
  minDelta: number;
}

export type PairedVerdict = "better" | "worse" | "inconclusive";

export interface PairedMetricVerdict {
  metric: string;
  verdict: PairedVerdict;
  /** One line: the verdict and the interval behind it. */
  reason: string;
  result?: PairedResult;
}

export interface PairedDecision {
  /** true only when every declared metric is `better`. */
  better: boolean;
  /** `worse` when any metric is worse, else `inconclusive` when any is, else `better`. */
  verdict: PairedVerdict;
  metrics: PairedMetricVerdict[];
  /** One line naming the metrics that were not better and why. */
  reason: string;
}

export interface DecideOptions {
  /**
   * A metric is inconclusive when it was undefined on more than this share of the bootstrap
   * samples (default 0.1): skipping them conditions the interval on the samples that happened
   * to hold every class, which is no longer the evidence asked for.
   */
  maxSkippedShare?: number;
}

export function decidePaired(
  rules: readonly PairedRule[],
  results: readonly PairedResult[],
  options: DecideOptions = {},
): PairedDecision {
  const maxSkipped = options.maxSkippedShare ?? 0.1;
  const metrics = rules.map((rule) =>
    judge(
      rule,
      results.find((r) => r.metric === rule.name),
      maxSkipped,
    ),
  );
  const notBetter = metrics.filter((m) => m.verdict !== "better");
  const verdict: PairedVerdict = metrics.some((m) => m.verdict === "worse")
    ? "worse"
    : notBetter.length > 0 || metrics.length === 0
      ? "inconclusive"
      : "better";
  const reason =
    metrics.length === 0
      ? "no metric was declared"
      : notBetter.length === 0
        ? metrics.map((m) => m.reason).join("; ")
        : notBetter.map((m) => m.reason).join("; ");
  return { better: verdict === "better", verdict, metrics, reason };
}

function judge(rule: PairedRule, result: PairedResult | undefined, maxSkipped: number): PairedMetricVerdict {
  const name = rule.name;
  if (!result)
    return { metric: name, verdict: "inconclusive", reason: `inconclusive on ${name}: it was not evaluated` };
  const base = { metric: name, result };
  if (!Number.isFinite(result.champion) || !Number.isFinite(result.candidate)) {
    return {
      ...base,
      verdict: "inconclusive",
      reason: `inconclusive on ${name}: it is not defined on the evaluation data`,
    };
  }
  const drawn = result.samples + result.skipped;
  if (result.samples === 0 || result.skipped > maxSkipped * drawn) {
    return {
      ...base,
      verdict: "inconclusive",
      reason: `inconclusive on ${name}: it was not defined on ${result.skipped} of ${drawn} bootstrap samples (a sample held one class only, or equal true values)`,
    };
  }
  const interval = `the ${percent(result.confidence)} interval of the change [${num(result.ciLow)}, ${num(result.ciHigh)}]`;
  const higher = rule.direction === "higher";
  // In the improving direction: higher-is-better needs ciLow > minDelta; lower-is-better ciHigh < −minDelta.
  const threshold = higher ? rule.minDelta : -rule.minDelta;
  if (higher ? result.ciLow > threshold : result.ciHigh < threshold) {
    return {
      ...base,
      verdict: "better",
      reason: `better on ${name}: ${interval} lies ${higher ? "above" : "below"} ${minDeltaText(rule)}`,
    };
  }
  if (higher ? result.ciHigh < 0 : result.ciLow > 0) {
    return {
      ...base,
      verdict: "worse",
      reason: `worse on ${name}: ${interval} lies ${higher ? "below" : "above"} 0 (${rule.direction} is better)`,
    };
  }
  return {
    ...base,
    verdict: "inconclusive",
    reason: `inconclusive on ${name}: ${interval} includes values ${higher ? "below" : "above"} ${minDeltaText(rule)}`,
  };
}

function minDeltaText(rule: PairedRule): string {
  return rule.direction === "higher"
    ? `min_delta ${num(rule.minDelta)}`
    : `${num(-rule.minDelta)} (min_delta ${num(rule.minDelta)}, lower is better)`;
}

function percent(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))}%`;
}

/** Three significant digits, plain: enough to read an interval, not a wall of digits. */
function num(x: number): string {
  if (x === 0) return "0";
  return String(Number(x.toPrecision(3)));
}
