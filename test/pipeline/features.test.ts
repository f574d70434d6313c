import { cp, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CliRun, runCliTask, tempDir } from "../helpers.js";

const quiet = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  group: <T>(_t: string, fn: () => Promise<T>) => fn(),
  secret() {},
};
const FEATURES = join(import.meta.dirname, "..", "fixtures", "pipelines", "features");

describe("pipeline features run locally, or are refused with one line each", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-features-"));
    await cp(FEATURES, join(dir, "features"), { recursive: true });
  });
  afterEach(() => cleanup());
  const submit = (inputs: Record<string, string>): Promise<CliRun> => runCliTask("submit-pipeline", inputs, dir);

  let server: Server;
  let downloads = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/remote.csv") {
        downloads++;
        res.end("from,the,web\n");
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("runs nested pipeline components as outer/inner steps and passes their outputs on", async () => {
    const run = await submit({ pipeline: "features/nested/pipeline.yml" });
    expect(run.stderr).toEqual([]);
    expect(run.outputs.status).toBe("Completed");
    const outputs = JSON.parse(run.outputs.outputs);
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(["slow/fit.model", "fast/score.scored", "pick.best", "best_model"]),
    );
    // The faster learning rate with more steps fits the line better, and the optional `steps` reached only that instance.
    const best = JSON.parse(await readFile(join(outputs.best_model, "line.json"), "utf8"));
    expect(best).toMatchObject({ rate: 0.2, steps: 50 });
    expect(run.stdout).toContain("[slow/fit] rate=0.01 steps=10 w=1.363 b=0.397");
    expect(JSON.parse(run.outputs.metrics)["slow/score.mse"]).toBeGreaterThan(
      JSON.parse(run.outputs.metrics)["fast/score.mse"],
    );
  });

  it("runs a grid sweep, picks the best trial by the objective and passes its outputs to the next step", async () => {
    const run = await submit({ pipeline: "features/grid-sweep/pipeline.yml", maxParallel: "2" });
    expect(run.outputs.status).toBe("Completed");
    const outputs = JSON.parse(run.outputs.outputs);
    expect(await readFile(join(outputs["use_best.result"], "result.txt"), "utf8")).toBe("best x = 3");
    expect(JSON.parse(run.outputs.metrics)).toMatchObject({ "search.score": 0, "search.best_trial": 2 });
    expect(run.stdout.join("\n")).toContain("| 2 (best) | 3 | Completed | 0 |");
    const record = JSON.parse(await readFile(join(dir, ".mlops", "jobs", run.outputs.jobName, "job.json"), "utf8"));
    const search = record.steps.find((s: { name: string }) => s.name === "search");
    expect(search.trials.map((t: { params: { x: number }; metric: number }) => [t.params.x, t.metric])).toEqual([
      [1, -4],
      [2, -1],
      [3, 0],
      [4, -1],
      [5, -4],
    ]);
  });

  it("binds every input type, optional sections, environment variables and explicit output paths; downloads a URL once", async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/remote.csv`;
    const set = `inputs.remote.path=${url}`;
    const run = await submit({ pipeline: "features/all-inputs/pipeline.yml", set });
    expect(run.stderr).toEqual([]);
    expect(run.outputs.status).toBe("Completed");
    const report = JSON.parse(await readFile(join(JSON.parse(run.outputs.outputs).report, "report.json"), "utf8"));
    expect(report).toMatchObject({
      count: "7",
      ratio: "0.25",
      label: "hello world",
      flag: "true",
      missing: null,
      greeting: "bonjour",
      contents: {
        file: "a,b\n1,2\n",
        folder: ["one.txt"],
        table: ["MLTable", "rows.csv"],
        model: ["model.json"],
        remote: "from,the,web\n",
      },
    });
    expect(await readFile(join(dir, "features", "all-inputs", "kept-output", "kept.txt"), "utf8")).toBe("kept\n");
    expect(run.stdout.join("\n")).toContain(`Downloading ${url}`);
    const again = await submit({ pipeline: "features/all-inputs/pipeline.yml", set, forceRerun: "true" });
    expect(again.outputs.status).toBe("Completed");
    expect(again.stdout.join("\n")).toContain(`Using the cached download of ${url}`);
    expect(downloads).toBe(1);
  });

  it("runs a parallel run_function job: init() once, run() per mini-batch, rows appended to the output", async () => {
    const run = await submit({ pipeline: "features/parallel/pipeline.yml" });
    expect(run.stderr).toEqual([]);
    expect(run.outputs.status).toBe("Completed");
    expect(JSON.parse(run.outputs.metrics)).toMatchObject({ total: 450, rows: 5 });
    expect(run.stdout).toContain("[double] 3 mini-batch(es), 0 failed, 5 row(s)");
    const rows = await readFile(join(JSON.parse(run.outputs.outputs)["double.rows"], "parallel_run_step.txt"), "utf8");
    expect(rows.trim().split("\n")).toEqual([
      "part1.txt 30",
      "part2.txt 60",
      "part3.txt 90",
      "part4.txt 120",
      "part5.txt 150",
    ]);
  });

  it("resolves a model registered in the local workspace as an mlflow_model input", async () => {
    const { LocalWorkspace } = await import("../../src/workspace/local/index.js");
    const ws = await LocalWorkspace.open(join(dir, ".mlops"));
    await ws.models.register(
      { name: "local-model", source: join(dir, "features", "nested", "components", "src"), tags: {}, metrics: {} },
      quiet,
    );
    const run = await submit({ pipeline: "features/conda-env/pipeline.yml" });
    expect(run.stderr).toEqual([]);
    expect(run.stdout).toContain("[describe] ['fit.py', 'pick.py', 'score.py']");
    const missing = await submit({
      pipeline: "features/conda-env/pipeline.yml",
      set: "inputs.model.path=azureml:local-model:9",
    });
    expect(missing.stderr.at(-1)).toMatch(/model 'azureml:local-model:9' is not in the local workspace/);
  });

  it("refuses what only Azure ML runs, one line per feature, in a dry run and before a real run", async () => {
    const dry = await submit({ pipeline: "features/azure-only/pipeline.yml", dryRun: "true" });
    expect(dry.exitCode).toBe(1);
    const lines = dry.stderr.filter((l) => l.startsWith("error: ") && !l.includes("cannot run this pipeline"));
    expect(lines.map((l) => l.replace(/^error: .*pipeline\.yml:(\d+):(\d+): /, "$1:$2 "))).toEqual([
      expect.stringMatching(/^19:16 job 'registered_by_version' uses the registered component 'azureml:prep_data:3'/),
      expect.stringMatching(
        /^21:12 job 'registered_by_version' input 'raw' reads the Azure ML URI 'azureml:\/\/datastores\//,
      ),
      expect.stringMatching(
        /^24:16 job 'registered_by_label' uses the registered component 'azureml:train_model@latest'/,
      ),
      expect.stringMatching(/^29:16 job 'from_registry' uses the registered component 'azureml:\/\/registries\//),
      expect.stringMatching(
        /^31:14 job 'from_registry' input 'model' reads the Azure ML URI 'azureml:\/\/registries\//,
      ),
      expect.stringMatching(
        /^32:3 job 'wrangle' is a spark job: spark runs on Azure ML only\. Run it with backend azureml\.$/,
      ),
      expect.stringMatching(/^50:14 job 'wrangle' input 'table' reads the cloud storage URI 'wasbs:/),
      expect.stringMatching(
        /^55:3 job 'batch_score' is a parallel job over an mltable: tabular mini-batches run on Azure ML only/,
      ),
    ]);
    const run = await submit({ pipeline: "features/azure-only/pipeline.yml" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.at(-1)).toMatch(/pipeline\.yml:19:16: job 'registered_by_version' uses the registered component/);
  });
});
