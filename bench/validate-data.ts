/**
 * validate-data's profile against its peers, on one generated CSV, measured in the same run:
 *   pandas read_csv + describe() + value_counts() per categorical column / ours   (goal ≥ 5)
 *   DuckDB SUMMARIZE over the same CSV / ours                                     (goal ≥ 1)
 *   ours / wc -l (the page-cache limit of this machine, for the record)
 *   peak RSS of each, at the full size and at a quarter of it (ours should not grow with size).
 *
 * BENCH_MB sets the full size (default 1024); ours and DuckDB run BENCH_REPEAT times (default 3),
 * alternating, and their medians are compared. pandas is skipped when /usr/bin/python3 lacks it
 * (apt-get install python3-pandas); DuckDB's @duckdb/node-api is installed into a temporary folder
 * (never a dependency of the product) and skipped when that fails.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Random } from "../src/data/sketches/random.js";

const here = dirname(fileURLToPath(import.meta.url));
const CATEGORIES = ["north", "south", "east", "west", "centre", "coast", "inland", "islands"];
const WORDS =
  "the data model drift check value row column profile sketch merge stream fast good bad new old small large".split(
    " ",
  );

/** A CSV of numeric, categorical, date and text columns, from a fixed seed. */
export async function generate(file: string, bytes: number): Promise<number> {
  const r = new Random(20261124);
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((res) => out.once("drain", () => res()));
  await write("id,age,income,score,region,segment,day,comment\n");
  let written = 0;
  let rows = 0;
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) {
      rows++;
      const words = Array.from({ length: 3 + r.int(8) }, () => WORDS[r.int(WORDS.length)]).join(" ");
      const comment = r.next() < 0.1 ? `"${words}, quoted"` : words;
      lines.push(
        `${rows},${18 + r.int(70)},${(30000 * Math.exp(0.5 * r.normal())).toFixed(2)},${r.next() < 0.02 ? "" : r.normal().toFixed(5)},${CATEGORIES[r.int(8)]},S${r.int(200)},2026-${String(1 + r.int(12)).padStart(2, "0")}-${String(1 + r.int(28)).padStart(2, "0")},${comment}`,
      );
    }
    const chunk = `${lines.join("\n")}\n`;
    written += Buffer.byteLength(chunk);
    await write(chunk);
  }
  await new Promise<void>((res) => out.end(() => res()));
  return rows;
}

interface Measure {
  seconds: number;
  rssMb: number;
  note?: string;
}

/** Runs a child and reads `{"seconds":…,"rssMb":…}` from its last stdout line. */
function child(cmd: string, args: string[], cwd?: string): Measure | string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) return (r.stderr || r.stdout || `exit ${r.status}`).trim().split("\n").slice(-3).join(" ");
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(last) as Measure;
  } catch {
    return `unexpected output: ${last.slice(0, 200)}`;
  }
}

/**
 * Ours runs as the product does: plain JavaScript, the profile worker beside it. esbuild (already
 * installed under tsx and vitest) bundles the child and the worker into the temporary folder.
 */
export async function buildOurs(folder: string): Promise<string> {
  const esbuild = (await import(
    pathToFileURL(createRequire(import.meta.url).resolve("esbuild")).href
  )) as typeof import("esbuild");
  const out = join(folder, "ours");
  await esbuild.build({
    entryPoints: [
      { in: join(here, "_validate-data-child.ts"), out: "child" },
      { in: join(here, "../src/data/profile-worker.ts"), out: "profile-worker" },
    ],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: out,
    outExtension: { ".js": ".mjs" },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: "error",
  });
  return join(out, "child.mjs");
}

function ours(script: string, file: string): Measure | string {
  return child(process.execPath, [script, file]);
}

const PANDAS = `
import json, resource, sys, time
try:
    import pandas as pd
except ImportError:
    print("pandas missing"); sys.exit(3)
t = time.perf_counter()
df = pd.read_csv(sys.argv[1])
df.describe(include="all")
for c in df.select_dtypes(include="object").columns:
    df[c].value_counts()
print(json.dumps({"seconds": time.perf_counter() - t, "rssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

function pandas(file: string): Measure | string {
  if (!existsSync("/usr/bin/python3")) return "no /usr/bin/python3";
  return child("/usr/bin/python3", ["-c", PANDAS, file]);
}

const DUCK = `
const { DuckDBInstance } = await import("@duckdb/node-api");
const t = performance.now();
const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
const r = await con.runAndReadAll("SUMMARIZE SELECT * FROM read_csv_auto('" + process.argv[2].replaceAll("'", "''") + "')");
r.getRows();
console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, rssMb: process.resourceUsage().maxRSS / 1024 }));
`;

async function duckdb(file: string, folder: string): Promise<Measure | string> {
  const dir = join(folder, "duckdb");
  if (!existsSync(join(dir, "node_modules/@duckdb/node-api"))) {
    await writeFile(join(folder, "package.json"), "{}");
    const npm = spawnSync(
      "npm",
      ["install", "--prefix", dir, "--no-save", "--no-audit", "--no-fund", "@duckdb/node-api"],
      { encoding: "utf8" },
    );
    if (npm.status !== 0)
      return `npm install @duckdb/node-api failed: ${(npm.stderr || "").trim().split("\n").slice(-2).join(" ")}`;
  }
  const script = join(dir, "summarize.mjs");
  await writeFile(script, DUCK);
  return child(process.execPath, [script, file], dir);
}

function wc(file: string): Measure | string {
  const t = performance.now();
  const r = spawnSync("wc", ["-l", file]);
  if (r.status !== 0) return "wc failed";
  return { seconds: (performance.now() - t) / 1000, rssMb: Number.NaN };
}

const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));

/** The run with the median time (or the first failure). */
function median(runs: (Measure | string)[]): Measure | string {
  const failed = runs.find((r) => typeof r === "string");
  if (failed !== undefined) return failed;
  const sorted = (runs as Measure[]).slice().sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const spread = (runs: (Measure | string)[]) =>
  runs.length > 1 && runs.every((r) => typeof r !== "string")
    ? `  (median of ${runs.map((r) => (r as Measure).seconds.toFixed(2)).join(", ")} s)`
    : "";

const fmt = (m: Measure | string) =>
  typeof m === "string"
    ? `skipped (${m})`
    : `${m.seconds.toFixed(2)} s, peak RSS ${Number.isNaN(m.rssMb) ? "–" : `${m.rssMb.toFixed(0)} MB`}`;
const ratio = (a: Measure | string, b: Measure | string) =>
  typeof a === "string" || typeof b === "string" ? "–" : (a.seconds / b.seconds).toFixed(2);

export async function bench(): Promise<void> {
  const fullMb = Number(process.env.BENCH_MB ?? 1024);
  const folder = await mkdtemp(join(tmpdir(), "mlops-bench-"));
  try {
    const script = await buildOurs(folder);
    for (const mb of [fullMb, fullMb / 4]) {
      const file = join(folder, `data-${mb}.csv`);
      const rows = await generate(file, mb * 1024 * 1024);
      const size = (await stat(file)).size;
      // Warm the page cache once so every tool reads from memory.
      wc(file);
      const w = wc(file);
      // Ours and DuckDB alternate, REPEAT times each, and the median counts: one run on a shared
      // machine can be off by a quarter. pandas, far slower, runs once.
      const runs: { o: (Measure | string)[]; d: (Measure | string)[] } = { o: [], d: [] };
      for (let i = 0; i < REPEAT; i++) {
        runs.o.push(ours(script, file));
        runs.d.push(await duckdb(file, folder));
      }
      const o = median(runs.o);
      const d = median(runs.d);
      const p = pandas(file);
      process.stdout.write(`\n${(size / 1024 / 1024).toFixed(0)} MB, ${rows} rows, 8 columns (${file})\n`);
      process.stdout.write(
        `  ours       ${fmt(o)}${spread(runs.o)}\n  pandas     ${fmt(p)}\n  duckdb     ${fmt(d)}${spread(runs.d)}\n  wc -l      ${fmt(w)}\n`,
      );
      process.stdout.write(`  pandas / ours = ${ratio(p, o)}   (goal ≥ 5)\n`);
      process.stdout.write(`  duckdb SUMMARIZE / ours = ${ratio(d, o)}   (goal ≥ 1)\n`);
      process.stdout.write(`  ours / wc -l = ${ratio(o, w)}\n`);
      await rm(file, { force: true });
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
