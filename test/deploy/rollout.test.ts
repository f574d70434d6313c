// The rollout is written against the EndpointService port only: these tests drive it with an
// in-memory endpoint service, the way the Azure ML backend plugs in, and check the exact order
// of calls a backend sees, including failures a local process cannot produce (a provisioning
// that ends Failed, a cancelled run, a rollback that cannot restore the traffic).
import { describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { blueGreen, type RolloutDeps, type RolloutPlan, readJournal } from "../../src/tasks/deploy/rollout.js";
import type {
  ArtifactStore,
  DeploymentState,
  EndpointService,
  EndpointState,
  ModelVersion,
  NewDeployment,
  ScoreResponse,
} from "../../src/workspace/workspace.js";

const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

class MemoryArtifacts implements ArtifactStore {
  files = new Map<string, string>();
  async write(path: string, content: string | Buffer): Promise<string> {
    this.files.set(path, content.toString());
    return path;
  }
  async read(path: string): Promise<Buffer | undefined> {
    const v = this.files.get(path);
    return v === undefined ? undefined : Buffer.from(v);
  }
  async append(path: string, line: string): Promise<string> {
    this.files.set(path, `${this.files.get(path) ?? ""}${line}\n`);
    return path;
  }
}

/** An endpoint service in memory: records every call, routes by the traffic map in fixed slots. */
class MemoryEndpoints implements EndpointService {
  calls: string[] = [];
  traffic: Record<string, number> = {};
  deployments = new Map<string, DeploymentState>();
  createStatus: DeploymentState["status"] = "Succeeded";
  failingScore = new Set<string>();
  onSetTraffic: (map: Record<string, number>) => void = () => {};
  private slot = 0;

  private state(): EndpointState {
    return {
      name: "ep",
      scoringUri: "https://ep.example/score",
      traffic: { ...this.traffic },
      deployments: [...this.deployments.values()],
    };
  }
  async get(): Promise<EndpointState | undefined> {
    return this.state();
  }
  async list(): Promise<EndpointState[]> {
    return [this.state()];
  }
  async ensure(): Promise<EndpointState> {
    this.calls.push("ensure");
    return this.state();
  }
  async createDeployment(_e: string, d: NewDeployment): Promise<DeploymentState> {
    this.calls.push(`create ${d.name}`);
    const state: DeploymentState = {
      name: d.name,
      model: `${d.model.name}:${d.model.version}`,
      status: this.createStatus,
    };
    this.deployments.set(d.name, state);
    return state;
  }
  async setTraffic(_e: string, traffic: Record<string, number>): Promise<EndpointState> {
    this.calls.push(`traffic ${JSON.stringify(traffic)}`);
    this.onSetTraffic(traffic);
    this.traffic = { ...traffic };
    return this.state();
  }
  async deleteDeployment(_e: string, d: string): Promise<void> {
    this.calls.push(`delete ${d}`);
    this.deployments.delete(d);
  }
  async invoke(_e: string, _body: string, deployment?: string): Promise<ScoreResponse> {
    let target = deployment;
    if (!target) {
      // Slot n of every 100 requests goes to the deployment whose share covers it.
      const n = this.slot++ % 100;
      let upTo = 0;
      for (const [d, p] of Object.entries(this.traffic).sort()) {
        upTo += p;
        if (n < upTo) {
          target = d;
          break;
        }
      }
    }
    this.calls.push(deployment ? `invoke ${deployment} directly` : "invoke");
    if (!target) return { status: 503, body: '{"message": "no traffic"}' };
    if (this.failingScore.has(target)) return { status: 500, body: '{"message": "boom"}', deployment: target };
    return { status: 200, body: "[1.5]", deployment: target };
  }
  async delete(): Promise<void> {}
}

const model: ModelVersion = { name: "m", version: "2", uri: "/models/m/2", tags: {}, metrics: {}, createdAt: "" };

function setup(saved: Record<string, number>) {
  const endpoints = new MemoryEndpoints();
  for (const d of Object.keys(saved)) endpoints.deployments.set(d, { name: d, model: "m:1", status: "Succeeded" });
  endpoints.traffic = { ...saved };
  const artifacts = new MemoryArtifacts();
  const controller = new AbortController();
  const deps: RolloutDeps = { endpoints, artifacts, log: quiet, signal: controller.signal };
  const plan: RolloutPlan = {
    endpoint: "ep",
    deployment: { name: "green", model, scoringScript: "/code/score.py", codeDir: "/code" },
    modelRef: "m:2",
    steps: [10, 50, 100],
    request: '{"data": [[1]]}',
    burst: 10,
  };
  const current = (): Promise<EndpointState> => endpoints.get() as Promise<EndpointState>;
  return { endpoints, artifacts, controller, deps, plan, current };
}

const condensed = (calls: string[]) => calls.filter((c, i) => !(c === "invoke" && calls[i - 1] === "invoke"));

describe("blue/green rollout through the EndpointService port", () => {
  it("creates at 0 %, smoke tests directly, shifts traffic in steps with a burst after each, then removes the old deployment", async () => {
    const { endpoints, artifacts, deps, plan, current } = setup({ blue: 100 });
    const outcome = await blueGreen(deps, plan, await current());
    expect(outcome).toMatchObject({ status: "Succeeded", rolledBack: false });
    expect(condensed(endpoints.calls)).toEqual([
      "create green",
      "invoke green directly",
      'traffic {"blue":90,"green":10}',
      "invoke",
      'traffic {"blue":50,"green":50}',
      "invoke",
      'traffic {"blue":0,"green":100}',
      "invoke",
      "delete blue",
    ]);
    expect(endpoints.calls.filter((c) => c === "invoke")).toHaveLength(30);
    expect(outcome.steps.map((s) => [s.step, s.requests, s.ok])).toEqual([
      ["smoke test", 1, true],
      ["10 %", 10, true],
      ["50 %", 10, true],
      ["100 %", 10, true],
    ]);
    expect(outcome.steps.at(-1)?.byNew).toBe(10);
    expect(await readJournal(artifacts, "ep")).toMatchObject({
      state: "succeeded",
      reached: 100,
      saved: { blue: 100 },
    });
  });

  it("a provisioning that ends Failed rolls back before any traffic moves", async () => {
    const { endpoints, deps, plan, current } = setup({ blue: 100 });
    endpoints.createStatus = "Failed";
    const outcome = await blueGreen(deps, plan, await current());
    expect(outcome).toMatchObject({ status: "RolledBack", rolledBack: true, error: "deployment green ended Failed" });
    expect(endpoints.calls).toEqual(["create green", 'traffic {"blue":100}', "delete green"]);
  });

  it("a failing burst restores the saved map exactly, with every deployment it named", async () => {
    const { endpoints, artifacts, deps, plan, current } = setup({ blue: 60, red: 40 });
    endpoints.failingScore.add("green");
    const outcome = await blueGreen(deps, { ...plan, request: "{}" }, await current());
    expect(outcome.rolledBack).toBe(true);
    // The smoke test went to green directly and failed there, before any traffic moved.
    expect(outcome.error).toBe('smoke test of green failed: HTTP 500: {"message": "boom"}');
    expect(endpoints.traffic).toEqual({ blue: 60, red: 40 });
    expect([...endpoints.deployments.keys()].sort()).toEqual(["blue", "red"]);
    expect(await readJournal(artifacts, "ep")).toMatchObject({ state: "rolled-back", reached: 0 });
  });

  it("failures from an old deployment that was already failing do not roll back its replacement", async () => {
    const { endpoints, deps, plan, current } = setup({ blue: 100 });
    endpoints.failingScore.add("blue");
    const rolledBack = await blueGreen(deps, plan, await current());
    expect(rolledBack).toMatchObject({ status: "RolledBack" });
    expect(rolledBack.error).toMatch(/^request 1 of 10 at 10 % \(answered by blue\) failed: HTTP 500/);

    const again = setup({ blue: 100 });
    again.endpoints.failingScore.add("blue");
    const outcome = await blueGreen(again.deps, { ...again.plan, alreadyFailing: ["blue"] }, await again.current());
    expect(outcome).toMatchObject({ status: "Succeeded", rolledBack: false });
    expect(outcome.steps.map((s) => s.note)).toEqual([
      undefined,
      "10 failed on already-failing blue",
      "10 failed on already-failing blue",
      undefined,
    ]);
    expect(again.endpoints.traffic).toEqual({ blue: 0, green: 100 });
    expect(again.endpoints.calls.at(-1)).toBe("delete blue");
  });

  it("a run cancelled mid-way (SIGTERM) rolls back to the saved map", async () => {
    const { endpoints, controller, deps, plan, current } = setup({ blue: 100 });
    endpoints.onSetTraffic = (map) => {
      if (map.green === 50) controller.abort();
    };
    const outcome = await blueGreen(deps, plan, await current());
    expect(outcome).toMatchObject({ status: "RolledBack", error: "cancelled" });
    expect(endpoints.calls.slice(-2)).toEqual(['traffic {"blue":100}', "delete green"]);
    expect(endpoints.traffic).toEqual({ blue: 100 });
  });

  it("when the traffic cannot be restored it throws and leaves the journal running for the next run to undo", async () => {
    const { endpoints, artifacts, deps, plan, current } = setup({ blue: 100 });
    endpoints.failingScore.add("green");
    const saved = current();
    plan.request = "{}";
    let restoring = false;
    endpoints.onSetTraffic = () => {
      if (restoring) throw new Error("409 Conflict: endpoint is busy");
    };
    endpoints.createStatus = "Succeeded";
    const original = endpoints.invoke.bind(endpoints);
    endpoints.invoke = async (e, b, d) => {
      const answer = await original(e, b, d);
      if (answer.status !== 200) restoring = true;
      return answer;
    };
    await expect(blueGreen(deps, plan, await saved)).rejects.toThrow("409 Conflict: endpoint is busy");
    expect(await readJournal(artifacts, "ep")).toMatchObject({
      state: "running",
      deployment: "green",
      saved: { blue: 100 },
    });
  });
});
