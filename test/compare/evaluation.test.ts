import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { type CliRun, runCliTask, tempDir } from "../helpers.js";

const SCRIPT = join(import.meta.dirname, "..", "fixtures", "compare-eval", "score.py");

const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

/** A seeded generator (mulberry32) and a normal draw: the same data on every run. */
function random(seed: number): { uniform: () => number; normal: () => number } {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** Rows of y = 1 + slope·x1 + 0.5·x2 + noise, as [x1, x2, y]. */
function linearRows(n: number, slope: number, seed = 7, noise = 1): number[][] {
  const r = random(seed);
  return Array.from({ length: n }, () => {
    const x1 = Number((r.uniform() * 10).toFixed(3));
    const x2 = Number((r.uniform() * 10).toFixed(3));
    return [x1, x2, Number((1 + slope * x1 + 0.5 * x2 + noise * r.normal()).toFixed(4))];
  });
}

describe("compare-models with evaluationData: both models scored on the same rows", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-eval-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
  });
  afterEach(async () => {
    await cleanup();
  });

  const compare = (inputs: Record<string, string>): Promise<CliRun> => runCliTask("compare-models", inputs, dir);
  let models = 0;
  /** Registers a model whose folder holds model.json, with recorded metrics and tags. */
  const register = async (
    model: Record<string, unknown>,
    metrics: Record<string, number> = {},
    tags: Record<string, string> = {},
    name = "lin",
  ) => {
    const folder = join(dir, `model-${++models}`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "model.json"), JSON.stringify(model));
    return ws.models.register({ name, source: folder, tags, metrics }, quiet);
  };
  const csv = async (file: string, header: string[], rows: unknown[][]) => {
    await writeFile(join(dir, file), `${[header, ...rows].map((r) => r.join(",")).join("\n")}\n`);
    return file;
  };
  const linear = (slope: number, extra: Record<string, unknown> = {}) => ({
    kind: "linear",
    intercept: 1,
    coefficients: [slope, 0.5],
    columns: ["x1", "x2"],
    ...extra,
  });
  const evaluation = (run: CliRun) => JSON.parse(run.outputs.evaluation);

  it("a candidate better on today's data but worse than the champion's recorded score is promoted when evaluationData is given", async () => {
    // The champion was fitted before the data drifted (slope 2.0) and recorded a high r2 then;
    // today's data has slope 2.6, which the candidate learned, while its own test set gave a lower r2.
    await register(linear(2.0), { r2: 0.95, rmse: 1.0 }, { champion: "true", data: "sales:1" });
    await register(linear(2.6), { r2: 0.8, rmse: 2.1 }, { data: "sales:2" });
    const data = await csv("today.csv", ["x1", "x2", "y"], linearRows(300, 2.6));

    const recorded = await compare({ candidate: "lin:2", metrics: "r2:higher,rmse:lower" });
    expect(recorded.exitCode).toBe(0);
    expect(recorded.outputs).toMatchObject({ better: "false", decision: "keep-champion", evaluation: "" });
    expect(recorded.outputs.report).toContain(
      "These are the metrics recorded by different runs (champion `lin:1`: data `sales:1`; candidate `lin:2`: data `sales:2` — different data): they may not be comparable.",
    );

    const run = await compare({
      candidate: "lin:2",
      metrics: "r2:higher,rmse:lower",
      evaluationData: data,
      labelColumn: "y",
      scoringScript: SCRIPT,
      register: "true",
    });
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ better: "true", decision: "promote", champion: "lin:1" });
    const e = evaluation(run);
    expect(e).toMatchObject({ data, problemType: "regression", rows: 300, confidence: 0.95, samples: 1000 });
    expect(e.metrics.r2.verdict).toBe("better");
    expect(e.metrics.r2.ciLow).toBeGreaterThan(0);
    expect(e.metrics.rmse.ciHigh).toBeLessThan(0);
    expect(e.metrics.r2.candidate).toBeGreaterThan(0.9);
    expect(e.metrics.r2.champion).toBeLessThan(e.metrics.r2.candidate);
    expect(e.metrics.r2.delta).toBeCloseTo(e.metrics.r2.candidate - e.metrics.r2.champion, 12);
    expect(e.metrics.rmse.rows).toBe(300);
    const report = run.outputs.report;
    expect(report.split("\n")[0]).toMatch(
      /^✅ \*\*Promote `lin:2`\*\* over champion `lin:1`, both scored on `today.csv` \(300 rows\): better on r2: the 95% interval of the change \[.*\] lies above min_delta 0; better on rmse: .*\.$/,
    );
    expect(report).toContain("| metric | goal | champion | candidate | change | 95 % interval | p | verdict |");
    expect(report).toMatch(
      /\| `r2` \| higher \| [\d.]+ \| [\d.]+ \| \+[\d.]+ \| \[\+[\d.]+, \+[\d.]+\] \| 0.002 \| ✅ better \|/,
    );
    expect(report).toContain("```text");
    expect(report).toMatch(/\nrmse {2}.*●.*┊.* \(lower is better\)\n/);
    expect(run.stdout.join("\n")).toContain(
      "problemType not given: regression, from the declared metrics (r2, rmse); label 'y' is checked against it.",
    );
    expect((await ws.models.list("lin")).filter((m) => m.tags.champion === "true").map((m) => m.version)).toEqual([
      "2",
    ]);
  });

  it("a candidate that differs from the champion by noise is not better at 0.95", async () => {
    await register(linear(2.0), { r2: 0.9 }, { champion: "true" });
    // Fitted on another sample of the same process: a slightly different slope and intercept.
    await register(linear(2.003, { intercept: 0.99 }), { r2: 0.91 });
    const data = await csv("test.csv", ["x1", "x2", "y"], linearRows(88, 2.0, 11));
    const run = await compare({
      candidate: "lin:2",
      metrics: "r2:higher",
      evaluationData: data,
      labelColumn: "y",
      scoringScript: SCRIPT,
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ better: "false", decision: "keep-champion" });
    const r2 = evaluation(run).metrics.r2;
    expect(r2.verdict).toBe("inconclusive");
    expect(r2.ciLow).toBeLessThan(0);
    expect(r2.ciHigh).toBeGreaterThan(0);
    expect(Math.abs(r2.delta)).toBeLessThan(0.01);
    expect(r2.pValue).toBeGreaterThan(0.05);
    expect(run.outputs.report.split("\n")[0]).toMatch(
      /^➖ \*\*Keep champion `lin:1`\*\*: `lin:2`, both scored on `test.csv` \(88 rows\), is inconclusive on r2: the 95% interval of the change \[-[\d.e-]+, [\d.e-]+\] includes values below min_delta 0\.$/,
    );
    expect(run.outputs.report).toContain("| ➖ inconclusive |");
  });

  /** Each model's predictions as this test computes them, for metrics computed by hand. */
  const predict = (slope: number, rows: number[][], intercept = 1) =>
    rows.map(([x1, x2]) => intercept + slope * x1 + 0.5 * x2);
  const rmse = (truth: number[], predicted: number[]) =>
    Math.sqrt(truth.reduce((s, y, i) => s + (y - predicted[i]) ** 2, 0) / truth.length);

  const scoreWith = async (
    champion: Record<string, unknown>,
    candidate: Record<string, unknown>,
    file: string,
    inputs: Record<string, string> = {},
  ) => {
    await register(champion, {}, { champion: "true" });
    const c = await register(candidate);
    return compare({
      candidate: `lin:${c.version}`,
      metrics: "rmse:lower",
      evaluationData: file,
      labelColumn: "y",
      scoringScript: SCRIPT,
      ...inputs,
    });
  };

  for (const format of ["rows", "records", "mlflow"] as const) {
    it(`requestFormat ${format}: run() gets ${format === "rows" ? '{"data": [[...]]}' : format === "records" ? '{"data": [{"col": v}]}' : '{"input_data": {"columns", "data"}}'} (the script checks the shape)`, async () => {
      const rows = linearRows(50, 2.0, 3);
      const file = await csv("d.csv", ["x1", "x2", "y"], rows);
      const run = await scoreWith(
        linear(1.9, { expect: format }),
        linear(2.0, { expect: format }),
        file,
        format === "rows" ? {} : { requestFormat: format },
      );
      expect(run.stderr).toEqual([]);
      const e = evaluation(run).metrics.rmse;
      const y = rows.map((r) => r[2]);
      expect(e.champion).toBeCloseTo(rmse(y, predict(1.9, rows)), 10);
      expect(e.candidate).toBeCloseTo(rmse(y, predict(2.0, rows)), 10);
    });
  }

  for (const answer of ["list", "json", "nested", "object"] as const) {
    it(`run() answering ${answer === "json" ? "a JSON string" : answer === "nested" ? "one-element lists" : answer === "list" ? "a list of values" : '{"predictions": [...]}'} is read as one value per row`, async () => {
      const rows = linearRows(40, 2.0, 5);
      const file = await csv("d.csv", ["x1", "x2", "y"], rows);
      const run = await scoreWith(linear(1.9, { answer }), linear(2.0, { answer }), file);
      expect(run.stderr).toEqual([]);
      expect(evaluation(run).metrics.rmse.candidate).toBeCloseTo(
        rmse(
          rows.map((r) => r[2]),
          predict(2.0, rows),
        ),
        10,
      );
    });
  }

  it("a file larger than one batch (1000 rows per run() call) gives the metrics computed directly over all rows", async () => {
    const rows = linearRows(2500, 2.0, 9, 3);
    const file = await csv("big.csv", ["x1", "x2", "y"], rows);
    const run = await scoreWith(linear(1.8), linear(2.05, { intercept: 1.2 }), file);
    expect(run.stderr).toEqual([]);
    const e = evaluation(run);
    expect(e.rows).toBe(2500);
    const y = rows.map((r) => r[2]);
    expect(e.metrics.rmse.champion).toBeCloseTo(rmse(y, predict(1.8, rows)), 10);
    expect(e.metrics.rmse.candidate).toBeCloseTo(rmse(y, predict(2.05, rows, 1.2)), 10);
  });

  it("classification with probabilities: text labels, classes in sorted order, accuracy and log_loss from the answers", async () => {
    // Three classes by which feature is largest; the candidate's weights separate them more sharply.
    const r = random(21);
    const rows = Array.from({ length: 120 }, () => {
      const x = [r.uniform(), r.uniform(), r.uniform()].map((v) => Number(v.toFixed(3)));
      const noisy = x.map((v) => v + 0.3 * r.normal());
      return [...x, ["ant", "bee", "cat"][noisy.indexOf(Math.max(...noisy))]];
    });
    const file = await csv("iris.csv", ["a", "b", "c", "kind"], rows);
    const softmax = (scale: number) => ({
      kind: "softmax",
      classes: ["ant", "bee", "cat"],
      bias: [0, 0, 0],
      weights: [
        [scale, 0, 0],
        [0, scale, 0],
        [0, 0, scale],
      ],
    });
    await register(softmax(1), {}, { champion: "true" }, "cls");
    await register(softmax(8), {}, {}, "cls");
    const run = await compare({
      candidate: "cls:2",
      metrics: "accuracy:higher,log_loss:lower,roc_auc:higher",
      evaluationData: file,
      labelColumn: "kind",
      scoringScript: SCRIPT,
    });
    expect(run.stderr).toEqual([]);
    const e = evaluation(run);
    expect(e.problemType).toBe("classification");
    expect(run.stdout.join("\n")).toContain(
      "problemType not given: classification, from the declared metrics (accuracy, log_loss, roc_auc); label 'kind' is checked against it.",
    );
    // By hand: the same softmax, the most probable class, −mean log p(true class).
    const expected = (scale: number) => {
      let right = 0;
      let loss = 0;
      for (const row of rows) {
        const x = row.slice(0, 3) as number[];
        const e = x.map((v) => Math.exp(scale * v - scale * Math.max(...x)));
        const p = e.map((v) => v / e.reduce((a, b) => a + b, 0));
        const truth = ["ant", "bee", "cat"].indexOf(row[3] as string);
        if (p.indexOf(Math.max(...p)) === truth) right++;
        loss -= Math.log(p[truth]);
      }
      return { accuracy: right / rows.length, log_loss: loss / rows.length };
    };
    expect(e.metrics.accuracy.champion).toBeCloseTo(expected(1).accuracy, 12);
    expect(e.metrics.accuracy.candidate).toBeCloseTo(expected(8).accuracy, 12);
    expect(e.metrics.log_loss.champion).toBeCloseTo(expected(1).log_loss, 10);
    expect(e.metrics.log_loss.candidate).toBeCloseTo(expected(8).log_loss, 10);
    expect(e.metrics.roc_auc.candidate).toBeGreaterThan(0.5);
    for (const m of ["accuracy", "log_loss", "roc_auc"]) expect(run.outputs.report).toContain(`| \`${m}\` |`);
  });

  it("classification from probabilities alone and from labels alone: integer labels are inferred as classes", async () => {
    const r = random(5);
    const rows = Array.from({ length: 60 }, () => {
      const x = [r.uniform(), r.uniform()].map((v) => Number(v.toFixed(3)));
      return [...x, x[0] + 0.2 * r.normal() > x[1] ? 1 : 0];
    });
    const file = await csv("bin.csv", ["a", "b", "label"], rows);
    const model = (answer: string) => ({
      kind: "softmax",
      classes: [0, 1],
      bias: [0, 0],
      weights: [
        [0, 4],
        [4, 0],
      ],
      answer,
    });
    await register(model("probabilities"), {}, { champion: "true" }, "bin");
    await register(model("labels"), {}, {}, "bin");
    const run = await compare({
      candidate: "bin:2",
      metrics: "accuracy:higher,f1:higher",
      evaluationData: file,
      labelColumn: "label",
      scoringScript: SCRIPT,
    });
    expect(run.stderr).toEqual([]);
    const e = evaluation(run);
    expect(e.problemType).toBe("classification");
    // The same model: the argmax of its probabilities and its labels agree on every row.
    expect(e.metrics.accuracy.delta).toBe(0);
    expect(e.metrics.f1.delta).toBe(0);
    expect(e.metrics.accuracy.verdict).toBe("inconclusive");
    const accuracy = rows.filter(([a, b, y]) => (a > b ? 1 : 0) === y).length / rows.length;
    expect(e.metrics.accuracy.candidate).toBeCloseTo(accuracy, 12);
  });

  it("a dataset reference (name@version, name:version) is evaluationData", async () => {
    const rows = linearRows(30, 2.0, 13);
    await csv("reg.csv", ["x1", "x2", "y"], rows);
    expect((await runCliTask("register-dataset", { name: "sales", path: "reg.csv" }, dir)).exitCode).toBe(0);
    await register(linear(1.9), {}, { champion: "true" });
    await register(linear(2.0));
    for (const ref of ["sales@1", "sales:1", "sales@latest"]) {
      const run = await compare({
        candidate: "lin:2",
        metrics: "rmse:lower",
        evaluationData: ref,
        labelColumn: "y",
        scoringScript: SCRIPT,
      });
      expect(run.stderr).toEqual([]);
      const e = evaluation(run);
      expect(e.data).toBe("sales@1");
      expect(e.metrics.rmse.candidate).toBeCloseTo(
        rmse(
          rows.map((x) => x[2]),
          predict(2.0, rows),
        ),
        10,
      );
    }
  });

  it("with no champion the candidate is still scored and reported, and promoted", async () => {
    const rows = linearRows(40, 2.0, 17);
    const file = await csv("d.csv", ["x1", "x2", "y"], rows);
    await register(linear(2.0));
    const run = await compare({
      candidate: "lin:1",
      metrics: "rmse:lower,r2:higher",
      evaluationData: file,
      labelColumn: "y",
      scoringScript: SCRIPT,
    });
    expect(run.stderr).toEqual([]);
    expect(run.outputs).toMatchObject({ better: "true", decision: "promote", champion: "" });
    const e = evaluation(run);
    expect(e.metrics.rmse).toMatchObject({
      champion: null,
      delta: null,
      ciLow: null,
      verdict: "no-champion",
      rows: 40,
    });
    expect(e.metrics.rmse.candidate).toBeCloseTo(
      rmse(
        rows.map((x) => x[2]),
        predict(2.0, rows),
      ),
      10,
    );
    expect(run.outputs.report.split("\n")[0]).toBe(
      "✅ **Promote `lin:1`**: no champion yet (no version of `lin` is tagged `champion=true`); the candidate was scored on `d.csv` (40 rows).",
    );
    expect(run.outputs.report).toContain("| ✅ no champion |");
  });

  it("a job's model output is scored from the job's folder (its recorded metrics play no part), then registered", async () => {
    await register(linear(2.0), {}, { champion: "true" });
    const pipeline = join(import.meta.dirname, "..", "fixtures", "models", "pipeline", "pipeline.yml");
    const submitted = await runCliTask("submit-pipeline", { pipeline }, dir);
    expect(submitted.outputs.status).toBe("Completed");
    // The job's model: y = 0.5 + 2.5·x1 + 0.25·x2; the data follow it.
    const r = random(4);
    const rows = Array.from({ length: 100 }, () => {
      const [x1, x2] = [r.uniform() * 10, r.uniform() * 10].map((v) => Number(v.toFixed(3)));
      return [x1, x2, Number((0.5 + 2.5 * x1 + 0.25 * x2 + 0.5 * r.normal()).toFixed(4))];
    });
    const file = await csv("d.csv", ["x1", "x2", "y"], rows);
    const run = await compare({
      candidate: `job:${submitted.outputs.jobName}`,
      modelName: "lin",
      // mape was never recorded by the job: with evaluationData it is computed here.
      metrics: "mape:lower",
      evaluationData: file,
      labelColumn: "y",
      scoringScript: SCRIPT,
      register: "true",
    });
    expect(run.stderr).toEqual([]);
    expect(run.outputs).toMatchObject({ better: "true", decision: "promote", candidateVersion: "lin:2" });
    const mape = evaluation(run).metrics.mape;
    const y = rows.map((x) => x[2]);
    const expected =
      y.reduce((s, v, i) => s + Math.abs(v - (0.5 + 2.5 * rows[i][0] + 0.25 * rows[i][1])) / Math.abs(v), 0) / y.length;
    expect(mape.candidate).toBeCloseTo(expected, 12);
    expect(run.stdout.join("\n")).toContain(`Candidate job:${submitted.outputs.jobName} (to be scored on d.csv)`);
  });

  describe("bad input: one line naming the input or file:line and the fix, exit 1", () => {
    const failWith = async (inputs: Record<string, string>, champion = linear(1.9), candidate = linear(2.0)) => {
      const file = await csv("d.csv", ["x1", "x2", "target"], linearRows(20, 2.0, 1));
      const run = await scoreWith(champion, candidate, file, { labelColumn: "target", ...inputs });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).not.toMatch(/\n| {4}at /);
      return run.stderr[0];
    };

    it("a labelColumn the data does not have: did you mean", async () => {
      expect(await failWith({ labelColumn: "targte" })).toBe(
        "error: input 'labelColumn': column 'targte' is not in d.csv. Did you mean 'target'?",
      );
    });
    it("evaluationData without labelColumn, and labelColumn without evaluationData", async () => {
      expect(await failWith({ labelColumn: "" })).toBe(
        "error: input 'labelColumn': is required with evaluationData. Name the column of evaluationData that holds the true values, such as target.",
      );
      await register(linear(2.0), { rmse: 1 });
      const run = await compare({ candidate: "lin:1", metrics: "rmse:lower", labelColumn: "y" });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toEqual([
        "error: input 'labelColumn': is set but evaluationData is not. Set evaluationData to the rows to score both models on, or remove this input.",
      ]);
    });
    it("a metric compare-models does not compute, or one of the other problem type", async () => {
      expect(await failWith({ metrics: "r2x:higher" })).toMatch(
        /^error: input 'metrics': metric 'r2x' is not one compare-models computes from predictions\. Did you mean 'r2'\? Metrics with evaluationData: rmse, mae, r2, mape, accuracy, f1, precision, recall, roc_auc, log_loss\.$/,
      );
      // Classification metrics on a continuous target: the label column says it is not classes.
      expect(await failWith({ metrics: "accuracy:higher" })).toMatch(
        /^error: input 'problemType': label column 'target' holds [\d.]+ on row 1 \(.*d\.csv\), a fractional number, but the problem is classification\. Classes are labels or whole numbers: for a continuous target use problemType: regression and its metrics \(rmse, mae, r2, mape\)\.$/,
      );
      expect(await failWith({ metrics: "rmse:lower,accuracy:higher" })).toBe(
        "error: input 'metrics': mixes regression metrics (rmse) and classification metrics (accuracy). Declare the metrics of one problem type, or set problemType.",
      );
      expect(await failWith({ metrics: "accuracy:higher", problemType: "regression" })).toMatch(
        /^error: input 'metrics': metric 'accuracy' is not one compare-models computes from predictions for regression\. Metrics with evaluationData: rmse, mae, r2, mape\.$/,
      );
    });
    it("confidence and samples out of range", async () => {
      expect(await failWith({ confidence: "95" })).toBe(
        "error: input 'confidence': 95 is not a confidence level. Give a number from 0.5 up to (not including) 1, such as 0.95.",
      );
      expect(await failWith({ samples: "10.5" })).toMatch(/^error: input 'samples': 10.5 is not a whole number/);
    });
    it("init() raising names the script's line", async () => {
      const line = await failWith({}, linear(1.9, { fail_init: true }));
      expect(line).toMatch(
        new RegExp(
          `^error: input 'scoringScript', ${SCRIPT}:15: loading the scoring script for champion lin:1 failed: FileNotFoundError: no weights.bin in .*\\. Make init\\(\\) load the model from AZUREML_MODEL_DIR \\(here .*\\)\\.$`,
        ),
      );
    });
    it("a syntax error in score.py names its line", async () => {
      const script = join(import.meta.dirname, "..", "fixtures", "compare-eval", "syntax", "score.py");
      expect(await failWith({ scoringScript: script })).toMatch(
        new RegExp(
          `^error: input 'scoringScript', ${script}:5: loading the scoring script for (champion lin:1|candidate lin:2) failed: SyntaxError: .*\\. Fix the syntax error\\.$`,
        ),
      );
    });
    it("a classification answered with one fractional number per row (a positive-class probability)", async () => {
      const file = await csv(
        "b.csv",
        ["a", "label"],
        [
          [0.1, 0],
          [0.9, 1],
          [0.4, 0],
          [0.7, 1],
        ],
      );
      await register({ kind: "linear", intercept: 0, coefficients: [1], answer: "list" }, {}, { champion: "true" });
      const c = await register({ kind: "linear", intercept: 0, coefficients: [0.9], answer: "list" });
      const run = await compare({
        candidate: `lin:${c.version}`,
        metrics: "accuracy:higher",
        evaluationData: file,
        labelColumn: "label",
        scoringScript: SCRIPT,
      });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toEqual([
        `error: input 'scoringScript': champion lin:1's run() answered 0.1, a fractional number, where a class label is expected. Return the predicted labels, or a list of class probabilities per row ([[p0, p1], ...]) or {"predictions": labels, "probabilities": [[...]]}.`,
      ]);
    });

    it("run() answering NaN names the row", async () => {
      expect(await failWith({}, linear(1.9), linear(2.0, { answer: "nan" }))).toBe(
        `error: input 'scoringScript', ${SCRIPT}: run() for candidate lin:2 answered null (or NaN) for row 1 of the batch, not a number or a label on rows 1–20 of d.csv. Return a list with one value per row, a list of class-probability lists, or {"predictions": [...]} / {"probabilities": [[...]]}.`,
      );
    });

    it("run() answering too few values, or text for a regression", async () => {
      expect(await failWith({}, linear(1.9), linear(2.0, { short: true }))).toBe(
        `error: input 'scoringScript', ${SCRIPT}: run() for candidate lin:2 answered 19 value(s) for 20 row(s) on rows 1–20 of d.csv. Return a list with one value per row, a list of class-probability lists, or {"predictions": [...]} / {"probabilities": [[...]]}.`,
      );
      expect(await failWith({ problemType: "regression" }, linear(1.9), linear(2.0, { answer: "text" }))).toBe(
        "error: input 'problemType': candidate lin:4's run() answered text labels, but the problem is regression. Set problemType: classification, or return one number per row.",
      );
    });
  });
});
