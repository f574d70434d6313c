// deploy-endpoint's mirror step and bake windows on Azure ML (the emulator, which checks every
// body against the REST spec): mirrorTraffic goes in the endpoint PUT as the spec and the CLI's
// `--mirror-traffic green=50` give it (deployment → percent), is removed before any live step,
// and the task measures from the runner.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StepAnalysis } from "../../src/tasks/deploy/analysis.js";
import { runCliTask } from "../helpers.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

describe("deploy-endpoint gates on Azure ML (emulator)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    work = join(cloud.dir, "deploy-gates");
    await mkdir(join(work, "serve"), { recursive: true });
    await mkdir(join(work, "model"), { recursive: true });
    await writeFile(join(work, "serve", "score.py"), "def init():\n    pass\n\ndef run(raw):\n    return raw\n");
    await writeFile(join(work, "model", "model.pkl"), "weights");
    await writeFile(join(work, "sample.json"), '{"data": [[1, 2]]}');
    const ws = await openWorkspace(cloud);
    await ws.models.register({ name: "churn-model", source: join(work, "model"), tags: {}, metrics: {} }, captureLog());
    await ws.close();
  });
  afterAll(() => cloud?.stop());

  const deploy = (inputs: Record<string, string>) =>
    runCliTask(
      "deploy-endpoint",
      {
        ...cloud.inputs,
        endpoint: "shadow",
        model: "churn-model:1",
        scoringScript: "serve/score.py",
        smokeTest: "sample.json",
        ...inputs,
      },
      work,
    );
  const endpointPuts = () =>
    cloud.emu
      .sent("PUT", /\/onlineEndpoints\/shadow$/)
      .map((r) => (r.body as { properties: { traffic: object; mirrorTraffic: object } }).properties);

  it("mirrors 50 % to the new deployment in the spec's shape, removes it before live traffic, and measures from the runner", async () => {
    const first = await deploy({ deployment: "blue" });
    expect(first.exitCode).toBe(0);
    const before = endpointPuts().length;

    const run = await deploy({
      deployment: "green",
      traffic: "50,100",
      burst: "0",
      bakeSeconds: "1",
      rps: "20",
      minRequests: "10",
      mirrorPercent: "50",
    });
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    // The emulator validated each body against the 2024-04-01 spec and accepted it.
    const puts = endpointPuts().slice(before);
    expect(puts.map((p) => [p.traffic, p.mirrorTraffic])).toEqual([
      [{ blue: 100 }, { green: 50 }],
      [{ blue: 100 }, {}],
      [{ blue: 50, green: 50 }, {}],
      [{ blue: 0, green: 100 }, {}],
    ]);
    // Live requests during the mirror window were copied by the service too.
    expect(cloud.emu.state.mirrored.get("green")).toBeGreaterThan(0);
    const steps = JSON.parse(run.outputs.analysis) as StepAnalysis[];
    expect(steps.map((s) => [s.step, s.source, s.verdict])).toEqual([
      ["mirror 50 %", "runner", "pass"],
      ["50 % bake", "runner", "pass"],
      ["100 % bake", "runner", "pass"],
    ]);
    // The runner sends the mirror copies itself (the service discards mirrored answers): every other request.
    expect(steps[0].deployments["green (mirror)"].requests).toBe(10);
    expect(steps[0].deployments.blue.requests).toBe(20);
  });

  it("a deployment failing its mirrored copies is rolled back with mirrorTraffic and traffic restored, never live", async () => {
    // red answers the smoke test, then fails every request.
    cloud.emu.state.failingAfter.set("red", 1);
    const before = endpointPuts().length;
    const run = await deploy({
      deployment: "red",
      traffic: "50,100",
      burst: "0",
      bakeSeconds: "1",
      rps: "20",
      minRequests: "4",
      mirrorPercent: "20",
    });
    expect(run.exitCode).toBe(1);
    const steps = JSON.parse(run.outputs.analysis) as StepAnalysis[];
    expect(steps).toHaveLength(1);
    expect(steps[0].deployments["red (mirror)"]).toMatchObject({ requests: 4, errors: 4 });
    // red never got live traffic; the mirror was set, then removed.
    const puts = endpointPuts().slice(before);
    expect(puts.every((p) => !("red" in p.traffic))).toBe(true);
    expect(puts.map((p) => [p.traffic, p.mirrorTraffic])).toEqual([
      [{ green: 100 }, { red: 20 }],
      [{ green: 100 }, {}],
      // The rollback's traffic restore.
      [{ green: 100 }, {}],
    ]);
    const ws = await openWorkspace(cloud);
    const state = await ws.endpoints.get("shadow");
    await ws.close();
    expect(state?.traffic).toEqual({ green: 100 });
    expect(state?.mirrorTraffic).toEqual({});
    expect(state?.deployments.map((d) => d.name)).toEqual(["green"]);
  });

  it("dryRun lists the mirror step and its removal among the planned requests, and sends none", async () => {
    const before = endpointPuts().length;
    const run = await deploy({
      deployment: "plum",
      traffic: "50,100",
      bakeSeconds: "1",
      rps: "20",
      minRequests: "10",
      mirrorPercent: "50",
      dryRun: "true",
    });
    expect(run.exitCode).toBe(0);
    const out = run.stdout.join("\n");
    expect(out).toContain("| mirror 50 % to plum | for 1 s, answers discarded, judged |");
    expect(out).toContain("| traffic 50 % to plum | green 50%, plum 50% (then 1 s of load at 20/s, judged) |");
    expect(out).toMatch(/PUT .*onlineEndpoints\/shadow/);
    expect(endpointPuts().length).toBe(before);
  });

  it("a bake too short for minRequests at the smallest step is refused before anything changes, with the size that works", async () => {
    const before = cloud.emu.sent("PUT", /\/deployments\//).length;
    const run = await deploy({ deployment: "teal", traffic: "10,100", bakeSeconds: "10" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toEqual([
      "error: input 'bakeSeconds': at 5 request(s)/s for 10 s the new deployment gets about 5 request(s) at the 10 % step, fewer than minRequests 20. Set bakeSeconds to at least 40 (minRequests × 100 / (rps × 10)), raise rps, or lower minRequests.",
    ]);
    expect(cloud.emu.sent("PUT", /\/deployments\//).length).toBe(before);

    // An endpoint's first deployment goes to 100 % at once: the same bake is enough there.
    const first = await runCliTask(
      "deploy-endpoint",
      {
        ...cloud.inputs,
        endpoint: "fresh",
        model: "churn-model:1",
        scoringScript: "serve/score.py",
        smokeTest: "sample.json",
        traffic: "10,100",
        burst: "0",
        bakeSeconds: "1",
        rps: "20",
      },
      work,
    );
    expect(first.stderr).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect((JSON.parse(first.outputs.analysis) as StepAnalysis[]).map((a) => [a.step, a.verdict])).toEqual([
      ["100 % bake", "pass"],
    ]);
  });
});
