import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..");

function runDemo(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts", "demo-promote.mjs")], {
      cwd: ROOT,
      env: { ...process.env, MLOPS_DEMO_PROMOTE_DIR: dir, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

// `npm run demo:promote`, as a new user runs it: dev → registry → prod through the built CLI bundle.
describe("npm run demo:promote", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("mlops-demo-promote-"));
  });
  afterAll(() => cleanup());

  it("dev trains and publishes to the registry, prod deploys it to QA and production and scores; a second run promotes nothing", async () => {
    const base = join(dir, "promote");
    const first = await runDemo(base);
    expect(first.stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/); // never a stack trace
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain("Decision: promote");
    expect(first.stdout).toContain("Published diabetes-model:1 to registry mlops-registry as diabetes-model:1");
    // The lineage the registry holds, printed from its record.
    expect(first.stdout).toContain(`  sourceWorkspace=local workspace at ${join(base, "dev")}`);
    expect(first.stdout).toContain("  data=diabetes:1");
    expect(first.stdout).toContain("  champion=true");
    // Prod serves the registry's copy of the files, for QA and production alike.
    const modelDir = join(base, "mlops-registry", "models", "diabetes-model", "1");
    expect(first.stdout.split(`AZUREML_MODEL_DIR=${modelDir})`).length - 1).toBe(2);
    expect(first.stdout).toMatch(/response: 200 \[[-\d.]+(, [-\d.]+)*\]/);
    expect(first.stdout).toContain("Stopped endpoint diabetes");
    const prodModels = join(base, "prod", "models");
    await expect(readFile(join(prodModels, "diabetes-model", "1.json"))).rejects.toThrow(/ENOENT/);

    const second = await runDemo(base);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain("Unchanged: diabetes:1");
    expect(second.stdout).toContain("promotion skipped");
  }, 300_000);
});
