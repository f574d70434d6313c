/**
 * The paired bootstrap of candidate − champion: each sample draws the evaluation rows n times
 * with replacement (one count per row, a multinomial draw), and both models are evaluated on
 * that same sample, so what the two share (hard rows, easy rows) cancels in the difference.
 * Rows are never copied: the counts are scikit-learn's sample_weight (see metrics.ts).
 *
 * - Seeded (mulberry32): the same data and seed give the same interval on every runner.
 * - Interval: percentile, with numpy's default (linear) quantile of the sample deltas, as
 *   scipy.stats.bootstrap(method="percentile") computes it.
 * - p-value: two-sided, for "no change", read from the same bootstrap distribution:
 *   p = min(1, 2·min(1 + #{δ* ≤ 0}, 1 + #{δ* ≥ 0}) / (B + 1)). It is the smallest 1 − confidence
 *   at which the percentile interval would leave 0 out, with the +1 correction (Davison &
 *   Hinkley) so it is never 0: with B = 1000 the smallest value is 2/1001 ≈ 0.002. Two models
 *   that answer identically get δ* = 0 in every sample, hence p = 1.
 * - A sample on which a metric is not defined for either model (ROC AUC on a sample holding one
 *   class, R² on a sample whose true values are all equal) is skipped for that metric and
 *   counted in `skipped`; the interval and p-value use the other samples. decide-paired.ts calls
 *   a metric inconclusive when too many were skipped.
 */
import {
  CLASSIFICATION_METRICS,
  type PreparedMetrics,
  prepareMetrics,
  REGRESSION_METRICS,
  type Scored,
  type Truth,
} from "./metrics.js";

export interface PairedResult {
  metric: string;
  /** The metric on all evaluation rows. */
  champion: number;
  candidate: number;
  /** candidate − champion on all rows (raw, not direction-adjusted). */
  delta: number;
  /** Percentile interval of the delta at `confidence`. */
  ciLow: number;
  ciHigh: number;
  pValue: number;
  /** Evaluation rows. */
  rows: number;
  /** Bootstrap samples the interval was computed from. */
  samples: number;
  /** Bootstrap samples on which the metric was not defined (not in `samples`). */
  skipped: number;
  confidence: number;
}

export interface BootstrapOptions {
  /** Bootstrap samples; default 1000. */
  samples?: number;
  /** Confidence of the interval, in (0, 1); default 0.95. */
  confidence?: number;
  /** PRNG seed; default DEFAULT_SEED, so runs are reproducible. */
  seed?: number;
}

export const DEFAULT_SAMPLES = 1000;
export const DEFAULT_CONFIDENCE = 0.95;
export const DEFAULT_SEED = 20261129;

export function pairedBootstrap(
  truth: Truth,
  champion: Scored,
  candidate: Scored,
  metrics: readonly string[],
  options: BootstrapOptions = {},
): PairedResult[] {
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(samples) || samples < 1) throw new Error(`samples must be a whole number >= 1, not ${samples}`);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`confidence must be between 0 and 1, not ${confidence}`);
  const n = truth.values.length;
  if (n === 0) throw new Error("there are no evaluation rows to bootstrap");

  const known = truth.problemType === "regression" ? REGRESSION_METRICS : CLASSIFICATION_METRICS;
  for (const name of metrics) {
    if (!known.includes(name))
      throw new Error(`unknown ${truth.problemType} metric '${name}'; one of ${known.join(", ")}`);
  }
  // Answers that do not fit fail here, once, naming whose they were; the samples cannot fail after.
  const [a, pointA] = prepared("champion", truth, champion, metrics);
  const [b, pointB] = prepared("candidate", truth, candidate, metrics);

  const deltas = metrics.map(() => new Float64Array(samples));
  const used = new Int32Array(metrics.length);
  const counts = new Float64Array(n);
  const draw = rowDrawer(seed, n);
  const perSample = { strict: true, trustedWeights: true };
  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[draw()]++;
    const va = a.compute(metrics, counts, perSample);
    const vb = b.compute(metrics, counts, perSample);
    for (let m = 0; m < metrics.length; m++) {
      const d = vb[metrics[m]] - va[metrics[m]];
      if (Number.isFinite(d)) deltas[m][used[m]++] = d;
    }
  }

  return metrics.map((metric, m) => {
    const sorted = deltas[m].subarray(0, used[m]).sort();
    const tail = (1 - confidence) / 2;
    return {
      metric,
      champion: pointA[metric],
      candidate: pointB[metric],
      delta: pointB[metric] - pointA[metric],
      ciLow: quantile(sorted, tail),
      ciHigh: quantile(sorted, 1 - tail),
      pValue: twoSidedP(sorted),
      rows: n,
      samples: used[m],
      skipped: samples - used[m],
      confidence,
    };
  });
}

function prepared(
  who: string,
  truth: Truth,
  scored: Scored,
  metrics: readonly string[],
): [PreparedMetrics, Record<string, number>] {
  try {
    const p = prepareMetrics(truth, scored);
    return [p, p.compute(metrics)];
  } catch (error) {
    throw new Error(`the ${who}'s answers: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Uniform row indexes in [0, n) from mulberry32 (the generator src/data/sketches/random.ts uses),
 * inlined: the draws are the bootstrap's hot loop. 32 bits per draw: the bias of scaling to n is
 * below n / 2^32 (2e-5 at 100,000 rows), far under the Monte Carlo error of the interval.
 */
function rowDrawer(seed: number, n: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** numpy.percentile's default ("linear") quantile of sorted values; NaN when there are none. */
export function quantile(sorted: Float64Array, q: number): number {
  const m = sorted.length;
  if (m === 0) return Number.NaN;
  const h = (m - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, m - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Two-sided bootstrap p-value of "no change", with the +1 correction (see the header). */
function twoSidedP(sorted: Float64Array): number {
  const m = sorted.length;
  if (m === 0) return Number.NaN;
  let atMostZero = 0;
  let atLeastZero = 0;
  for (let i = 0; i < m; i++) {
    if (sorted[i] <= 0) atMostZero++;
    if (sorted[i] >= 0) atLeastZero++;
  }
  return Math.min(1, (2 * (1 + Math.min(atMostZero, atLeastZero))) / (m + 1));
}
