/**
 * `mlops workspace check`: verifies a local workspace. Every blob is hashed and compared with its
 * sha256 name; every dataset and model version record is compared with its files (present, size,
 * content); folders and temp files a killed run left, and job records whose runner is gone, are
 * listed. Each problem says how to repair it. `--repair` does the safe repairs (the same cleanup
 * the next run does); a blob whose bytes changed cannot be repaired from here.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { sha256File, tempOwner } from "../../util/files.js";
import { batchProblems } from "./batch/check.js";
import { deadLockHolder, LOCK_DIR } from "./lock.js";
import { findLeftovers, findOrphanJobs, recoverWorkspace } from "./recover.js";
import { blobPath, cleanVersionDir, listDir, readJson, SCHEMA_VERSION, withLock } from "./store.js";

export interface CheckProblem {
  path: string;
  problem: string;
  repair: string;
  /** Fixed by `mlops workspace check --repair`. */
  repairable: boolean;
}

export interface CheckReport {
  root: string;
  blobs: number;
  versions: number;
  files: number;
  problems: CheckProblem[];
}

interface VersionRecord {
  name?: string;
  version?: string;
  uri?: string;
  files?: { path: string; size: number; sha256: string }[];
}

const HEX64 = /^[0-9a-f]{64}$/;
const REPAIR_LEFTOVERS = "run `mlops workspace check --repair` (or any task on this workspace) to remove it";

export async function checkWorkspace(root: string): Promise<CheckReport> {
  const report: CheckReport = { root, blobs: 0, versions: 0, files: 0, problems: [] };
  const add = (path: string, problem: string, repair: string, repairable = false) =>
    report.problems.push({ path, problem, repair, repairable });
  const badBlobs = new Map<string, string>(); // digest → what is wrong
  const blobInodes = new Map<string, number>(); // digest → inode of a verified blob

  const blobsDir = join(root, "blobs", "sha256");
  for (const prefix of await listDir(blobsDir)) {
    for (const n of await listDir(join(blobsDir, prefix))) {
      const path = join(blobsDir, prefix, n);
      if (tempOwner(n) !== undefined) continue; // leftovers are listed below, live ones are in progress
      if (!HEX64.test(n) || n.slice(0, 2) !== prefix) {
        add(path, "a file in the blob store whose name is not its sha256", "move it out of the workspace");
        continue;
      }
      report.blobs++;
      const actual = await sha256File(path);
      if (actual !== n) {
        badBlobs.set(n, `its content hashes to ${actual}`);
      } else {
        blobInodes.set(n, (await stat(path)).ino);
      }
    }
  }

  const users = new Map<string, string[]>(); // digest → versions that use it
  for (const kind of ["datasets", "models"] as const) {
    for (const name of await listDir(join(root, kind))) {
      const dir = join(root, kind, name);
      const entries = await listDir(dir);
      const records = entries.filter((e) => e.endsWith(".json"));
      for (const e of entries) {
        if (/^\d+$/.test(e) && !records.includes(`${e}.json`)) {
          add(
            join(dir, e),
            "a version folder without a record (a run was killed before it finished)",
            REPAIR_LEFTOVERS,
            true,
          );
        }
      }
      for (const r of records) {
        const file = join(dir, r);
        const version = r.slice(0, -5);
        let rec: VersionRecord | undefined;
        try {
          rec = await readJson<VersionRecord>(file);
        } catch (error) {
          add(
            file,
            `unreadable record: ${(error as Error).message.split("\n")[0]}`,
            "restore it from a backup, or delete it and the folder beside it, then register that version again",
          );
          continue;
        }
        if (!rec || !Array.isArray(rec.files)) {
          add(
            file,
            "a record without a file list",
            "delete it and the folder beside it, then register that version again",
          );
          continue;
        }
        report.versions++;
        const ref = `${kind === "datasets" ? "dataset" : "model"} ${name}:${version}`;
        const folder = join(dir, version);
        for (const f of rec.files) {
          report.files++;
          users.set(f.sha256, [...(users.get(f.sha256) ?? []), ref]);
          // Files lie at <version>/<path> whether the version is a folder or one file.
          const local = join(folder, f.path);
          const st = await stat(local).catch(() => undefined);
          const fix = `register ${ref} again from its source, or copy the blob ${blobPath(root, f.sha256)} to ${local}`;
          if (!st) {
            add(local, `${ref}: file ${f.path} is missing`, fix);
            continue;
          }
          if (st.size !== f.size) {
            add(local, `${ref}: file ${f.path} has ${st.size} bytes, the record says ${f.size}`, fix);
            continue;
          }
          // A hard link to a verified blob is verified already; anything else is hashed.
          if (blobInodes.get(f.sha256) === st.ino) continue;
          if (!badBlobs.has(f.sha256) && (await sha256File(local)) !== f.sha256) {
            add(local, `${ref}: file ${f.path} does not match the sha256 its record gives`, fix);
          }
          if (!blobInodes.has(f.sha256) && !badBlobs.has(f.sha256)) {
            add(
              blobPath(root, f.sha256),
              `${ref}: the blob of ${f.path} is missing`,
              `register ${ref} again from its source`,
            );
          }
        }
      }
    }
  }
  for (const [digest, what] of badBlobs) {
    const used = users.get(digest) ?? [];
    add(
      blobPath(root, digest),
      `blob does not match its sha256 name (${what})${used.length ? `; used by ${[...new Set(used)].join(", ")}` : ""}`,
      used.length
        ? "those versions' bytes changed: delete the blob and the records and folders of those versions, then register them again from their sources"
        : "no version uses it: delete it",
    );
  }

  for (const l of await findLeftovers(root)) add(l.path, l.what, REPAIR_LEFTOVERS, true);
  const holder = await deadLockHolder(root);
  if (holder) {
    add(
      join(root, LOCK_DIR),
      `the workspace lock is held by pid ${holder}, which is no longer running`,
      "nothing to do: the next run takes it over at once (or run `mlops workspace check --repair`)",
      true,
    );
  }
  for (const o of await findOrphanJobs(root)) {
    add(
      o.file,
      `job says ${o.status} but its runner (pid ${o.pid}) is gone`,
      "run `mlops workspace check --repair` to mark it Failed",
      true,
    );
  }
  for (const name of await listDir(join(root, "jobs"))) {
    await checkJson(join(root, "jobs", name, "job.json"), add, true);
  }
  for (const n of (await listDir(join(root, "endpoints"))).filter((e) => e.endsWith(".json"))) {
    await checkJson(join(root, "endpoints", n), add, false);
  }
  for (const p of await batchProblems(root)) add(p.path, p.problem, p.repair);
  return report;
}

async function checkJson(
  file: string,
  add: (path: string, problem: string, repair: string) => void,
  optional: boolean,
): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    if (!optional) add(file, "record is missing", "delete the folder it names");
    return;
  }
  try {
    const value = JSON.parse(text) as { schemaVersion?: number };
    if ((value.schemaVersion ?? 0) > SCHEMA_VERSION) {
      add(file, `schema version ${value.schemaVersion} is newer than this mlops-action reads`, "upgrade mlops-action");
    }
  } catch (error) {
    add(file, `unreadable record: ${(error as Error).message}`, "restore it from a backup, or delete it");
  }
}

/** The safe repairs: leftovers of killed runs removed, orphan job records marked Failed. */
export async function repairWorkspace(root: string, log: { info(m: string): void }): Promise<void> {
  await withLock(
    root,
    async () => {
      await recoverWorkspace(root, log);
      for (const kind of ["datasets", "models"]) {
        for (const name of await listDir(join(root, kind))) await cleanVersionDir(join(root, kind, name), log);
      }
    },
    log,
  );
}

/** The report as lines a user reads: one per problem with its repair, then a summary line. */
export function formatCheck(report: CheckReport): string[] {
  const lines = report.problems.map((p) => `problem: ${p.path}: ${p.problem}. Repair: ${p.repair}.`);
  const what = `${report.blobs} blob(s), ${report.versions} version(s), ${report.files} file(s) checked in ${report.root}`;
  lines.push(
    report.problems.length === 0
      ? `Workspace is consistent: ${what}.`
      : `${report.problems.length} problem(s): ${what}.`,
  );
  return lines;
}
