/**
 * The workspace lock: one folder, `<root>/.lock`, holding `owner.json` (pid, hostname, a random
 * token, when taken). Replaces proper-lockfile, which decides staleness only by the lock's age
 * (30 s of silent waiting after a kill -9) and cannot say who holds it. Here:
 *
 * - taking it is one rename of a prepared folder that already holds owner.json, so a lock never
 *   exists without its owner (a crash leaves either no lock or a lock naming a dead pid);
 * - a lock whose holder is a dead process on this host is taken over at once; one held on another
 *   host (a shared disk) is taken over when its heartbeat is older than STALE_MS;
 * - a waiter names the live holder (pid, host, since when) in a log line, again every 10 s;
 * - a takeover renames the dead lock aside first (one rename: only one waiter can win it) and
 *   checks it moved the lock it judged dead, so two waiters never both remove a live lock.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";

export interface LockOwner {
  pid: number;
  hostname: string;
  token: string;
  since: string;
}

/** A holder refreshes the lock's mtime this often; a foreign host's lock older than STALE_MS is dead. */
const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;
const SAY_AGAIN_MS = 10_000;

export const LOCK_DIR = ".lock";

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOwner(lock: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(join(lock, "owner.json"), "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

async function ageMs(path: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why the lock at `lock` can be taken over now, or undefined while its holder may be alive. */
async function deadReason(lock: string, owner: LockOwner | undefined): Promise<string | undefined> {
  const age = await ageMs(lock);
  if (age === undefined) return undefined; // gone already: just try again
  if (!owner) {
    // A lock folder without owner.json is an older mlops-action's (proper-lockfile) or a takeover
    // half done; proper-lockfile refreshed its mtime, so age tells.
    return age > STALE_MS ? `an ownerless lock untouched for ${Math.round(age / 1000)} s` : undefined;
  }
  if (owner.hostname === hostname()) {
    if (!processAlive(owner.pid)) return `its holder, pid ${owner.pid}, is no longer running`;
    // A pid reused by another process would hold us forever: the heartbeat says the holder is gone.
    return age > STALE_MS * 4 ? `its holder, pid ${owner.pid}, stopped refreshing it` : undefined;
  }
  return age > STALE_MS
    ? `its holder on ${owner.hostname} stopped refreshing it ${Math.round(age / 1000)} s ago`
    : undefined;
}

export interface LockLog {
  info(message: string): void;
}

const stderrLog: LockLog = { info: (m) => process.stderr.write(`${m}\n`) };

/** Takes the lock, waiting for a live holder (and saying so), taking over a dead one at once. */
export async function acquireLock(root: string, log: LockLog = stderrLog): Promise<LockOwner> {
  await mkdir(root, { recursive: true });
  const lock = join(root, LOCK_DIR);
  const me: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    token: randomBytes(8).toString("hex"),
    since: new Date().toISOString(),
  };
  let delay = 10;
  let said = 0;
  for (;;) {
    const prepared = join(root, `${LOCK_DIR}.new-${process.pid}-${me.token}`);
    await mkdir(prepared, { recursive: true });
    await writeFile(join(prepared, "owner.json"), JSON.stringify({ ...me, since: new Date().toISOString() }));
    try {
      // rename(2) onto an existing non-empty folder fails: this is the atomic test-and-set.
      await rename(prepared, lock);
      return me;
    } catch (error) {
      await rm(prepared, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EPERM" && code !== "EISDIR") throw error;
    }
    const owner = await readOwner(lock);
    const reason = await deadReason(lock, owner);
    if (reason) {
      await takeOver(root, lock, owner, reason, log);
      continue;
    }
    if (owner && Date.now() - said >= SAY_AGAIN_MS) {
      log.info(
        `Waiting for the workspace lock ${lock}: held by pid ${owner.pid} on ${owner.hostname} since ${owner.since}.`,
      );
      said = Date.now();
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 250);
  }
}

async function takeOver(
  root: string,
  lock: string,
  owner: LockOwner | undefined,
  reason: string,
  log: LockLog,
): Promise<void> {
  const aside = join(root, `${LOCK_DIR}.stale-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await rename(lock, aside);
  } catch {
    return; // another waiter moved it first
  }
  const moved = await readOwner(aside);
  if (owner && moved?.token !== owner.token) {
    // Between our look and our rename, another waiter took over and a new, live holder took the
    // lock: put it back (our rename was the only thing that happened to it).
    await rename(aside, lock).catch(() => {});
    return;
  }
  log.info(`Took over the workspace lock ${lock}: ${reason}.`);
  await rm(aside, { recursive: true, force: true });
}

/** Releases the lock if it is still ours. */
export async function releaseLock(root: string, me: LockOwner): Promise<void> {
  const lock = join(root, LOCK_DIR);
  const owner = await readOwner(lock);
  if (owner?.token !== me.token) return;
  const aside = join(root, `${LOCK_DIR}.released-${process.pid}-${me.token}`);
  await rename(lock, aside);
  await rm(aside, { recursive: true, force: true });
}

/** Runs `fn` holding the workspace lock, refreshing its heartbeat meanwhile. */
export async function withWorkspaceLock<T>(root: string, fn: () => Promise<T>, log?: LockLog): Promise<T> {
  const me = await acquireLock(root, log);
  const lock = join(root, LOCK_DIR);
  const beat = setInterval(() => {
    const now = new Date();
    utimes(lock, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  beat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(beat);
    await releaseLock(root, me);
  }
}

/** Leftovers of lock operations a killed process never finished: `.lock.new-<pid>-*` and the like. */
export function lockLeftoverOwner(name: string): number | undefined {
  const m = /^\.lock\.(?:new|stale|released)-(\d+)-/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The pid holding the workspace lock when that process (on this host) is gone, else undefined. */
export async function deadLockHolder(root: string): Promise<number | undefined> {
  const owner = await readOwner(join(root, LOCK_DIR));
  return owner && owner.hostname === hostname() && !processAlive(owner.pid) ? owner.pid : undefined;
}
