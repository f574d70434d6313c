// `npm run bench -- batch-workers`: a local batch job over 600 small files in mini-batches of 10,
// whose run() reads its files and sleeps 20 ms (the model's work), with 1 and with N workers
// (N = the cores), against a plain python3 loop calling the same run() over the same mini-batches
// in one process, measured in the same run. The ratios say what the job machinery costs (1 worker
// against the loop) and what the workers buy (N workers against the loop).
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Log } from "../src/run-context.js";
import { resolvePython } from "../src/util/python.js";
import { LocalWorkspace } from "../src/workspace/local/index.js";

const FILES = 600;
const MINI_BATCH = 10;
const SCORE = `import os, time

def run(mini_batch):
    rows = []
    for path in mini_batch:
        with open(path) as f:
            rows.append("%s,%s" % (os.path.basename(path), f.read().strip()))
    time.sleep(0.02)
    return rows
`;
const LOOP = `import importlib.util, os, sys
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
files = sorted(os.path.join(sys.argv[2], f) for f in os.listdir(sys.argv[2]))
with open(sys.argv[3], "w") as out:
    for i in range(0, len(files), ${MINI_BATCH}):
        for row in m.run(files[i:i + ${MINI_BATCH}]):
            out.write(str(row) + "\\n")
`;

const quiet: Log = { info() {}, warning() {}, error() {}, debug() {}, group: (_t, f) => f(), secret() {} };

export async function bench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "mlops-bench-batch-"));
  try {
    await mkdir(join(dir, "in"));
    await mkdir(join(dir, "model"));
    await writeFile(join(dir, "model", "m.txt"), "1\n");
    for (let i = 0; i < FILES; i++) await writeFile(join(dir, "in", `f${String(i).padStart(4, "0")}.txt`), `${i}\n`);
    await writeFile(join(dir, "score.py"), SCORE);
    const ws = await LocalWorkspace.open(join(dir, ".mlops"));
    const model = await ws.models.register({ name: "m", source: join(dir, "model"), tags: {}, metrics: {} }, quiet);
    await ws.batchEndpoints.ensure("bench", quiet);
    const cores = availableParallelism();
    const signal = new AbortController().signal;
    const job = async (workers: number): Promise<number> => {
      const name = `w${workers}-workers`;
      await ws.batchEndpoints.createDeployment(
        "bench",
        {
          name,
          model,
          scoringScript: join(dir, "score.py"),
          codeDir: dir,
          miniBatchSize: MINI_BATCH,
          maxConcurrency: workers,
          errorThreshold: 0,
          outputFile: "p.csv",
        },
        quiet,
      );
      const t = performance.now();
      const id = await ws.batchEndpoints.invoke(
        "bench",
        { deployment: name, input: { kind: "path", path: join(dir, "in") } },
        { log: quiet, signal },
      );
      const done = await ws.batchEndpoints.wait(id, { log: quiet, signal });
      if (done.status !== "Completed" || done.rows !== FILES)
        throw new Error(`bench job ${done.status}: ${done.error}`);
      return performance.now() - t;
    };
    // The interpreter the workers run (a pyenv shim in front of python3 would slow the loop alone).
    const python = await resolvePython();
    const loop = (): number => {
      const t = performance.now();
      const r = spawnSync(python, ["-c", LOOP, join(dir, "score.py"), join(dir, "in"), join(dir, "loop.csv")]);
      if (r.status !== 0) throw new Error(`python3 loop: ${r.stderr}`);
      return performance.now() - t;
    };
    // Interleaved rounds, so a busy machine slows every case alike; the median of each.
    const times: Record<string, number[]> = { loop: [], one: [], many: [] };
    for (let round = 0; round < 3; round++) {
      times.loop.push(loop());
      times.one.push(await job(1));
      times.many.push(await job(cores));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [l, o, m] = [median(times.loop), median(times.one), median(times.many)];
    process.stdout.write(
      `${FILES} files, mini-batches of ${MINI_BATCH}, run() 20 ms each; median of 3\n` +
        `  python3 loop, one process   ${l.toFixed(0)} ms\n` +
        `  batch job, 1 worker         ${o.toFixed(0)} ms  (${(o / l).toFixed(2)}x the loop)\n` +
        `  batch job, ${cores} workers         ${m.toFixed(0)} ms  (${(m / l).toFixed(2)}x the loop)\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
