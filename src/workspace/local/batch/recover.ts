/**
 * What a killed batch run leaves, for the workspace's recovery (recover.ts) and `mlops workspace
 * check`: temp files of dead processes beside the records, code snapshots no deployment record
 * names (killed between placing the copy and writing the record), an endpoint folder whose record
 * is gone, the half-written output of a job whose process died, and that job's record, still
 * "Running". Only leftovers of processes that are not running are reported.
 */
import { hostname } from "node:os";
import { join } from "node:path";
import { tempOwner } from "../../../util/files.js";
import { processAlive } from "../lock.js";
import { listDir, readJson } from "../store.js";
import { type BatchEndpointRecord, ENDPOINTS_DIR, isTerminal, JOBS_DIR, type LocalBatchJobRecord } from "./records.js";

export interface BatchLeftover {
  path: string;
  what: string;
}

const dead = (pid: number | undefined) => pid !== undefined && !processAlive(pid);

export async function findBatchLeftovers(root: string): Promise<BatchLeftover[]> {
  const out: BatchLeftover[] = [];
  const endpoints = join(root, ENDPOINTS_DIR);
  const names = await listDir(endpoints);
  const records = new Set(names.filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -5)));
  for (const n of names) {
    if (dead(tempOwner(n))) {
      out.push({ path: join(endpoints, n), what: "a temp file of a killed run" });
      continue;
    }
    if (n.endsWith(".json") || tempOwner(n) !== undefined) continue;
    if (!records.has(n)) {
      out.push({ path: join(endpoints, n), what: "a batch endpoint folder without its record (a delete was killed)" });
      continue;
    }
    let rec: BatchEndpointRecord | undefined;
    try {
      rec = await readJson<BatchEndpointRecord>(join(endpoints, `${n}.json`));
    } catch {
      continue; // an unreadable record is the check's to report
    }
    const used = new Set(Object.values(rec?.deployments ?? {}).map((d) => d.codeDir));
    for (const dep of await listDir(join(endpoints, n))) {
      for (const snap of await listDir(join(endpoints, n, dep))) {
        const path = join(endpoints, n, dep, snap);
        if (!used.has(path)) out.push({ path, what: "a batch deployment's code snapshot no record names" });
      }
    }
  }
  const jobs = join(root, JOBS_DIR);
  for (const n of await listDir(jobs)) {
    if (dead(tempOwner(n))) {
      out.push({ path: join(jobs, n), what: "a temp file of a killed run" });
      continue;
    }
    const job = await orphan(join(jobs, n));
    if (!job) continue;
    const prefix = `${job.outputFile}.tmp-`;
    for (const f of await listDir(job.outputPath)) {
      if (f.startsWith(prefix) && dead(tempOwner(f))) {
        out.push({ path: join(job.outputPath, f), what: `the unfinished output of batch job ${job.name}` });
      }
    }
  }
  return out;
}

/** Batch job records still running whose process on this host is gone. */
export async function findBatchOrphanJobs(root: string): Promise<{ file: string; pid: number; status: string }[]> {
  const out: { file: string; pid: number; status: string }[] = [];
  for (const n of await listDir(join(root, JOBS_DIR))) {
    const file = join(root, JOBS_DIR, n);
    const job = await orphan(file);
    if (job) out.push({ file, pid: job.pid, status: job.status });
  }
  return out;
}

async function orphan(file: string): Promise<LocalBatchJobRecord | undefined> {
  if (!file.endsWith(".json")) return undefined;
  let rec: LocalBatchJobRecord | undefined;
  try {
    rec = await readJson<LocalBatchJobRecord>(file);
  } catch {
    return undefined;
  }
  if (!rec?.status || isTerminal(rec.status) || typeof rec.pid !== "number") return undefined;
  if (rec.host !== undefined && rec.host !== hostname()) return undefined;
  return processAlive(rec.pid) ? undefined : rec;
}
