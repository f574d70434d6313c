import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { chmod, copyFile, link, mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { crashPoint } from "../../util/crash-point.js";
import { sha256File, syncDir, syncFile, tempName, tempOwner, writeAtomic } from "../../util/files.js";
import { type LockLog, processAlive, withWorkspaceLock } from "./lock.js";

export { sha256File, writeAtomic };

export const SCHEMA_VERSION = 1;

export async function writeJson(file: string, value: object): Promise<void> {
  await writeAtomic(file, `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...value }, null, 2)}\n`);
}

export async function readJson<T>(file: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const value = JSON.parse(text) as { schemaVersion?: number };
  if (value.schemaVersion !== undefined && value.schemaVersion > SCHEMA_VERSION) {
    throw new Error(
      `${file} has schema version ${value.schemaVersion}; this mlops-action reads up to ${SCHEMA_VERSION}. Upgrade mlops-action.`,
    );
  }
  return value as T;
}

export async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The workspace lock (lock.ts): every metadata change happens under it. A dead holder's lock is
 * taken over at once; a waiter names the live holder with its pid.
 */
export async function withLock<T>(root: string, fn: () => Promise<T>, log?: LockLog): Promise<T> {
  return withWorkspaceLock(root, fn, log);
}

/**
 * Stores a file in the content-addressed blob folder and returns its hash. Identical content is
 * stored once however many versions refer to it. A named blob is never opened for writing: the
 * copy goes to a fresh temp name (COPYFILE_EXCL: never onto an existing file or link), is
 * fsynced, then renamed to its name. Blobs are read-only (0444) once named.
 */
export async function putBlob(root: string, file: string, hash?: string): Promise<string> {
  const digest = hash ?? (await sha256File(file));
  const target = blobPath(root, digest);
  if (!(await exists(target))) {
    const tmp = tempName(target);
    await mkdirDurable(dirname(target));
    try {
      await copyFile(file, tmp, fsConstants.COPYFILE_EXCL);
      await chmod(tmp, 0o444);
      await syncFile(tmp);
      crashPoint("blob.temp-written");
      // The source may have changed since it was fingerprinted: a blob must match its name.
      if ((await sha256File(tmp)) !== digest) {
        throw new Error(`${file} changed while it was being registered (its sha256 is no longer ${digest}); run again`);
      }
      await rename(tmp, target);
      // The rename is what names the blob: durable only once its folder is synced.
      await syncDir(dirname(target));
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }
  return digest;
}

/** mkdir -p whose new folders are durable: each new one is synced into its parent. */
export async function mkdirDurable(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined) return;
  // Every folder from the first one created down to `dir` is a new entry in its parent.
  for (let d = dir; ; d = dirname(d)) {
    await syncDir(dirname(d));
    if (d === first || dirname(d) === d) break;
  }
}

export function blobPath(root: string, digest: string): string {
  return join(root, "blobs", "sha256", digest.slice(0, 2), digest);
}

/**
 * Places a blob at `target` inside a staging folder: a hard link when the filesystem allows, else
 * a copy to a temp name renamed into place. Whatever is at `target` is unlinked first, never
 * written through (it may be a hard link to another blob).
 */
export async function materialize(root: string, digest: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await rm(target, { force: true });
  try {
    await link(blobPath(root, digest), target);
  } catch {
    const tmp = tempName(target);
    await copyFile(blobPath(root, digest), tmp, fsConstants.COPYFILE_EXCL);
    await syncFile(tmp);
    await rename(tmp, target);
  }
}

/** A fresh staging folder for a version being assembled, `<root>/.staging/<pid>-<random>`. */
export async function newStagingDir(root: string): Promise<string> {
  const dir = join(root, STAGING_DIR, `${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

export const STAGING_DIR = ".staging";

/**
 * Publishes a staged version folder under `dir` (call under the lock): the folder is renamed to
 * `<dir>/<version>`, then the record `<dir>/<version>.json` is written by one atomic rename. The
 * record's rename is the moment the version exists: readers list records only, so a folder
 * without its record is invisible, and the next run removes it (cleanVersionDir) before it picks
 * a version number.
 */
export async function publishVersion(
  staged: string,
  dir: string,
  version: string,
  record: object,
  placed: string,
): Promise<void> {
  const target = join(dir, version);
  // The staged folders' entries (links to blobs, copies) first, then each rename with its folder:
  // once the record's rename is synced, a power loss cannot take back a published version.
  await syncTree(staged);
  await mkdirDurable(dir);
  await rm(target, { recursive: true, force: true });
  await rename(staged, target);
  await syncDir(dir);
  crashPoint(placed);
  await writeJson(join(dir, `${version}.json`), record);
  await syncDir(dir);
}

/** fsync of a folder and every folder below it (their entries, not the files' bytes). */
async function syncTree(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) if (e.isDirectory()) await syncTree(join(dir, e.name));
  await syncDir(dir);
}

/**
 * Removes what crashed runs left in one asset's folder (call under the lock, before picking a
 * version): version folders without a record, and temp files of dead processes.
 */
export async function cleanVersionDir(dir: string, log?: { info(m: string): void }): Promise<void> {
  const names = await listDir(dir);
  const records = new Set(names.filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -5)));
  for (const n of names) {
    const owner = tempOwner(n);
    if (owner !== undefined) {
      if (!processAlive(owner)) await rm(join(dir, n), { recursive: true, force: true });
      continue;
    }
    if (/^\d+$/.test(n) && !records.has(n)) {
      log?.info(`Removing ${join(dir, n)}: a version folder without a record, left by a run that was killed.`);
      await rm(join(dir, n), { recursive: true, force: true });
    }
  }
}

/** Next integer version after the existing ones ("1" when none). */
export function nextVersion(existing: string[]): string {
  let max = 0;
  for (const v of existing) {
    const n = Number.parseInt(v, 10);
    if (Number.isFinite(n) && n > max) max = n;
  }
  return String(max + 1);
}

/** The versions kept as `<dir>/<version>.json`, oldest first. */
async function versionNames(dir: string): Promise<string[]> {
  return (await listDir(dir))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort((a, b) => Number(a) - Number(b));
}

/** Every version record in `dir`, oldest first. */
export async function readVersions<T>(dir: string): Promise<T[]> {
  const out: T[] = [];
  for (const v of await versionNames(dir)) {
    const rec = await readJson<T>(join(dir, `${v}.json`));
    if (rec) out.push(rec);
  }
  return out;
}

/** One version record; `latest` reads only the newest. */
export async function readVersion<T>(dir: string, version: string): Promise<T | undefined> {
  const name = version === "latest" ? (await versionNames(dir)).at(-1) : version;
  return name === undefined ? undefined : readJson<T>(join(dir, `${name}.json`));
}
