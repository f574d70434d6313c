import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..");

function runDemo(workspace: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts", "demo.mjs")], {
      cwd: ROOT,
      env: { ...process.env, MLOPS_DEMO_WORKSPACE: workspace, NO_COLOR: "1" },
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

// `npm run demo`, as a new user runs it: the whole flow through the built CLI bundle.
describe("npm run demo", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("mlops-demo-"));
  });
  afterAll(() => cleanup());

  it("registers, validates, trains, compares, deploys blue/green and scores, rolls out a batch endpoint (and back a broken one); a second run changes nothing", async () => {
    const ws = join(dir, "ws");
    const first = await runDemo(ws);
    expect(first.stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/); // never a stack trace
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain("Registered diabetes:1");
    expect(first.stdout).toMatch(/\[train\]/);
    expect(first.stdout).toContain("Decision: promote");
    expect(first.stdout).toMatch(/Smoke test answered HTTP 200/);
    expect(first.stdout).toMatch(/response: 200 \[[-\d.]+(, [-\d.]+)*\]/);
    expect(first.stdout).toContain("Stopped endpoint diabetes");
    // The batch endpoint: the champion scored the eight CSV files (442 rows) and became the default.
    expect(first.stdout).toMatch(/Scoring job \S+ passed: 8 file\(s\), 0 failed, 442 row\(s\) in predictions\.csv/);
    expect(first.stdout).toMatch(
      /Batch job \S+: 442 rows in .*predictions\.csv; the first three:\npart-01\.csv,1,[-\d.]+\n/,
    );
    // The broken script was rolled back with one line naming the file it failed on (after Azure
    // ML's default 3 retries of the mini-batch), and the champion's deployment is still the batch
    // endpoint's default.
    expect(first.stderr).toMatch(
      /error: rollout of broken-candidate rolled back: scoring job \S+ ended Failed: 2 of 8 file\(s\) failed, .*demo bug: cannot score part-05\.csv; retried 3 times \(.*score\.py:\d+\)/,
    );
    expect(first.stdout).toContain("Rolled back, as it should be.");
    expect(first.stdout).toMatch(/diabetes-nightly {2}batch {2}default diabetes-model-v1\n {2}diabetes-model-v1 /);
    expect(first.stdout).not.toContain("broken-candidate  diabetes-model");

    const second = await runDemo(ws);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain("Unchanged: diabetes:1");
    expect(second.stdout).toMatch(/reused/i);
    expect(second.stdout).toContain("deployment skipped");
  });
});
