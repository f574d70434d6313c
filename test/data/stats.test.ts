import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  chiSquareTest,
  fillZeros,
  histogramShares,
  jensenShannon,
  ksTest,
  psi,
  sorted,
  sturgesEdges,
  wasserstein,
  wassersteinNormalized,
  zTest,
} from "../../src/data/stats.js";

interface NumericCase {
  name: string;
  ref: number[];
  cur: number[];
  ks: { statistic: number; pvalue: number; pvalue_asymp: number };
  wasserstein: number;
  wasserstein_normalized: number;
  edges: number[];
  ref_shares: number[];
  cur_shares: number[];
  jensenshannon: number;
  psi: number;
}

// Made by test/fixtures/data/make_reference.py with SciPy; see that script.
const reference = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/data/reference.json"), "utf8")) as {
  numeric: NumericCase[];
  categorical: {
    name: string;
    ref: number[];
    cur: number[];
    chisquare: { statistic: number; pvalue: number };
    jensenshannon: number;
    psi: number;
  }[];
  ztest: {
    name: string;
    ref_hits: number;
    n_ref: number;
    cur_hits: number;
    n_cur: number;
    statistic: number;
    pvalue: number;
  }[];
};

describe("drift statistics match SciPy", () => {
  for (const c of reference.numeric) {
    it(`numeric: ${c.name}`, () => {
      const a = { values: sorted(c.ref) };
      const b = { values: sorted(c.cur) };
      const ks = ksTest(a, b);
      expect(ks.statistic).toBeCloseTo(c.ks.statistic, 12);
      // Our p-value is the Kolmogorov limit with Stephens' correction, not SciPy's exact count.
      expect(Math.abs(ks.pValue - c.ks.pvalue)).toBeLessThan(Math.max(0.1 * c.ks.pvalue, 0.005));
      expect(wasserstein(a, b)).toBeCloseTo(c.wasserstein, 10);
      expect(wassersteinNormalized(a, b)).toBeCloseTo(c.wasserstein_normalized, 10);
      const all = [...c.ref, ...c.cur];
      const edges = sturgesEdges(Math.min(...all), Math.max(...all), all.length);
      expect(edges.length).toBe(c.edges.length);
      for (const [i, e] of edges.entries()) expect(e).toBeCloseTo(c.edges[i], 9);
      const r = histogramShares(a, edges);
      const s = histogramShares(b, edges);
      for (const [i, x] of r.entries()) expect(x).toBeCloseTo(c.ref_shares[i], 12);
      for (const [i, x] of s.entries()) expect(x).toBeCloseTo(c.cur_shares[i], 12);
      expect(jensenShannon(fillZeros(r), fillZeros(s))).toBeCloseTo(c.jensenshannon, 10);
      expect(psi(fillZeros(r), fillZeros(s))).toBeCloseTo(c.psi, 10);
    });
  }

  for (const c of reference.categorical) {
    it(`categorical: ${c.name}`, () => {
      const chi = chiSquareTest(c.ref, c.cur);
      expect(chi.statistic).toBeCloseTo(c.chisquare.statistic, 9);
      expect(chi.pValue / c.chisquare.pvalue).toBeCloseTo(1, 8);
      const nr = c.ref.reduce((x, y) => x + y, 0);
      const nc = c.cur.reduce((x, y) => x + y, 0);
      const r = fillZeros(c.ref.map((x) => x / nr));
      const s = fillZeros(c.cur.map((x) => x / nc));
      expect(jensenShannon(r, s)).toBeCloseTo(c.jensenshannon, 10);
      expect(psi(r, s)).toBeCloseTo(c.psi, 10);
    });
  }

  for (const c of reference.ztest) {
    it(`z-test: ${c.name}`, () => {
      const z = zTest(c.ref_hits, c.n_ref, c.cur_hits, c.n_cur);
      expect(z.statistic).toBeCloseTo(c.statistic, 10);
      expect(z.pValue).toBeCloseTo(c.pvalue, 10);
    });
  }
});
