/**
 * Runs one step command as a child process: argument array, no shell, its own process group so
 * the whole tree can be stopped, output streamed line by line and kept in a log file.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { unwatchGroup, watchGroup } from "./watchdog.js";

export interface ProcessOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  logFile: string;
  onLine: (line: string) => void;
  signal: AbortSignal;
  /** Stop the process after this long; the result says `timedOut`. */
  timeoutMs?: number;
  /** Called with the pid once started (recorded, so a later run can end it if this one dies). */
  onStart?: (pid: number) => void;
}

export interface ProcessResult {
  exitCode: number | null;
  /** Set when the process was stopped: by the abort signal or by the timeout. */
  stopped?: "aborted" | "timeout";
  /** Set when it could not start at all (e.g. the program does not exist). */
  spawnError?: string;
  /** The last lines the process wrote to stderr, where a failure's reason is (kept apart from stdout's prints). */
  stderrTail?: string[];
}

const STDERR_TAIL_LINES = 200;

const live = new Set<number>();
let exitHookInstalled = false;

let signalsSeen = 0;

/**
 * Stops every process group we started if this process exits first, so no step outlives the
 * runner. The first SIGINT/SIGTERM is the task's to handle (it cancels the job gracefully); a
 * second one while steps still run kills their groups at once and exits, as a user pressing
 * Ctrl-C twice expects — without this, the second signal would kill only this process.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const pid of live) killGroup(pid, "SIGKILL");
  });
}

function onSignal(signal: NodeJS.Signals): void {
  signalsSeen++;
  if (signalsSeen < 2) return;
  for (const pid of live) killGroup(pid, "SIGKILL");
  process.exit(signal === "SIGINT" ? 130 : 143);
}

function watchSignals(on: boolean): void {
  for (const s of ["SIGINT", "SIGTERM"] as const) {
    if (on && !process.listeners(s).includes(onSignal)) process.on(s, onSignal);
    if (!on) process.removeListener(s, onSignal);
  }
  if (!on) signalsSeen = 0;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // A negative pid signals the whole process group: the step and everything it started.
    process.kill(process.platform === "win32" ? pid : -pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

const GRACE_MS = 3000;

export function runProcess(argv: string[], options: ProcessOptions): Promise<ProcessResult> {
  installExitHook();
  return new Promise((resolve) => {
    const log = createWriteStream(options.logFile, { flags: "a" });
    const finish = (result: ProcessResult) => {
      log.end(() => resolve(result));
    };
    if (options.signal.aborted) {
      finish({ exitCode: null, stopped: "aborted" });
      return;
    }
    const child = spawn(argv[0], argv.slice(1), {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      detached: process.platform !== "win32",
      stdio: ["ignore", "pipe", "pipe"],
      windowsHide: true,
    });
    let stopped: ProcessResult["stopped"];
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (why: "aborted" | "timeout") => {
      if (stopped || child.pid === undefined) return;
      stopped = why;
      killGroup(child.pid, "SIGTERM");
      killTimer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, "SIGKILL"), GRACE_MS);
      killTimer.unref();
    };
    const onAbort = () => stop("aborted");
    options.signal.addEventListener("abort", onAbort, { once: true });
    const timer = options.timeoutMs !== undefined ? setTimeout(() => stop("timeout"), options.timeoutMs) : undefined;
    if (child.pid !== undefined) {
      live.add(child.pid);
      watchSignals(true);
      // The exit hook cannot run on SIGKILL: the watchdog ends the group then.
      if (process.platform !== "win32") watchGroup(child.pid);
      options.onStart?.(child.pid);
    }

    const pending: Record<"out" | "err", string> = { out: "", err: "" };
    const onData = (which: "out" | "err") => (chunk: Buffer) => {
      log.write(chunk);
      const text = pending[which] + chunk.toString("utf8");
      const lines = text.split("\n");
      pending[which] = lines.pop() ?? "";
      for (const line of lines) {
        options.onLine(line.replace(/\r$/, ""));
        if (which === "err") keepStderr(line.replace(/\r$/, ""));
      }
    };
    const stderrTail: string[] = [];
    const keepStderr = (line: string) => {
      stderrTail.push(line);
      if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
    };
    child.stdout?.on("data", onData("out"));
    child.stderr?.on("data", onData("err"));

    let spawnError: string | undefined;
    child.on("error", (error: NodeJS.ErrnoException) => {
      spawnError = error.code === "ENOENT" ? `'${argv[0]}' was not found` : error.message;
    });
    child.on("close", (code) => {
      if (child.pid !== undefined) {
        live.delete(child.pid);
        if (process.platform !== "win32") unwatchGroup(child.pid);
      }
      if (live.size === 0) watchSignals(false);
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      options.signal.removeEventListener("abort", onAbort);
      for (const which of ["out", "err"] as const) if (pending[which]) options.onLine(pending[which]);
      if (pending.err) keepStderr(pending.err);
      if (spawnError) log.write(`${spawnError}\n`);
      finish({ exitCode: code, stopped, spawnError, stderrTail });
    });
  });
}

/** The last `n` lines of a log, for a failed step. */
export function tail(text: string, n = 20): string[] {
  const lines = text.replace(/\n+$/, "").split("\n");
  return lines.slice(Math.max(0, lines.length - n));
}
