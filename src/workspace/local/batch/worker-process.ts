/**
 * One batch worker: a Python process running worker-harness.ts over the deployment's code, fed
 * one mini-batch per line. It runs in its own process group, registered with the run's watchdog
 * (runner/watchdog.ts), so the whole tree ends when the job is cancelled or this process dies,
 * even by SIGKILL. It gets no CI credentials (credential-env.ts): the scoring code is the
 * repository's.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { childEnvironment } from "../../../util/credential-env.js";
import { unwatchGroup, watchGroup } from "../runner/watchdog.js";
import { BATCH_WORKER_PY } from "./worker-harness.js";

export interface WorkerOptions {
  python: string;
  /** Absolute path of the scoring script inside the code snapshot. */
  script: string;
  codeDir: string;
  modelDir: string;
  /** Where the worker's prints and tracebacks go. */
  logFile: string;
}

/** How a script failed, as the harness reports it: where is the file:line Python saw. */
export interface ScriptFailure {
  stage: "init" | "run";
  type: string;
  message: string;
  where?: { file: string; line?: number };
}

export type BatchAnswer =
  | { ok: true; rows: number; text: string }
  | { ok: false; failure: ScriptFailure }
  /** The process ended without answering (killed, crashed, os._exit). */
  | { ok: false; died: string };

const TAIL = 20;
const live = new Set<number>();
let exitHook = false;

function killGroup(pid: number): void {
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone already */
    }
  }
}

export class BatchWorker {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly log: WriteStream;
  private readonly queued: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private ended = false;
  private exit: string | undefined;
  private readonly exited: Promise<void>;
  /** The last lines the worker wrote to stderr, for a crash's message. */
  readonly tail: string[] = [];

  private constructor(options: WorkerOptions) {
    if (!exitHook) {
      exitHook = true;
      process.on("exit", () => {
        for (const pid of live) killGroup(pid);
      });
    }
    this.log = createWriteStream(options.logFile, { flags: "a" });
    this.child = spawn(options.python, ["-c", BATCH_WORKER_PY, options.script, options.codeDir], {
      cwd: options.codeDir,
      env: childEnvironment(process.env, {
        AZUREML_MODEL_DIR: options.modelDir,
        PYTHONUNBUFFERED: "1",
        PYTHONIOENCODING: "utf-8",
        PYTHONDONTWRITEBYTECODE: "1",
      }) as NodeJS.ProcessEnv,
      detached: process.platform !== "win32",
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    const pid = this.child.pid;
    if (pid !== undefined) {
      live.add(pid);
      if (process.platform !== "win32") watchGroup(pid);
    }
    this.exited = new Promise((resolve) => {
      this.child.on("error", (error) => {
        this.exit = error.message;
        this.finish();
        resolve();
      });
      this.child.on("close", (code, signal) => {
        this.exit ??= signal ? `was killed by ${signal}` : `exited with code ${code}`;
        if (pid !== undefined) {
          live.delete(pid);
          if (process.platform !== "win32") unwatchGroup(pid);
        }
        this.finish();
        this.log.end();
        resolve();
      });
    });
    // A worker that died mid-request must not fail with EPIPE: its exit is reported instead.
    this.child.stdin.on("error", () => {});
    createInterface({ input: this.child.stdout, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
      const w = this.waiting.shift();
      if (w) w(line);
      else this.queued.push(line);
    });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.log.write(chunk);
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        this.tail.push(line);
        if (this.tail.length > TAIL) this.tail.shift();
      }
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Starts a worker and waits for init() to return: the worker, or why it could not start. */
  static async start(options: WorkerOptions): Promise<BatchWorker | { failure?: ScriptFailure; died?: string }> {
    const worker = new BatchWorker(options);
    const answer = await worker.read();
    if (answer && "ready" in answer) return worker;
    if (answer && "error" in answer) {
      await worker.kill();
      return { failure: toFailure(answer) };
    }
    await worker.kill();
    return { died: await worker.death() };
  }

  /** Scores one mini-batch. */
  async run(id: number, files: string[]): Promise<BatchAnswer> {
    this.child.stdin.write(`${JSON.stringify({ id, files })}\n`);
    const answer = await this.read();
    if (!answer) return { ok: false, died: await this.death() };
    if ("error" in answer) return { ok: false, failure: toFailure(answer) };
    if (answer.id !== id || typeof answer.text !== "string") {
      await this.kill();
      return { ok: false, died: "answered out of turn" };
    }
    return { ok: true, rows: answer.rows ?? 0, text: answer.text };
  }

  /** Ends the worker: stdin closed (the harness then returns), killed if it lingers. */
  async close(): Promise<void> {
    if (this.ended) return this.exited;
    this.child.stdin.end();
    const timer = setTimeout(() => this.kill(), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Kills the worker's whole process group at once. */
  async kill(): Promise<void> {
    if (this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      killGroup(this.child.pid);
    }
    await this.exited;
  }

  private async death(): Promise<string> {
    await this.exited;
    const last = this.tail.at(-1)?.trim();
    return `the worker (pid ${this.child.pid}) ${this.exit ?? "stopped"}${last ? `: ${last.slice(0, 300)}` : ""}`;
  }

  private finish(): void {
    this.ended = true;
    for (const w of this.waiting.splice(0)) w(undefined);
  }

  private async read(): Promise<HarnessAnswer | undefined> {
    const line =
      this.queued.shift() ??
      (this.ended ? undefined : await new Promise<string | undefined>((r) => this.waiting.push(r)));
    if (line === undefined) return undefined;
    try {
      return JSON.parse(line) as HarnessAnswer;
    } catch {
      await this.kill();
      return undefined;
    }
  }
}

interface HarnessAnswer {
  ready?: true;
  id?: number;
  rows?: number;
  text?: string;
  error?: "init" | "run";
  type?: string;
  message?: string;
  where?: [string, number] | null;
}

function toFailure(a: HarnessAnswer): ScriptFailure {
  return {
    stage: a.error === "init" ? "init" : "run",
    type: a.type ?? "Error",
    message: a.message ?? "",
    ...(a.where ? { where: { file: a.where[0], line: a.where[1] ?? undefined } } : {}),
  };
}
