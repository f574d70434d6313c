import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliHost } from "../../src/hosts/cli.js";
import { runCli } from "../../src/hosts/cli-main.js";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
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

interface Record {
  traffic: { [d: string]: number };
  router: { pid: number; port: number };
  deployments: { [d: string]: { server?: { pid: number; port: number } } };
  schemaVersion: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

describe("deploy-endpoint on local endpoints (real python3 servers, real HTTP)", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-deploy-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
    await ws.models.register({ name: "lin", source: join(FIXTURES, "linear-v1"), tags: {}, metrics: {} }, quiet);
    await ws.models.register({ name: "lin", source: join(FIXTURES, "linear-v2"), tags: {}, metrics: {} }, quiet);
  });

  afterEach(async () => {
    // Every process a test started is stopped through the same call `mlops endpoints stop` uses.
    for (const e of await ws.endpoints.list()) await ws.endpoints.delete(e.name, quiet);
    await cleanup();
  });

  const deploy = (inputs: { [k: string]: string }): Promise<CliRun> =>
    runCliTask("deploy-endpoint", { endpoint: "web", scoringScript: SCORE, smokeTest: REQUEST, ...inputs }, dir);
  const record = async (): Promise<Record> =>
    JSON.parse(await readFile(join(dir, ".mlops", "endpoints", "web.json"), "utf8"));
  const score = async (uri: string, headers: { [k: string]: string } = {}) => {
    const res = await fetch(uri, {
      method: "POST",
      body: await readFile(REQUEST, "utf8"),
      headers: { "content-type": "application/json", ...headers },
    });
    return { status: res.status, body: await res.json(), deployment: res.headers.get("azureml-model-deployment") };
  };

  it("first deploy: the model answers on the endpoint's scoring URI with all traffic", async () => {
    const run = await deploy({ model: "lin:1" });
    expect(run.stderr.filter((l) => l.startsWith("error"))).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ deployment: "lin-v1", status: "Succeeded", rolledBack: "false" });
    expect(run.outputs.scoringUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/score$/);
    // model.json of v1: 1 + 2*x0 + 0.5*x1
    const answer = await score(run.outputs.scoringUri);
    expect(answer).toEqual({ status: 200, body: { predictions: [4, 3] }, deployment: "lin-v1" });
    const rec = await record();
    expect(rec.schemaVersion).toBe(1);
    expect(rec.traffic).toEqual({ "lin-v1": 100 });
    expect(run.stdout.join("\n")).toContain("Smoke test answered HTTP 200");
  });

  it("blue/green: the second model takes traffic in steps, then the old deployment and its process are gone", async () => {
    const first = await deploy({ model: "lin:1" });
    const oldPid = (await record()).deployments["lin-v1"].server?.pid ?? 0;
    expect(alive(oldPid)).toBe(true);

    const second = await deploy({ model: "lin@latest", traffic: "10,50,100", burst: "10" });
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({ deployment: "lin-v2", status: "Succeeded", rolledBack: "false" });
    expect(second.outputs.scoringUri).toBe(first.outputs.scoringUri);
    const out = second.stdout.join("\n");
    expect(out).toContain("Endpoint web traffic: lin-v1=90%, lin-v2=10%");
    expect(out).toContain("Endpoint web traffic: lin-v1=50%, lin-v2=50%");
    expect(out).toContain("Endpoint web traffic: lin-v1=0%, lin-v2=100%");
    // The router splits exactly by the map: 1 of 10 requests at 10 %, 5 at 50 %, all at 100 %.
    expect(out).toContain("10 request(s) answered, 1 by lin-v2");
    expect(out).toContain("10 request(s) answered, 5 by lin-v2");
    expect(out).toContain("10 request(s) answered, 10 by lin-v2");
    expect(out).toMatch(/\| 10 % \| lin-v1 90%, lin-v2 10% \| 10 \| 1 \| ✅ \|/);

    const rec = await record();
    expect(rec.traffic).toEqual({ "lin-v2": 100 });
    expect(Object.keys(rec.deployments)).toEqual(["lin-v2"]);
    expect(await waitGone(oldPid)).toBe(true);
    // model.json of v2: 0.5 + 2.5*x0 + 0.25*x1
    expect(await score(second.outputs.scoringUri)).toEqual({
      status: 200,
      body: { predictions: [3.5, 1.5] },
      deployment: "lin-v2",
    });

    // Deploying what already serves everything changes nothing.
    const again = await deploy({ model: "lin:2" });
    expect(again.exitCode).toBe(0);
    expect(again.stdout.join("\n")).toContain("already serves lin:2 with all traffic");
    expect((await record()).deployments["lin-v2"].server?.pid).toBe(rec.deployments["lin-v2"].server?.pid);
  });

  it("a score.py that raises in init() rolls back: the old deployment keeps all traffic and still answers", async () => {
    const first = await deploy({ model: "lin:1" });
    const broken = await deploy({ model: "lin:2", scoringScript: join(FIXTURES, "broken-init", "score.py") });
    expect(broken.exitCode).toBe(1);
    expect(broken.outputs).toMatchObject({ deployment: "lin-v2", status: "RolledBack", rolledBack: "true" });
    expect(broken.stderr.at(-1)).toMatch(
      /^error: rollout of lin-v2 rolled back: deployment lin-v2 exited with code 3: .*broken-init\/score\.py:6: FileNotFoundError: no weights.bin in .*\(log: .*server\.log\)$/,
    );
    // The tail of the server's log shows the user why.
    expect(broken.stdout.join("\n")).toContain("FileNotFoundError: no weights.bin in");
    const rec = await record();
    expect(rec.traffic).toEqual({ "lin-v1": 100 });
    expect(Object.keys(rec.deployments)).toEqual(["lin-v1"]);
    expect(await score(first.outputs.scoringUri)).toMatchObject({ status: 200, deployment: "lin-v1" });
  });

  it("a deployment failing under traffic rolls back mid-way and restores a split traffic map exactly", async () => {
    await deploy({ model: "lin:1" });
    // A second live deployment sharing traffic, set up through the workspace as an operator would.
    const v2 = await ws.models.get("lin", "2");
    if (!v2) throw new Error("fixture model missing");
    await ws.endpoints.createDeployment(
      "web",
      { name: "green", model: v2, scoringScript: SCORE, codeDir: join(FIXTURES, "serve") },
      quiet,
    );
    await ws.endpoints.setTraffic("web", { "lin-v1": 70, green: 30 }, quiet);

    const run = await deploy({
      model: "lin:2",
      deployment: "flaky",
      scoringScript: join(FIXTURES, "broken-run", "score.py"),
      traffic: "10,50,100",
      burst: "10",
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: "RolledBack", rolledBack: "true" });
    const out = run.stdout.join("\n");
    expect(out).toContain("Smoke test answered HTTP 200");
    expect(out).toContain("Endpoint web traffic: lin-v1=63%, green=27%, flaky=10%");
    expect(run.stderr.join("\n")).toMatch(
      /at 10 % \(answered by flaky\) failed: HTTP 500: .*RuntimeError: model state corrupted/,
    );
    const rec = await record();
    expect(rec.traffic).toEqual({ "lin-v1": 70, green: 30 });
    expect(Object.keys(rec.deployments).sort()).toEqual(["green", "lin-v1"]);
    const uri = (await ws.endpoints.get("web"))?.scoringUri ?? "";
    const answers = await Promise.all(Array.from({ length: 10 }, () => score(uri)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.deployment === "green")).toHaveLength(3);
  });

  it("a re-run after an interrupted rollout undoes it, then rolls out cleanly", async () => {
    await deploy({ model: "lin:1" });
    // What a runner killed at the 10 % step leaves behind: the new deployment with some traffic and the journal.
    const v2 = await ws.models.get("lin", "2");
    if (!v2) throw new Error("fixture model missing");
    await ws.endpoints.createDeployment(
      "web",
      { name: "lin-v2", model: v2, scoringScript: SCORE, codeDir: join(FIXTURES, "serve") },
      quiet,
    );
    await ws.endpoints.setTraffic("web", { "lin-v1": 90, "lin-v2": 10 }, quiet);
    const journal = {
      endpoint: "web",
      deployment: "lin-v2",
      model: "lin:2",
      saved: { "lin-v1": 100 },
      reached: 10,
      state: "running",
      startedAt: "2026-01-01T00:00:00.000Z",
    };
    await ws.artifacts.write("rollouts/web.json", JSON.stringify(journal));

    const run = await deploy({ model: "lin:2", traffic: "50,100", burst: "4" });
    expect(run.exitCode).toBe(0);
    expect(run.stderr.join("\n")).toContain("was interrupted at 10 %: undoing it");
    expect(run.stdout.join("\n")).toContain("Restored traffic: lin-v1 100%");
    expect((await record()).traffic).toEqual({ "lin-v2": 100 });
    const saved = JSON.parse((await ws.artifacts.read("rollouts/web.json"))?.toString() ?? "{}");
    expect(saved).toMatchObject({ deployment: "lin-v2", state: "succeeded", reached: 100 });
  });

  it("reports a dead deployment process and a dead router clearly, and restarts the router on the next deploy", async () => {
    const first = await deploy({ model: "lin:1" });
    const rec = await record();
    process.kill(rec.deployments["lin-v1"].server?.pid ?? 0, "SIGKILL");
    expect(await waitGone(rec.deployments["lin-v1"].server?.pid ?? 0)).toBe(true);
    const state = await ws.endpoints.get("web");
    expect(state?.deployments[0]).toMatchObject({
      name: "lin-v1",
      status: "Failed",
      error: expect.stringMatching(/process \d+ is gone \(log: .*server\.log\)/),
    });
    expect((await ws.endpoints.invoke("web", "{}")).status).toBe(502);

    process.kill(rec.router.pid, "SIGKILL");
    expect(await waitGone(rec.router.pid)).toBe(true);
    expect((await ws.endpoints.get("web"))?.error).toMatch(/^router process \d+ is gone/);
    await expect(ws.endpoints.invoke("web", "{}")).rejects.toThrow(
      /endpoint web did not answer: router process \d+ is gone/,
    );

    // The next rollout brings the endpoint back on the same scoring URI.
    // Half the requests at the 50 % step reach the dead deployment: not the new one's fault.
    const next = await deploy({ model: "lin:2", traffic: "50,100", burst: "10" });
    expect(next.exitCode).toBe(0);
    expect(next.stderr.join("\n")).toMatch(/Deployment lin-v1 is not serving: process \d+ is gone/);
    expect(next.stderr.join("\n")).toContain(
      "5 request(s) at 50 % failed on deployment(s) already failing before this rollout: lin-v1",
    );
    expect(next.outputs.scoringUri).toBe(first.outputs.scoringUri);
    expect(await score(next.outputs.scoringUri)).toMatchObject({ status: 200, deployment: "lin-v2" });
  });

  it("refuses to start while another live process on this machine is rolling out the same endpoint", async () => {
    await deploy({ model: "lin:1" });
    const journal = {
      endpoint: "web",
      deployment: "lin-v2",
      model: "lin:2",
      saved: { "lin-v1": 100 },
      reached: 0,
      state: "running",
      startedAt: "2026-01-01T00:00:00.000Z",
      host: hostname(),
      pid: process.ppid,
    };
    await ws.artifacts.write("rollouts/web.json", JSON.stringify(journal));
    const run = await deploy({ model: "lin:2" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.at(-1)).toMatch(
      new RegExp(
        `input 'endpoint': another rollout \\(lin-v2, process ${process.ppid}, .*\\) is in progress on endpoint web\\. Wait for it`,
      ),
    );
    expect((await record()).traffic).toEqual({ "lin-v1": 100 });
  });

  it("`mlops endpoints list` shows traffic and a dead deployment; `mlops endpoints stop` stops every process", async () => {
    await deploy({ model: "lin:1" });
    const rec = await record();
    const pid = rec.deployments["lin-v1"].server?.pid ?? 0;
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const code = await runCli(
        [...argv, "--workspace-dir", join(dir, ".mlops")],
        (o) =>
          new CliHost(
            o,
            (l) => out.push(l),
            (l) => out.push(l),
          ),
      );
      return { code, out: out.join("\n") };
    };
    const listed = await cli("endpoints", "list");
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(
      /^web {2}http:\/\/127\.0\.0\.1:\d+\/score {2}lin-v1=100%\n {2}lin-v1 {2}lin:1 {2}Succeeded$/,
    );

    process.kill(pid, "SIGKILL");
    expect(await waitGone(pid)).toBe(true);
    expect((await cli("endpoints", "list")).out).toMatch(
      / {2}lin-v1 {2}lin:1 {2}Failed: process \d+ is gone \(log: .*server\.log\)/,
    );

    expect((await cli("endpoints", "stop", "web")).out).toContain("Stopped endpoint web.");
    expect(await waitGone(rec.router.pid)).toBe(true);
    expect((await cli("endpoints", "list")).out).toBe("No local endpoints.");
  });

  it("dryRun shows the planned changes and changes nothing", async () => {
    await deploy({ model: "lin:1" });
    const before = await record();
    const run = await deploy({ model: "lin:2", traffic: "25,100", dryRun: "true" });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ deployment: "lin-v2", status: "Planned", rolledBack: "false" });
    const out = run.stdout.join("\n");
    expect(out).toContain("| create deployment lin-v2 at 0 % | lin:2, ");
    expect(out).toContain("| traffic 25 % to lin-v2 | lin-v1 75%, lin-v2 25% |");
    expect(out).toContain("| delete deployment lin-v1 | once at 0 % |");
    expect(await record()).toEqual(before);

    // name@champion picks the version compare-models tagged.
    await ws.models.setTags("lin", "2", { champion: "true" });
    const champion = await deploy({ model: "lin@champion", dryRun: "true" });
    expect(champion.outputs).toMatchObject({ deployment: "lin-v2", status: "Planned" });
  });

  it("a deployment sees its model folder, a chunked request body whole, and no CI credentials", async () => {
    const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, INPUT_TOKEN: process.env.INPUT_TOKEN };
    process.env.GITHUB_TOKEN = "ghs_secret";
    process.env.INPUT_TOKEN = "also-secret";
    let run: CliRun;
    try {
      run = await deploy({ model: "lin:1", scoringScript: join(FIXTURES, "echo-env", "score.py") });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(run.exitCode).toBe(0);
    const port = Number(new URL(run.outputs.scoringUri).port);
    // No content-length: Node sends the body in chunks, as streaming clients do.
    const answer = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, path: "/score", method: "POST", headers: { "content-type": "application/json" } },
        (res) => {
          let body = "";
          res.on("data", (c) => {
            body += c;
          });
          res.on("end", () => resolve(body));
        },
      );
      req.on("error", reject);
      req.write('{"data": ');
      req.end("[[1, 2]]}");
    });
    expect(JSON.parse(answer)).toEqual({
      request: { data: [[1, 2]] },
      model_dir: join(dir, ".mlops", "models", "lin", "1"),
      github_token: null,
      input_secret: null,
      cwd_has_score: true,
    });
  });

  it("serves a score.py at the checkout's root, beside the workspace, with its helper modules", async () => {
    await cp(join(FIXTURES, "serve-pkg"), dir, { recursive: true });
    const run = await deploy({ model: "lin:1", scoringScript: "score.py" });
    expect(run.exitCode).toBe(0);
    const answer = await score(run.outputs.scoringUri);
    expect(answer).toEqual({
      status: 200,
      body: {
        doubled: [
          [2, 4],
          [0, 8],
        ],
      },
      deployment: "lin-v1",
    });
    // The snapshot of the code holds the script and its helpers, not the workspace.
    const code = join(dir, ".mlops", "endpoints", "web", "deployments", "lin-v1", "code");
    expect((await readdir(code)).sort()).toEqual(["lib", "score.py"]);
  });

  it("says which Python it could not run (MLOPS_PYTHON) and rolls back", async () => {
    const saved = process.env.MLOPS_PYTHON;
    process.env.MLOPS_PYTHON = join(dir, "no-such-python");
    let run: CliRun;
    try {
      run = await deploy({ model: "lin:1" });
    } finally {
      if (saved === undefined) delete process.env.MLOPS_PYTHON;
      else process.env.MLOPS_PYTHON = saved;
    }
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ status: "RolledBack", rolledBack: "true" });
    expect(run.stderr.at(-1)).toMatch(
      /cannot run '.*no-such-python' to serve the scoring script .*Install Python 3, or set MLOPS_PYTHON.*; endpoint web was created by this run and has been removed$/,
    );
    // A failed first rollout leaves no endpoint behind (test/deploy/first-rollout-failure.test.ts).
    expect(await ws.endpoints.get("web")).toBeUndefined();
  });

  it("rejects bad input before it changes anything", async () => {
    await writeFile(join(dir, "bad.json"), '{\n  "data": [1, 2,]\n}\n');
    const cases: [{ [k: string]: string }, RegExp][] = [
      [{ model: "lin:1", traffic: "50,10,100" }, /input 'traffic': step 10 \(column 4\) does not increase on 50/],
      [{ model: "lin:1", traffic: "10,50" }, /input 'traffic': the last step is 50, not 100\. End the steps at 100/],
      [{ model: "lin:1", traffic: "10,abc,100" }, /input 'traffic': step 'abc' \(column 4\) is not a whole percent/],
      [{ model: "lin:1", smokeTest: "bad.json" }, /input 'smokeTest', .*bad\.json:2:17: is not valid JSON/],
      [
        { model: "lin:9" },
        /input 'model': model lin:9 is not registered in the workspace\. Registered versions of lin: 1, 2/,
      ],
      [{ model: "lin" }, /input 'model': 'lin' is not a model reference/],
      [
        { model: "lin@champion" },
        /input 'model': no version of model lin in the workspace is tagged champion=true\. Run compare-models/,
      ],
      [
        { model: "lin:1", endpoint: "no_underscores" },
        /input 'endpoint': 'no_underscores' is not a valid endpoint name: it contains "_"\. Use 3 to 32 letters/,
      ],
      [{ model: "lin:1", scoringScript: "missing.py" }, /input 'scoringScript': 'missing.py' is not an existing file/],
    ];
    for (const [inputs, message] of cases) {
      const run = await deploy(inputs);
      expect(run.exitCode).toBe(1);
      expect(run.stderr.at(-1)).toMatch(message);
    }
    expect(await ws.endpoints.list()).toEqual([]);
  });
});
