import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CliHost } from "../src/hosts/cli.js";
import { runTask } from "../src/hosts/run-task.js";

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = "mlops-test-"): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  exitCode: number;
  outputs: Record<string, string>;
  stdout: string[];
  stderr: string[];
}

/** Runs one task in-process through the shared error boundary, as the CLI would, capturing what a user sees. */
export async function runCliTask(task: string, inputs: Record<string, string>, cwd: string): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const host = new CliHost(
    { task, inputs, json: false, verbose: false },
    (l) => stdout.push(l),
    (l) => stderr.push(l),
  );
  const outcome = await runTask(host, cwd);
  return { exitCode: outcome.exitCode, outputs: outcome.outputs, stdout, stderr };
}
