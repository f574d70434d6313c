// The demo flow on the Azure backend, through the built GitHub Action bundle (dist/ copied alone,
// no node_modules), against the emulator and Azurite: signed in with OIDC federation from the
// runner's ACTIONS_ID_TOKEN_REQUEST_* variables, as a workflow with `id-token: write` would be.
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDist, parseGitHubOutput, runBundle } from "../hosts/run-bundle.js";
import { CLIENT, type Cloud, startCloud, TENANT } from "./setup.js";

const FIXTURE = join(import.meta.dirname, "fixtures", "fields");

describe("the demo flow on Azure ML through the built bundles", () => {
  let cloud: Cloud;
  let dist: string;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    dist = await copyDist(cloud.dir);
    work = join(cloud.dir, "repo");
    await cp(FIXTURE, work, { recursive: true });
    await mkdir(join(work, "data"), { recursive: true });
    await writeFile(join(work, "data", "train.csv"), "age,bmi,target\n59,32.1,151\n48,21.6,75\n");
    await mkdir(join(work, "serve"), { recursive: true });
    await writeFile(join(work, "serve", "score.py"), "def init():\n    pass\n\ndef run(raw):\n    return raw\n");
    await writeFile(join(work, "sample.json"), '{"data": [[59, 32.1]]}');
  });
  afterAll(() => cloud?.stop());

  async function github(task: string, inputs: Record<string, string>) {
    const outputFile = join(cloud.dir, "github_output");
    const summaryFile = join(cloud.dir, "step_summary");
    await writeFile(outputFile, "");
    await writeFile(summaryFile, "");
    const env: Record<string, string> = {
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: work,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${cloud.emu.url}/github-oidc?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "runtime-token",
      MLOPS_EXTRA_CA_CERTS: cloud.caFile,
      // The host asks the runner's OIDC endpoint through @actions/core, which trusts Node's CAs.
      NODE_EXTRA_CA_CERTS: cloud.caFile,
      MLOPS_AZUREML_POLL_MS: "5",
      INPUT_TASK: task,
    };
    const all = { ...cloud.inputs, clientId: CLIENT, tenantId: TENANT, ...inputs };
    for (const [k, v] of Object.entries(all)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r = await runBundle(join(dist, "github", "index.js"), work, env);
    return {
      ...r,
      outputs: parseGitHubOutput(await readFile(outputFile, "utf8")),
      summary: await readFile(summaryFile, "utf8"),
    };
  }

  it("registers data, runs the pipeline, promotes the model and deploys it", async () => {
    cloud.emu.state.jobScript = { metrics: { train: { accuracy: 0.93 } } };
    const data = await github("register-dataset", { name: "diabetes", path: "data" });
    expect(data.stderr).toBe("");
    expect(data.code).toBe(0);
    expect(data.outputs).toMatchObject({ version: "1", changed: "true" });
    expect(data.lines.join("\n")).toMatch(/on the Azure ML workspace mlw-test .* as federated credential for client/);

    const job = await github("submit-pipeline", { pipeline: "pipeline.yml" });
    expect(job.lines.filter((l) => l.startsWith("::error"))).toEqual([]);
    expect(job.code).toBe(0);
    expect(job.outputs.status).toBe("Completed");
    expect(JSON.parse(job.outputs.metrics)).toMatchObject({ accuracy: 0.93 });

    const cmp = await github("compare-models", {
      candidate: `job:${job.outputs.jobName}`,
      modelName: "diabetes-model",
      metrics: "accuracy:higher",
      register: "true",
    });
    expect(cmp.lines.filter((l) => l.startsWith("::error"))).toEqual([]);
    expect(cmp.code).toBe(0);
    expect(cmp.outputs).toMatchObject({ decision: "promote" });

    const dep = await github("deploy-endpoint", {
      endpoint: "diabetes",
      model: "diabetes-model@latest",
      deployment: "blue",
      scoringScript: "serve/score.py",
      smokeTest: "sample.json",
    });
    expect(dep.lines.filter((l) => l.startsWith("::error"))).toEqual([]);
    expect(dep.code).toBe(0);
    const ws = cloud.emu.sent("PUT", /\/onlineEndpoints\/diabetes$/).at(-1);
    expect(ws?.body).toMatchObject({ properties: { traffic: { blue: 100 } } });

    // Every token request presented a federated assertion; no secret was needed.
    const grants = cloud.emu
      .sent("POST", /\/oauth2\/v2\.0\/token$/)
      .map((r) => new URLSearchParams(String(r.body)).get("client_assertion_type"));
    expect(new Set(grants)).toEqual(new Set(["urn:ietf:params:oauth:client-assertion-type:jwt-bearer"]));
  });

  it("plan mode through the bundle writes the plan and changes nothing", async () => {
    const before = cloud.emu.writes().length;
    const plan = await github("submit-pipeline", { pipeline: "pipeline.yml", dryRun: "true", planFile: "plan.json" });
    expect(plan.code).toBe(0);
    expect(cloud.emu.writes().length).toBe(before);
    const file = JSON.parse(await readFile(join(work, "plan.json"), "utf8")) as {
      requests: { method: string; path: string }[];
    };
    expect(file.requests.some((r) => r.method === "PUT" && /\/jobs\/[^/]+$/.test(r.path))).toBe(true);
  });
});
