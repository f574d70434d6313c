import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { UserError } from "../errors.js";
import type { BadRow } from "./csv.js";
import { ProfileBuilder } from "./profile.js";
import type { WorkerJob, WorkerReply } from "./profile-worker.js";
import type { CsvHead, ReadOptions } from "./read.js";
import type { Rules } from "./rules.js";

/**
 * The worker module beside this one. From TypeScript sources (tests, tsx) the worker first
 * registers tsx's loader in its own thread, then imports the module.
 */
function workerEntry(): { file: string; tsx?: string } | undefined {
  let here: string;
  try {
    here = fileURLToPath(import.meta.url);
  } catch {
    return undefined;
  }
  const ts = here.endsWith(".ts");
  const js = here.endsWith(".mjs") ? "profile-worker.mjs" : "profile-worker.js";
  const file = join(dirname(here), ts ? "profile-worker.ts" : js);
  // In a single-file bundle the worker module is not beside us: the caller falls back to one thread.
  if (!existsSync(file)) return undefined;
  if (!ts) return { file };
  try {
    // require.resolve gives the CommonJS build; the ESM one sits beside it.
    const api = createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs");
    return { file, tsx: pathToFileURL(api).href };
  } catch {
    return undefined;
  }
}

const TS_BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((api) => { api.register(); return import(workerData.entry); });
`;

export function canUseWorkers(): boolean {
  return workerEntry() !== undefined;
}

/**
 * Each worker's heap cap. Profiling keeps well under 1 MiB of heap per column whatever the file
 * size, but V8 lets a heap grow toward its cap before it collects: under Node 24 a 256 MiB cap let
 * the process's memory climb with the file (161 MB at 64 MB of CSV, 271 MB at 512 MB); a cap sized
 * to the columns keeps it flat.
 */
export function workerHeapMb(columns: number): number {
  return Math.max(64, 32 + columns);
}

/** Thrown inside when a worker ran out of its heap: the caller reads the file on one thread. */
class WorkerOutOfMemory extends Error {}

function runWorker(job: WorkerJob, signal: AbortSignal | undefined, heapMb: number): Promise<WorkerReply> {
  const entry = workerEntry();
  if (!entry) throw new Error("profile worker not available");
  return new Promise((resolve, reject) => {
    const resourceLimits = { maxOldGenerationSizeMb: heapMb };
    const worker = entry.tsx
      ? new Worker(TS_BOOTSTRAP, {
          eval: true,
          resourceLimits,
          workerData: { mlopsProfileJob: job, tsx: entry.tsx, entry: pathToFileURL(entry.file).href },
        })
      : new Worker(entry.file, { resourceLimits, workerData: { mlopsProfileJob: job } });
    const onAbort = () => void worker.terminate();
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.once("message", (m: WorkerReply) => {
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      resolve(m);
    });
    worker.once("error", (e) => {
      signal?.removeEventListener("abort", onAbort);
      const oom = (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
      reject(oom ? new WorkerOutOfMemory(e.message) : e);
    });
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`profile worker exited with code ${code}`));
    });
  });
}

/**
 * Profiles one uncompressed CSV file with `threads` workers over byte ranges and merges their
 * profiles. A range starts at the first line start after its cut; the previous worker reads on to
 * the end of the row that crosses the cut, so the two must meet. When they do not (a quoted field
 * holding a line break crosses the cut), returns why, and the caller reads the file on one
 * thread, so a quoted newline never splits a row. Likewise when a worker runs out of heap.
 */
export async function profileCsvParallel(
  head: CsvHead,
  size: number,
  threads: number,
  opts: ReadOptions,
  rules: Rules | undefined,
): Promise<ProfileBuilder | { oneThread: string }> {
  const span = size - head.dataStart;
  const cuts = Array.from({ length: threads + 1 }, (_, i) =>
    i === threads ? size : head.dataStart + Math.floor((span * i) / threads),
  );
  const heapMb = opts.workerHeapMb ?? workerHeapMb(head.header.length);
  // One worker's failure stops the others.
  const halt = new AbortController();
  const onAbort = () => halt.abort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  let replies: WorkerReply[];
  try {
    replies = await Promise.all(
      cuts
        .slice(0, -1)
        .map((start, i) =>
          runWorker(
            { head, start, stop: cuts[i + 1], first: i === 0, badRows: opts.badRows, rules },
            halt.signal,
            heapMb,
          ),
        ),
    );
  } catch (error) {
    halt.abort();
    // A table wider than the cap allows: one thread (no cap) still profiles it.
    if (error instanceof WorkerOutOfMemory)
      return { oneThread: `a worker ran out of its ${heapMb} MiB heap (${head.header.length} columns)` };
    throw error;
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
  }
  for (let i = 0; i + 1 < replies.length; i++) {
    const r = replies[i];
    if (r.ok && r.end !== replies[i + 1].start)
      return { oneThread: "a quoted field holding a line break crosses a cut between the parts" };
    if (!r.ok) break;
  }
  let line = head.dataLine;
  const merged = new ProfileBuilder(head.header);
  merged.files.push(head.file);
  for (const r of replies) {
    const toFile = (l: number | undefined) => (l === undefined ? undefined : l + line - 1);
    for (const b of r.bad) opts.onBadRow?.(head.file, { ...b, line: toFile(b.line) as number } as BadRow);
    if (!r.ok)
      throw new UserError(
        r.error.message,
        { file: head.file, line: toFile(r.error.line), column: r.error.column },
        r.error.fix,
      );
    // Rule hits and first lines came back in range-local lines.
    for (const c of r.profile.columns) {
      for (const k of Object.keys(c.firstLines) as (keyof typeof c.firstLines)[])
        c.firstLines[k] = toFile(c.firstLines[k]);
      for (const hit of Object.values(c.rules ?? {})) hit.line = toFile(hit.line) as number;
    }
    merged.merge(ProfileBuilder.fromJSON(r.profile));
    line += r.newlines;
  }
  return merged;
}
