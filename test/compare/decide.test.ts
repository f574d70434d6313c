import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { decide, decideMetric } from "../../src/tasks/compare/decide.js";
import { parseMetricSpecs } from "../../src/tasks/compare/metrics.js";

function userError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error.describe();
    throw error;
  }
  throw new Error("no error");
}

describe("metrics input", () => {
  it("parses directions and min deltas, commas or new lines", () => {
    expect(parseMetricSpecs("r2:higher:0.01, rmse:lower\nmae:lower:.5")).toEqual([
      { name: "r2", direction: "higher", minDelta: 0.01 },
      { name: "rmse", direction: "lower", minDelta: 0 },
      { name: "mae", direction: "lower", minDelta: 0.5 },
    ]);
    expect(parseMetricSpecs("evaluate.r2:higher")).toEqual([{ name: "evaluate.r2", direction: "higher", minDelta: 0 }]);
  });

  it("names the input, the bad item and its column", () => {
    expect(userError(() => parseMetricSpecs("r2:higher,rmse:down"))).toBe(
      "input 'metrics': item 'rmse:down' (column 11) has direction 'down'; use higher or lower. Write name:higher or name:lower, optionally :min_delta, comma separated, such as r2:higher:0.01,rmse:lower.",
    );
    expect(userError(() => parseMetricSpecs("r2"))).toMatch(
      /item 'r2' \(column 1\) is not name:direction\[:min_delta\]/,
    );
    expect(userError(() => parseMetricSpecs("r2:higher:-0.1"))).toMatch(/min_delta '-0.1', which is not a number >= 0/);
    expect(userError(() => parseMetricSpecs("r2:higher:abc"))).toMatch(/min_delta 'abc'/);
    expect(userError(() => parseMetricSpecs("r2:higher:1:2"))).toMatch(/is not name:direction/);
    expect(userError(() => parseMetricSpecs("r 2:higher"))).toMatch(/invalid metric name 'r 2'/);
    expect(userError(() => parseMetricSpecs("r2:higher,r2:lower"))).toMatch(
      /item 'r2:lower' \(column 11\) repeats metric 'r2'/,
    );
    expect(userError(() => parseMetricSpecs(" , "))).toMatch(/input 'metrics': names no metric/);
  });
});

describe("decisions by direction", () => {
  const [r2, rmse] = parseMetricSpecs("r2:higher:0.01,rmse:lower");

  it("higher is better for r2 only beyond min_delta; lower is better for rmse; a tie is not better", () => {
    expect(decideMetric(r2, 0.4, 0.45)).toMatchObject({ verdict: "better", passes: true });
    expect(decideMetric(r2, 0.4, 0.405)).toMatchObject({ verdict: "not-enough", passes: false });
    expect(decideMetric(r2, 0.4, 0.38)).toMatchObject({ verdict: "worse", passes: false });
    // Exactly min_delta is not more than min_delta, whatever the float noise says.
    expect(decideMetric(r2, 0.8, 0.81)).toMatchObject({ verdict: "not-enough" });
    expect(decideMetric(rmse, 50, 49)).toMatchObject({ verdict: "better", change: -1, improvement: 1 });
    expect(decideMetric(rmse, 50, 50)).toMatchObject({ verdict: "not-enough", passes: false });
    expect(decideMetric(rmse, 50, 51)).toMatchObject({ verdict: "worse" });
    expect(decideMetric(rmse, undefined, 51)).toMatchObject({ verdict: "no-baseline", passes: true });
  });

  it("the candidate is better only when it passes every metric; with no champion it wins", () => {
    expect(decide([r2, rmse], { r2: 0.4, rmse: 50 }, { r2: 0.5, rmse: 45 })).toMatchObject({
      better: true,
      decision: "promote",
    });
    expect(decide([r2, rmse], { r2: 0.4, rmse: 50 }, { r2: 0.5, rmse: 55 })).toMatchObject({
      better: false,
      decision: "keep-champion",
      reason: "not better on rmse",
    });
    expect(decide([r2, rmse], undefined, { r2: 0.1, rmse: 99 })).toMatchObject({
      better: true,
      reason: "there is no champion yet",
    });
  });
});
