/**
 * What a killed run leaves behind, found and removed by the next run (under the workspace lock,
 * before it picks any version number): staging folders and temp files of dead processes, lock
 * folders a takeover never finished, and job records still "Running" whose runner is gone.
 * Only leftovers of processes that are not running are touched: a live run's work in progress is
 * never removed.
 */

import { rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { tempOwner } from "../../util/files.js";
import { type JobStatus, TERMINAL_STATUSES } from "../workspace.js";
import { findBatchLeftovers, findBatchOrphanJobs } from "./batch/recover.js";
import { lockLeftoverOwner, processAlive } from "./lock.js";
import { listDir, readJson, STAGING_DIR, writeJson } from "./store.js";

export interface Leftover {
  path: string;
  what: string;
}

/** Leftovers of dead processes; nothing is changed. */
export async function findLeftovers(root: string): Promise<Leftover[]> {
  const out: Leftover[] = [];
  const dead = (pid: number | undefined) => pid !== undefined && !processAlive(pid);
  for (const n of await listDir(root)) {
    if (dead(lockLeftoverOwner(n))) out.push({ path: join(root, n), what: "a lock folder of a killed run" });
  }
  for (const n of await listDir(join(root, STAGING_DIR))) {
    const pid = Number(n.split("-")[0]);
    if (Number.isInteger(pid) && dead(pid)) {
      out.push({ path: join(root, STAGING_DIR, n), what: "a staging folder of a killed run" });
    }
  }
  const blobs = join(root, "blobs", "sha256");
  for (const prefix of await listDir(blobs)) {
    for (const n of await listDir(join(blobs, prefix))) {
      if (dead(tempOwner(n))) out.push({ path: join(blobs, prefix, n), what: "a blob temp file of a killed run" });
    }
  }
  // Temp files beside records (datasets/<name>/, models/<name>/, endpoints/, jobs/<name>/).
  for (const kind of ["datasets", "models", "jobs"]) {
    for (const name of await listDir(join(root, kind))) {
      for (const n of await listDir(join(root, kind, name))) {
        if (dead(tempOwner(n))) out.push({ path: join(root, kind, name, n), what: "a temp file of a killed run" });
      }
    }
  }
  for (const n of await listDir(join(root, "endpoints"))) {
    if (dead(tempOwner(n))) out.push({ path: join(root, "endpoints", n), what: "a temp file of a killed run" });
  }
  out.push(...(await findBatchLeftovers(root)));
  return out;
}

/** Job records that say a job is running although its runner process on this host is gone. */
export async function findOrphanJobs(root: string): Promise<{ file: string; pid: number; status: string }[]> {
  const out: { file: string; pid: number; status: string }[] = [];
  for (const name of await listDir(join(root, "jobs"))) {
    const file = join(root, "jobs", name, "job.json");
    let rec: { status?: string; pid?: number; host?: string } | undefined;
    try {
      rec = await readJson(file);
    } catch {
      continue; // unreadable records are the check's to report
    }
    if (!rec?.status || TERMINAL_STATUSES.includes(rec.status as JobStatus) || typeof rec.pid !== "number") continue;
    if (rec.host !== undefined && rec.host !== hostname()) continue;
    if (!processAlive(rec.pid)) out.push({ file, pid: rec.pid, status: rec.status });
  }
  out.push(...(await findBatchOrphanJobs(root)));
  return out;
}

/** Removes the leftovers and closes orphan job records as Failed. Call under the workspace lock. */
export async function recoverWorkspace(root: string, log?: { info(m: string): void }): Promise<number> {
  const leftovers = await findLeftovers(root);
  for (const l of leftovers) await rm(l.path, { recursive: true, force: true });
  if (leftovers.length > 0) {
    log?.info(`Removed ${leftovers.length} leftover(s) of a killed run from ${root}.`);
  }
  const orphans = await findOrphanJobs(root);
  for (const o of orphans) {
    const rec = await readJson<Record<string, unknown>>(o.file);
    if (!rec) continue;
    rec.status = "Failed";
    rec.error = `the runner process (pid ${o.pid}) exited before the job finished`;
    rec.endedAt ??= new Date().toISOString();
    await writeJson(o.file, rec);
    log?.info(`Job record ${o.file} said ${o.status} but its runner (pid ${o.pid}) is gone: marked Failed.`);
  }
  return leftovers.length + orphans.length;
}
