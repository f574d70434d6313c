// A PR comment the service refuses (403) after the task's work is done: the task still succeeds,
// and the refusal is a warning annotation with advice that can help. A fork's pull_request run has
// a read-only token that no `permissions:` can widen, so it is pointed to the two-workflow pattern;
// any other run is told which permission to grant. The services are real HTTP servers on 127.0.0.1.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { tempDir } from "../helpers.js";
import { type RecordedRequest, startRecordingServer } from "./recording-server.js";
import { REPO, runBundle } from "./run-bundle.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "models");
const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};
const COMPARE = { candidate: "lin@latest", metrics: "r2:higher,rmse:lower", comment: "true", token: "read-only-token" };

let dir: string;
let cleanup: () => Promise<void>;
let server: Awaited<ReturnType<typeof startRecordingServer>>;

/** GitHub lets a read-only token list the comments, and refuses to write one, as it does for a fork. */
function github(req: RecordedRequest, base: string) {
  const path = new URL(req.url, base).pathname;
  if (path === "/repos/owner/repo/issues/9/comments" && req.method === "GET") return { status: 200, body: [] };
  if (path.startsWith("/repos/owner/repo/issues/")) {
    return {
      status: 403,
      body: {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
        status: "403",
      },
    };
  }
  if (path.startsWith("/org/proj-id/_apis/git/repositories/repo-id/pullRequests/12/threads")) {
    return {
      status: 403,
      body: { message: "TF401027: You need the Git 'PullRequestContribute' permission to perform this action." },
    };
  }
  return { status: 404, body: { message: `no route ${req.method} ${path}` } };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-pr-403-"));
  server = await startRecordingServer(github);
  const ws = await LocalWorkspace.open(join(dir, ".mlops"));
  const register = (folder: string, metrics: Record<string, number>, tags: Record<string, string> = {}) =>
    ws.models.register({ name: "lin", source: join(FIXTURES, folder), tags, metrics }, quiet);
  await register("linear-v1", { r2: 0.41, rmse: 58.2 }, { champion: "true" });
  await register("linear-v2", { r2: 0.47, rmse: 54.9 });
  await ws.close();
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

async function event(name: string, head: string): Promise<Record<string, string>> {
  const file = join(dir, `${name}-${head.replace("/", "-")}.json`);
  const payload = {
    pull_request: { number: 9, head: { repo: { full_name: head } }, base: { repo: { full_name: "owner/repo" } } },
  };
  await writeFile(file, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file };
}

/** compare-models through the GitHub host in-process, as the runner passes inputs: INPUT_* in, workflow commands out. */
async function runOnGitHub(eventEnv: Record<string, string>) {
  const { GitHubHost } = await import("../../src/hosts/github.js");
  const { runTask } = await import("../../src/hosts/run-task.js");
  const env: Record<string, string> = {
    ...eventEnv,
    GITHUB_REPOSITORY: "owner/repo",
    GITHUB_API_URL: server.url,
    INPUT_TASK: "compare-models",
  };
  for (const [k, v] of Object.entries(COMPARE)) env[`INPUT_${k.toUpperCase()}`] = v;
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const seen: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    seen.push(String(chunk));
    return true;
  });
  try {
    const outcome = await runTask(new GitHubHost(process.env), dir);
    const lines = seen.join("").split(/\r?\n/).filter(Boolean);
    return {
      ...outcome,
      errors: lines.filter((l) => l.startsWith("::error")),
      warnings: lines.filter((l) => l.startsWith("::warning")),
    };
  } finally {
    spy.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const REFUSED = "Could not comment on PR #9: Resource not accessible by integration";

describe("GitHub: a PR comment refused with 403", () => {
  it("for a fork's pull_request: a warning pointing to the workflow_run pattern; the task succeeds", async () => {
    const run = await runOnGitHub(await event("pull_request", "alice/repo"));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.better).toBe("true");
    expect(run.errors).toEqual([]);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(new RegExp(`^::warning::${REFUSED}`));
    expect(run.warnings[0]).toContain(
      "This run is for pull request #9 from the fork alice/repo (pull_request), whose token is read-only whatever the workflow grants: upload the report as an artifact and post it from a `workflow_run` workflow (see examples/github/pr-comment-from-fork.yml in mlops-action). The report is in the job summary.",
    );
    expect(run.warnings[0]).not.toContain("pull-requests: write");
    // It tried: listed the comments, then was refused the new one.
    expect(server.requests.map((r) => r.method)).toEqual(["GET", "POST"]);
    server.requests.length = 0;
  });

  it("for a branch of the repository, or a fork on pull_request_target: advises `pull-requests: write`", async () => {
    for (const eventEnv of [
      await event("pull_request", "owner/repo"),
      await event("pull_request_target", "alice/repo"),
    ]) {
      const run = await runOnGitHub(eventEnv);
      expect(run.exitCode).toBe(0);
      expect(run.errors).toEqual([]);
      expect(run.warnings).toHaveLength(1);
      expect(run.warnings[0]).toMatch(
        new RegExp(
          `^::warning::${REFUSED}.*\\. Grant the workflow \`permissions: pull-requests: write\`\\. The report is in the job summary\\.$`,
        ),
      );
      expect(run.warnings[0]).not.toContain("workflow_run");
    }
    server.requests.length = 0;
  });
});

describe("Azure DevOps: a PR thread refused with 403", () => {
  const ENTRY = join(REPO, "src", "entry", "azure-devops.ts");
  const TSX = pathToFileURL(join(REPO, "node_modules", "tsx", "dist", "loader.mjs")).href;

  /** The source entry point in its own process, as the agent runs a step (the task library reads INPUT_* once). */
  async function runOnAzureDevOps(env: Record<string, string>) {
    const all: Record<string, string> = {
      AGENT_TEMPDIRECTORY: dir,
      SYSTEM_COLLECTIONURI: `${server.url}/org/`,
      SYSTEM_TEAMPROJECTID: "proj-id",
      BUILD_REPOSITORY_ID: "repo-id",
      BUILD_REPOSITORY_PROVIDER: "TfsGit",
      SYSTEM_PULLREQUEST_PULLREQUESTID: "12",
      INPUT_COMMAND: "compare-models",
      ...env,
    };
    for (const [k, v] of Object.entries(COMPARE)) all[`INPUT_${k.toUpperCase()}`] = v;
    const run = await runBundle(ENTRY, dir, all, [], ["--import", TSX]);
    return {
      exitCode: run.code,
      errors: run.lines.filter((l) => l.startsWith("##vso[task.logissue type=error")),
      warnings: run.lines.filter((l) => l.startsWith("##vso[task.logissue type=warning")),
    };
  }

  it("for a fork's build: a logged warning that names the fork and what to do; the task succeeds", async () => {
    const run = await runOnAzureDevOps({ SYSTEM_PULLREQUEST_ISFORK: "True" });
    expect(run.exitCode).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([
      "##vso[task.logissue type=warning;]Could not comment on PR 12: GET pull request threads: HTTP 403 TF401027: You need the Git 'PullRequestContribute' permission to perform this action. This build is for pull request 12 from a fork (System.PullRequest.IsFork), whose token may not write to this repository's pull requests: post the report from a pipeline that runs on this repository (a pipeline completion trigger on this one), or give the build service 'Contribute to pull requests' on the repository. The report is in the build summary.",
    ]);
  });

  it("for a build of the repository itself: a logged warning with the permission to grant", async () => {
    const run = await runOnAzureDevOps({});
    expect(run.exitCode).toBe(0);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(
      /^##vso\[task\.logissue type=warning;\]Could not comment on PR 12: .*HTTP 403.* Give the build service 'Contribute to pull requests' on the repository\. The report is in the build summary\.$/,
    );
  });
});
