import { num } from "../report/markdown.js";
import type { ColumnJson, ProfileJson } from "./profile.js";
import { type DriftOverride, pct } from "./rules.js";
import { Kll } from "./sketches/kll.js";
import {
  chiSquareTest,
  fillZeros,
  histogramShares,
  IS_P_VALUE,
  jensenShannon,
  ksTest,
  psi,
  sorted,
  sturgesEdges,
  type TestName,
  type Weighted,
  wassersteinNormalized,
  zTest,
} from "./stats.js";

export type DriftKind = "numeric" | "categorical" | "binary";

export interface DriftResult {
  column: string;
  kind: DriftKind;
  test: TestName;
  threshold: number;
  /** The test's statistic: a p-value for ks, chisquare and ztest; a distance otherwise. */
  score: number;
  statistic: number;
  drifted: boolean;
  /** PSI, reported beside every test. */
  psi: number;
  /** What moved most, in words. */
  message: string;
  /** Shares per bin or category, baseline and now, for the sparklines. */
  bins: { labels: string[]; baseline: number[]; current: number[] };
}

/** Evidently's boundary between a small reference (exact tests) and a large one (distances). */
export const SMALL_REFERENCE = 1000;
/** Numeric columns with this few distinct values are tested as categories, as Evidently does. */
const FEW_VALUES = 5;
const OTHER = "(other)";

/** Numeric values of a column as a weighted sample: exact while the reservoir holds them all. */
function numericSample(c: ColumnJson): Weighted & { n: number } {
  const s = c.numeric;
  if (!s) return { values: new Float64Array(0), n: 0 };
  if (s.sample.seen === s.sample.values.length) return { values: sorted(s.sample.values), n: s.count };
  const w = Kll.from(s.kll).weighted();
  return { values: w.values, weights: w.weights, n: s.count };
}

/** Category counts over the union of both columns' frequent values; the rest pooled as "(other)". */
function categoryCounts(ref: ColumnJson, cur: ColumnJson): { labels: string[]; ref: number[]; cur: number[] } {
  const r = new Map(ref.top.items);
  const c = new Map(cur.top.items);
  const labels = [...new Set([...r.keys(), ...c.keys()])].sort();
  const refCounts = labels.map((l) => r.get(l) ?? 0);
  const curCounts = labels.map((l) => c.get(l) ?? 0);
  const restRef = ref.count - ref.nulls - refCounts.reduce((a, b) => a + b, 0);
  const restCur = cur.count - cur.nulls - curCounts.reduce((a, b) => a + b, 0);
  if (restRef > 0 || restCur > 0) {
    labels.push(OTHER);
    refCounts.push(Math.max(0, restRef));
    curCounts.push(Math.max(0, restCur));
  }
  return { labels, ref: refCounts, cur: curCounts };
}

function isNumeric(c: ColumnJson): boolean {
  return (c.type === "integer" || c.type === "number") && c.numeric !== undefined;
}

function distinctValues(ref: ColumnJson, cur: ColumnJson): number {
  if (ref.top.error === 0 && cur.top.error === 0)
    return new Set([...ref.top.items.map((i) => i[0]), ...cur.top.items.map((i) => i[0])]).size;
  return Math.max(ref.distinct.estimate, cur.distinct.estimate);
}

/** The column's drift kind, or why it is not tested. */
export function driftKind(ref: ColumnJson, cur: ColumnJson): { kind: DriftKind } | { reason: string } {
  if (ref.count - ref.nulls === 0 || cur.count - cur.nulls === 0) return { reason: "no values to compare" };
  const distinct = distinctValues(ref, cur);
  if (isNumeric(ref) && isNumeric(cur) && distinct > FEW_VALUES) return { kind: "numeric" };
  if (distinct <= 2) return { kind: "binary" };
  if (ref.type === "date") return { reason: "dates are not tested for drift" };
  // Free text (almost every value distinct) has no category distribution to compare.
  if (ref.top.error > 0 && ref.distinct.estimate > 0.5 * (ref.count - ref.nulls))
    return { reason: "free text is not tested for drift" };
  return { kind: "categorical" };
}

/** Evidently's default test and threshold for a column. */
export function defaultTest(kind: DriftKind, referenceRows: number): { test: TestName; threshold: number } {
  if (referenceRows <= SMALL_REFERENCE) {
    if (kind === "numeric") return { test: "ks", threshold: 0.05 };
    if (kind === "binary") return { test: "ztest", threshold: 0.05 };
    return { test: "chisquare", threshold: 0.05 };
  }
  if (kind === "numeric") return { test: "wasserstein", threshold: 0.1 };
  return { test: "jensenshannon", threshold: 0.1 };
}

const DEFAULT_THRESHOLD: Record<TestName, number> = {
  ks: 0.05,
  chisquare: 0.05,
  ztest: 0.05,
  wasserstein: 0.1,
  jensenshannon: 0.1,
  psi: 0.1,
};

/** Tests one column; undefined with a reason when it cannot be tested. */
export function testColumn(
  ref: ColumnJson,
  cur: ColumnJson,
  referenceRows: number,
  override?: DriftOverride,
): DriftResult | string {
  if (override?.test === "none") return "drift test turned off";
  const k = driftKind(ref, cur);
  if ("reason" in k) return k.reason;
  const kind = k.kind;
  const chosen = defaultTest(kind, referenceRows);
  const test = override?.test ?? chosen.test;
  const threshold = override?.threshold ?? (override?.test ? DEFAULT_THRESHOLD[test] : chosen.threshold);
  if (kind === "numeric") return testNumeric(ref, cur, test, threshold);
  return testCategorical(ref, cur, kind, test, threshold);
}

function testNumeric(ref: ColumnJson, cur: ColumnJson, test: TestName, threshold: number): DriftResult | string {
  const a = numericSample(ref);
  const b = numericSample(cur);
  const rn = ref.numeric as NonNullable<ColumnJson["numeric"]>;
  const cn = cur.numeric as NonNullable<ColumnJson["numeric"]>;
  const edges = sturgesEdges(Math.min(rn.min, cn.min), Math.max(rn.max, cn.max), a.n + b.n);
  const refShares = histogramShares(a, edges);
  const curShares = histogramShares(b, edges);
  const refFilled = fillZeros(refShares);
  const curFilled = fillZeros(curShares);
  let statistic: number;
  let score: number;
  switch (test) {
    case "ks": {
      // The reservoirs are uniform samples: the test runs on their sizes, not the row counts.
      const ra = { values: sorted(rn.sample.values) };
      const rb = { values: sorted(cn.sample.values) };
      const r = ksTest(ra, rb);
      statistic = r.statistic;
      score = r.pValue;
      break;
    }
    case "wasserstein": {
      const refStd = Math.sqrt(rn.m2 / rn.count);
      statistic = score = wassersteinNormalized(a, b, refStd);
      break;
    }
    case "jensenshannon":
      statistic = score = jensenShannon(refFilled, curFilled);
      break;
    case "psi":
      statistic = score = psi(refFilled, curFilled);
      break;
    default:
      return `test ${test} does not apply to numeric column (use ks, wasserstein, jensenshannon or psi)`;
  }
  const drifted = IS_P_VALUE[test] ? score < threshold : score >= threshold;
  const labels = edges
    .slice(0, -1)
    .map((e, i) => `[${num(e)}, ${num(edges[i + 1])}${i === edges.length - 2 ? "]" : ")"}`);
  const { most, dir } = movedMost(refShares, curShares);
  const message = `share of values in ${labels[most]} ${dir} from ${pct(refShares[most])} to ${pct(curShares[most])}; mean ${num(rn.mean)} → ${num(cn.mean)}`;
  return {
    column: ref.name,
    kind: "numeric",
    test,
    threshold,
    score,
    statistic,
    drifted,
    psi: psi(refFilled, curFilled),
    message,
    bins: { labels, baseline: refShares, current: curShares },
  };
}

/** The bin or category whose share moved most, as TFDV names it in a drift message. */
function movedMost(refShares: number[], curShares: number[]): { most: number; dir: "rose" | "fell" } {
  let most = 0;
  for (let i = 1; i < refShares.length; i++)
    if (Math.abs(curShares[i] - refShares[i]) > Math.abs(curShares[most] - refShares[most])) most = i;
  return { most, dir: curShares[most] >= refShares[most] ? "rose" : "fell" };
}

function testCategorical(
  ref: ColumnJson,
  cur: ColumnJson,
  kind: DriftKind,
  test: TestName,
  threshold: number,
): DriftResult | string {
  const { labels, ref: rc, cur: cc } = categoryCounts(ref, cur);
  const nr = rc.reduce((a, b) => a + b, 0);
  const nc = cc.reduce((a, b) => a + b, 0);
  const refShares = rc.map((c) => c / nr);
  const curShares = cc.map((c) => c / nc);
  const refFilled = fillZeros(refShares);
  const curFilled = fillZeros(curShares);
  let statistic: number;
  let score: number;
  switch (test) {
    case "chisquare": {
      const r = chiSquareTest(rc, cc);
      statistic = r.statistic;
      score = r.pValue;
      break;
    }
    case "ztest": {
      const r = zTest(rc[0], nr, cc[0], nc);
      statistic = r.statistic;
      score = r.pValue;
      break;
    }
    case "jensenshannon":
      statistic = score = jensenShannon(refFilled, curFilled);
      break;
    case "psi":
      statistic = score = psi(refFilled, curFilled);
      break;
    default:
      return `test ${test} does not apply to categorical column (use chisquare, ztest, jensenshannon or psi)`;
  }
  const drifted = IS_P_VALUE[test] ? score < threshold : score >= threshold;
  const { most, dir } = movedMost(refShares, curShares);
  const message = `share of ${JSON.stringify(labels[most])} ${dir} from ${pct(refShares[most])} to ${pct(curShares[most])}`;
  return {
    column: ref.name,
    kind,
    test,
    threshold,
    score,
    statistic,
    drifted,
    psi: psi(refFilled, curFilled),
    message,
    bins: { labels, baseline: refShares, current: curShares },
  };
}

export interface DatasetDrift {
  results: DriftResult[];
  skipped: { column: string; reason: string }[];
  driftedColumns: string[];
  share: number;
  threshold: number;
  drifted: boolean;
}

/** Tests every column the two profiles share; the dataset drifted when the drifted share reaches `shareThreshold`. */
export function testDrift(
  baseline: ProfileJson,
  current: ProfileJson,
  overrides: Record<string, DriftOverride> = {},
  shareThreshold = 0.5,
): DatasetDrift {
  const cur = new Map(current.columns.map((c) => [c.name, c]));
  const results: DriftResult[] = [];
  const skipped: { column: string; reason: string }[] = [];
  for (const ref of baseline.columns) {
    const c = cur.get(ref.name);
    if (!c) continue;
    const r = testColumn(ref, c, baseline.rows, overrides[ref.name]);
    if (typeof r === "string") skipped.push({ column: ref.name, reason: r });
    else results.push(r);
  }
  const driftedColumns = results.filter((r) => r.drifted).map((r) => r.column);
  const share = results.length === 0 ? 0 : driftedColumns.length / results.length;
  return {
    results,
    skipped,
    driftedColumns,
    share,
    threshold: shareThreshold,
    drifted: results.length > 0 && share >= shareThreshold,
  };
}
