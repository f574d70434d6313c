import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Random } from "../../src/data/sketches/random.js";
import { pairedBootstrap, quantile } from "../../src/evaluation/bootstrap.js";
import { decidePaired } from "../../src/evaluation/decide-paired.js";
import type { Scored, Truth } from "../../src/evaluation/metrics.js";

/** y = 3x + N(0, 1); each model predicts 3x plus its own noise of the given size. */
function regression(n: number, championNoise: number, candidateNoise: number, seed: number) {
  const r = new Random(seed);
  const x = Array.from({ length: n }, () => r.normal());
  const truth: Truth = { problemType: "regression", values: Float64Array.from(x, (v) => 3 * v + r.normal()) };
  const model = (noise: number): Scored => ({ predicted: Float64Array.from(x, (v) => 3 * v + noise * r.normal()) });
  return { truth, champion: model(championNoise), candidate: model(candidateNoise) };
}

/** Predictions equal to the truth plus noise: the population MAE of N(0, s) noise is s·√(2/π). */
function withNoise(n: number, championNoise: number, candidateNoise: number, seed: number) {
  const r = new Random(seed);
  const y = Float64Array.from({ length: n }, () => r.normal());
  const model = (noise: number): Scored => ({ predicted: y.map((v) => v + noise * r.normal()) });
  return {
    truth: { problemType: "regression", values: y } as Truth,
    champion: model(championNoise),
    candidate: model(candidateNoise),
  };
}

const R2_HIGHER = [{ name: "r2", direction: "higher" as const, minDelta: 0 }];

describe("the paired bootstrap", () => {
  it("is deterministic for a seed, and the seed matters", () => {
    const { truth, champion, candidate } = regression(88, 1, 0.8, 1);
    const once = pairedBootstrap(truth, champion, candidate, ["rmse", "r2"], { samples: 300, seed: 7 });
    const again = pairedBootstrap(truth, champion, candidate, ["rmse", "r2"], { samples: 300, seed: 7 });
    expect(again).toEqual(once);
    const other = pairedBootstrap(truth, champion, candidate, ["rmse", "r2"], { samples: 300, seed: 8 });
    expect(other[0].ciLow).not.toBe(once[0].ciLow);
    // the point values do not depend on the resampling
    expect(other[0].delta).toBe(once[0].delta);
    expect(once[0]).toMatchObject({ metric: "rmse", rows: 88, samples: 300, skipped: 0, confidence: 0.95 });
    expect(once[0].delta).toBeCloseTo(once[0].candidate - once[0].champion, 15);
    // the default seed is fixed: two runs without one agree
    expect(pairedBootstrap(truth, champion, candidate, ["mae"], { samples: 50 })).toEqual(
      pairedBootstrap(truth, champion, candidate, ["mae"], { samples: 50 }),
    );
  });

  it("a clearly better candidate (half the noise) gets an interval that leaves 0 out and a small p-value", () => {
    const { truth, champion, candidate } = withNoise(400, 1, 0.5, 2);
    const [rmse, r2] = pairedBootstrap(truth, champion, candidate, ["rmse", "r2"]);
    expect(rmse.ciHigh).toBeLessThan(0);
    expect(r2.ciLow).toBeGreaterThan(0);
    expect(rmse.ciLow).toBeLessThanOrEqual(rmse.delta);
    expect(rmse.ciHigh).toBeGreaterThanOrEqual(rmse.delta);
    expect(rmse.pValue).toBeCloseTo(2 / 1001, 12); // no sample went the other way: the floor
    expect(r2.pValue).toBeLessThan(0.01);
    const decision = decidePaired(
      [
        { name: "r2", direction: "higher", minDelta: 0 },
        { name: "rmse", direction: "lower", minDelta: 0.1 },
      ],
      [rmse, r2],
    );
    expect(decision.better).toBe(true);
    expect(decision.verdict).toBe("better");
    expect(decision.reason).toMatch(
      /^better on r2: the 95% interval of the change \[[-\d.e]+, [-\d.e]+\] lies above min_delta 0; better on rmse: .* lies below -0\.1 \(min_delta 0\.1, lower is better\)$/,
    );
  });

  it("identical models: delta 0, interval [0, 0], p = 1, and not better", () => {
    const { truth, champion } = regression(88, 1, 1, 3);
    const results = pairedBootstrap(truth, champion, champion, ["rmse", "mae", "r2", "mape"]);
    for (const r of results) {
      expect([r.delta, r.ciLow, r.ciHigh, r.pValue]).toEqual([0, 0, 0, 1]);
    }
    const decision = decidePaired(R2_HIGHER, results);
    expect(decision.better).toBe(false);
    expect(decision.verdict).toBe("inconclusive");
    expect(decision.reason).toBe(
      "inconclusive on r2: the 95% interval of the change [0, 0] includes values below min_delta 0",
    );
  });

  it("a noise-level difference on 88 rows is inconclusive at 0.95, with a large p-value", () => {
    const { truth, champion, candidate } = regression(88, 1, 1, 4);
    const [r2] = pairedBootstrap(truth, champion, candidate, ["r2"]);
    expect(r2.ciLow).toBeLessThan(0);
    expect(r2.ciHigh).toBeGreaterThan(0);
    expect(r2.pValue).toBeGreaterThan(0.2);
    const decision = decidePaired(R2_HIGHER, [r2]);
    expect(decision.better).toBe(false);
    expect(decision.reason).toMatch(
      /^inconclusive on r2: the 95% interval of the change \[-[\d.e-]+, [\d.e-]+\] includes values below min_delta 0$/,
    );

    // Across 40 such pairs of equally good models, "better" is rare (one-sided 2.5% by design).
    let better = 0;
    for (let seed = 100; seed < 140; seed++) {
      const d = regression(88, 1, 1, seed);
      if (decidePaired(R2_HIGHER, pairedBootstrap(d.truth, d.champion, d.candidate, ["r2"], { samples: 400 })).better)
        better++;
    }
    expect(better).toBeLessThanOrEqual(4);
  });

  it("covers the true change: the 95% interval of the MAE change holds the population value in most of 100 data sets", () => {
    // MAE of N(0, s) noise is s·√(2/π): the true change from s = 1 to s = 0.7 is −0.3·√(2/π).
    const truth = -0.3 * Math.sqrt(2 / Math.PI);
    let covered = 0;
    for (let seed = 0; seed < 100; seed++) {
      const d = withNoise(200, 1, 0.7, 1000 + seed);
      const [mae] = pairedBootstrap(d.truth, d.champion, d.candidate, ["mae"], { samples: 400, seed });
      if (mae.ciLow <= truth && truth <= mae.ciHigh) covered++;
    }
    // Binomial(100, 0.95) is within [88, 100] with probability > 0.999; percentile intervals
    // run a little narrow on small samples, so 85 is the floor.
    expect(covered).toBeGreaterThanOrEqual(85);
  });

  it("a confidence level of 0.5 gives a narrower interval inside the 0.95 one", () => {
    const { truth, champion, candidate } = regression(88, 1, 0.8, 5);
    const [wide] = pairedBootstrap(truth, champion, candidate, ["mae"]);
    const [narrow] = pairedBootstrap(truth, champion, candidate, ["mae"], { confidence: 0.5 });
    expect(narrow.ciLow).toBeGreaterThan(wide.ciLow);
    expect(narrow.ciHigh).toBeLessThan(wide.ciHigh);
    expect(decidePaired([{ name: "mae", direction: "lower", minDelta: 0 }], [narrow]).reason).toContain(
      "the 50% interval",
    );
  });

  it("skips and counts samples where a metric is undefined, and calls too many skipped inconclusive", () => {
    // 2 positives in 40 rows: about (38/40)^40 ≈ 13% of samples hold no positive at all.
    const values = new Float64Array(40);
    values[5] = 1;
    values[30] = 1;
    const truth: Truth = { problemType: "classification", values, classes: ["no", "yes"] };
    const r = new Random(9);
    const scored = (): Scored => {
      const p = Float64Array.from({ length: 40 }, (_, i) => (values[i] ? 0.6 : 0.4) + 0.3 * (r.next() - 0.5));
      return {
        predicted: p.map((v) => (v >= 0.5 ? 1 : 0)),
        probabilities: Float64Array.from([...p].flatMap((v) => [1 - v, v])),
      };
    };
    const [auc, accuracy] = pairedBootstrap(truth, scored(), scored(), ["roc_auc", "accuracy"]);
    expect(auc.skipped).toBeGreaterThan(60);
    expect(auc.skipped).toBeLessThan(250);
    expect(auc.samples + auc.skipped).toBe(1000);
    expect(accuracy.skipped).toBe(0);
    const decision = decidePaired([{ name: "roc_auc", direction: "higher", minDelta: 0 }], [auc]);
    expect(decision.verdict).toBe("inconclusive");
    expect(decision.reason).toMatch(/^inconclusive on roc_auc: it was not defined on \d+ of 1000 bootstrap samples/);

    // R² on constant true values: scikit-learn's point value, every sample skipped, no interval.
    const flat: Truth = { problemType: "regression", values: new Float64Array(10).fill(2) };
    const [r2] = pairedBootstrap(
      flat,
      { predicted: new Float64Array(10).fill(2) },
      { predicted: new Float64Array(10).fill(2.5) },
      ["r2"],
      {
        samples: 20,
      },
    );
    expect(r2).toMatchObject({ champion: 1, candidate: 0, samples: 0, skipped: 20 });
    expect(r2.ciLow).toBeNaN();
    expect(decidePaired(R2_HIGHER, [r2]).verdict).toBe("inconclusive");
  });

  it("refuses options that make no sense, and answers that do not fit, naming whose", () => {
    const { truth, champion, candidate } = regression(10, 1, 1, 6);
    expect(() => pairedBootstrap(truth, champion, candidate, ["r2"], { samples: 0 })).toThrow(/samples must be/);
    expect(() => pairedBootstrap(truth, champion, candidate, ["r2"], { confidence: 95 })).toThrow(/confidence must be/);
    expect(() => pairedBootstrap(truth, champion, candidate, ["r2", "accuracy"])).toThrow(
      "unknown regression metric 'accuracy'; one of rmse, mae, r2, mape",
    );
    const nan = { predicted: champion.predicted.map((v, i) => (i === 4 ? Number.NaN : v)) };
    expect(() => pairedBootstrap(truth, champion, nan, ["r2"])).toThrow(
      "the candidate's answers: the prediction at evaluation row 5 is NaN, not a finite number",
    );
  });
});

describe("the decision on intervals", () => {
  const result = (metric: string, ciLow: number, ciHigh: number) => ({
    metric,
    champion: 0.5,
    candidate: 0.5 + (ciLow + ciHigh) / 2,
    delta: (ciLow + ciHigh) / 2,
    ciLow,
    ciHigh,
    pValue: 0.5,
    rows: 88,
    samples: 1000,
    skipped: 0,
    confidence: 0.95,
  });

  it("better needs the whole interval beyond min_delta; worse needs it beyond 0 the other way", () => {
    const rules = [
      { name: "r2", direction: "higher" as const, minDelta: 0.01 },
      { name: "rmse", direction: "lower" as const, minDelta: 0 },
    ];
    const verdicts = (r2: [number, number], rmse: [number, number]) =>
      decidePaired(rules, [result("r2", ...r2), result("rmse", ...rmse)]).metrics.map((m) => m.verdict);
    expect(verdicts([0.02, 0.05], [-0.3, -0.1])).toEqual(["better", "better"]);
    expect(verdicts([0.005, 0.05], [-0.3, 0.1])).toEqual(["inconclusive", "inconclusive"]);
    expect(verdicts([-0.05, -0.02], [0.1, 0.3])).toEqual(["worse", "worse"]);
    expect(verdicts([0.01, 0.05], [-0.3, 0])).toEqual(["inconclusive", "inconclusive"]); // touching is not beyond
    // between 0 and min_delta: an improvement, too small to count, not worse
    expect(verdicts([0.001, 0.009], [-0.3, -0.1])).toEqual(["inconclusive", "better"]);
  });

  it("overall: better only when every metric is; worse when any is; the reason names the others", () => {
    const rules = [
      { name: "r2", direction: "higher" as const, minDelta: 0 },
      { name: "mae", direction: "lower" as const, minDelta: 0 },
    ];
    const mixed = decidePaired(rules, [result("r2", 0.01, 0.02), result("mae", -0.004, 0.011)]);
    expect(mixed).toMatchObject({ better: false, verdict: "inconclusive" });
    expect(mixed.reason).toBe(
      "inconclusive on mae: the 95% interval of the change [-0.004, 0.011] includes values above 0 (min_delta 0, lower is better)",
    );
    const worse = decidePaired(rules, [result("r2", -0.004, 0.011), result("mae", 0.01, 0.02)]);
    expect(worse).toMatchObject({ better: false, verdict: "worse" });
    expect(worse.reason).toBe(
      "inconclusive on r2: the 95% interval of the change [-0.004, 0.011] includes values below min_delta 0; worse on mae: the 95% interval of the change [0.01, 0.02] lies above 0 (lower is better)",
    );
    const missing = decidePaired(rules, [result("r2", 0.01, 0.02)]);
    expect(missing.reason).toBe("inconclusive on mae: it was not evaluated");
  });
});

describe("against scipy.stats.bootstrap (paired, percentile), on the committed fixture", () => {
  // Made by test/fixtures/evaluation/make_scipy_bootstrap.py; see that script.
  const fixture = JSON.parse(
    readFileSync(join(import.meta.dirname, "../fixtures/evaluation/scipy-bootstrap.json"), "utf8"),
  ) as {
    scipy: string;
    resamples: number;
    cases: {
      name: string;
      problemType: "regression" | "classification";
      classes?: string[];
      truth: number[];
      champion: number[];
      candidate: number[];
      intervals: { metric: string; delta: number; ciLow: number; ciHigh: number; standardError: number }[];
    }[];
  };

  for (const c of fixture.cases) {
    it(`${c.name}: same point change, interval ends within a tenth of a standard error of SciPy ${fixture.scipy}'s`, () => {
      const truth: Truth = { problemType: c.problemType, values: Float64Array.from(c.truth), classes: c.classes };
      const metrics = c.intervals.map((i) => i.metric);
      const ours = pairedBootstrap(
        truth,
        { predicted: Float64Array.from(c.champion) },
        { predicted: Float64Array.from(c.candidate) },
        metrics,
        {
          samples: fixture.resamples,
        },
      );
      for (const [i, theirs] of c.intervals.entries()) {
        expect(ours[i].delta).toBeCloseTo(theirs.delta, 12);
        // Two independent runs of 20000 resamples: each end has a Monte Carlo error of about
        // 0.02 standard errors; a tenth leaves room and still catches a wrong quantile rule.
        expect(Math.abs(ours[i].ciLow - theirs.ciLow), `${theirs.metric} low`).toBeLessThan(0.1 * theirs.standardError);
        expect(Math.abs(ours[i].ciHigh - theirs.ciHigh), `${theirs.metric} high`).toBeLessThan(
          0.1 * theirs.standardError,
        );
      }
    });
  }

  it("quantile is numpy's linear percentile", () => {
    const x = Float64Array.of(1, 2, 4, 8);
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 1)).toBe(8);
    expect(quantile(x, 0.5)).toBe(3);
    expect(quantile(x, 0.025)).toBeCloseTo(1.075, 12); // np.percentile([1,2,4,8], 2.5)
  });
});
