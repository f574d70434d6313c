// @github/local-action runs an action on a workstation by importing its entry module and calling
// the exported run(), with its own stand-in for @actions/core (inputs from a .env file, outputs
// shown in a table). src/entry/github-main.ts is that module. The tool itself is not a
// devDependency (it would move @azure/storage-common in the bundle to a release that needs Node 22;
// docs/local-runs.md runs it with npx), so this drives run() the way it does: import, call, read.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { tempDir } from "../helpers.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-local-action-"));
  await writeFile(join(dir, "data.csv"), "age,bmi,target\n59,32.1,151\n48,21.6,75\n");
});
afterAll(() => cleanup());

/** Imports the entry module and calls run() with `env` set, as the tool does; stdout and exit code back. */
async function callRun(
  env: Record<string, string>,
): Promise<{ exitCode: number | string | undefined; lines: string[] }> {
  const mod = (await import("../../src/entry/github-main.js")) as { run?: unknown };
  expect(mod.run).toBeTypeOf("function");
  const run = mod.run as () => Promise<void>;
  const keys = [...Object.keys(env), "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"];
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  const savedExit = process.exitCode;
  for (const k of ["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"]) delete process.env[k];
  Object.assign(process.env, env);
  const seen: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    seen.push(String(chunk));
    return true;
  });
  try {
    process.exitCode = undefined;
    await run();
    return { exitCode: process.exitCode, lines: seen.join("").split(/\r?\n/).filter(Boolean) };
  } finally {
    spy.mockRestore();
    process.exitCode = savedExit;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const INPUTS = () => ({
  INPUT_TASK: "register-dataset",
  INPUT_NAME: "diabetes",
  INPUT_PATH: join(dir, "data.csv"),
  INPUT_WORKSPACEDIR: join(dir, ".mlops"),
});

it("the entry module exports run(), which performs the task the inputs name and sets the exit code", async () => {
  const output = join(dir, "github_output");
  await writeFile(output, "");
  const first = await callRun({ ...INPUTS(), GITHUB_OUTPUT: output });
  expect(first.exitCode).toBe(0);
  expect(first.lines).toContain(`mlops-action register-dataset on the local workspace at ${join(dir, ".mlops")}`);
  expect(await readFile(output, "utf8")).toMatch(/^version<<ghadelimiter_[0-9a-f-]{36}\n1\nghadelimiter_/m);
  expect(existsSync(join(dir, ".mlops", "datasets", "diabetes", "1"))).toBe(true);
});

it("with no GITHUB_OUTPUT (the tool sets none) it writes through @actions/core, which the tool replaces", async () => {
  const again = await callRun(INPUTS());
  expect(again.exitCode).toBe(0);
  // @actions/core's own form for outputs without a file; the tool's stand-in records them instead.
  expect(again.lines).toContain("::set-output name=version::1");
  expect(again.lines).toContain("::set-output name=changed::false");
});

it("a bad input: exit code 1 and one error annotation, no stack trace", async () => {
  const bad = await callRun({ INPUT_TASK: "register-dataset", INPUT_NAME: "diabetes" });
  expect(bad.exitCode).toBe(1);
  expect(bad.lines.filter((l) => l.startsWith("::error"))).toEqual([
    expect.stringMatching(/^::error::input 'path': missing \(required by register-dataset\)/),
  ]);
  expect(bad.lines.join("\n")).not.toMatch(/\n\s+at /);
});
