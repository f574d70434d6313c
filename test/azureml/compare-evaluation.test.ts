import { mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import { runCliTask } from "../helpers.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

const SCRIPT = join(import.meta.dirname, "..", "fixtures", "compare-eval", "score.py");

describe("compare-models with evaluationData on Azure ML (emulator + Azurite)", () => {
  let cloud: Cloud;
  let ws: AzureMlWorkspace;

  beforeAll(async () => {
    cloud = await startCloud();
    ws = await openWorkspace(cloud);
  }, 60_000);
  afterAll(async () => {
    await ws?.close();
    await cloud?.stop();
  });

  it("downloads the champion's and the candidate's files to the runner, scores both, and removes them", async () => {
    const work = join(cloud.dir, "work");
    const register = async (slope: number, tags: Record<string, string>) => {
      const folder = join(work, `model-${slope}`);
      await mkdir(folder, { recursive: true });
      const model = { kind: "linear", intercept: 1, coefficients: [slope, 0.5] };
      await writeFile(join(folder, "model.json"), JSON.stringify(model));
      await writeFile(join(folder, "README.md"), "a second file, so the model is a folder\n");
      return ws.models.register({ name: "lin", source: folder, tags, metrics: { rmse: 0.5 } }, captureLog());
    };
    await register(1.5, { champion: "true" });
    await register(2.0, {});
    const rows = Array.from({ length: 60 }, (_, i) => {
      const x1 = (i * 7) % 10;
      const x2 = (i * 3) % 10;
      return [x1, x2, 1 + 2 * x1 + 0.5 * x2 + ((i % 5) - 2) / 10];
    });
    await writeFile(join(work, "eval.csv"), `x1,x2,y\n${rows.map((r) => r.join(",")).join("\n")}\n`);

    const run = await runCliTask(
      "compare-models",
      {
        ...cloud.inputs,
        candidate: "lin:2",
        metrics: "rmse:lower",
        evaluationData: "eval.csv",
        labelColumn: "y",
        scoringScript: SCRIPT,
      },
      work,
    );
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ better: "true", decision: "promote", champion: "lin:1" });
    const rmse = JSON.parse(run.outputs.evaluation).metrics.rmse;
    const expected = (slope: number) =>
      Math.sqrt(rows.reduce((s, [x1, x2, y]) => s + (y - (1 + slope * x1 + 0.5 * x2)) ** 2, 0) / rows.length);
    expect(rmse.champion).toBeCloseTo(expected(1.5), 10);
    expect(rmse.candidate).toBeCloseTo(expected(2.0), 10);
    const log = run.stdout.join("\n");
    const downloaded = [...log.matchAll(/Downloaded 2 file\(s\) of model (lin:\d) to (\S+)/g)];
    expect(downloaded.map((m) => m[1]).sort()).toEqual(["lin:1", "lin:2"]);
    // The champion was found by its tag in the version list; the temp folders are gone after the run.
    expect(cloud.emu.sent("GET", /\/models\/lin\/versions/).length).toBeGreaterThan(0);
    for (const m of downloaded) expect(await stat(m[2]).catch(() => undefined)).toBeUndefined();
  });

  it("a model registered from one file is downloaded as that file, with AZUREML_MODEL_DIR its folder", async () => {
    const work = join(cloud.dir, "single");
    await mkdir(work, { recursive: true });
    await writeFile(join(work, "model.json"), JSON.stringify({ kind: "linear", intercept: 0, coefficients: [1, 1] }));
    await ws.models.register({ name: "one", source: join(work, "model.json"), tags: {}, metrics: {} }, captureLog());
    await writeFile(join(work, "eval.csv"), "a,b,y\n1,2,3\n2,2,4\n5,1,6\n");
    const run = await runCliTask(
      "compare-models",
      {
        ...cloud.inputs,
        candidate: "one:1",
        metrics: "mae:lower",
        evaluationData: "eval.csv",
        labelColumn: "y",
        scoringScript: SCRIPT,
      },
      work,
    );
    expect(run.stderr).toEqual([]);
    expect(run.stdout.join("\n")).toMatch(/Downloaded 1 file\(s\) of model one:1 to /);
    expect(JSON.parse(run.outputs.evaluation).metrics.mae).toMatchObject({ candidate: 0, verdict: "no-champion" });
  });
});
