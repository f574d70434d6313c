import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { statLocalFile } from "../../src/data/source.js";
import { computeMetrics } from "../../src/evaluation/metrics.js";
import { scoreRows } from "../../src/evaluation/score-rows.js";
import type { Log } from "../../src/run-context.js";
import { tempDir } from "../helpers.js";

const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

describe("scoreRows: score.py in child processes, batch by batch", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-score-rows-"));
  });
  afterEach(async () => {
    delete process.env.GITHUB_TOKEN;
    await cleanup();
  });

  /** A code folder with score.py importing a helper module beside it, as Azure ML allows. */
  const codeFolder = async () => {
    const code = join(dir, "code");
    await mkdir(join(code, "helpers"), { recursive: true });
    await writeFile(join(code, "helpers", "__init__.py"), "");
    await writeFile(
      join(code, "helpers", "linear.py"),
      "def predict(model, row):\n    return model['intercept'] + sum(w * x for w, x in zip(model['coefficients'], row))\n",
    );
    await writeFile(
      join(code, "score.py"),
      [
        "import json, os",
        "from helpers.linear import predict",
        "model = None",
        "def init():",
        "    global model",
        "    model = json.load(open(os.path.join(os.environ['AZUREML_MODEL_DIR'], 'model.json')))",
        "    # the working directory is the script's folder, as on Azure ML",
        "    assert os.path.exists('helpers/linear.py'), os.getcwd()",
        "def run(raw_data):",
        "    rows = json.loads(raw_data)['data']",
        "    print('a print goes to the log, not into the answers')",
        "    leak = 1000.0 if os.environ.get('GITHUB_TOKEN') else 0.0",
        "    return [predict(model, r) + leak for r in rows]",
        "",
      ].join("\n"),
    );
    return join(code, "score.py");
  };
  const modelDir = async (name: string, model: Record<string, unknown>) => {
    const d = join(dir, name);
    await mkdir(d, { recursive: true });
    await writeFile(join(d, "model.json"), JSON.stringify(model));
    return d;
  };

  it("every row is scored once per model, in order, with credentials stripped and the script's folder first", async () => {
    process.env.GITHUB_TOKEN = "canary-token";
    const script = await codeFolder();
    const rows = Array.from({ length: 50 }, (_, i) => [i % 9, (i * 7) % 5, 2 * (i % 9) + (i % 3)]);
    const file = join(dir, "d.csv");
    await writeFile(file, `a,b,y\n${rows.map((r) => r.join(",")).join("\n")}\n`);
    const debug: string[] = [];
    const scored = await scoreRows({
      files: [await statLocalFile(file)],
      dataLabel: "d.csv",
      labelColumn: "y",
      script,
      requestFormat: "rows",
      problemType: "regression",
      models: [
        { label: "champion m:1", dir: await modelDir("m1", { intercept: 0, coefficients: [2, 0] }) },
        { label: "candidate m:2", dir: await modelDir("m2", { intercept: 1, coefficients: [2, 0.1] }) },
      ],
      batchRows: 7,
      log: { ...quiet, debug: (m) => debug.push(m) },
    });
    expect(scored.rows).toBe(50);
    expect(scored.features).toEqual(["a", "b"]);
    expect(Array.from(scored.truth.values)).toEqual(rows.map((r) => r[2]));
    expect(Array.from(scored.scored[0].predicted)).toEqual(rows.map((r) => 2 * r[0]));
    expect(Array.from(scored.scored[1].predicted)).toEqual(rows.map((r) => 1 + 2 * r[0] + 0.1 * r[1]));
    // 50 rows in batches of 7: 8 run() calls per model, each print in the debug log.
    expect(debug.filter((l) => l === "[champion m:1] a print goes to the log, not into the answers")).toHaveLength(8);
    const direct = Math.sqrt(rows.reduce((s, r) => s + (r[2] - 2 * r[0]) ** 2, 0) / rows.length);
    expect(computeMetrics(scored.truth, scored.scored[0], ["rmse"]).rmse).toBeCloseTo(direct, 12);
  });

  it("without problemType, integer labels answered with integers are classes; fractional answers make it regression", async () => {
    const script = await codeFolder();
    const file = join(dir, "c.csv");
    await writeFile(file, `a,b,y\n${Array.from({ length: 20 }, (_, i) => `${i % 2},0,${i % 2}`).join("\n")}\n`);
    const run = async (coefficients: number[]) =>
      scoreRows({
        files: [await statLocalFile(file)],
        dataLabel: "c.csv",
        labelColumn: "y",
        script,
        requestFormat: "rows",
        models: [
          { label: "candidate m:1", dir: await modelDir(`m${coefficients[0]}`, { intercept: 0, coefficients }) },
        ],
        log: quiet,
      });
    const classes = await run([1, 0]);
    expect(classes.truth.problemType).toBe("classification");
    expect(classes.truth.classes).toEqual(["0", "1"]);
    expect(classes.inferred).toBe(
      "classification (label 'y' has 2 distinct integer values and the answers are integers)",
    );
    const regression = await run([0.5, 0]);
    expect(regression.truth.problemType).toBe("regression");
    expect(regression.inferred).toBe("regression (the answers are not whole numbers)");
  });

  it("a run() that never answers is stopped after answerTimeoutMs, with one line naming the rows", async () => {
    const script = join(dir, "hang.py");
    await writeFile(script, "import time\ndef init():\n    pass\ndef run(raw_data):\n    time.sleep(3600)\n");
    const file = join(dir, "h.csv");
    await writeFile(file, "a,y\n1,2\n");
    const run = scoreRows({
      files: [await statLocalFile(file)],
      dataLabel: "h.csv",
      labelColumn: "y",
      script,
      requestFormat: "rows",
      problemType: "regression",
      models: [{ label: "candidate m:1", dir }],
      answerTimeoutMs: 300,
      log: quiet,
    });
    await expect(run).rejects.toMatchObject({
      message: "run() for candidate m:1 gave no answer within 300 ms on rows 1–1 of h.csv",
      location: { input: "scoringScript", file: script },
    });
  });
});
