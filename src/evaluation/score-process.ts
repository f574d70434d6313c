/**
 * One model's score.py in a child Python process (the harness in score-harness.ts): started with
 * AZUREML_MODEL_DIR at the model's files and no CI credentials, fed one request per line, one
 * answer per line back. Failures become one line naming the script's file:line and the fix.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { dirname } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { UserError } from "../errors.js";
import { childEnvironment } from "../util/credential-env.js";
import { SCORE_HARNESS_PY } from "./score-harness.js";

export interface ScoreProcessOptions {
  python: string;
  /** Absolute path of score.py. */
  script: string;
  /** The model's files (a folder, or one file), as AZUREML_MODEL_DIR. */
  modelDir: string;
  /** Who this is in messages: `champion lin:1`. */
  label: string;
  /** Told each line the script writes (its prints and tracebacks). */
  onOutput?: (line: string) => void;
  /** How long one run() may take before the process is stopped (default 10 minutes). */
  answerTimeoutMs?: number;
  /** How long loading the script and init() may take (default 10 minutes). */
  initTimeoutMs?: number;
  /** Stops the process when the task is cancelled. */
  signal?: AbortSignal;
}

export const DEFAULT_ANSWER_TIMEOUT_MS = 600_000;

interface HarnessFailure {
  error: "init" | "run" | "encode";
  type: string;
  message: string;
  where: [string, number] | null;
}

type HarnessAnswer = { ready: true } | { ok: unknown } | HarnessFailure;

const TAIL = 20;

export class ScoreProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly answers: Interface;
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private readonly queued: string[] = [];
  private ended = false;
  private exit: string | undefined;
  /** The last lines the script printed, for a crash's message. */
  private readonly tail: string[] = [];

  private constructor(private readonly options: ScoreProcessOptions) {
    const { python, script, modelDir } = options;
    this.child = spawn(python, ["-c", SCORE_HARNESS_PY, script], {
      cwd: dirname(script),
      // score.py is code from the repository (on a pull request, a stranger's): no CI credentials.
      env: childEnvironment(process.env, {
        AZUREML_MODEL_DIR: modelDir,
        PYTHONUNBUFFERED: "1",
        PYTHONIOENCODING: "utf-8",
      }) as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.on("error", (error) => {
      this.exit = error.message;
      this.finish();
    });
    this.child.on("exit", (code, signal) => {
      this.exit = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    });
    // A child that died mid-request must not fail with EPIPE: its exit is reported instead.
    this.child.stdin.on("error", () => {});
    this.answers = createInterface({ input: this.child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
    this.answers.on("line", (line) => {
      const w = this.waiting.shift();
      if (w) w(line);
      else this.queued.push(line);
    });
    this.answers.on("close", () => this.finish());
    createInterface({ input: this.child.stderr, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
      this.tail.push(line);
      if (this.tail.length > TAIL) this.tail.shift();
      options.onOutput?.(line);
    });
  }

  private finish(): void {
    this.ended = true;
    for (const w of this.waiting.splice(0)) w(undefined);
  }

  private next(): Promise<string | undefined> {
    const line = this.queued.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Starts the script and waits for init() to return. */
  static async start(options: ScoreProcessOptions): Promise<ScoreProcess> {
    const p = new ScoreProcess(options);
    const answer = await p.read("init");
    if (!("ready" in answer)) throw p.failed(answer as HarnessFailure, "");
    return p;
  }

  /** Sends one request body to run(); resolves with what run() returned. */
  async score(body: string, rows: string): Promise<unknown> {
    this.child.stdin.write(`${body}\n`);
    const answer = await this.read(rows);
    if ("ok" in answer) return answer.ok;
    throw this.failed(answer as HarnessFailure, rows);
  }

  /** The next answer line, unless the timeout or a cancel comes first (the process is then killed). */
  private async nextWithin(during: string): Promise<string | undefined> {
    const limit =
      (during === "init" ? this.options.initTimeoutMs : this.options.answerTimeoutMs) ?? DEFAULT_ANSWER_TIMEOUT_MS;
    const signal = this.options.signal;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill("SIGKILL");
        reject(
          new UserError(
            `${during === "init" ? "init()" : "run()"} for ${this.options.label} gave no answer within ${limit < 1000 ? `${limit} ms` : `${Math.round(limit / 1000)} s`}${during === "init" ? "" : ` on ${during}`}`,
            { input: "scoringScript", file: this.options.script },
            "Check that the script does not wait for input or a network resource; large batches of rows need a faster run()",
          ),
        );
      }, limit);
      onAbort = () => {
        this.child.kill("SIGKILL");
        reject(signal?.reason ?? new Error("cancelled"));
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([this.next(), stop]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  }

  private async read(during: string): Promise<HarnessAnswer> {
    const line = await this.nextWithin(during);
    if (line === undefined) {
      // Wait for the exit status, so the message says how it ended.
      await new Promise<void>((r) =>
        this.child.exitCode !== null || this.exit ? r() : this.child.once("exit", () => r()),
      );
      const last = this.tail
        .filter((l) => l.trim())
        .at(-1)
        ?.trim();
      throw new UserError(
        `the scoring process for ${this.options.label} ${this.exit ?? "stopped"} ${during === "init" ? "while loading" : `on ${during}`}${last ? `: ${last.slice(0, 300)}` : ""}`,
        { input: "scoringScript", file: this.options.script },
        "Run score.py locally with the same model files to see why it stops",
      );
    }
    try {
      return JSON.parse(line) as HarnessAnswer;
    } catch {
      throw new Error(`scoring harness answered a line that is not JSON: ${line.slice(0, 200)}`);
    }
  }

  private failed(f: HarnessFailure, rows: string): UserError {
    const [file, line] = f.where ?? [this.options.script, undefined];
    const what = `${f.type}: ${f.message}`.slice(0, 500);
    if (f.error === "init") {
      const syntax = f.type === "SyntaxError" || f.type === "IndentationError";
      return new UserError(
        `loading the scoring script for ${this.options.label} failed: ${what}`,
        { input: "scoringScript", file, line: line ?? undefined },
        syntax
          ? "Fix the syntax error"
          : `Make init() load the model from AZUREML_MODEL_DIR (here ${this.options.modelDir})`,
      );
    }
    if (f.error === "encode") {
      return new UserError(
        `run() for ${this.options.label} returned a value JSON cannot encode on ${rows} (${what})`,
        { input: "scoringScript", file: this.options.script },
        "Return lists, numbers and strings (numpy arrays via .tolist())",
      );
    }
    return new UserError(
      `run() raised for ${this.options.label} on ${rows}: ${what}`,
      { input: "scoringScript", file, line: line ?? undefined },
      "Make run(raw_data) accept the request format sent (see requestFormat)",
    );
  }

  /** Ends the process: stdin closed (the harness then exits), killed if it lingers. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once("exit", () => r()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
