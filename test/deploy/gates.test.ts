// deploy-endpoint's gate on real python3 scoring servers behind the real local router: each step
// judged by a bake window's measured errors, latency and request count, the mirror step, and the
// expected smoke-test answer. Thresholds sit far from what the fixtures do (a 300 ms sleep
// against a 100 ms ceiling, 10 % failures against 1 %, healthy runs with no latency ceiling
// below 10 s), so no outcome depends on this machine's speed.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliHost } from "../../src/hosts/cli.js";
import { runCli } from "../../src/hosts/cli-main.js";
import type { Log } from "../../src/run-context.js";
import type { StepAnalysis } from "../../src/tasks/deploy/analysis.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { stopServer } from "../../src/workspace/local/serving/process.js";
import { type CliRun, runCliTask, tempDir } from "../helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "models");
const SCORE = join(FIXTURES, "serve", "score.py");
const REQUEST = join(FIXTURES, "serve", "request.json");

const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

interface EndpointRecord {
  traffic: Record<string, number>;
  mirrorTraffic?: Record<string, number>;
  deployments: Record<string, unknown>;
}

describe("deploy-endpoint gates: bake windows, thresholds, mirror step, expected answer (local)", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-gates-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
    await ws.models.register({ name: "lin", source: join(FIXTURES, "linear-v1"), tags: {}, metrics: {} }, quiet);
    await ws.models.register({ name: "lin", source: join(FIXTURES, "linear-v2"), tags: {}, metrics: {} }, quiet);
  });

  afterEach(async () => {
    for (const e of await ws.endpoints.list()) await ws.endpoints.delete(e.name, quiet);
    await cleanup();
  });

  const deploy = (inputs: Record<string, string>): Promise<CliRun> =>
    runCliTask("deploy-endpoint", { endpoint: "web", scoringScript: SCORE, smokeTest: REQUEST, ...inputs }, dir);
  const record = async (): Promise<EndpointRecord> =>
    JSON.parse(await readFile(join(dir, ".mlops", "endpoints", "web.json"), "utf8"));
  const analysis = (run: CliRun): StepAnalysis[] => JSON.parse(run.outputs.analysis ?? "null");

  /** lin-v1 70 % and green 30 %: a split map a rollback must give back exactly. */
  async function splitEndpoint(): Promise<void> {
    const first = await deploy({ model: "lin:1" });
    expect(first.exitCode).toBe(0);
    const v2 = await ws.models.get("lin", "2");
    if (!v2) throw new Error("fixture model missing");
    await ws.endpoints.createDeployment(
      "web",
      { name: "green", model: v2, scoringScript: SCORE, codeDir: join(FIXTURES, "serve") },
      quiet,
    );
    await ws.endpoints.setTraffic("web", { "lin-v1": 70, green: 30 }, quiet);
  }

  async function expectRestored(): Promise<void> {
    const rec = await record();
    expect(rec.traffic).toEqual({ "lin-v1": 70, green: 30 });
    expect(rec.mirrorTraffic ?? {}).toEqual({});
    expect(Object.keys(rec.deployments).sort()).toEqual(["green", "lin-v1"]);
  }

  it("a deployment slower than maxLatencyMs (p95) is rolled back and the split traffic map restored exactly", async () => {
    await splitEndpoint();
    const run = await deploy({
      model: "lin:2",
      deployment: "slow",
      scoringScript: join(FIXTURES, "slow", "score.py"),
      traffic: "50,100",
      burst: "0",
      bakeSeconds: "2",
      rps: "10",
      minRequests: "5",
      maxLatencyMs: "100",
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: "RolledBack", rolledBack: "true" });
    const [step] = analysis(run);
    expect(step).toMatchObject({ step: "50 % bake", kind: "live", verdict: "fail", source: "router" });
    expect(step.traffic).toEqual({ "lin-v1": 35, green: 15, slow: 50 });
    // Every answer took at least the 300 ms the script sleeps.
    expect(step.deployments.slow.requests).toBe(10);
    expect(step.deployments.slow.p50).toBeGreaterThanOrEqual(300);
    expect(step.reasons.join()).toMatch(/^slow: p95 latency [\d.]+ ms is above maxLatencyMs 100 ms$/);
    expect(run.stderr.at(-1)).toMatch(/^error: rollout of slow rolled back: 50 % bake: fail: slow: p95 latency/);
    await expectRestored();
  });

  it("a deployment failing 10 % of requests is rolled back with the traffic map restored exactly", async () => {
    await splitEndpoint();
    const run = await deploy({
      model: "lin:2",
      deployment: "flaky",
      scoringScript: join(FIXTURES, "flaky", "score.py"),
      traffic: "50,100",
      burst: "0",
      bakeSeconds: "2",
      rps: "20",
      minRequests: "10",
    });
    expect(run.exitCode).toBe(1);
    const [step] = analysis(run);
    // 20 of the window's 40 requests went to flaky (calls 2 to 21 after the smoke test): calls 10 and 20 failed.
    expect(step.deployments.flaky).toMatchObject({ requests: 20, errors: 2, errorRate: 0.1 });
    expect(step.deployments["lin-v1"]).toMatchObject({ errors: 0 });
    expect(step.verdict).toBe("fail");
    expect(step.reasons).toEqual(["flaky: error rate 10 % (2 of 20) is above maxErrorRate 1 %"]);
    await expectRestored();
  });

  it("with mirrorPercent the failing deployment is rolled back before any live request reached it", async () => {
    await splitEndpoint();
    const run = await deploy({
      model: "lin:2",
      deployment: "flaky",
      scoringScript: join(FIXTURES, "flaky", "score.py"),
      traffic: "50,100",
      burst: "0",
      bakeSeconds: "2",
      rps: "20",
      minRequests: "10",
      mirrorPercent: "50",
    });
    expect(run.exitCode).toBe(1);
    const steps = analysis(run);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ step: "mirror 50 %", kind: "mirror", verdict: "fail" });
    expect(steps[0].mirrorTraffic).toEqual({ flaky: 50 });
    expect(steps[0].deployments["flaky (mirror)"]).toMatchObject({ kind: "mirror", requests: 20, errors: 2 });
    // Users got their answers from the old deployments only.
    expect(steps[0].deployments["lin-v1"].requests + steps[0].deployments.green.requests).toBe(40);
    expect(run.stdout.join("\n")).not.toMatch(/Endpoint web traffic: .*flaky=[1-9]/);
    // The router's own records: flaky answered the direct smoke test and mirrored copies, never a live request.
    const served = await ws.endpoints.served("web", 0);
    const byFlaky = served.records.filter((r) => r.deployment === "flaky");
    expect(byFlaky.filter((r) => r.kind === "live")).toEqual([]);
    expect(byFlaky.filter((r) => r.kind === "mirror")).toHaveLength(20);
    expect(byFlaky.filter((r) => r.kind === "direct")).toHaveLength(1);
    await expectRestored();
  });

  it("the local backend refuses what Azure ML refuses: mirror above 50 %, live and mirrored at once; `endpoints list` shows a mirror", async () => {
    await splitEndpoint();
    await expect(ws.endpoints.setMirror("web", { green: 60 }, quiet)).rejects.toThrow(/must be 0 to 50, got 60/);
    await expect(ws.endpoints.setMirror("web", { green: 10 }, quiet)).rejects.toThrow(/has live traffic/);
    await ws.endpoints.setTraffic("web", { "lin-v1": 100, green: 0 }, quiet);
    await ws.endpoints.setMirror("web", { green: 10 }, quiet);
    await expect(ws.endpoints.setTraffic("web", { "lin-v1": 50, green: 50 }, quiet)).rejects.toThrow(
      /green receives mirrored traffic/,
    );
    const out: string[] = [];
    const code = await runCli(
      ["endpoints", "list", "--workspace-dir", join(dir, ".mlops")],
      (o) =>
        new CliHost(
          o,
          (l) => out.push(l),
          (l) => out.push(l),
        ),
    );
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^web {2}http:\/\/127\.0\.0\.1:\d+\/score {2}lin-v1=100% green=0% {2}mirror green=10%$/);
  });

  it("a router an older build started (no records, no mirroring) is replaced on the next deploy", async () => {
    await deploy({ model: "lin:1" });
    const rec = JSON.parse(await readFile(join(dir, ".mlops", "endpoints", "web.json"), "utf8"));
    await stopServer(rec.router.pid);
    // An old router: healthy, the right endpoint, but no revision in its health answer and no /stats.
    const old = spawn(
      process.execPath,
      [
        "-e",
        `const s=require("http").createServer((q,r)=>{r.setHeader("content-type","application/json");r.end(JSON.stringify({status:"Healthy",endpoint:"web",pid:process.pid}))});s.listen(0,"127.0.0.1",()=>console.log(s.address().port));`,
        "router.mjs",
      ],
      { detached: true, stdio: ["ignore", "pipe", "ignore"] },
    );
    const port = Number(await new Promise<string>((r) => old.stdout?.once("data", (d) => r(String(d)))));
    rec.router = { pid: old.pid, port };
    await writeFile(join(dir, ".mlops", "endpoints", "web.json"), JSON.stringify(rec));
    const run = await deploy({ model: "lin:2", burst: "0", bakeSeconds: "1", rps: "20", minRequests: "10" });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.join("\n")).toContain("Endpoint web: restarting its router, started by an older mlops-action.");
    const after = JSON.parse(await readFile(join(dir, ".mlops", "endpoints", "web.json"), "utf8"));
    expect(after.router.pid).not.toBe(old.pid);
    expect(analysis(run)[0]).toMatchObject({ source: "router", verdict: "pass" });
    // Stopped by ensure(): it was ours (its command line names router.mjs).
    const gone = await new Promise<boolean>((r) => {
      if (old.exitCode !== null || old.signalCode !== null) return r(true);
      const timer = setTimeout(() => r(false), 5000);
      old.once("exit", () => {
        clearTimeout(timer);
        r(true);
      });
    });
    if (!gone) await stopServer(old.pid);
    expect(gone).toBe(true);
  });

  it("a healthy deployment passes the mirror step and every bake, and the analysis output holds the numbers", async () => {
    await splitEndpoint();
    const run = await deploy({
      model: "lin:2",
      deployment: "cand",
      traffic: "50,100",
      burst: "0",
      bakeSeconds: "1",
      rps: "20",
      minRequests: "10",
      maxLatencyMs: "10000",
      mirrorPercent: "50",
    });
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    const steps = analysis(run);
    expect(steps.map((s) => [s.step, s.kind, s.verdict])).toEqual([
      ["mirror 50 %", "mirror", "pass"],
      ["50 % bake", "live", "pass"],
      ["100 % bake", "live", "pass"],
    ]);
    expect(steps.map((s) => s.deployments[s.kind === "mirror" ? "cand (mirror)" : "cand"].requests)).toEqual([
      10, 10, 20,
    ]);
    for (const s of steps) {
      for (const n of Object.values(s.deployments)) {
        expect(n.errors).toBe(0);
        expect(n.p50).toBeGreaterThan(0);
        expect(n.p50).toBeLessThanOrEqual(n.p95);
        expect(n.p95).toBeLessThanOrEqual(n.p99);
      }
    }
    expect(steps[2].traffic).toEqual({ "lin-v1": 0, green: 0, cand: 100 });
    expect((await record()).traffic).toEqual({ cand: 100 });
    const summary = run.stdout.join("\n");
    expect(summary).toMatch(
      /\| step \| traffic \| deployment \| requests \| errors \| error rate \| p50 \| p95 \| p99 \| verdict \|/,
    );
    expect(summary).toMatch(/\| mirror 50 % \| lin-v1 70%, green 30%; mirror cand 50% \| /);
    expect(summary).toContain("```text\nmirror 50 % (pass)\n");
  });

  it("too few requests for the new deployment is inconclusive and rolls back; the sizing is said up front", async () => {
    await splitEndpoint();
    const run = await deploy({
      model: "lin:2",
      deployment: "cand",
      traffic: "10,100",
      burst: "0",
      bakeSeconds: "1",
      rps: "5",
    });
    expect(run.exitCode).toBe(1);
    const warning = run.stderr.find((l) => l.startsWith("warning:")) ?? "";
    expect(warning).toContain(
      "at 5 request(s)/s for 1 s the new deployment gets about 0 request(s) at the 10 % step, fewer than minRequests 20",
    );
    expect(warning).toContain("Set bakeSeconds to at least 40");
    const [step] = analysis(run);
    expect(step).toMatchObject({ step: "10 % bake", verdict: "inconclusive" });
    expect(step.reasons[0]).toMatch(/^cand served [01] request\(s\), fewer than minRequests 20: inconclusive$/);
    await expectRestored();
  });

  it("with evaluationData the bake sends its rows (label column left out), and a row the deployment cannot score rolls it back", async () => {
    await splitEndpoint();
    const rows = (bad: boolean) =>
      `x0,y,x1\n${Array.from({ length: 10 }, (_, i) => `${bad && i === 6 ? 13 : i},${i * 2},${i + 1}`).join("\n")}\n`;
    await writeFile(join(dir, "good.csv"), rows(false));
    await writeFile(join(dir, "bad.csv"), rows(true));
    const gate = {
      model: "lin:2",
      scoringScript: join(FIXTURES, "picky", "score.py"),
      traffic: "100",
      burst: "0",
      bakeSeconds: "2",
      rps: "10",
      minRequests: "10",
      labelColumn: "y",
    };
    const bad = await deploy({ ...gate, deployment: "picky", evaluationData: "bad.csv" });
    expect(bad.exitCode).toBe(1);
    // 20 requests cycle through the 10 rows twice: the row with x0 = 13 failed both times.
    expect(analysis(bad)[0].deployments.picky).toMatchObject({ requests: 20, errors: 2 });
    await expectRestored();

    // A registered dataset reads as compare-models reads it (name@version, name:version, name@latest).
    expect((await runCliTask("register-dataset", { name: "holdout", path: "good.csv" }, dir)).exitCode).toBe(0);
    const noVersion = await deploy({ ...gate, deployment: "picky", evaluationData: "holdout@7" });
    expect(noVersion.stderr).toEqual([
      "error: input 'evaluationData': dataset 'holdout' has no version 7. Use one of: 1, latest.",
    ]);
    // Every request would fail if the label column were sent (3 features instead of 2).
    const good = await deploy({ ...gate, deployment: "picky", evaluationData: "holdout@latest" });
    expect(good.stderr).toEqual([]);
    expect(good.exitCode).toBe(0);
    expect(analysis(good)[0].deployments.picky).toMatchObject({ requests: 20, errors: 0 });

    const typo = await deploy({ ...gate, deployment: "other", evaluationData: "good.csv", labelColumn: "target" });
    expect(typo.stderr).toEqual([
      "error: input 'labelColumn': 'target' is not a column of good.csv. Use one of: x0, y, x1.",
    ]);
  });

  it("smokeTestExpect: an answer within smokeTestTolerance passes; a mismatch names the path and both values", async () => {
    await deploy({ model: "lin:1" });
    // lin:2 answers {"predictions": [3.5, 1.5]} to the request.
    await writeFile(join(dir, "close.json"), '{"predictions": [3.5000001, 1.5]}');
    await writeFile(join(dir, "off.json"), '{"predictions": [3.5, 1.6]}');
    const off = await deploy({ model: "lin:2", smokeTestExpect: "off.json" });
    expect(off.exitCode).toBe(1);
    expect(off.stderr.at(-1)).toBe(
      "error: rollout of lin-v2 rolled back: smoke test of lin-v2 answered 1.5 at $.predictions[1] where off.json expects 1.6 (relative tolerance 0.000001)",
    );
    expect(off.stdout.join("\n")).not.toMatch(/Endpoint web traffic: .*lin-v2=[1-9]/);
    expect((await record()).traffic).toEqual({ "lin-v1": 100 });

    const tight = await deploy({ model: "lin:2", smokeTestExpect: "close.json", smokeTestTolerance: "1e-9" });
    expect(tight.exitCode).toBe(1);
    expect(tight.stderr.at(-1)).toContain("answered 3.5 at $.predictions[0] where close.json expects 3.5000001");

    const ok = await deploy({ model: "lin:2", smokeTestExpect: "close.json" });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout.join("\n")).toContain("Smoke test answer matches close.json (relative tolerance 0.000001)");
    // Without a bake window the analysis holds the burst's numbers (20 requests at the one step).
    expect(analysis(ok).map((a) => [a.step, a.kind, a.source, a.verdict, a.deployments["lin-v2"]?.requests])).toEqual([
      ["100 %", "burst", "runner", "pass", 20],
    ]);
    expect((await record()).traffic).toEqual({ "lin-v2": 100 });
  });

  it("bad gate inputs are one line naming the input and the fix, exit 1, before anything starts", async () => {
    await writeFile(join(dir, "broken.json"), '{\n  "predictions": [3.5,\n    oops]\n}');
    const cases: [Record<string, string>, RegExp][] = [
      [{ bakeSeconds: "-1" }, /^error: input 'bakeSeconds': '-1' is not a number of seconds\. Give 0 .*such as 60\.$/],
      [
        { mirrorPercent: "60", bakeSeconds: "60" },
        /^error: input 'mirrorPercent': '60' is not a whole percent from 0 to 50 .*Give a whole percent from 0 to 50/,
      ],
      [
        { maxErrorRate: "2" },
        /^error: input 'maxErrorRate': '2' is not a share of requests\. Give a share from 0 to 1/,
      ],
      [{ smokeTestExpect: "broken.json" }, /^error: .*smokeTestExpect.*broken\.json:3:5.*is not valid JSON/],
      [{ mirrorPercent: "10" }, /^error: input 'mirrorPercent': mirrorPercent 10 needs a bake window.*Set bakeSeconds/],
      [{ bakeSeconds: "60", smokeTest: "" }, /^error: input 'bakeSeconds': needs a request to send.*Set smokeTest/],
      [
        { evaluationData: "rows.csv" },
        /^error: input 'evaluationData': is only used by the bake load, and bakeSeconds is 0\. Set bakeSeconds/,
      ],
      [{ bakeSeconds: "60", labelColumn: "y" }, /^error: input 'labelColumn': is set but evaluationData is not\./],
      [
        { bakeSeconds: "60", evaluationData: "missing.csv" },
        /^error: input 'evaluationData': '.*missing\.csv' does not exist\. Give a CSV, JSON Lines or Parquet file, a folder of them, or a dataset reference/,
      ],
    ];
    for (const [inputs, message] of cases) {
      const run = await deploy({ model: "lin:1", ...inputs });
      expect(run.exitCode, JSON.stringify(inputs)).toBe(1);
      expect(run.stderr, JSON.stringify(inputs)).toHaveLength(1);
      expect(run.stderr[0]).toMatch(message);
    }
    expect(await ws.endpoints.list()).toEqual([]);
  });
});
