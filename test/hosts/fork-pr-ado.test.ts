// Azure DevOps: a PR build from a fork (System.PullRequest.IsFork = True) may not deploy unless
// allowForks is true. Each run is the source entry point in a new process (tsx), as the agent
// starts one per step: the task library reads INPUT_* once, when it loads.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { tempDir } from "../helpers.js";
import { REPO, runBundle } from "./run-bundle.js";

const ENTRY = join(REPO, "src", "entry", "azure-devops.ts");
const TSX = pathToFileURL(join(REPO, "node_modules", "tsx", "dist", "loader.mjs")).href;

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "models");
const SCORE = join(FIXTURES, "serve", "score.py");
const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-fork-ado-"));
  const ws = await LocalWorkspace.open(join(dir, ".mlops"));
  await ws.models.register({ name: "lin", source: join(FIXTURES, "linear-v1"), tags: {}, metrics: {} }, quiet);
  await ws.close();
});
afterAll(async () => {
  const ws = await LocalWorkspace.open(join(dir, ".mlops"));
  for (const e of await ws.endpoints.list()) await ws.endpoints.delete(e.name, quiet);
  await ws.close();
  await cleanup();
});

/** The source entry point in its own process, as the agent runs the task: INPUT_* and agent variables in. */
async function runOnAzureDevOps(env: Record<string, string>, inputs: Record<string, string>) {
  const all: Record<string, string> = { AGENT_TEMPDIRECTORY: dir, SYSTEM_PULLREQUEST_PULLREQUESTID: "12", ...env };
  for (const [k, v] of Object.entries(inputs)) all[`INPUT_${k.toUpperCase()}`] = v;
  const run = await runBundle(ENTRY, dir, all, [], ["--import", TSX]);
  const lines = run.lines.filter((l) => !l.startsWith("##vso[task.debug]"));
  return { exitCode: run.code, lines, errors: lines.filter((l) => l.startsWith("##vso[task.logissue type=error")) };
}

const deploy = { command: "deploy-endpoint", endpoint: "web", model: "lin:1", scoringScript: SCORE };

describe("Azure DevOps: deploy-endpoint refuses a PR build from a fork", () => {
  it("IsFork=True: exit 1, one logged error saying why and how to allow it, nothing deployed", async () => {
    const run = await runOnAzureDevOps({ SYSTEM_PULLREQUEST_ISFORK: "True" }, deploy);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(
      "refused to deploy to endpoint 'web': this run is for pull request 12 from a fork (System.PullRequest.IsFork)",
    );
    expect(run.errors[0]).toContain("set allowForks: true if you trust the fork");
    expect(existsSync(join(dir, ".mlops", "endpoints", "web.json"))).toBe(false);
  });

  it("IsFork=True with dryRun still runs; IsFork=False deploys", async () => {
    const dry = await runOnAzureDevOps({ SYSTEM_PULLREQUEST_ISFORK: "True" }, { ...deploy, dryRun: "true" });
    expect(dry.errors).toEqual([]);
    expect(dry.exitCode).toBe(0);
    expect(existsSync(join(dir, ".mlops", "endpoints", "web.json"))).toBe(false);

    const own = await runOnAzureDevOps({ SYSTEM_PULLREQUEST_ISFORK: "False" }, deploy);
    expect(own.errors).toEqual([]);
    expect(own.exitCode).toBe(0);
    expect(existsSync(join(dir, ".mlops", "endpoints", "web.json"))).toBe(true);
  });
});
