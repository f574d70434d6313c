import { describe, expect, it } from "vitest";
import { testDrift } from "../../src/data/drift.js";
import { ProfileBuilder, type ProfileJson } from "../../src/data/profile.js";
import { Random } from "../../src/data/sketches/random.js";

const GROUPS = ["a", "b", "c", "d"];

/** A table of a normal numeric column (mean shifted by `shift` σ), a category and a binary flag. */
function profile(n: number, seed: number, shift = 0, groupBias = 0): ProfileJson {
  const r = new Random(seed);
  const b = new ProfileBuilder(["x", "group", "flag"]);
  for (let i = 0; i < n; i++) {
    const g = r.next() < groupBias ? "a" : GROUPS[r.int(GROUPS.length)];
    b.addRow([(10 + 2 * (r.normal() + shift)).toFixed(4), g, r.next() < 0.3 ? "yes" : "no"], i + 2);
  }
  return b.toJSON();
}

describe("drift tests, chosen as Evidently chooses", () => {
  it("picks KS, chi-square and z-test for a small reference; Wasserstein and Jensen–Shannon for a large one", () => {
    const small = testDrift(profile(800, 1), profile(800, 2));
    expect(Object.fromEntries(small.results.map((r) => [r.column, r.test]))).toEqual({
      x: "ks",
      group: "chisquare",
      flag: "ztest",
    });
    const large = testDrift(profile(5000, 1), profile(5000, 2));
    expect(Object.fromEntries(large.results.map((r) => [r.column, r.test]))).toEqual({
      x: "wasserstein",
      group: "jensenshannon",
      flag: "jensenshannon",
    });
    expect(large.results.every((r) => r.threshold === 0.1)).toBe(true);
  });

  it("does not flag samples of the same distribution in at least 95 % of seeds", () => {
    const flagged: Record<string, number> = { x: 0, group: 0, flag: 0, dataset: 0, largeX: 0, largeDataset: 0 };
    const trials = 300;
    for (let seed = 1; seed <= trials; seed++) {
      const small = testDrift(profile(500, seed * 2), profile(500, seed * 2 + 1));
      for (const r of small.results) if (r.drifted) flagged[r.column]++;
      if (small.drifted) flagged.dataset++;
      if (seed <= 40) {
        const large = testDrift(profile(3000, seed * 2), profile(3000, seed * 2 + 1));
        if (large.results.find((r) => r.column === "x")?.drifted) flagged.largeX++;
        if (large.drifted) flagged.largeDataset++;
      }
    }
    // The dataset verdict and the distance tests: not flagged in at least 95 % of seeds.
    expect(flagged.dataset / trials).toBeLessThanOrEqual(0.05);
    expect(flagged.largeX / 40).toBeLessThanOrEqual(0.05);
    expect(flagged.largeDataset).toBe(0);
    // A single p-value test at 0.05 flags 5 % of same-distribution pairs by definition: hold each
    // column to that level within two binomial standard errors (no anticonservative test).
    const bound = 0.05 + 2 * Math.sqrt((0.05 * 0.95) / trials);
    for (const column of ["x", "group", "flag"]) expect(flagged[column] / trials).toBeLessThanOrEqual(bound);
  });

  it("flags a mean shift of half a standard deviation on 10 000 rows, and names what moved", () => {
    for (const refRows of [1000, 10_000]) {
      const d = testDrift(profile(refRows, 11), profile(10_000, 12, 0.5));
      const x = d.results.find((r) => r.column === "x");
      expect(x?.drifted).toBe(true);
      expect(x?.message).toMatch(
        /^share of values in \[[0-9.]+, [0-9.]+\) (rose|fell) from [0-9.]+% to [0-9.]+%; mean (9.9|10)\d* → 1[01]\.\d+$/,
      );
      expect(d.driftedColumns).toContain("x");
      expect(d.drifted).toBe(false);
    }
  });

  it("names the category that moved most, and honours overrides and the share threshold", () => {
    const d = testDrift(
      profile(5000, 3),
      profile(5000, 4, 0.5, 0.5),
      { flag: { test: "none" }, group: { test: "psi", threshold: 0.2 } },
      0.5,
    );
    const g = d.results.find((r) => r.column === "group");
    expect(g?.test).toBe("psi");
    expect(g?.threshold).toBe(0.2);
    expect(g?.drifted).toBe(true);
    expect(g?.message).toMatch(/share of "a" rose from 2\d\.\d% to 6\d\.\d%/);
    expect(d.skipped).toEqual([{ column: "flag", reason: "drift test turned off" }]);
    expect(d.drifted).toBe(true);
  });

  it("tests against a baseline profile read back from JSON", () => {
    const base = JSON.parse(JSON.stringify(profile(900, 21))) as ProfileJson;
    const d = testDrift(base, profile(900, 22, 0.5));
    const x = d.results.find((r) => r.column === "x");
    expect(x?.test).toBe("ks");
    expect(x?.score).toBeLessThan(1e-6);
  });
});
