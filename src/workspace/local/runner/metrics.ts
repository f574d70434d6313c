/**
 * Metrics a step logged: MLflow's file store (`mlruns/<experiment>/<run>/metrics/<name>`, one
 * `timestamp value step` line per logged value; the last line wins) and `metrics.json` files.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { listDir } from "../store.js";

/** All metrics in an MLflow file store, last value of each. Later runs win on a name clash. */
export async function readMlflowMetrics(mlruns: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const runDir of await mlflowRunDirs(mlruns)) {
    for (const [name, values] of Object.entries(await readRunMetricHistory(runDir))) {
      const last = values.at(-1);
      if (last !== undefined) out[name] = last.value;
    }
  }
  return out;
}

/** Every run folder of a file store: `<root>/<experiment>/<run>` with a `metrics` folder. */
export async function mlflowRunDirs(mlruns: string): Promise<string[]> {
  const out: string[] = [];
  for (const experiment of await subdirs(mlruns)) {
    if (experiment.startsWith(".") || experiment === "models" || experiment === ".trash") continue;
    for (const run of await subdirs(join(mlruns, experiment))) out.push(join(mlruns, experiment, run));
  }
  return out;
}

async function subdirs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

export interface MetricPoint {
  value: number;
  step: number;
}

/** Every value of every metric of one run folder, in logged order. Metric names may contain `/`. */
export async function readRunMetricHistory(runDir: string): Promise<Record<string, MetricPoint[]>> {
  const out: Record<string, MetricPoint[]> = {};
  const walk = async (dir: string, prefix: string) => {
    for (const entry of await listDir(dir).catch(() => [] as string[])) {
      const file = join(dir, entry);
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EISDIR") await walk(file, `${prefix}${entry}/`);
        continue;
      }
      const points: MetricPoint[] = [];
      for (const line of text.split("\n")) {
        const [, value, step] = line.trim().split(/\s+/);
        const v = Number(value);
        if (value !== undefined && Number.isFinite(v)) points.push({ value: v, step: Number(step) || 0 });
      }
      if (points.length > 0) out[prefix + entry] = points;
    }
  };
  await walk(join(runDir, "metrics"), "");
  return out;
}

/** Numeric entries of a `metrics.json` (nested objects flattened with `.`); empty when absent or unreadable. */
export async function readMetricsJson(file: string): Promise<Record<string, number>> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return {};
  }
  const out: Record<string, number> = {};
  const walk = (v: unknown, prefix: string) => {
    if (typeof v === "number" && Number.isFinite(v)) out[prefix] = v;
    else if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(value, "");
  return out;
}
