/**
 * Steps die with the run. Steps run in their own process groups (so a step's whole tree can be
 * stopped), which also means nothing ends them when this process is killed outright (SIGKILL,
 * OOM killer, a runner tearing the job down): no exit hook runs then. A small watchdog process,
 * started once per run, holds the read end of a pipe from us and a list of the step groups we
 * tell it about; when the pipe closes (we exited or were killed, the kernel closes it either way)
 * it ends those groups: TERM, then KILL after a grace period.
 */
import { type ChildProcess, spawn } from "node:child_process";
import type { Socket } from "node:net";
import { childEnvironment } from "../../../util/credential-env.js";

/** Lines on stdin: `+<pid>` a group started, `-<pid>` it ended. EOF: the run is gone. */
const WATCHDOG_JS = `
const groups = new Set();
let pending = "";
const kill = (pid, signal) => {
  try { process.kill(process.platform === "win32" ? pid : -pid, signal); }
  catch { try { process.kill(pid, signal); } catch {} }
};
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => {});
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  pending += chunk;
  const lines = pending.split("\\n");
  pending = lines.pop();
  for (const line of lines) {
    const pid = Number(line.slice(1));
    if (!(pid > 0)) continue;
    if (line[0] === "+") groups.add(pid); else groups.delete(pid);
  }
});
let ending = false;
const end = () => {
  if (ending) return;
  ending = true;
  if (groups.size === 0) process.exit(0);
  for (const pid of groups) kill(pid, "SIGTERM");
  setTimeout(() => { for (const pid of groups) kill(pid, "SIGKILL"); process.exit(0); }, Number(process.argv[1]) || 2000);
};
process.stdin.on("end", end);
process.stdin.on("close", end);
process.stdin.on("error", end);
`;

const GRACE_MS = 2000;

let watchdog: ChildProcess | undefined;
let failed = false;

function start(): ChildProcess | undefined {
  if (watchdog || failed) return watchdog;
  const env = childEnvironment(process.env);
  // The watchdog is ours and tiny: no preloads or loaders the run itself was started with.
  delete env.NODE_OPTIONS;
  try {
    const child = spawn(process.execPath, ["-e", WATCHDOG_JS, String(GRACE_MS)], {
      env: env as NodeJS.ProcessEnv,
      // Its own group: a Ctrl-C or a kill of our group must not take it down before it acts.
      detached: process.platform !== "win32",
      stdio: ["pipe", "ignore", "ignore"],
      windowsHide: true,
    });
    child.on("error", () => {
      // Without a watchdog the next run still ends orphans by their recorded pids.
      failed = true;
      watchdog = undefined;
    });
    child.stdin?.on("error", () => {});
    // Neither the process nor its pipe may keep this process alive.
    child.unref();
    (child.stdin as Socket | null)?.unref?.();
    watchdog = child;
    return child;
  } catch {
    failed = true;
    return undefined;
  }
}

/** Tells the watchdog a step's process group started: it ends the group if this process dies. */
export function watchGroup(pid: number): void {
  start()?.stdin?.write(`+${pid}\n`);
}

/** The group ended normally: nothing for the watchdog to do about it any more. */
export function unwatchGroup(pid: number): void {
  watchdog?.stdin?.write(`-${pid}\n`);
}
