import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  availableMetrics,
  CLASSIFICATION_METRICS,
  computeMetrics,
  prepareMetrics,
  REGRESSION_METRICS,
  type Scored,
  type Truth,
} from "../../src/evaluation/metrics.js";

interface Case {
  name: string;
  problemType: "regression" | "classification";
  classes?: string[];
  truth: (number | string)[];
  predicted: (number | string)[];
  probabilities?: number[][] | null;
  weights?: number[] | null;
  expected: Record<string, number>;
}

// Made by test/fixtures/evaluation/make_fixture.py with scikit-learn; see that script.
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, "../fixtures/evaluation/sklearn-metrics.json"), "utf8"),
) as { sklearn: string; cases: Case[] };

/** The fixture's string labels as indexes into its sorted classes, as compare-models passes them. */
function load(c: Case): { truth: Truth; scored: Scored; weights?: Float64Array } {
  const index = (v: number | string) => {
    if (c.problemType === "regression") return v as number;
    const i = (c.classes as string[]).indexOf(v as string);
    if (i < 0) throw new Error(`${v} is not in the classes of ${c.name}`);
    return i;
  };
  return {
    truth: { problemType: c.problemType, values: Float64Array.from(c.truth, index), classes: c.classes },
    scored: {
      predicted: Float64Array.from(c.predicted, index),
      probabilities: c.probabilities ? Float64Array.from(c.probabilities.flat()) : undefined,
    },
    weights: c.weights ? Float64Array.from(c.weights) : undefined,
  };
}

function close(actual: number, expected: number): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12);
}

describe(`metrics equal scikit-learn ${fixture.sklearn}'s on the committed fixture`, () => {
  it("the fixture covers every metric, weighted and not", () => {
    const covered = new Set(fixture.cases.flatMap((c) => Object.keys(c.expected)));
    expect([...covered].sort()).toEqual([...REGRESSION_METRICS, ...CLASSIFICATION_METRICS].sort());
    expect(fixture.cases.some((c) => c.weights && c.expected.roc_auc !== undefined)).toBe(true);
    expect(fixture.cases.length).toBeGreaterThanOrEqual(14);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const { truth, scored, weights } = load(c);
      const names = Object.keys(c.expected);
      const ours = computeMetrics(truth, scored, names, weights);
      for (const name of names) {
        expect(ours[name], name).toBeTypeOf("number");
        close(ours[name], c.expected[name]);
      }
    });
  }

  it("integer weights equal repeating each row that many times", () => {
    for (const c of fixture.cases.filter((x) => x.weights)) {
      const { truth, scored, weights } = load(c);
      const w = weights as Float64Array;
      const names = Object.keys(c.expected).filter((m) => m !== "r2" || truth.problemType === "regression");
      const rows: number[] = [];
      w.forEach((count, i) => {
        for (let r = 0; r < count; r++) rows.push(i);
      });
      const k = truth.classes?.length ?? 1;
      const repeated: Truth = { ...truth, values: Float64Array.from(rows, (i) => truth.values[i]) };
      const repeatedScored: Scored = {
        predicted: Float64Array.from(rows, (i) => scored.predicted[i]),
        probabilities: scored.probabilities
          ? Float64Array.from(rows.flatMap((i) => Array.from(scored.probabilities!.subarray(i * k, i * k + k))))
          : undefined,
      };
      // strict is "as if copied": macro averages over the classes that kept some weight.
      const weighted = prepareMetrics(truth, scored).compute(names, w, { strict: true });
      const copied = computeMetrics(repeated, repeatedScored, names);
      for (const name of names) {
        expect(Math.abs(weighted[name] - copied[name]), `${c.name}: ${name}`).toBeLessThan(
          1e-9 * Math.max(1, Math.abs(copied[name])),
        );
      }
    }
  });
});

describe("strict: a weighting read as copied rows", () => {
  it("a class left with no weight drops out of the macro averages (scikit-learn on the copied rows), not so without strict (scikit-learn's sample_weight)", () => {
    // truth a a b c, predicted a b b c; the only c row gets weight 0.
    const truth: Truth = {
      problemType: "classification",
      values: Float64Array.of(0, 0, 1, 2),
      classes: ["a", "b", "c"],
    };
    const scored: Scored = { predicted: Float64Array.of(0, 1, 1, 2) };
    const w = Float64Array.of(1, 1, 1, 0);
    const names = ["precision", "recall"];
    // precision_score(..., average="macro", sample_weight=[1, 1, 1, 0]) = 0.5 in scikit-learn 1.2.1
    expect(computeMetrics(truth, scored, names, w)).toEqual({ precision: 0.5, recall: 0.5 });
    // precision_score(["a", "a", "b"], ["a", "b", "b"], average="macro") = 0.75
    expect(prepareMetrics(truth, scored).compute(names, w, { strict: true })).toEqual({
      precision: 0.75,
      recall: 0.75,
    });
  });
});

describe("what can be computed", () => {
  it("roc_auc and log_loss only with probabilities", () => {
    const truth: Truth = { problemType: "classification", values: Float64Array.of(0, 1, 1), classes: ["a", "b"] };
    expect(availableMetrics(truth, { predicted: Float64Array.of(0, 1, 0) })).toEqual([
      "accuracy",
      "f1",
      "precision",
      "recall",
    ]);
    expect(
      availableMetrics(truth, { predicted: Float64Array.of(0, 1, 0), probabilities: new Float64Array(6) }),
    ).toEqual(["accuracy", "f1", "precision", "recall", "roc_auc", "log_loss"]);
    expect(
      availableMetrics({ problemType: "regression", values: Float64Array.of(1) }, { predicted: Float64Array.of(1) }),
    ).toEqual(["rmse", "mae", "r2", "mape"]);
  });

  it("undefined values are NaN, not a crash: ROC AUC with one class, strict R² on constant truth", () => {
    const one: Truth = { problemType: "classification", values: Float64Array.of(1, 1, 1), classes: ["a", "b"] };
    const scored: Scored = {
      predicted: Float64Array.of(1, 0, 1),
      probabilities: Float64Array.of(0.2, 0.8, 0.6, 0.4, 0.3, 0.7),
    };
    expect(computeMetrics(one, scored, ["roc_auc"]).roc_auc).toBeNaN();
    // a weighting that leaves one class only
    const two: Truth = { ...one, values: Float64Array.of(0, 1, 1) };
    expect(computeMetrics(two, scored, ["roc_auc"], Float64Array.of(0, 2, 1)).roc_auc).toBeNaN();
    expect(computeMetrics(two, scored, ["roc_auc"]).roc_auc).toBe(0);
    const single: Truth = { problemType: "classification", values: Float64Array.of(0, 0), classes: ["a"] };
    const sure: Scored = { predicted: Float64Array.of(0, 0), probabilities: Float64Array.of(1, 1) };
    expect(computeMetrics(single, sure, ["roc_auc", "log_loss", "accuracy"])).toEqual({
      roc_auc: Number.NaN,
      log_loss: Number.NaN,
      accuracy: 1,
    }); // the negative row scores highest

    const flat: Truth = { problemType: "regression", values: Float64Array.of(2, 2, 2) };
    const near: Scored = { predicted: Float64Array.of(2, 2.5, 1) };
    expect(computeMetrics(flat, near, ["r2"]).r2).toBe(0);
    expect(prepareMetrics(flat, near).compute(["r2"], undefined, { strict: true }).r2).toBeNaN();
    // 0.1 summed by weight is not exactly W·0.1: the residue must not pass for a spread.
    const tenths: Truth = { problemType: "regression", values: new Float64Array(7).fill(0.1) };
    const counts = Float64Array.of(0, 2, 4, 1, 3, 0, 2); // its weighted mean is 0.09999999999999999
    const strict = prepareMetrics(tenths, { predicted: new Float64Array(7).fill(0.3) });
    expect(strict.compute(["r2"], counts, { strict: true }).r2).toBeNaN();
    expect(strict.compute(["r2"], counts).r2).toBeLessThan(-1e20); // scikit-learn's answer here, to the letter
  });

  it("refuses answers that do not fit, naming what is wrong", () => {
    const truth: Truth = { problemType: "classification", values: Float64Array.of(0, 1, 2), classes: ["a", "b", "c"] };
    expect(() => computeMetrics(truth, { predicted: Float64Array.of(0, 1) }, ["accuracy"])).toThrow(
      /2 predictions for 3 evaluation rows/,
    );
    expect(() => computeMetrics(truth, { predicted: Float64Array.of(0, 1, 3) }, ["accuracy"])).toThrow(
      /predicted class at evaluation row 3 is 3/,
    );
    expect(() => computeMetrics(truth, { predicted: Float64Array.of(0, 1, 2) }, ["roc_auc"])).toThrow(
      /needs class probabilities/,
    );
    expect(() => computeMetrics(truth, { predicted: Float64Array.of(0, 1, 2) }, ["rmse"])).toThrow(
      /unknown metric 'rmse'/,
    );
    const loose = Float64Array.of(0.5, 0.5, 0.5, 0.2, 0.8, 0, 0, 0, 1);
    expect(() =>
      computeMetrics(truth, { predicted: Float64Array.of(0, 1, 2), probabilities: loose }, ["roc_auc"]),
    ).toThrow(/evaluation row 1 sums to 1.5/);
    expect(() =>
      computeMetrics(truth, { predicted: Float64Array.of(0, 1, 2) }, ["accuracy"], Float64Array.of(1, -1, 1)),
    ).toThrow(/weight -1 at evaluation row 2/);
  });
});
