import { describe, expect, it } from "vitest";
import {
  bakeNeeded,
  expectedRequests,
  judge,
  percentile,
  type Sample,
  summarize,
} from "../../src/tasks/deploy/analysis.js";
import { close, firstMismatch } from "../../src/tasks/deploy/expect.js";

const live = (deployment: string | undefined, ms: number, ok = true): Sample => ({ deployment, kind: "live", ok, ms });

describe("step numbers", () => {
  it("percentiles are nearest-rank over the sorted latencies", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99)]).toEqual([50, 95, 99]);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([1, 2, 3], 0.5)).toBe(2);
    expect(percentile([], 0.5)).toBe(0);
  });

  it("groups by deployment, mirrored copies apart, unanswered requests under (no answer)", () => {
    const numbers = summarize([
      live("blue", 10),
      live("blue", 30, false),
      live(undefined, 30_000, false),
      { deployment: "green", kind: "mirror", ok: true, ms: 5 },
    ]);
    expect(Object.keys(numbers)).toEqual(["(no answer)", "blue", "green (mirror)"]);
    expect(numbers.blue).toEqual({ kind: "live", requests: 2, errors: 1, errorRate: 0.5, p50: 10, p95: 30, p99: 30 });
    expect(numbers["green (mirror)"].kind).toBe("mirror");
  });
});

describe("a step's verdict", () => {
  const t = { maxErrorRate: 0.01, maxLatencyMs: 100, minRequests: 20 };
  const many = (n: number, ms: number, failEvery = 0) =>
    Array.from({ length: n }, (_, i) => live("green", ms, !(failEvery && (i + 1) % failEvery === 0)));

  it("passes when the new deployment served enough requests within both thresholds", () => {
    expect(judge(summarize(many(20, 50)), "green", "live", t)).toEqual({ verdict: "pass", reasons: [] });
  });

  it("fails on the error rate or the p95 ceiling, naming the numbers", () => {
    expect(judge(summarize(many(20, 50, 10)), "green", "live", t)).toEqual({
      verdict: "fail",
      reasons: ["green: error rate 10 % (2 of 20) is above maxErrorRate 1 %"],
    });
    expect(judge(summarize(many(20, 150)), "green", "live", t).reasons).toEqual([
      "green: p95 latency 150 ms is above maxLatencyMs 100 ms",
    ]);
  });

  it("too few requests is inconclusive; a breach with too few requests is still a failure", () => {
    expect(judge(summarize(many(19, 50)), "green", "live", t).verdict).toBe("inconclusive");
    expect(judge(summarize([live("blue", 5)]), "green", "live", t)).toEqual({
      verdict: "inconclusive",
      reasons: ["green served 0 request(s), fewer than minRequests 20: inconclusive"],
    });
    expect(judge(summarize(many(5, 500)), "green", "live", t).verdict).toBe("fail");
  });

  it("judges the mirrored copies in a mirror step, and requests nobody answered count against the step", () => {
    const mirror: Sample[] = Array.from({ length: 20 }, () => ({
      deployment: "green",
      kind: "mirror",
      ok: true,
      ms: 5,
    }));
    expect(judge(summarize(mirror), "green", "mirror", t).verdict).toBe("pass");
    const lost = [...many(20, 5), ...Array.from({ length: 30 }, () => live("blue", 5)), live(undefined, 30_000, false)];
    expect(judge(summarize(lost), "green", "live", t)).toEqual({
      verdict: "fail",
      reasons: ["1 of 51 requests got no answer (1.96 %), above maxErrorRate"],
    });
  });

  it("sizes the bake: a 10 % step at 5 requests/s needs 40 s for 20 requests", () => {
    expect(expectedRequests(5, 40, 10)).toBe(20);
    expect(expectedRequests(5, 39, 10)).toBe(19);
    expect(bakeNeeded(5, 10, 20)).toBe(40);
    expect(bakeNeeded(20, 50, 10)).toBe(1);
  });
});

describe("the expected smoke-test answer", () => {
  it("numbers agree within a relative tolerance", () => {
    expect(close(3.5, 3.5000001, 1e-6)).toBe(true);
    expect(close(3.5, 3.5000001, 1e-9)).toBe(false);
    expect(close(0, 0, 0)).toBe(true);
    expect(close(0, 1e-12, 1e-6)).toBe(false);
  });

  it("the first mismatch names its JSON path and both values", () => {
    const expected = { predictions: [1, 2], "class names": ["a", "b"], meta: { v: 1 } };
    expect(firstMismatch(expected, expected, 0)).toBeUndefined();
    expect(firstMismatch(expected, { ...expected, predictions: [1, 2.5] }, 1e-6)).toEqual({
      path: "$.predictions[1]",
      expected: "2",
      actual: "2.5",
    });
    expect(firstMismatch(expected, { ...expected, "class names": ["a", "c"] }, 0)?.path).toBe('$["class names"][1]');
    expect(firstMismatch(expected, { ...expected, predictions: [1] }, 0)).toEqual({
      path: "$.predictions.length",
      expected: "2",
      actual: "1",
    });
    expect(firstMismatch(expected, { ...expected, meta: { v: 1, extra: true } }, 0)).toEqual({
      path: "$.meta.extra",
      expected: "(absent)",
      actual: "true",
    });
    expect(firstMismatch([1], { predictions: [1] }, 0)).toEqual({
      path: "$",
      expected: "[1]",
      actual: '{"predictions":[1]}',
    });
    expect(firstMismatch({ a: "1" }, { a: 1 }, 0)).toEqual({ path: "$.a", expected: '"1"', actual: "1" });
  });
});
