// deploy-endpoint reads the endpoint's Azure Monitor metrics after each bake window on Azure ML
// (the emulator answers them from the scoring requests it served, in the shape of the vendored
// metrics_API.json 2018-01-01): the GET is the spec's operation, the numbers appear in the
// analysis and the report beside the runner's, and an identity that may not read metrics gets
// one info line while the rollout goes on.
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StepAnalysis } from "../../src/tasks/deploy/analysis.js";
import { minuteTimespan } from "../../src/workspace/azureml/monitor-metrics.js";
import { monitorSpecs } from "../emulator/server.js";
import { DEFAULT_SPEC_ROOT } from "../emulator/spec-validator.js";
import { runCliTask } from "../helpers.js";
import { CLIENT, type Cloud, captureLog, openWorkspace, RG, SUB, startCloud, WS } from "./setup.js";

const METRICS = /\/providers\/Microsoft\.Insights\/metrics$/;
const ENDPOINT_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}/onlineEndpoints/watched`;

/** The query parameters the spec declares for Metrics_List, by name. */
function specQueryParameters(): string[] {
  const file = join(DEFAULT_SPEC_ROOT, "monitor", "2018-01-01", "metrics_API.json");
  const spec = JSON.parse(readFileSync(file, "utf8"));
  const op = spec.paths["/{resourceUri}/providers/Microsoft.Insights/metrics"].get;
  expect(op.operationId).toBe("Metrics_List");
  return (op.parameters as { $ref?: string; name?: string; in?: string }[])
    .map((p) => {
      if (!p.$ref) return p.in === "query" ? p.name : undefined;
      // The api-version parameter lives in the shared common-types file (not vendored here).
      if (p.$ref.includes("common-types/resource-management")) return "api-version";
      const param = spec.parameters[p.$ref.split("/").pop() as string];
      return param.in === "query" ? param.name : undefined;
    })
    .filter((n): n is string => n !== undefined);
}

describe("deploy-endpoint reads Azure Monitor metrics after each bake window (emulator)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    work = join(cloud.dir, "monitor-metrics");
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
        endpoint: "watched",
        model: "churn-model:1",
        scoringScript: "serve/score.py",
        smokeTest: "sample.json",
        ...inputs,
      },
      work,
    );
  // 100 requests a window: the emulator splits each 100 consecutive requests exactly by the traffic map.
  const bakeInputs = { traffic: "50,100", burst: "0", bakeSeconds: "2", rps: "50", minRequests: "20" };

  it("asks Metrics_List with the spec's path, api-version and query, and shows its numbers beside the runner's", async () => {
    expect((await deploy({ deployment: "blue" })).exitCode).toBe(0);
    const before = cloud.emu.sent("GET", METRICS).length;

    const run = await deploy({ deployment: "green", ...bakeInputs });
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);

    // One GET per bake window, below the endpoint's ARM id, with only query parameters the spec declares.
    const gets = cloud.emu.sent("GET", METRICS).slice(before);
    expect(gets).toHaveLength(2);
    const declared = specQueryParameters();
    for (const g of gets) {
      expect(g.path).toBe(`${ENDPOINT_ID}/providers/Microsoft.Insights/metrics`);
      expect(Object.keys(g.query).filter((k) => !declared.includes(k))).toEqual([]);
      expect(g.query).toMatchObject({
        "api-version": "2018-01-01",
        interval: "PT1M",
        metricnames: "RequestsPerMinute,RequestLatency_P95,RequestLatency_P99",
        aggregation: "Average",
        $filter: "deployment eq '*'",
      });
      // Whole minutes, the metrics' grain.
      expect(g.query.timespan).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z\/\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
      // The path is the spec's operation (its {resourceUri} is the whole endpoint id), and the
      // emulator's answer to it has the spec's response shape.
      const reply = cloud.emu.state.route(g);
      expect(reply.status).toBe(200);
      const check = monitorSpecs.checkResponse({
        method: "GET",
        path: g.path,
        apiVersion: "2018-01-01",
        status: 200,
        body: reply.body,
      });
      expect(check.operationId).toBe("Metrics_List");
      expect([...check.errors, ...check.warnings]).toEqual([]);
    }
    expect(cloud.emu.specViolations).toEqual([]);

    // The analysis carries the service's counts for each window: what the emulator had served in
    // the same whole minutes when asked (earlier steps' requests count too: the grain is a minute).
    const steps = JSON.parse(run.outputs.analysis) as StepAnalysis[];
    expect(steps.map((s) => [s.step, s.verdict, s.platform?.available])).toEqual([
      ["50 % bake", "pass", true],
      ["100 % bake", "pass", true],
    ]);
    for (const s of steps) {
      const p = s.platform;
      if (!p?.available) throw new Error("no platform metrics");
      expect(p.timespan).toBe(gets[steps.indexOf(s)].query.timespan);
      const [from, to] = p.timespan.split("/").map((t) => Date.parse(t));
      const served = (d: string) =>
        cloud.emu.state.scoringLog.filter(
          (r) => r.endpoint === "watched" && r.deployment === d && r.at >= from && r.at < to,
        ).length;
      const last = s === steps.at(-1);
      for (const [d, n] of Object.entries(p.deployments)) {
        // Nothing was scored after the last window's GET; an earlier GET saw fewer than now.
        if (last) expect([d, n.requests]).toEqual([d, served(d)]);
        else expect(n.requests).toBeLessThanOrEqual(served(d));
      }
      // The runner's window lies inside the metrics' minutes: the service saw at least what it measured.
      expect(p.deployments.green.requests).toBeGreaterThanOrEqual(s.deployments.green.requests);
      expect(p.deployments.green.p95).toBe(0);
    }
    const out = run.stdout.join("\n");
    expect(out).toContain("#### The endpoint's own metrics (Azure Monitor)");
    expect(out).toContain(`| 50 % bake | ${steps[0].platform?.available && steps[0].platform.timespan} |`);
  });

  it("an identity that may not read metrics gets one info line naming Monitoring Reader, and the rollout succeeds", async () => {
    cloud.emu.state.metricsDenied.add(CLIENT);
    try {
      const before = cloud.emu.sent("GET", METRICS).length;
      const run = await deploy({ deployment: "teal", ...bakeInputs });
      expect(run.stderr).toEqual([]);
      expect(run.exitCode).toBe(0);
      // Refused once, then not asked again.
      expect(cloud.emu.sent("GET", METRICS).length - before).toBe(1);
      const lines = run.stdout.filter((l) => /Monitoring Reader/.test(l));
      expect(lines.filter((l) => l.includes("Platform metrics are not shown"))).toEqual([
        expect.stringContaining(
          "the signed-in identity may not read Azure Monitor metrics (403): the 'Monitoring Reader' role",
        ),
      ]);
      const steps = JSON.parse(run.outputs.analysis) as StepAnalysis[];
      expect(steps.map((s) => [s.step, s.verdict])).toEqual([
        ["50 % bake", "pass"],
        ["100 % bake", "pass"],
      ]);
      expect(steps[0].platform).toMatchObject({ available: false, final: true });
      expect(steps[1].platform).toBeUndefined();
    } finally {
      cloud.emu.state.metricsDenied.delete(CLIENT);
    }
  });

  it("the timespan is the window widened to whole minutes, at least one", () => {
    const at = (t: string) => new Date(`2026-01-01T${t}Z`);
    expect(minuteTimespan({ start: at("10:00:10"), end: at("10:00:11") })).toBe(
      "2026-01-01T10:00:00.000Z/2026-01-01T10:01:00.000Z",
    );
    expect(minuteTimespan({ start: at("10:00:59"), end: at("10:01:01") })).toBe(
      "2026-01-01T10:00:00.000Z/2026-01-01T10:02:00.000Z",
    );
    expect(minuteTimespan({ start: at("10:00:00"), end: at("10:00:00") })).toBe(
      "2026-01-01T10:00:00.000Z/2026-01-01T10:01:00.000Z",
    );
  });
});
