import { randomBytes } from "node:crypto";
import { copyFile, link, mkdir, readdir, readFile, rename, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import lockfile from "proper-lockfile";
import { sha256File, writeAtomic } from "../../util/files.js";

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
 * The workspace lock. Two jobs on one runner share the folder: every metadata change happens
 * under this lock. proper-lockfile (mkdir-based, with stale-lock detection) is the well-kept
 * choice for a cross-process lock on a plain folder.
 */
export async function withLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(root, { recursive: true });
  const release = await lockfile.lock(root, {
    lockfilePath: join(root, ".lock"),
    stale: 30_000,
    retries: { retries: 200, factor: 1.2, minTimeout: 20, maxTimeout: 500 },
  });
  try {
    return await fn();
  } finally {
    await release();
  }
}

/**
 * Stores a file in the content-addressed blob folder and returns its hash. Identical content is
 * stored once however many versions refer to it.
 */
export async function putBlob(root: string, file: string, hash?: string): Promise<string> {
  const digest = hash ?? (await sha256File(file));
  const target = blobPath(root, digest);
  if (!(await exists(target))) {
    const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file, tmp);
    await rename(tmp, target);
  }
  return digest;
}

export function blobPath(root: string, digest: string): string {
  return join(root, "blobs", "sha256", digest.slice(0, 2), digest);
}

/** Places a blob at `target` (a hard link when the filesystem allows, else a copy). */
export async function materialize(root: string, digest: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  try {
    await link(blobPath(root, digest), target);
  } catch {
    await copyFile(blobPath(root, digest), target);
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
