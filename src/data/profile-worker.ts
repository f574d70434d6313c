/**
 * Worker thread: profiles the rows of one byte range of a CSV file and posts the profile back.
 * Started by parallel.ts; all it receives is plain data.
 */
import { open } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { UserError } from "../errors.js";
import type { BadRow } from "./csv.js";
import { type CsvHead, profileCsvRange } from "./read.js";
import { type Rules, valueRules } from "./rules.js";

export interface WorkerJob {
  head: CsvHead;
  /** Raw range: the worker starts at the first line start at or after `start` (unless it is the first). */
  start: number;
  stop: number;
  first: boolean;
  badRows: "error" | "skip";
  rules?: Rules;
}

export type WorkerReply =
  | {
      ok: true;
      start: number;
      end: number;
      newlines: number;
      profile: import("./profile.js").ProfileJson;
      bad: BadRow[];
    }
  | {
      ok: false;
      start: number;
      error: { message: string; line?: number; column?: number; fix?: string };
      bad: BadRow[];
    };

/** First byte after the first line feed at or after `from - 1`: a line start, if no quote spans it. */
async function alignedStart(file: string, from: number): Promise<number> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(1 << 16);
    let pos = from - 1;
    while (true) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) return pos;
      const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
      if (nl >= 0) return pos + nl + 1;
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

async function main(job: WorkerJob): Promise<WorkerReply> {
  const start = job.first ? job.start : await alignedStart(job.head.local ?? job.head.file, job.start);
  const bad: BadRow[] = [];
  try {
    const r = await profileCsvRange(
      job.head,
      start,
      job.stop,
      1,
      { badRows: job.badRows, rulesFor: (c) => valueRules(job.rules, c) },
      (b) => {
        if (bad.length < 5) bad.push(b);
      },
    );
    return { ok: true, start, end: r.end, newlines: r.newlines, profile: r.builder.toJSON(), bad };
  } catch (error) {
    if (error instanceof UserError) {
      return {
        ok: false,
        start,
        error: { message: error.message, line: error.location.line, column: error.location.column, fix: error.fix },
        bad,
      };
    }
    return { ok: false, start, error: { message: error instanceof Error ? error.message : String(error) }, bad };
  }
}

if (parentPort && workerData?.mlopsProfileJob) {
  const port = parentPort;
  main(workerData.mlopsProfileJob as WorkerJob).then((reply) => port.postMessage(reply));
}
