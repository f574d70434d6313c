import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * The marker in every temp name: `<file>.tmp-<pid>-<random>`. The pid lets the next run tell a
 * crashed run's leftover (dead pid) from a live run's file in progress.
 */
export const TEMP_MARK = ".tmp-";

export function tempName(file: string): string {
  return `${file}${TEMP_MARK}${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** The pid a temp name was made by, or undefined when `name` is not one of ours. */
export function tempOwner(name: string): number | undefined {
  const m = /\.tmp-(\d+)-[0-9a-f]{8}$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * Writes a file atomically and durably: a fresh temp name beside it (created exclusively, so it
 * never writes through an existing file or hard link), fsync, then rename, so readers see the
 * old file or the whole new one, even after a crash or power loss.
 */
export async function writeAtomic(file: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = tempName(file);
  try {
    const handle = await open(tmp, "wx");
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** fsync of a file already written (a copied temp file before its rename). */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * fsync of a folder, so the renames and links made in it survive a power loss: a rename is a
 * change of the folder, and until the folder is synced the file system may lose it even though
 * the file's own bytes were synced. Windows cannot open a folder for this (and NTFS journals the
 * rename): skipped there. A file system that refuses to sync a folder (some network mounts
 * answer EINVAL) gets what it offers.
 */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "ENOTSUP" && code !== "EPERM" && code !== "EISDIR") throw error;
  } finally {
    await handle?.close();
  }
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/** Why a file could not be read, in words a user acts on ("is a folder, not a file"). */
export function unreadable(error: unknown): string {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case "EISDIR":
      return "is a folder, not a file";
    case "EACCES":
    case "EPERM":
      return "cannot be read (permission denied)";
    case "ENOENT":
    case "ENOTDIR":
      return "does not exist";
    default:
      return `cannot be read (${(error as Error)?.message ?? String(error)})`;
  }
}

/**
 * Where a folder is wanted at `path`: the nearest part of it that exists, when that part is a file
 * (mkdir would fail there with a raw ENOTDIR or EEXIST); undefined when the folder can be made.
 */
export function fileOnPath(path: string): string | undefined {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return existsSync(existing) && !statSync(existing).isDirectory() ? existing : undefined;
}
