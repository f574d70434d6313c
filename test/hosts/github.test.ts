// The GitHub host on its own: PR comments through the REST API at GITHUB_API_URL (a recording
// server on 127.0.0.1 standing in for GitHub Enterprise), annotations with file and line, run
// context and masking. The bundle end to end is in test/e2e-bundles.test.ts.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { GitHubHost as GitHubHostType } from "../../src/hosts/github.js";
import { fitComment } from "../../src/hosts/pr-comment/github.js";
import { tempDir } from "../helpers.js";
import { type RecordedRequest, startRecordingServer } from "./recording-server.js";

interface Comment {
  id: number;
  body: string;
  html_url: string;
}

const MARKER = "<!-- mlops-action:compare-models:train -->";
let dir: string;
let cleanup: () => Promise<void>;
let server: Awaited<ReturnType<typeof startRecordingServer>>;
let comments: Comment[];
let nextId: number;
let GitHubHost: typeof GitHubHostType;

/** Issue comments of PR 7 in owner/repo, 100 per page, with GitHub's Link header. */
let oidcIssued = 0;
function github(req: RecordedRequest, base: string) {
  const url = new URL(req.url, base);
  if (url.pathname === "/oidc" && req.headers.authorization === "Bearer request-token") {
    // The runner's OIDC endpoint: a new token for the asked audience on every request.
    return { status: 200, body: { value: `oidc-${url.searchParams.get("audience")}-${++oidcIssued}` } };
  }
  const list = /^\/api\/v3\/repos\/owner\/repo\/issues\/7\/comments$/.test(url.pathname);
  if (req.method === "GET" && list) {
    const perPage = Number(url.searchParams.get("per_page") ?? 30);
    const page = Number(url.searchParams.get("page") ?? 1);
    const slice = comments.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < comments.length) {
      headers.link = `<${base}/api/v3/repos/owner/repo/issues/7/comments?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    }
    return { status: 200, body: slice, headers };
  }
  if (req.method === "POST" && list) {
    const c = {
      id: nextId++,
      body: JSON.parse(req.body).body,
      html_url: `https://ghe.example/owner/repo/pull/7#c${nextId}`,
    };
    comments.push(c);
    return { status: 201, body: c };
  }
  const edit = /^\/api\/v3\/repos\/owner\/repo\/issues\/comments\/(\d+)$/.exec(url.pathname);
  if (req.method === "PATCH" && edit) {
    const c = comments.find((x) => x.id === Number(edit[1]));
    if (!c) return { status: 404, body: { message: "Not Found" } };
    c.body = JSON.parse(req.body).body;
    return { status: 200, body: c };
  }
  return { status: 404, body: { message: `no route ${req.method} ${url.pathname}` } };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-gh-host-"));
  server = await startRecordingServer(github);
  const event = join(dir, "event.json");
  await writeFile(event, JSON.stringify({ pull_request: { number: 7 } }));
  // The host reads the event file and the repository from the environment: set them first.
  Object.assign(process.env, {
    GITHUB_EVENT_PATH: event,
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_REPOSITORY: "owner/repo",
    GITHUB_API_URL: `${server.url}/api/v3`,
    GITHUB_SERVER_URL: "https://ghe.example",
    GITHUB_RUN_ID: "42",
    GITHUB_SHA: "abc123",
    GITHUB_WORKFLOW: "train",
    GITHUB_WORKSPACE: dir,
  });
  ({ GitHubHost } = await import("../../src/hosts/github.js"));
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

/** What the host writes to stdout while `fn` runs. */
async function stdout(fn: () => unknown | Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    seen.push(String(chunk));
    return true;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return seen
    .join("")
    .split(/\r?\n/)
    .filter((l) => l !== "");
}

describe("the GitHub host", () => {
  afterEach(() => {
    server.requests.length = 0;
  });

  it("gives the Azure backend a fresh OIDC token on every call when id-token: write is granted, masked", async () => {
    expect(new GitHubHost().run.azure).toBeUndefined(); // no id-token permission, no callback
    Object.assign(process.env, {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${server.url}/oidc?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "request-token",
    });
    try {
      const host = new GitHubHost();
      const getIdToken = host.run.azure?.getIdToken;
      expect(getIdToken).toBeTypeOf("function");
      let first = "";
      const lines = await stdout(async () => {
        first = await getIdToken!("api://AzureADTokenExchange");
      });
      expect(first).toBe(`oidc-api://AzureADTokenExchange-${oidcIssued}`);
      expect(lines).toContain(`::add-mask::${first}`);
      expect(await getIdToken!("api://AzureADTokenExchange")).not.toBe(first);
    } finally {
      delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
      delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    }
  });

  it("reads the run context: commit, run URL, PR number and workflow", () => {
    expect(new GitHubHost().run).toEqual({
      host: "github",
      commit: "abc123",
      runUrl: "https://ghe.example/owner/repo/actions/runs/42",
      pullRequest: 7,
      workflow: "train",
    });
  });

  it("creates the marked PR comment once, then updates it in place, finding it past the first page", async () => {
    // 130 comments by others: the marked one will land on page 2.
    comments = Array.from({ length: 130 }, (_, i) => ({ id: i + 1, body: `chatter ${i}`, html_url: "" }));
    nextId = 1000;
    const host = new GitHubHost();
    const first = await host.postComment("candidate wins", MARKER, "ghs_token_1");
    expect(first).toEqual({ message: "PR #7: comment created (https://ghe.example/owner/repo/pull/7#c1001)." });
    const second = await host.postComment("candidate loses", MARKER, "ghs_token_1");
    expect(second).toEqual({ message: "PR #7: comment updated (https://ghe.example/owner/repo/pull/7#c1001)." });

    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/v3/repos/owner/repo/issues/7/comments?per_page=100",
      "GET /api/v3/repos/owner/repo/issues/7/comments?per_page=100&page=2",
      "POST /api/v3/repos/owner/repo/issues/7/comments",
      "GET /api/v3/repos/owner/repo/issues/7/comments?per_page=100",
      "GET /api/v3/repos/owner/repo/issues/7/comments?per_page=100&page=2",
      "PATCH /api/v3/repos/owner/repo/issues/comments/1000",
    ]);
    expect(server.requests.every((r) => r.headers.authorization === "token ghs_token_1")).toBe(true);
    expect(comments.filter((c) => c.body.includes(MARKER))).toEqual([
      expect.objectContaining({ id: 1000, body: `${MARKER}\ncandidate loses` }),
    ]);
  });

  it("says why it could not comment, as a warning with the permission to grant, and does not throw", async () => {
    comments = [];
    const host = new GitHubHost();
    const saved = process.env.GITHUB_REPOSITORY;
    process.env.GITHUB_REPOSITORY = "owner/other";
    try {
      const said = await host.postComment("x", MARKER, "ghs_token_1");
      expect(said.warning).toBe(true);
      expect(said.message).toMatch(
        /^Could not comment on PR #7: .*owner\/other.*\. Grant the workflow `permissions: pull-requests: write`\. The report is in the job summary\.$/,
      );
    } finally {
      process.env.GITHUB_REPOSITORY = saved;
    }
    expect(await host.postComment("x", MARKER, undefined)).toEqual({
      message: expect.stringMatching(/^No token for the PR comment/),
      warning: true,
    });
  });

  it("writes failures as annotations with the file relative to the workspace, line and column", async () => {
    const host = new GitHubHost();
    const lines = await stdout(() =>
      host.fail("bad row", { input: "data", file: join(dir, "data", "x.csv"), line: 3, column: 7 }),
    );
    expect(lines).toEqual(["::error file=data/x.csv,line=3,col=7::bad row"]);
    expect(await stdout(() => host.log.warning("drift in age", { file: "data/x.csv", line: 1 }))).toEqual([
      "::warning file=data/x.csv,line=1::drift in age",
    ]);
    expect(await stdout(() => host.fail("no such task"))).toEqual(["::error::no such task"]);
  });

  it("masks a secret (each line of a multi-line one) before any use, and in every later line", async () => {
    const host = new GitHubHost();
    const lines = await stdout(async () => {
      host.log.secret("line-one-secret\nline-two-secret");
      host.log.info("using line-two-secret now");
      await host.log.group("group with line-one-secret", async () => undefined);
    });
    expect(lines).toEqual([
      "::add-mask::line-one-secret%0Aline-two-secret",
      "::add-mask::line-one-secret",
      "::add-mask::line-two-secret",
      "using *** now",
      "::group::group with ***",
      "::endgroup::",
    ]);
  });

  it("cuts a report too long for a PR comment at a line, and says where the whole one is", () => {
    const body = Array.from({ length: 100 }, (_, i) => `| row ${i} | ${"x".repeat(20)} |`).join("\n");
    const fitted = fitComment(body, 500);
    expect(fitted.length).toBeLessThanOrEqual(500);
    expect(fitted).toMatch(
      /\| row \d+ \| x{20} \|\n\n… \(cut to fit a PR comment: the whole report is in the job summary\)$/,
    );
    expect(fitComment("short")).toBe("short");
  });
});
