// Fork pull requests: the GitHub and Azure DevOps hosts say when a run is for a fork's PR (the
// fact), and the tasks refuse to write for one unless allowForks is true (the decision). The
// GitHub host runs in-process here with INPUT_* variables, as the runner passes them.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { forkPullRequest } from "../../src/hosts/github.js";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { tempDir } from "../helpers.js";

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
  ({ dir, cleanup } = await tempDir("mlops-fork-"));
});
afterAll(() => cleanup());

async function event(name: string, payload: unknown): Promise<Record<string, string>> {
  const file = join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file, GITHUB_REPOSITORY: "owner/repo" };
}

const pr = (head: string | null, base = "owner/repo") => ({
  pull_request: {
    number: 9,
    head: { repo: head === null ? null : { full_name: head } },
    base: { repo: { full_name: base } },
  },
});

describe("the GitHub host reads from the event payload whether the PR comes from a fork", () => {
  it("pull_request and pull_request_target from a fork; a deleted fork counts as one", async () => {
    expect(forkPullRequest(await event("pull_request", pr("alice/repo")))).toBe(
      "pull request #9 from the fork alice/repo (pull_request)",
    );
    expect(forkPullRequest(await event("pull_request_target", pr("alice/repo")))).toBe(
      "pull request #9 from the fork alice/repo (pull_request_target)",
    );
    expect(forkPullRequest(await event("pull_request", pr(null)))).toContain("from the fork (deleted)");
  });

  it("a PR from a branch of the same repository, a push, or no event file is not a fork", async () => {
    expect(forkPullRequest(await event("pull_request", pr("owner/repo")))).toBeUndefined();
    expect(forkPullRequest(await event("pull_request_target", pr("Owner/Repo")))).toBeUndefined();
    expect(forkPullRequest(await event("push", { ref: "refs/heads/main" }))).toBeUndefined();
    expect(forkPullRequest({ GITHUB_EVENT_NAME: "pull_request" })).toBeUndefined();
  });
});

/** Runs one task through the GitHub host as the runner does: INPUT_* in, workflow commands out. */
async function runOnGitHub(eventEnv: Record<string, string>, inputs: Record<string, string>) {
  const { GitHubHost } = await import("../../src/hosts/github.js");
  const { runTask } = await import("../../src/hosts/run-task.js");
  const env: Record<string, string> = { ...eventEnv };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const seen: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    seen.push(String(chunk));
    return true;
  });
  try {
    const outcome = await runTask(new GitHubHost(process.env), dir);
    return { ...outcome, lines: seen.join("").split(/\r?\n/).filter(Boolean) };
  } finally {
    spy.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("GitHub: deploy-endpoint refuses a fork's pull request, on the local backend too", () => {
  const deploy = {
    task: "deploy-endpoint",
    endpoint: "web",
    model: "lin:1",
    scoringScript: SCORE,
    workspaceDir: ".mlops",
  };
  beforeAll(async () => {
    const ws = await LocalWorkspace.open(join(dir, ".mlops"));
    await ws.models.register({ name: "lin", source: join(FIXTURES, "linear-v1"), tags: {}, metrics: {} }, quiet);
    await ws.close();
  });
  afterAll(async () => {
    const ws = await LocalWorkspace.open(join(dir, ".mlops"));
    for (const e of await ws.endpoints.list()) await ws.endpoints.delete(e.name, quiet);
    await ws.close();
  });

  it("pull_request_target from a fork: exit 1, one error line saying why and how to allow it, nothing deployed", async () => {
    const run = await runOnGitHub(await event("pull_request_target", pr("mallory/repo")), deploy);
    expect(run.exitCode).toBe(1);
    const errors = run.lines.filter((l) => l.startsWith("::error"));
    expect(errors).toEqual([
      "::error::input 'allowForks': refused to deploy to endpoint 'web': this run is for pull request #9 from the fork mallory/repo (pull_request_target), whose code must not change the workspace with this pipeline's credentials. Run it from a branch of this repository, use dryRun, or set allowForks: true if you trust the fork.",
    ]);
    expect(existsSync(join(dir, ".mlops", "endpoints", "web.json"))).toBe(false);
  });

  it("a dry run from a fork still runs; a PR from a branch of the repository deploys", async () => {
    const fork = await event("pull_request", pr("mallory/repo"));
    const dry = await runOnGitHub(fork, { ...deploy, dryRun: "true" });
    expect(dry.exitCode).toBe(0);
    expect(existsSync(join(dir, ".mlops", "endpoints", "web.json"))).toBe(false);

    const own = await runOnGitHub(await event("pull_request", pr("owner/repo")), deploy);
    expect(own.lines.filter((l) => l.startsWith("::error"))).toEqual([]);
    expect(own.exitCode).toBe(0);
    expect(existsSync(join(dir, ".mlops", "endpoints", "web.json"))).toBe(true);
  });

  it("allowForks: true lets a fork deploy, with a warning that says so", async () => {
    const run = await runOnGitHub(await event("pull_request", pr("mallory/repo")), {
      ...deploy,
      allowForks: "true",
      deployment: "lin-fork",
    });
    expect(run.lines.filter((l) => l.startsWith("::error"))).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.lines).toContain(
      "::warning::This run is for pull request #9 from the fork mallory/repo (pull_request); allowForks is true, so it may deploy to endpoint 'web'.",
    );
  });
});
