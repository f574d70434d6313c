/**
 * Sweep logic shared by the local runner: sampling trials from a search space (seeded, so a run
 * can be repeated) and the early-termination policies Azure ML offers.
 */
import type { SearchDimension, SweepSpec } from "./model.js";

export type Assignment = Record<string, string | number | boolean>;

/** A small seeded generator (mulberry32): deterministic trials for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const roundTo = (x: number, q: number) => Math.round(x / q) * q;

/** One value from one dimension, with Azure ML's meaning of each distribution's parameters. */
export function sampleDimension(d: SearchDimension, rand: () => number): string | number | boolean {
  const p = d.params;
  const uniform = () => p.min_value + rand() * (p.max_value - p.min_value);
  const normal = () => p.mu + p.sigma * gaussian(rand);
  switch (d.type) {
    case "choice": {
      const values = d.values ?? [];
      return values[Math.floor(rand() * values.length)] as string | number | boolean;
    }
    case "uniform":
      return uniform();
    case "loguniform":
      // Azure ML: exp(uniform(min_value, max_value)): the bounds are exponents.
      return Math.exp(uniform());
    case "quniform":
      return roundTo(uniform(), p.q);
    case "qloguniform":
      return roundTo(Math.exp(uniform()), p.q);
    case "randint":
      return Math.floor(rand() * p.upper);
    case "normal":
      return normal();
    case "lognormal":
      return Math.exp(normal());
    case "qnormal":
      return roundTo(normal(), p.q);
    case "qlognormal":
      return roundTo(Math.exp(normal()), p.q);
    default:
      throw new Error(`unknown search space type ${d.type}`);
  }
}

/**
 * The trials to run. Grid: every combination of the choice values (up to max_total_trials).
 * Random: independent samples from a seeded generator. Bayesian needs Azure's model-based
 * sampler; locally it samples like random (the runner says so in the log).
 */
export function sampleTrials(spec: SweepSpec, fallbackSeed: number): Assignment[] {
  const names = Object.keys(spec.searchSpace);
  const max = spec.limits.maxTotalTrials;
  if (spec.sampling.type === "grid") {
    let grid: Assignment[] = [{}];
    for (const n of names) {
      const values = (spec.searchSpace[n].values ?? []) as (string | number | boolean)[];
      grid = grid.flatMap((a) => values.map((v) => ({ ...a, [n]: v })));
    }
    return grid.slice(0, Number.isFinite(max) ? max : grid.length);
  }
  const rand = seededRandom(spec.sampling.seed ?? fallbackSeed);
  const out: Assignment[] = [];
  const seen = new Set<string>();
  const onlyChoices = names.every((n) => spec.searchSpace[n].type === "choice");
  const space = onlyChoices
    ? names.reduce((acc, n) => acc * (spec.searchSpace[n].values?.length ?? 1), 1)
    : Number.POSITIVE_INFINITY;
  const count = Math.min(Number.isFinite(max) ? max : 1000, space);
  for (let guard = 0; out.length < count && guard < count * 50; guard++) {
    const a: Assignment = {};
    for (const n of names) a[n] = sampleDimension(spec.searchSpace[n], rand);
    const key = JSON.stringify(a);
    // With a finite space, do not spend trials on a combination already tried.
    if (onlyChoices && seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/** Is `a` better than `b` for this goal? */
export function better(goal: "maximize" | "minimize", a: number, b: number): boolean {
  return goal === "maximize" ? a > b : a < b;
}

/**
 * Early termination: should the trial whose primary-metric history is `mine` stop, given the
 * histories of all trials (including itself)? Evaluated when `mine` reaches an evaluation
 * point (every `evaluation_interval` reports, after `delay_evaluation`), as Azure ML does.
 */
export function shouldTerminate(spec: SweepSpec, mine: number[], all: number[][]): boolean {
  const policy = spec.earlyTermination;
  if (!policy) return false;
  const n = mine.length;
  const interval = Math.max(1, policy.evaluationInterval);
  if (n === 0 || n <= policy.delayEvaluation || n % interval !== 0) return false;
  const goal = spec.objective.goal;
  const at = (h: number[]) => h[Math.min(n, h.length) - 1];
  const peers = all.filter((h) => h.length > 0);
  const current = mine[n - 1];
  switch (policy.type) {
    case "bandit": {
      const best = peers.map(at).reduce((b, v) => (better(goal, v, b) ? v : b));
      let bound: number;
      if (policy.slackAmount !== undefined)
        bound = goal === "maximize" ? best - policy.slackAmount : best + policy.slackAmount;
      else {
        const f = policy.slackFactor ?? 0;
        bound = goal === "maximize" ? best / (1 + f) : best * (1 + f);
      }
      return goal === "maximize" ? current < bound : current > bound;
    }
    case "median_stopping": {
      // The trial's best so far against the median of the running averages of all trials.
      const averages = peers.map((h) => {
        const part = h.slice(0, Math.min(n, h.length));
        return part.reduce((s, v) => s + v, 0) / part.length;
      });
      averages.sort((a, b) => a - b);
      const mid =
        averages.length % 2
          ? averages[(averages.length - 1) / 2]
          : (averages[averages.length / 2 - 1] + averages[averages.length / 2]) / 2;
      const bestSoFar = mine.reduce((b, v) => (better(goal, v, b) ? v : b));
      return better(goal, mid, bestSoFar);
    }
    case "truncation_selection": {
      // Cancel the lowest-performing percentage of trials at this interval.
      const pct = policy.truncationPercentage ?? 0;
      const ranked = peers.map(at).sort((a, b) => (goal === "maximize" ? a - b : b - a));
      const cut = Math.floor((ranked.length * pct) / 100);
      return cut > 0 && ranked.indexOf(current) < cut && peers.length > 1;
    }
  }
}
