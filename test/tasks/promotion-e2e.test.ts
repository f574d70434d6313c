// The promotion examples, run end to end on the local backend: examples/github/promote.yml through
// the GitHub Actions entry point and examples/azure-devops/promote.yml through the Azure DevOps one,
// as their runners would (INPUT_* variables in; $GITHUB_OUTPUT or output variables out), with two
// workspace folders (dev, prod) and a registry folder. Each mlops step runs with the inputs the
// example gives it; only where the ML work happens changes: the Azure sign-in and workspace inputs
// become a local workspace folder named after the workspace, and `registry` a folder named after
// the registry. Jobs, stages, conditions and the outputs passed between them are evaluated from the
// files, so an example whose wiring breaks fails here. A second push (relabelled data, a better
// model) promotes again and replaces the champion.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { LocalRegistry } from "../../src/workspace/local/registry.js";
import { tempDir } from "../helpers.js";
import { parseGitHubOutput, REPO, runBundle } from "../hosts/run-bundle.js";

const TSX = ["--import", join(REPO, "node_modules/tsx/dist/esm/index.mjs")];
const GITHUB_ENTRY = join(REPO, "src/entry/github.ts");
const AZURE_DEVOPS_ENTRY = join(REPO, "src/entry/azure-devops.ts");
const quiet: Log = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  group: (_t, fn) => fn(),
  secret() {},
};

/** A repository checkout, and the folders the workspaces and registries of an example become. */
interface World {
  checkout: string;
  workspace(name: string): string;
  registry(name: string): string;
  /** Every line the steps printed, for assertions on what a user sees. */
  log: string[];
}

async function newWorld(dir: string): Promise<World> {
  const checkout = join(dir, "checkout");
  for (const sub of ["data", "pipelines"])
    await cp(join(REPO, "examples", sub), join(checkout, "examples", sub), { recursive: true });
  return {
    checkout,
    workspace: (name) => join(dir, "workspaces", name),
    registry: (name) => join(dir, "registries", name),
    log: [],
  };
}

/** Inputs that say where the ML work happens: replaced by local folders. */
const AZURE_LOCATION_INPUTS = [
  "clientId",
  "tenantId",
  "subscriptionId",
  "resourceGroup",
  "workspaceName",
  "azureSubscription",
];

function onLocalBackend(world: World, inputs: Record<string, string>, workspaceName: string | undefined) {
  if (!workspaceName) throw new Error("the step names no workspace (workspaceName or AZUREML_WORKSPACE_NAME)");
  const local: Record<string, string> = { ...inputs };
  for (const k of AZURE_LOCATION_INPUTS) delete local[k];
  local.backend = "local";
  local.workspaceDir = world.workspace(workspaceName);
  if (local.registry) local.registry = world.registry(local.registry);
  return local;
}

function stepFailed(what: string, run: { code: number | null; stdout: string; stderr: string }): Error {
  return new Error(`${what} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
}

// ---------------------------------------------------------------- GitHub Actions

type GitHubContext = {
  vars: Record<string, string>;
  github: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  needs: Record<string, { outputs: Record<string, string>; result: string }>;
};

/** `${{ a.b.c }}` and `${{ a.b == 'x' }}`: what the examples use; anything else fails the test. */
function githubExpression(expr: string, ctx: GitHubContext): string {
  const cmp = /^(.+?)\s*(==|!=)\s*'([^']*)'$/.exec(expr.trim());
  if (cmp) return String((githubExpression(cmp[1], ctx) === cmp[3]) === (cmp[2] === "=="));
  const path = expr.trim().split(".");
  let value: unknown = ctx;
  for (const p of path) value = (value as Record<string, unknown> | undefined)?.[p];
  if (typeof value !== "string") throw new Error(`the test cannot evaluate \${{ ${expr} }} (got ${String(value)})`);
  return value;
}

const interpolateGitHub = (text: string, ctx: GitHubContext) =>
  text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => githubExpression(e, ctx));

interface GitHubJob {
  needs?: string | string[];
  if?: string;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: { id?: string; uses?: string; with?: Record<string, unknown> }[];
}

async function runGitHubWorkflow(world: World, vars: Record<string, string>, sha: string) {
  const workflow = YAML.parse(await readFile(join(REPO, "examples/github/promote.yml"), "utf8")) as {
    jobs: Record<string, GitHubJob>;
  };
  const needs: GitHubContext["needs"] = {};
  for (const [id, job] of Object.entries(workflow.jobs)) {
    for (const n of [job.needs ?? []].flat()) if (!needs[n]) throw new Error(`job ${id} needs ${n}, not run yet`);
    const ctx: GitHubContext = { vars, github: { event_name: "push", sha }, steps: {}, needs };
    if (job.if && githubExpression(job.if, ctx) !== "true") {
      needs[id] = { outputs: {}, result: "skipped" };
      continue;
    }
    const env = Object.fromEntries(Object.entries(job.env ?? {}).map(([k, v]) => [k, interpolateGitHub(v, ctx)]));
    for (const step of job.steps) {
      const task = /^mlops-action\/mlops-action\/([a-z-]+)@v1$/.exec(step.uses ?? "")?.[1];
      if (!task) continue; // actions/checkout: the checkout is already there
      const given = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolateGitHub(String(v), ctx)]),
      );
      const inputs = onLocalBackend(world, given, given.workspaceName ?? env.AZUREML_WORKSPACE_NAME);
      const outputFile = join(world.checkout, "..", "github_output");
      await writeFile(outputFile, "");
      const runEnv: Record<string, string> = {
        INPUT_TASK: task,
        GITHUB_OUTPUT: outputFile,
        GITHUB_WORKSPACE: world.checkout,
        GITHUB_SHA: sha,
        GITHUB_REPOSITORY: "contoso/diabetes",
        GITHUB_RUN_ID: "4242",
        GITHUB_EVENT_NAME: "push",
        GITHUB_WORKFLOW: "promote",
      };
      for (const [k, v] of Object.entries(inputs)) runEnv[`INPUT_${k.toUpperCase()}`] = v;
      const run = await runBundle(GITHUB_ENTRY, world.checkout, runEnv, [], TSX);
      world.log.push(`== ${id}/${step.id ?? task}`, ...run.lines, run.stderr);
      if (run.code !== 0) throw stepFailed(`${id}/${step.id ?? task}`, run);
      if (step.id) ctx.steps[step.id] = { outputs: parseGitHubOutput(await readFile(outputFile, "utf8")) };
    }
    const outputs = Object.fromEntries(
      Object.entries(job.outputs ?? {}).map(([k, v]) => [k, interpolateGitHub(v, ctx)]),
    );
    needs[id] = { outputs, result: "success" };
  }
  return needs;
}

// ---------------------------------------------------------------- Azure Pipelines

type AdoValue = string | boolean | AdoContext;
interface AdoContext {
  [key: string]: AdoValue;
}

/**
 * Azure Pipelines' expression language, as far as the example uses it: and/or/not/eq/ne/succeeded,
 * 'strings', and property paths with `.name` and `['name']`. Anything else fails the test.
 */
function adoExpression(text: string, ctx: AdoContext, succeeded: boolean): string | boolean {
  let at = 0;
  const skip = () => {
    while (/\s/.test(text[at] ?? "")) at++;
  };
  const expect = (c: string) => {
    skip();
    if (text[at] !== c) throw new Error(`the test cannot evaluate '${text}': '${c}' expected at ${at}`);
    at++;
  };
  const value = (): string | boolean | AdoContext => {
    skip();
    if (text[at] === "'") {
      const end = text.indexOf("'", at + 1);
      const s = text.slice(at + 1, end);
      at = end + 1;
      return s;
    }
    const name = /^[A-Za-z_][\w]*/.exec(text.slice(at))?.[0];
    if (!name) throw new Error(`the test cannot evaluate '${text}' at ${at}`);
    at += name.length;
    skip();
    if (text[at] === "(") {
      at++;
      const args: (string | boolean | AdoContext)[] = [];
      skip();
      while (text[at] !== ")") {
        args.push(value());
        skip();
        if (text[at] === ",") at++;
        skip();
      }
      at++;
      const s = (v: unknown) => String(v).toLowerCase();
      switch (name) {
        case "succeeded":
          return succeeded;
        case "and":
          return args.every((a) => a === true);
        case "or":
          return args.some((a) => a === true);
        case "not":
          return args[0] !== true;
        case "eq":
          return s(args[0]) === s(args[1]);
        case "ne":
          return s(args[0]) !== s(args[1]);
        default:
          throw new Error(`the test cannot evaluate function ${name} in '${text}'`);
      }
    }
    let v: AdoValue | undefined = ctx[name];
    for (;;) {
      skip();
      let key: string | undefined;
      if (text[at] === ".") {
        at++;
        key = /^[\w-]+/.exec(text.slice(at))?.[0];
        at += key?.length ?? 0;
      } else if (text[at] === "[") {
        at++;
        const k = value();
        expect("]");
        key = String(k);
      } else break;
      v = typeof v === "object" && key !== undefined ? v[key] : undefined;
    }
    if (v === undefined) throw new Error(`the test cannot evaluate '${text}': ${name}... is undefined`);
    return v;
  };
  const result = value();
  if (typeof result === "object") throw new Error(`'${text}' is an object`);
  return result;
}

/** `$(name)` macros from the variables and the job's step output variables; unknown ones fail the test. */
function adoMacros(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\(([\w.]+)\)/g, (_, name: string) => {
    if (vars[name] === undefined) throw new Error(`the test has no value for $(${name})`);
    return vars[name];
  });
}

interface AdoStep {
  task?: string;
  name?: string;
  inputs?: Record<string, unknown>;
}
interface AdoJob {
  job?: string;
  deployment?: string;
  steps?: AdoStep[];
  strategy?: { runOnce: { deploy: { steps: AdoStep[] } } };
}
interface AdoStage {
  stage: string;
  dependsOn?: string | string[];
  condition?: string;
  variables?: Record<string, string>;
  jobs: AdoJob[];
}

async function runAzurePipeline(world: World, sourceVersion: string) {
  const pipeline = YAML.parse(await readFile(join(REPO, "examples/azure-devops/promote.yml"), "utf8")) as {
    variables: Record<string, string>;
    stages: AdoStage[];
  };
  // stage → job → `step.variable` → value
  const outputs: Record<string, Record<string, Record<string, string>>> = {};
  const result: Record<string, "succeeded" | "skipped"> = {};
  let previous: string | undefined;
  for (const stage of pipeline.stages) {
    const deps = stage.dependsOn === undefined ? (previous ? [previous] : []) : [stage.dependsOn].flat();
    previous = stage.stage;
    const flat = (s: string) =>
      Object.fromEntries(
        Object.entries(outputs[s] ?? {}).flatMap(([job, vars]) =>
          Object.entries(vars).map(([k, v]) => [`${job}.${k}`, v]),
        ),
      );
    const ctx: AdoContext = {
      dependencies: Object.fromEntries(deps.map((d) => [d, { outputs: flat(d), result: result[d] }])),
      stageDependencies: Object.fromEntries(
        deps.map((d) => [
          d,
          Object.fromEntries(Object.entries(outputs[d] ?? {}).map(([job, vars]) => [job, { outputs: vars }])),
        ]),
      ),
    };
    const depsSucceeded = deps.every((d) => result[d] === "succeeded");
    if (adoExpression(stage.condition ?? "succeeded()", ctx, depsSucceeded) !== true) {
      result[stage.stage] = "skipped";
      continue;
    }
    const vars: Record<string, string> = { ...pipeline.variables };
    for (const [k, v] of Object.entries(stage.variables ?? {})) {
      const runtime = /^\$\[(.*)\]$/s.exec(v.trim());
      vars[k] = runtime ? String(adoExpression(runtime[1], ctx, depsSucceeded)) : v;
    }
    outputs[stage.stage] = {};
    for (const job of stage.jobs) {
      const jobName = job.job ?? job.deployment ?? "job";
      const jobVars: Record<string, string> = { ...vars };
      const produced: Record<string, string> = {};
      for (const step of job.steps ?? job.strategy?.runOnce.deploy.steps ?? []) {
        if (step.task !== "MLOps@1") continue; // checkout: the checkout is already there
        const given = Object.fromEntries(
          Object.entries(step.inputs ?? {}).map(([k, v]) => [k, adoMacros(String(v), jobVars)]),
        );
        const { command, ...rest } = given;
        const inputs = onLocalBackend(world, rest, rest.workspaceName);
        const agentTemp = join(world.checkout, "..", "agent-temp");
        const runEnv: Record<string, string> = {
          INPUT_COMMAND: command,
          AGENT_TEMPDIRECTORY: agentTemp,
          BUILD_SOURCEVERSION: sourceVersion,
          BUILD_BUILDID: "77",
          SYSTEM_COLLECTIONURI: "https://dev.azure.com/contoso/",
          SYSTEM_TEAMPROJECT: "diabetes",
          BUILD_DEFINITIONNAME: "promote",
        };
        for (const [k, v] of Object.entries(inputs)) runEnv[`INPUT_${k.toUpperCase()}`] = v;
        const run = await runBundle(AZURE_DEVOPS_ENTRY, world.checkout, runEnv, [], TSX);
        const where = `${stage.stage}/${jobName}/${step.name ?? command}`;
        world.log.push(`== ${where}`, ...run.lines, run.stderr);
        if (run.code !== 0) throw stepFailed(where, run);
        for (const l of run.lines) {
          const m = /^##vso\[task\.setvariable variable=([^;]+);isOutput=true;issecret=false;\](.*)$/.exec(l);
          if (m && step.name) {
            produced[`${step.name}.${m[1]}`] = m[2];
            jobVars[`${step.name}.${m[1]}`] = m[2];
          }
        }
      }
      outputs[stage.stage][jobName] = produced;
    }
    result[stage.stage] = "succeeded";
  }
  return { outputs, result };
}

// ---------------------------------------------------------------- the promotions

/** The same feature columns, relabelled with a linear target: a model trained on it fits far better. */
async function relabel(checkout: string): Promise<void> {
  const file = join(checkout, "examples/data/diabetes.csv");
  const [header, ...rows] = (await readFile(file, "utf8")).trim().split("\n");
  const cols = header.split(",");
  const at = (name: string) => cols.indexOf(name);
  const out = rows.map((r) => {
    const v = r.split(",").map(Number);
    const target = 3 * v[at("bmi")] + 0.5 * v[at("bp")] + 20 * v[at("s5")] - 60;
    return [...v.slice(0, -1), target.toFixed(3)].join(",");
  });
  await writeFile(file, `${[header, ...out].join("\n")}\n`);
}

async function registryModels(world: World, name: string) {
  return (await LocalRegistry.open(world.registry(name))).models.list("diabetes-model");
}

async function devModels(world: World) {
  return (await LocalWorkspace.open(world.workspace("mlw-dev"))).models.list("diabetes-model");
}

/** The prod endpoint's answer to the demo's sample request. */
async function score(world: World, endpoint: string): Promise<{ status: number; body: string }> {
  const prod = await LocalWorkspace.open(world.workspace("mlw-prod"));
  const state = await prod.endpoints.get(endpoint);
  if (!state) throw new Error(`endpoint ${endpoint} does not exist in prod`);
  const body = await readFile(join(REPO, "examples/pipelines/demo/sample-request.json"), "utf8");
  const response = await fetch(state.scoringUri, {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });
  return { status: response.status, body: (await response.text()).trim() };
}

/** What both examples must have done after a promotion of `version` from dev. */
async function expectPromoted(world: World, registryName: string, version: string, commit: string) {
  const published = await registryModels(world, registryName);
  const dev = (await devModels(world)).find((m) => m.tags.champion === "true");
  if (!dev) throw new Error("no champion in dev");
  // The registry's champion is the dev workspace's champion: same files, lineage from dev.
  const champions = published.filter((m) => m.tags.champion === "true");
  expect(champions.map((m) => m.version)).toEqual([version]);
  expect(champions[0].tags).toMatchObject({
    fingerprint: dev.tags.fingerprint,
    sourceModel: `diabetes-model:${dev.version}`,
    sourceWorkspace: `local workspace at ${world.workspace("mlw-dev")}`,
    job: dev.tags.job,
    data: dev.tags.data,
    commit,
  });
  // Prod deploys from the registry: it registers nothing of its own, and serves the registry's files.
  const prod = await LocalWorkspace.open(world.workspace("mlw-prod"));
  expect(await prod.models.list("diabetes-model")).toEqual([]);
  const modelDir = join(world.registry(registryName), "models", "diabetes-model", version);
  for (const endpoint of ["diabetes-qa", "diabetes"]) {
    const state = await prod.endpoints.get(endpoint);
    expect(state?.traffic).toEqual({ [`diabetes-model-v${version}`]: 100 });
    expect(state?.deployments.find((d) => d.name === `diabetes-model-v${version}`)?.model).toBe(
      `diabetes-model:${version}`,
    );
  }
  expect(world.log.join("\n")).toContain(`Starting deployment diabetes-model-v${version} of diabetes-model:${version}`);
  expect(world.log.filter((l) => l.includes(`AZUREML_MODEL_DIR=${modelDir})`)).length).toBeGreaterThanOrEqual(2);
  const answer = await score(world, "diabetes");
  expect(answer.status).toBe(200);
  expect(answer.body).toMatch(/^\[[-\d.e]+, [-\d.e]+\]$/);
}

async function stopEndpoints(world: World | undefined): Promise<void> {
  if (!world) return;
  const prod = await LocalWorkspace.open(world.workspace("mlw-prod")).catch(() => undefined);
  for (const e of (await prod?.endpoints.list()) ?? []) await prod?.endpoints.delete(e.name, quiet);
}

describe("promotion dev → registry → QA → production, on the local backend", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const worlds: World[] = [];
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("mlops-promote-"));
  });
  afterAll(async () => {
    for (const w of worlds) await stopEndpoints(w);
    await cleanup();
  });

  it("examples/github/promote.yml: train publishes, deploy serves the dev model in prod; a second push replaces the champion", async () => {
    const world = await newWorld(join(dir, "github"));
    worlds.push(world);
    const vars = {
      AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000",
      AZURE_CLIENT_ID: "11111111-1111-1111-1111-111111111111",
      AZURE_TENANT_ID: "22222222-2222-2222-2222-222222222222",
      AZURE_DEV_RESOURCE_GROUP: "rg-ml-dev",
      AZURE_PROD_RESOURCE_GROUP: "rg-ml-prod",
      AZURE_ML_DEV_WORKSPACE: "mlw-dev",
      AZURE_ML_PROD_WORKSPACE: "mlw-prod",
      AZURE_ML_REGISTRY: "mlops-registry",
    };
    const first = await runGitHubWorkflow(world, vars, "a1b2c3d");
    expect(first.train.outputs).toEqual({ better: "true", registryModel: "diabetes-model:1" });
    expect(first.deploy.result).toBe("success");
    await expectPromoted(world, "mlops-registry", "1", "a1b2c3d");
    expect(world.log.join("\n")).toContain("Published diabetes-model:1 to registry mlops-registry as diabetes-model:1");

    // The next push: the data was relabelled, the model trained on it wins, and is promoted.
    await relabel(world.checkout);
    world.log.length = 0;
    const second = await runGitHubWorkflow(world, vars, "e4f5a6b");
    expect(second.train.outputs).toEqual({ better: "true", registryModel: "diabetes-model:2" });
    await expectPromoted(world, "mlops-registry", "2", "e4f5a6b");
    const versions = await registryModels(world, "mlops-registry");
    expect(versions.map((m) => [m.version, m.tags.champion ?? ""])).toEqual([
      ["1", ""],
      ["2", "true"],
    ]);
    expect((await devModels(world)).map((m) => m.tags.data)).toEqual(["diabetes:1", "diabetes:2"]);

    // A third push with nothing new: not better, so the deploy job is skipped and nothing moves.
    world.log.length = 0;
    const third = await runGitHubWorkflow(world, vars, "e4f5a6b");
    expect(third.train.outputs).toEqual({ better: "false", registryModel: "" });
    expect(third.deploy.result).toBe("skipped");
    expect((await registryModels(world, "mlops-registry")).length).toBe(2);
  }, 600_000);

  it("examples/azure-devops/promote.yml: Train publishes, QA and Production deploy from the registry; a second run replaces the champion", async () => {
    const world = await newWorld(join(dir, "azure-devops"));
    worlds.push(world);
    const first = await runAzurePipeline(world, "0a0b0c0d");
    expect(first.result).toEqual({ Train: "succeeded", QA: "succeeded", Production: "succeeded" });
    expect(first.outputs.Train.train).toMatchObject({
      "compare.better": "true",
      "compare.registryModel": "diabetes-model:1",
    });
    await expectPromoted(world, "mlops-registry", "1", "0a0b0c0d");

    await relabel(world.checkout);
    world.log.length = 0;
    const second = await runAzurePipeline(world, "1a1b1c1d");
    expect(second.result).toEqual({ Train: "succeeded", QA: "succeeded", Production: "succeeded" });
    expect(second.outputs.Train.train["compare.registryModel"]).toBe("diabetes-model:2");
    await expectPromoted(world, "mlops-registry", "2", "1a1b1c1d");
    expect(
      (await registryModels(world, "mlops-registry")).filter((m) => m.tags.champion === "true").map((m) => m.version),
    ).toEqual(["2"]);

    world.log.length = 0;
    const third = await runAzurePipeline(world, "1a1b1c1d");
    expect(third.result).toEqual({ Train: "succeeded", QA: "skipped", Production: "skipped" });
  }, 600_000);
});
