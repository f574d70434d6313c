// A task whose work is done does not fail because its job summary cannot be written: the GitHub
// host runs in-process with INPUT_* variables, and GITHUB_STEP_SUMMARY names a folder.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { tempDir } from "../helpers.js";

const DATA = join(import.meta.dirname, "..", "..", "examples", "data", "diabetes.csv");
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-summary-"));
});
afterAll(() => cleanup());

it("an unwritable job summary is a warning annotation; the task succeeds with its outputs", async () => {
  const { GitHubHost } = await import("../../src/hosts/github.js");
  const { runTask } = await import("../../src/hosts/run-task.js");
  const summary = join(dir, "summary-is-a-folder");
  await mkdir(summary);
  const env: Record<string, string> = {
    GITHUB_STEP_SUMMARY: summary,
    INPUT_TASK: "validate-data",
    INPUT_DATA: DATA,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const seen: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    seen.push(String(chunk));
    return true;
  });
  let outcome: Awaited<ReturnType<typeof runTask>>;
  try {
    outcome = await runTask(new GitHubHost(process.env), dir);
  } finally {
    spy.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const lines = seen.join("").split(/\r?\n/);
  expect(outcome.exitCode).toBe(0);
  expect(outcome.outputs.passed).toBe("true");
  expect(lines.filter((l) => l.startsWith("::error"))).toEqual([]);
  expect(lines.find((l) => l.startsWith("::warning"))).toMatch(
    /^::warning::The job summary could not be written \(.*\); the task's work is done\.$/,
  );
});
