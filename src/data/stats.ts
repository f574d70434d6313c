/**
 * Drift statistics, each written to give what SciPy (and Evidently, which calls SciPy) gives for
 * the same inputs; test/fixtures/data/make_reference.py computes the reference values.
 */

export const TEST_NAMES = ["ks", "chisquare", "ztest", "wasserstein", "jensenshannon", "psi"] as const;
export type TestName = (typeof TEST_NAMES)[number];

/** p-value tests flag drift when p < threshold; distance tests when the distance ≥ threshold. */
export const IS_P_VALUE: Record<TestName, boolean> = {
  ks: true,
  chisquare: true,
  ztest: true,
  wasserstein: false,
  jensenshannon: false,
  psi: false,
};

/** Values with weights (1 for raw samples; 2^h for a KLL item at level h), sorted by value. */
export interface Weighted {
  values: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

// ---- special functions ----

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized upper incomplete gamma Q(a, x) (series below a+1, continued fraction above). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  const lnPre = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return 1 - sum * Math.exp(lnPre);
  }
  // Lentz's method.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lnPre) * h;
}

export function chi2Sf(x: number, df: number): number {
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammaQ(df / 2, x / 2);
}

/** P(Z > z) for a standard normal, through erfc(x) = Q(1/2, x²). */
export function normalSf(z: number): number {
  const t = z / Math.SQRT2;
  return t >= 0 ? 0.5 * gammaQ(0.5, t * t) : 1 - 0.5 * gammaQ(0.5, t * t);
}

/** Kolmogorov's limiting distribution, P(K > λ). */
export function kolmogorovSf(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-16) break;
  }
  return Math.max(0, Math.min(1, 2 * sum));
}

// ---- empirical distributions ----

function totalWeight(s: Weighted): number {
  if (!s.weights) return s.values.length;
  let t = 0;
  for (let i = 0; i < s.weights.length; i++) t += s.weights[i];
  return t;
}

/** Walks two sorted weighted samples in value order, calling back with both CDFs after each distinct value. */
function walkCdfs(a: Weighted, b: Weighted, visit: (x: number, fa: number, fb: number, next: number) => void): void {
  const ta = totalWeight(a);
  const tb = totalWeight(b);
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    for (; i < na && a.values[i] === x; i++) ca += a.weights ? a.weights[i] : 1;
    for (; j < nb && b.values[j] === x; j++) cb += b.weights ? b.weights[j] : 1;
    const next =
      i < na && j < nb ? Math.min(a.values[i], b.values[j]) : i < na ? a.values[i] : j < nb ? b.values[j] : x;
    visit(x, ca / ta, cb / tb, next);
  }
}

export function sorted(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Two-sample Kolmogorov–Smirnov statistic D = sup |F_a − F_b|. */
export function ksStatistic(a: Weighted, b: Weighted): number {
  let d = 0;
  walkCdfs(a, b, (_x, fa, fb) => {
    const diff = Math.abs(fa - fb);
    if (diff > d) d = diff;
  });
  return d;
}

/**
 * The two-sided KS test. The p-value is Kolmogorov's limiting distribution with Stephens' finite
 * sample correction on the effective size n·m/(n+m) (as Numerical Recipes gives it): within a few
 * percent of SciPy's exact p-value for the sizes that matter, without its O(n·m) path count.
 */
export function ksTest(
  a: Weighted,
  b: Weighted,
  na = totalWeight(a),
  nb = totalWeight(b),
): { statistic: number; pValue: number } {
  const statistic = ksStatistic(a, b);
  const en = Math.sqrt((na * nb) / (na + nb));
  return { statistic, pValue: kolmogorovSf((en + 0.12 + 0.11 / en) * statistic) };
}

/** The first Wasserstein distance ∫|F_a − F_b| (SciPy's wasserstein_distance). */
export function wasserstein(a: Weighted, b: Weighted): number {
  let w = 0;
  walkCdfs(a, b, (x, fa, fb, next) => {
    w += Math.abs(fa - fb) * (next - x);
  });
  return w;
}

/** Population standard deviation (NumPy's std, ddof 0) of a weighted sample. */
export function weightedStd(s: Weighted): number {
  const t = totalWeight(s);
  let mean = 0;
  for (let i = 0; i < s.values.length; i++) mean += s.values[i] * (s.weights ? s.weights[i] : 1);
  mean /= t;
  let v = 0;
  for (let i = 0; i < s.values.length; i++) v += (s.values[i] - mean) ** 2 * (s.weights ? s.weights[i] : 1);
  return Math.sqrt(v / t);
}

/** Evidently's normalized Wasserstein distance: the distance in units of the reference's std. */
export function wassersteinNormalized(ref: Weighted, cur: Weighted, refStd = weightedStd(ref)): number {
  return wasserstein(ref, cur) / Math.max(refStd, 0.001);
}

/** NumPy's histogram_bin_edges(..., bins="sturges") over both samples' range. */
export function sturgesEdges(min: number, max: number, n: number): number[] {
  const bins = Math.max(1, Math.ceil(Math.log2(n) + 1));
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + ((max - min) * i) / bins));
}

/** NumPy's histogram: bins [e_i, e_i+1), the last one closed; returns shares of the total weight. */
export function histogramShares(s: Weighted, edges: number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  const t = totalWeight(s);
  for (let i = 0; i < s.values.length; i++) {
    const x = s.values[i];
    if (x < edges[0] || x > edges[bins]) continue;
    let lo = 0;
    let hi = bins;
    // Last edge ≤ x.
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] <= x) lo = mid;
      else hi = mid;
    }
    counts[lo] += s.weights ? s.weights[i] : 1;
  }
  return counts.map((c) => c / t);
}

/** Evidently fills empty bins with a small share so the logarithms stay finite. */
export function fillZeros(shares: number[]): number[] {
  return shares.map((p) => (p === 0 ? 0.0001 : p));
}

/** Jensen–Shannon distance (SciPy's jensenshannon, natural log): √ of the divergence. */
export function jensenShannon(p: number[], q: number[]): number {
  const sp = p.reduce((a, b) => a + b, 0);
  const sq = q.reduce((a, b) => a + b, 0);
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = q[i] / sq;
    const m = (a + b) / 2;
    if (a > 0) js += 0.5 * a * Math.log(a / m);
    if (b > 0) js += 0.5 * b * Math.log(b / m);
  }
  return Math.sqrt(Math.max(0, js));
}

/** Population stability index Σ (r − c)·ln(r / c), over shares with empty bins filled. */
export function psi(ref: number[], cur: number[]): number {
  let s = 0;
  for (let i = 0; i < ref.length; i++) s += (ref[i] - cur[i]) * Math.log(ref[i] / cur[i]);
  return s;
}

/**
 * Chi-square test of homogeneity on a 2×k table (SciPy's chi2_contingency without Yates'
 * correction): are the reference and current counts draws from one distribution? Evidently
 * instead tests the current counts against the reference's shares taken as exact, which ignores
 * the reference's own sampling noise and flags about a quarter of same-distribution pairs of equal
 * size; a gate must not cry wolf that often, so this is the two-sample form.
 */
export function chiSquareTest(ref: number[], cur: number[]): { statistic: number; pValue: number } {
  const nRef = ref.reduce((a, b) => a + b, 0);
  const nCur = cur.reduce((a, b) => a + b, 0);
  const n = nRef + nCur;
  let stat = 0;
  let categories = 0;
  for (let i = 0; i < ref.length; i++) {
    const col = ref[i] + cur[i];
    if (col === 0) continue;
    categories++;
    const er = (nRef * col) / n;
    const ec = (nCur * col) / n;
    stat += (ref[i] - er) ** 2 / er + (cur[i] - ec) ** 2 / ec;
  }
  const df = categories - 1;
  return { statistic: stat, pValue: df < 1 ? 1 : chi2Sf(stat, df) };
}

/** Two-proportion z-test (Evidently's z_stat_test) on the share of one category, two-sided. */
export function zTest(
  refHits: number,
  nRef: number,
  curHits: number,
  nCur: number,
): { statistic: number; pValue: number } {
  const p1 = refHits / nRef;
  const p2 = curHits / nCur;
  const p = (refHits + curHits) / (nRef + nCur);
  const se = Math.sqrt(p * (1 - p) * (1 / nRef + 1 / nCur));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (p1 - p2) / se;
  return { statistic: z, pValue: 2 * normalSf(Math.abs(z)) };
}
