/**
 * compare-models' scoring of evaluationData, against the floor measured in the same run:
 *   ours: the CSV read once, streamed in batches of 1000 rows to two score.py processes
 *   floor: one Python process reading the same CSV with the csv module and calling the same
 *          run() on the same batches, once per model (no JSON between processes, no Node)
 * It prints rows/s of each, the ratio, and the peak RSS of this Node process at the full size
 * and at a quarter of it: the rows are not kept, so only the labels and answers (3 Float64Arrays)
 * should grow with the rows. BENCH_ROWS sets the full size (default 1,000,000).
 */

import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { statLocalFile } from "../src/data/source.js";
import { scoreRows } from "../src/evaluation/score-rows.js";
import type { Log } from "../src/run-context.js";
import { resolvePython } from "../src/util/python.js";

const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

const SCORE = `import json, os
model = None
def init():
    global model
    model = json.load(open(os.path.join(os.environ["AZUREML_MODEL_DIR"], "model.json")))
def run(raw_data):
    rows = json.loads(raw_data)["data"]
    b = model["coefficients"]
    return [model["intercept"] + sum(w * x for w, x in zip(b, r)) for r in rows]
`;

const FLOOR = `import csv, importlib.util, json, os, sys, time
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
start = time.perf_counter()
for model_dir in sys.argv[3:]:
    os.environ["AZUREML_MODEL_DIR"] = model_dir
    score.init()
    with open(sys.argv[2]) as f:
        reader = csv.reader(f); next(reader)
        batch = []
        for row in reader:
            batch.append([float(v) for v in row[:-1]])
            if len(batch) == 1000:
                score.run(json.dumps({"data": batch})); batch = []
        if batch: score.run(json.dumps({"data": batch}))
print(time.perf_counter() - start)
`;

async function csv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("x1,x2,x3,x4,y\n");
  let s = 1;
  const u = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = 0; i < rows; i += 1000) {
    const lines: string[] = [];
    for (let j = 0; j < 1000 && i + j < rows; j++) {
      const x = [u(), u(), u(), u()].map((v) => (v * 10).toFixed(3));
      lines.push(`${x.join(",")},${(1 + 2 * Number(x[0]) + u()).toFixed(4)}`);
    }
    if (!out.write(`${lines.join("\n")}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function ours(dir: string, file: string, models: string[]): Promise<{ seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  await scoreRows({
    files: [await statLocalFile(file)],
    dataLabel: file,
    labelColumn: "y",
    script: join(dir, "score.py"),
    requestFormat: "rows",
    problemType: "regression",
    models: models.map((d, i) => ({ label: `model ${i + 1}`, dir: d })),
    log: quiet,
  });
  clearInterval(sampler);
  return { seconds: (performance.now() - start) / 1000, peakMb: peak / 2 ** 20 };
}

export async function bench(): Promise<void> {
  const full = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const dir = await mkdtemp(join(tmpdir(), "mlops-bench-scoring-"));
  try {
    await writeFile(join(dir, "score.py"), SCORE);
    const models: string[] = [];
    for (const [i, slope] of [1.9, 2.0].entries()) {
      const d = join(dir, `m${i}`);
      await mkdir(d);
      await writeFile(join(d, "model.json"), JSON.stringify({ intercept: 1, coefficients: [slope, 0, 0, 0] }));
      models.push(d);
    }
    const python = await resolvePython();
    for (const rows of [Math.round(full / 4), full]) {
      const file = join(dir, `eval-${rows}.csv`);
      await csv(file, rows);
      const before = process.memoryUsage().rss / 2 ** 20;
      const o = await ours(dir, file, models);
      const floor = spawnSync(python, ["-c", FLOOR, join(dir, "score.py"), file, ...models], { encoding: "utf8" });
      const floorSeconds = Number(floor.stdout.trim());
      console.log(
        `${rows} rows × 2 models: ours ${o.seconds.toFixed(2)} s (${Math.round((2 * rows) / o.seconds)} model-rows/s), ` +
          `python alone ${floorSeconds.toFixed(2)} s; ours/python ${(o.seconds / floorSeconds).toFixed(2)} ` +
          `(the two models run in parallel in ours, one after the other in python alone); ` +
          `peak RSS ${o.peakMb.toFixed(0)} MiB (${before.toFixed(0)} MiB before)`,
      );
      await rm(file);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
