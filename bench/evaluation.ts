/**
 * compare-models' paired bootstrap (src/evaluation/bootstrap.ts) against its peers, on the same
 * generated rows, measured in the same run:
 *   regression (rmse, mae, r2, mape), BENCH_SAMPLES samples (default 1000) on BENCH_ROWS rows
 *   (default 100,000):
 *     numpy doing the same resampling (bincount of n draws → np.average with those weights) / ours
 *     scipy.stats.bootstrap(paired, percentile, vectorized) of the rmse change / ours on rmse alone
 *   3-class classification (accuracy, macro f1/precision/recall, roc_auc, log_loss):
 *     scikit-learn's metric functions with sample_weight, per sample / ours per sample
 *     (scikit-learn runs BENCH_SKLEARN_SAMPLES samples, default 20: it is slow)
 *
 * Each comparison runs BENCH_REPEAT times (default 3), alternating, and medians are compared.
 * numpy and SciPy run with the python3 on PATH, scikit-learn with /usr/bin/python3 (the two
 * interpreters this machine has); a peer that cannot run is reported and skipped. The rows go to
 * Python as raw float64 files, so reading them is not part of anyone's time.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Random } from "../src/data/sketches/random.js";
import { pairedBootstrap } from "../src/evaluation/bootstrap.js";
import type { Scored, Truth } from "../src/evaluation/metrics.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1000);
const SKLEARN_SAMPLES = Number(process.env.BENCH_SKLEARN_SAMPLES ?? 20);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const CLASSES = 3;

const NUMPY_REGRESSION = `
import sys, time, numpy as np
d, n, B = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
y, a, b = (np.fromfile(f"{d}/{x}.f64") for x in ("y", "a", "b"))
t = time.perf_counter()
rng = np.random.default_rng(1)
def metrics(y, p, w):
    mean = np.average(y, weights=w)
    return np.array([
        np.sqrt(np.average((y - p) ** 2, weights=w)),
        np.average(np.abs(p - y), weights=w),
        1 - np.sum(w * (y - p) ** 2) / np.sum(w * (y - mean) ** 2),
        np.average(np.abs(p - y) / np.maximum(np.abs(y), np.finfo(np.float64).eps), weights=w),
    ])
deltas = np.empty((B, 4))
for s in range(B):
    w = np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float64)
    deltas[s] = metrics(y, b, w) - metrics(y, a, w)
np.percentile(deltas, [2.5, 97.5], axis=0)
print(time.perf_counter() - t)
`;

const SCIPY_RMSE = `
import sys, time, numpy as np
from scipy import stats
d, n, B = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
y, a, b = (np.fromfile(f"{d}/{x}.f64") for x in ("y", "a", "b"))
t = time.perf_counter()
def delta(y, a, b, axis=-1):
    return np.sqrt(np.mean((y - b) ** 2, axis=axis)) - np.sqrt(np.mean((y - a) ** 2, axis=axis))
stats.bootstrap((y, a, b), delta, paired=True, vectorized=True, n_resamples=B, batch=20,
                method="percentile", rng=np.random.default_rng(1))
print(time.perf_counter() - t)
`;

const SKLEARN_CLASSIFICATION = `
import sys, time, warnings, numpy as np
from sklearn import metrics as m
warnings.simplefilter("ignore")
d, n, k, B = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
y = np.fromfile(f"{d}/cy.f64").astype(int)
models = [(np.fromfile(f"{d}/c{x}.f64").astype(int), np.fromfile(f"{d}/p{x}.f64").reshape(n, k)) for x in "ab"]
t = time.perf_counter()
rng = np.random.default_rng(1)
for s in range(B):
    w = np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float64)
    for pred, proba in models:
        m.accuracy_score(y, pred, sample_weight=w)
        m.precision_recall_fscore_support(y, pred, average="macro", sample_weight=w)
        m.roc_auc_score(y, proba, multi_class="ovr", average="macro", sample_weight=w)
        m.log_loss(y, proba, labels=list(range(k)), sample_weight=w)
print((time.perf_counter() - t) / B)
`;

function python(interpreter: string, code: string, args: (string | number)[]): number | string {
  const r = spawnSync(interpreter, ["-c", code, ...args.map(String)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.error) return r.error.message;
  if (r.status !== 0) return (r.stderr || `exit ${r.status}`).trim().split("\n").slice(-1)[0];
  const seconds = Number(r.stdout.trim().split("\n").at(-1));
  return Number.isFinite(seconds) ? seconds : `unexpected output: ${r.stdout.slice(0, 200)}`;
}

function regressionRows(r: Random) {
  const y = Float64Array.from({ length: ROWS }, () => r.normal() * 10 + 50);
  const model = (noise: number): Scored => ({ predicted: y.map((v) => v + noise * r.normal()) });
  return { truth: { problemType: "regression", values: y } as Truth, a: model(3), b: model(2.7) };
}

/** Probabilities on a 0.01 grid (ties, as real classifiers round), rows summing to 1. */
function classificationRows(r: Random) {
  const labels = Float64Array.from({ length: ROWS }, () => r.int(CLASSES));
  const model = (signal: number): Required<Scored> => {
    const probabilities = new Float64Array(ROWS * CLASSES);
    const predicted = new Float64Array(ROWS);
    for (let i = 0; i < ROWS; i++) {
      let sum = 0;
      for (let c = 0; c < CLASSES; c++) {
        const v = Math.round(100 * (r.next() + (labels[i] === c ? signal : 0))) + 1;
        probabilities[i * CLASSES + c] = v;
        sum += v;
      }
      let best = 0;
      for (let c = 0; c < CLASSES; c++) {
        probabilities[i * CLASSES + c] /= sum;
        if (probabilities[i * CLASSES + c] > probabilities[i * CLASSES + best]) best = c;
      }
      predicted[i] = best;
    }
    return { predicted, probabilities };
  };
  const truth: Truth = { problemType: "classification", values: labels, classes: ["a", "b", "c"] };
  return { truth, a: model(0.4), b: model(0.5) };
}

/** The median of the numbers; a peer's error message when it never ran. */
function median<T extends number | string>(xs: T[]): T {
  const numbers = xs.filter((x): x is T & number => typeof x === "number").sort((a, b) => a - b);
  return numbers.length > 0 ? (numbers[Math.floor(numbers.length / 2)] as T) : xs[0];
}

const f64 = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
const show = (x: number | string, digits = 2) => (typeof x === "number" ? x.toFixed(digits) : `skipped (${x})`);
const ratio = (peer: number | string, ours: number) => (typeof peer === "number" ? (peer / ours).toFixed(2) : "n/a");

export async function bench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "mlops-bench-evaluation-"));
  try {
    const r = new Random(20261129);
    const reg = regressionRows(r);
    await writeFile(join(dir, "y.f64"), f64(reg.truth.values));
    await writeFile(join(dir, "a.f64"), f64(reg.a.predicted));
    await writeFile(join(dir, "b.f64"), f64(reg.b.predicted));
    const cls = classificationRows(r);
    await writeFile(join(dir, "cy.f64"), f64(cls.truth.values));
    await writeFile(join(dir, "ca.f64"), f64(cls.a.predicted));
    await writeFile(join(dir, "cb.f64"), f64(cls.b.predicted));
    await writeFile(join(dir, "pa.f64"), f64(cls.a.probabilities));
    await writeFile(join(dir, "pb.f64"), f64(cls.b.probabilities));

    // Warm-up: the JIT, on a small run; not what we measure.
    pairedBootstrap(reg.truth, reg.a, reg.b, ["rmse"], { samples: 20 });

    // Runs alternate, and medians are compared: a shared machine's load moves in minutes.
    process.stdout.write(
      `\nregression, ${ROWS} rows, ${SAMPLES} paired samples, rmse+mae+r2+mape, ${REPEAT} run(s) each\n`,
    );
    const runs = {
      ours: [] as number[],
      oursRmse: [] as number[],
      numpy: [] as (number | string)[],
      scipy: [] as (number | string)[],
    };
    let interval = "";
    for (let rep = 0; rep < REPEAT; rep++) {
      let t = performance.now();
      const [rmse] = pairedBootstrap(reg.truth, reg.a, reg.b, ["rmse", "mae", "r2", "mape"], { samples: SAMPLES });
      runs.ours.push((performance.now() - t) / 1000);
      interval = `${rmse.delta.toFixed(4)} [${rmse.ciLow.toFixed(4)}, ${rmse.ciHigh.toFixed(4)}]`;
      runs.numpy.push(python("python3", NUMPY_REGRESSION, [dir, ROWS, SAMPLES]));
      t = performance.now();
      pairedBootstrap(reg.truth, reg.a, reg.b, ["rmse"], { samples: SAMPLES });
      runs.oursRmse.push((performance.now() - t) / 1000);
      runs.scipy.push(python("python3", SCIPY_RMSE, [dir, ROWS, SAMPLES]));
    }
    const ours = median(runs.ours);
    const oursRmse = median(runs.oursRmse);
    const numpy = median(runs.numpy);
    const scipy = median(runs.scipy);
    process.stdout.write(
      `  ours ${show(ours)} s (rmse only ${show(oursRmse)} s)   numpy ${show(numpy)} s   scipy.stats.bootstrap (rmse only) ${show(scipy)} s\n`,
    );
    process.stdout.write(
      `  numpy / ours = ${ratio(numpy, ours)}   scipy / ours, rmse only = ${ratio(scipy, oursRmse)}\n`,
    );
    process.stdout.write(`  rmse change ${interval}\n`);

    const metrics = ["accuracy", "f1", "precision", "recall", "roc_auc", "log_loss"];
    process.stdout.write(`\n3 classes, ${ROWS} rows, ${metrics.join("+")}, per paired sample\n`);
    const classSamples = Math.max(20, Math.round(SAMPLES / 5));
    const perSample: number[] = [];
    const sklearnRuns: (number | string)[] = [];
    for (let rep = 0; rep < REPEAT; rep++) {
      const t = performance.now();
      pairedBootstrap(cls.truth, cls.a, cls.b, metrics, { samples: classSamples });
      perSample.push((performance.now() - t) / 1000 / classSamples);
      sklearnRuns.push(python("/usr/bin/python3", SKLEARN_CLASSIFICATION, [dir, ROWS, CLASSES, SKLEARN_SAMPLES]));
    }
    const oursPerSample = median(perSample);
    const sklearn = median(sklearnRuns);
    process.stdout.write(
      `  ours ${show(oursPerSample * 1000, 1)} ms/sample (${classSamples} samples, incl. the one sort)   scikit-learn ${show(typeof sklearn === "number" ? sklearn * 1000 : sklearn, 1)} ms/sample (${SKLEARN_SAMPLES} samples)\n`,
    );
    process.stdout.write(`  scikit-learn / ours = ${ratio(sklearn, oursPerSample)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
