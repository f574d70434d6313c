import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import http from "node:http";
import { childEnvironment } from "../../../util/credential-env.js";

/** A background server this backend started: its process group leader and port. */
export interface ServerProcess {
  pid: number;
  port: number;
}

// Moved to src/util/python.ts so compare-models can run scoring scripts with the same interpreter.
export { resolvePython } from "../../../util/python.js";

export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether `pid` is still the server we started (its command line names our script), so a pid
 * the system reused for another program is never signalled. Where /proc is missing (macOS),
 * liveness is the best available answer.
 */
export async function isOurs(pid: number | undefined, marker: string): Promise<boolean> {
  if (!pid || !isAlive(pid)) return false;
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).includes(marker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && !(await procMounted())) return true;
    return false;
  }
}

async function procMounted(): Promise<boolean> {
  try {
    await readFile("/proc/self/cmdline");
    return true;
  } catch {
    return false;
  }
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request to 127.0.0.1 with a bounded wait; rejects on connection errors. */
export function request(
  port: number,
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: options.method ?? (body ? "POST" : "GET"),
        headers: {
          ...(body ? { "content-type": "application/json", "content-length": body.length } : {}),
          ...options.headers,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () =>
      req.destroy(new Error(`no answer within ${options.timeoutMs ?? 30_000} ms`)),
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Health of a server we started: alive, answering /health, and the one we think it is. */
export async function checkHealth(
  server: Partial<ServerProcess> | undefined,
  identity: (body: Record<string, unknown>) => boolean,
): Promise<string | undefined> {
  if (!server?.pid || !server.port) return "never started";
  if (!isAlive(server.pid)) return `process ${server.pid} is gone`;
  try {
    const answer = await request(server.port, "/health", { timeoutMs: 3_000 });
    if (answer.status !== 200) return `health check on 127.0.0.1:${server.port} answered ${answer.status}`;
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    // A reused port or pid must not pass for ours.
    if (body.pid !== server.pid || !identity(body)) return `127.0.0.1:${server.port} is answered by another process`;
    return undefined;
  } catch (error) {
    return `health check on 127.0.0.1:${server.port} failed: ${(error as Error).message}`;
  }
}

/** The last lines of a log, for failure messages. */
export async function logTail(file: string, lines = 20): Promise<string> {
  try {
    const text = (await readFile(file, "utf8")).trimEnd();
    return text.split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export interface StartOptions {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd: string;
  logFile: string;
  /** The server writes `{pid, port}` here once it listens (it picks a free port itself). */
  portFile: string;
  identity: (body: Record<string, unknown>) => boolean;
  timeoutMs: number;
  what: string;
  signal?: AbortSignal;
}

/**
 * Starts a detached background server (its own process group, output to a log file) and waits
 * until it listens and answers /health. The server chooses a free port and reports it through
 * the port file, so there is no window in which another process can take the port. On an early
 * exit or a timeout, the error carries the tail of the server's log.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  await rm(options.portFile, { force: true });
  const fd = openSync(options.logFile, "a");
  let exited: string | undefined;
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(options.command, options.args, {
      cwd: options.cwd,
      // Servers run user code (score.py) for as long as the endpoint lives: never with CI credentials.
      env: childEnvironment(options.env ?? process.env) as NodeJS.ProcessEnv,
      detached: true,
      stdio: ["ignore", fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  child.on("error", (error) => {
    exited = error.message;
  });
  child.on("exit", (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  });
  child.unref();
  const pid = child.pid;
  const deadline = Date.now() + options.timeoutMs;
  const fail = async (why: string): Promise<never> => {
    if (pid && isAlive(pid)) await stopServer(pid);
    const tail = await logTail(options.logFile);
    // The first line says what went wrong (usually the exception's last line); the tail follows.
    const last = tail
      .split("\n")
      .filter((l) => l.trim() !== "")
      .at(-1)
      ?.trim();
    const cause = last && last !== "(no log)" ? `: ${last.length > 200 ? `${last.slice(0, 200)}…` : last}` : "";
    throw new Error(`${options.what} ${why}${cause} (log: ${options.logFile})\nLast lines of the log:\n${tail}`);
  };
  if (!pid) return fail("could not be started");
  let port: number | undefined;
  for (let wait = 20; ; wait = Math.min(wait * 1.5, 250)) {
    if (exited) return fail(exited);
    if (options.signal?.aborted) return fail("start was cancelled");
    if (Date.now() > deadline) return fail(`did not become healthy within ${Math.round(options.timeoutMs / 1000)} s`);
    if (port === undefined) {
      try {
        port = (JSON.parse(await readFile(options.portFile, "utf8")) as { port: number }).port;
      } catch {
        // not listening yet
      }
    }
    if (port !== undefined && (await checkHealth({ pid, port }, options.identity)) === undefined) return { pid, port };
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** Stops a server and everything it started (its process group): TERM, then KILL after a grace period. */
export async function stopServer(pid: number | undefined, graceMs = 5_000): Promise<void> {
  if (!pid || !isAlive(pid)) return;
  const send = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  };
  send("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (isAlive(pid)) {
    send("SIGKILL");
    const hard = Date.now() + 2_000;
    while (isAlive(pid) && Date.now() < hard) await new Promise((r) => setTimeout(r, 25));
  }
}
