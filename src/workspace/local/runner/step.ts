/**
 * Runs one command (a step, or one sweep trial) locally: a snapshot of its code as the working
 * folder, outputs as folders, `${{inputs.*}}`/`${{outputs.*}}` bound into an argument array, and
 * the metrics it logged collected afterwards.
 */

import { existsSync } from "node:fs";
import { cp, mkdir, readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { UserError } from "../../../errors.js";
import { findExpressions, parseOwnRef, resolveOptionalSections } from "../../../pipeline/expressions.js";
import type { Component, IoType } from "../../../pipeline/model.js";
import { splitCommand } from "../../../pipeline/shell-words.js";
import { childEnvironment } from "../../../util/credential-env.js";
import { failureReason } from "../../../util/failure-reason.js";
import { readMetricsJson, readMlflowMetrics } from "./metrics.js";
import { parallelArgv } from "./parallel.js";
import { type ProcessResult, runProcess, tail } from "./process.js";
import { IGNORED_CODE } from "./reuse.js";

export interface CommandRun {
  /** How the step is named in logs: `train`, `sweep#3`. */
  label: string;
  component: Component;
  /** The step's folder in the job folder. */
  dir: string;
  /** Input name → value or local path; undefined when not given. */
  inputs: Record<string, string | undefined>;
  outputs: Record<string, { type: IoType; path?: string }>;
  environmentVariables: Record<string, string>;
  timeoutMs?: number;
  /** A folder never copied into the snapshot (the workspace itself, when the code folder holds it). */
  exclude?: string;
  signal: AbortSignal;
  onLine: (line: string) => void;
  /** Called with each process's pid as it starts. */
  onStart?: (pid: number) => void;
}

export interface CommandResult {
  status: "Completed" | "Failed" | "Canceled";
  outputs: Record<string, string>;
  metrics: Record<string, number>;
  error?: string;
  /** The user's file and line the failure points at (a Python exception's innermost frame in the step's code). */
  where?: { file: string; line?: number };
  logTail?: string[];
  log: string;
}

/** Where the interpreter for `python` / `python3` commands is: MLOPS_PYTHON, else python3 on PATH. */
export function runnerPython(env: Record<string, string | undefined> = process.env): string {
  return env.MLOPS_PYTHON || (process.platform === "win32" ? "python" : "python3");
}

export async function runCommand(run: CommandRun): Promise<CommandResult> {
  const { component, dir } = run;
  const log = join(dir, "std_log.txt");
  const work = join(dir, "code");
  await mkdir(work, { recursive: true });
  if (component.code) {
    const single = !(await isDir(component.code));
    // A snapshot of the code, as Azure ML uploads one: the step may write beside its files without touching the checkout.
    await cp(component.code, single ? join(work, basename(component.code)) : work, {
      recursive: true,
      filter: (src) =>
        !IGNORED_CODE(src.replaceAll("\\", "/")) &&
        !(run.exclude && (src === run.exclude || src.startsWith(`${run.exclude}/`))),
    });
  }
  const outputs: Record<string, string> = {};
  for (const [name, o] of Object.entries(run.outputs)) {
    const folder = o.path ?? join(dir, "outputs", name);
    await mkdir(folder, { recursive: true });
    // A uri_file output is a file path inside its own folder.
    outputs[name] = o.type === "uri_file" ? join(folder, name) : folder;
  }
  const mlruns = join(dir, "mlruns");
  // User code runs without the CI's and Azure's credentials; what the YAML names is passed as set.
  const env: Record<string, string | undefined> = {
    ...childEnvironment(process.env, run.environmentVariables),
    MLFLOW_TRACKING_URI: `file:${mlruns}`,
    AZUREML_RUN_ID: run.label,
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
  };
  for (const [name, path] of Object.entries(outputs)) env[`AZUREML_OUTPUT_${name}`] = path;
  const python = runnerPython(env);
  const argvs = component.parallelTask
    ? parallelArgv(component.parallelTask, python, run.inputs, outputs, env)
    : buildArgv(component, run.inputs, outputs, env);
  let result: ProcessResult = { exitCode: 0 };
  for (const argv of argvs) {
    if (argv[0] === "python" || argv[0] === "python3") argv[0] = python;
    run.onLine(
      `$ ${(component.parallelTask ? [argv[0], "<parallel worker>", ...argv.slice(3)] : argv).map(quoteForLog).join(" ")}`,
    );
    result = await runProcess(argv, {
      cwd: work,
      env,
      logFile: log,
      onLine: run.onLine,
      signal: run.signal,
      timeoutMs: run.timeoutMs,
      onStart: run.onStart,
    });
    if (result.exitCode !== 0 || result.stopped || result.spawnError) break;
  }
  const text = await readFile(log, "utf8").catch(() => "");
  const metrics = { ...(await readMlflowMetrics(mlruns)), ...(await readMetricsJson(join(work, "metrics.json"))) };
  for (const path of Object.values(outputs)) Object.assign(metrics, await readMetricsJson(join(path, "metrics.json")));
  if (result.stopped === "aborted") return { status: "Canceled", outputs, metrics, error: "canceled", log };
  if (result.stopped === "timeout") {
    return {
      status: "Failed",
      outputs,
      metrics,
      error: `timed out after ${Math.round((run.timeoutMs ?? 0) / 1000)} s (limits.timeout)`,
      logTail: tail(text),
      log,
    };
  }
  if (result.spawnError)
    return { status: "Failed", outputs, metrics, error: result.spawnError, logTail: tail(text), log };
  if (result.exitCode !== 0) {
    // The reason, not a header: the exception (with the user's file:line) or the last error-like stderr line.
    const reason = failureReason((result.stderrTail ?? []).join("\n"), (p) => userFile(p, work, component.code));
    return {
      status: "Failed",
      outputs,
      metrics,
      error: `exited with code ${result.exitCode}${reason ? `: ${reason.message}` : ""}`,
      ...(reason?.file ? { where: { file: reason.file, line: reason.line } } : {}),
      logTail: tail(text),
      log,
    };
  }
  return { status: "Completed", outputs, metrics, log };
}

/** The argument arrays for a component's command: optional sections resolved, words split, then references bound. */
export function buildArgv(
  component: Component,
  inputs: Record<string, string | undefined>,
  outputs: Record<string, string>,
  env: Record<string, string | undefined>,
): string[][] {
  const where = component.commandWhere ?? component.where;
  if (!component.command) throw new UserError("the component has no command", where, "Set `command:`");
  const template = resolveOptionalSections(component.command, (n) => inputs[n] !== undefined && inputs[n] !== "");
  const commands = splitCommand(template, { env, where });
  return commands.map((argv) =>
    argv.map((word) => {
      let out = word;
      for (const e of findExpressions(word)) {
        const own = parseOwnRef(e.body);
        if (!own)
          throw new UserError(
            `'${e.text}' cannot be bound in a command`,
            where,
            "Use ${{inputs.<name>}} or ${{outputs.<name>}}",
          );
        const value = own.kind === "inputs" ? inputs[own.name] : outputs[own.name];
        out = out.replace(e.text, value ?? "");
      }
      return out;
    }),
  );
}

/**
 * The user's own file for a path in a traceback: the step runs a snapshot of its code folder, so a
 * frame in `<step>/code/x.py` is the user's `<code>/x.py` (or the code file itself when `code:`
 * names one file). Frames elsewhere (the standard library, site-packages) are not the user's.
 */
export function userFile(path: string, work: string, code: string | undefined): string | undefined {
  if (!code) return undefined;
  const inside = relative(work, resolve(work, path));
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return undefined;
  return basename(code) === inside && !existsSync(join(code, inside)) ? code : join(code, inside);
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    throw new UserError(
      `code '${p}' does not exist`,
      { subject: "pipeline" },
      "Fix the component's `code:` path (relative to the component's YAML file)",
    );
  }
}

/** An argument as a reader would retype it in a shell (for the log only; nothing runs through a shell). */
function quoteForLog(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}
