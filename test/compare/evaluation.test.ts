import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Log } from "../../src/tasks/context.js";
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
      "problemType not given: inferred regression (label 'y' is numeric with more than 20 distinct values).",
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
});
