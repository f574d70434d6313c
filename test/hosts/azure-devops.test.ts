// The Azure DevOps host on its own: PR threads through the Azure DevOps REST API (a recording
// server on 127.0.0.1 as the collection URI), logged issues with file and line, output variables,
// the uploaded summary, run context and masking. The bundle end to end is in test/e2e-bundles.test.ts.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AzureDevOpsHost as AzureDevOpsHostType } from "../../src/hosts/azure-devops.js";
import { tempDir } from "../helpers.js";
import { type RecordedRequest, startRecordingServer } from "./recording-server.js";

interface Thread {
  id: number;
  isDeleted?: boolean;
  comments: { id: number; content: string }[];
}

const MARKER = "<!-- mlops-action:compare-models:CI -->";
const THREADS = "/org/proj-id/_apis/git/repositories/repo-id/pullRequests/12/threads";
let dir: string;
let cleanup: () => Promise<void>;
let server: Awaited<ReturnType<typeof startRecordingServer>>;
let threads: Thread[];
let AzureDevOpsHost: typeof AzureDevOpsHostType;

function azureDevOps(req: RecordedRequest, base: string) {
  const url = new URL(req.url, base);
  if (url.searchParams.get("api-version") !== "7.1") return { status: 400, body: { message: "api-version" } };
  if (req.headers.authorization !== "Bearer system-access-token")
    return { status: 401, body: { message: "TF400813: not authorized" } };
  if (url.pathname === THREADS && req.method === "GET")
    return { status: 200, body: { value: threads, count: threads.length } };
  if (url.pathname === THREADS && req.method === "POST") {
    const body = JSON.parse(req.body);
    const t = { id: 100 + threads.length, comments: [{ id: 1, content: body.comments[0].content }] };
    threads.push(t);
    return { status: 200, body: t };
  }
  const edit = new RegExp(`^${THREADS}/(\\d+)/comments/(\\d+)$`).exec(url.pathname);
  if (edit && req.method === "PATCH") {
    const c = threads.find((t) => t.id === Number(edit[1]))?.comments.find((x) => x.id === Number(edit[2]));
    if (!c) return { status: 404, body: { message: "not found" } };
    c.content = JSON.parse(req.body).content;
    return { status: 200, body: c };
  }
  return { status: 404, body: { message: `no route ${req.method} ${url.pathname}` } };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-ado-host-"));
  server = await startRecordingServer(azureDevOps);
  Object.assign(process.env, {
    AGENT_TEMPDIRECTORY: dir,
    SYSTEM_COLLECTIONURI: `${server.url}/org/`,
    SYSTEM_TEAMPROJECT: "Proj",
    SYSTEM_TEAMPROJECTID: "proj-id",
    BUILD_REPOSITORY_ID: "repo-id",
    BUILD_REPOSITORY_PROVIDER: "TfsGit",
    SYSTEM_PULLREQUEST_PULLREQUESTID: "12",
    BUILD_BUILDID: "77",
    BUILD_SOURCEVERSION: "def456",
    BUILD_DEFINITIONNAME: "CI",
    BUILD_SOURCESDIRECTORY: dir,
    // The agent's OAuth token for the job, as the SystemVssConnection endpoint.
    ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN: "system-access-token",
    // System.AccessToken mapped into the step's environment (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)).
    SYSTEM_ACCESSTOKEN: "mapped-access-token",
    INPUT_COMMAND: "compare-models",
    // An Azure Resource Manager service connection (service principal), as the agent passes it:
    // under task.json's name, whether the pipeline wrote that or the alias `azureSubscription`.
    INPUT_CONNECTEDSERVICENAMEARM: "5b3c0e8a-conn",
    "ENDPOINT_AUTH_SCHEME_5b3c0e8a-conn": "ServicePrincipal",
    "ENDPOINT_AUTH_PARAMETER_5b3c0e8a-conn_TENANTID": "tenant-guid",
    "ENDPOINT_AUTH_PARAMETER_5b3c0e8a-conn_SERVICEPRINCIPALID": "client-guid",
    "ENDPOINT_AUTH_PARAMETER_5b3c0e8a-conn_SERVICEPRINCIPALKEY": "sp-secret-value",
    "ENDPOINT_DATA_5b3c0e8a-conn_SUBSCRIPTIONID": "sub-guid",
  });
  ({ AzureDevOpsHost } = await import("../../src/hosts/azure-devops.js"));
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

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
    .filter((l) => l !== "" && !l.startsWith("##vso[task.debug]"));
}

describe("the Azure DevOps host", () => {
  afterEach(() => {
    server.requests.length = 0;
  });

  it("moved INPUT_* and ENDPOINT_* out of the environment, and reads the task from `command`", () => {
    expect(process.env.INPUT_COMMAND).toBeUndefined();
    expect(process.env.ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN).toBeUndefined();
    expect(new AzureDevOpsHost().taskName()).toBe("compare-models");
  });

  it("resolves the azureSubscription service connection for the Azure backend, its key masked", async () => {
    const host = new AzureDevOpsHost();
    expect(host.run.azure?.azureServiceConnection).toEqual({
      id: "5b3c0e8a-conn",
      scheme: "ServicePrincipal",
      tenantId: "tenant-guid",
      clientId: "client-guid",
      clientSecret: "sp-secret-value",
      systemAccessToken: "mapped-access-token",
      subscriptionId: "sub-guid",
    });
    const lines = await stdout(() => host.log.info("key is sp-secret-value"));
    expect(lines).toEqual(["key is ***"]);
  });

  it("registers the job's access token as a secret before anything reads it", async () => {
    const lines = await stdout(() => new AzureDevOpsHost());
    expect(lines.sort()).toEqual([
      "##vso[task.setsecret]mapped-access-token",
      "##vso[task.setsecret]sp-secret-value",
      "##vso[task.setsecret]system-access-token",
    ]);
  });

  it("reads the run context: commit, build URL, PR id and pipeline name", () => {
    expect(new AzureDevOpsHost().run).toEqual({
      host: "azure-devops",
      commit: "def456",
      runUrl: `${server.url}/org/Proj/_build/results?buildId=77`,
      pullRequest: 12,
      workflow: "CI",
      azure: expect.objectContaining({}),
    });
  });

  it("creates the marked PR thread with the job's access token, then updates its comment in place", async () => {
    threads = [
      { id: 1, comments: [{ id: 1, content: "a reviewer's note" }] },
      { id: 2, isDeleted: true, comments: [{ id: 1, content: `${MARKER}\nold, deleted` }] },
    ];
    const host = new AzureDevOpsHost();
    const said: string[] = [];
    const lines = await stdout(async () => {
      said.push((await host.postComment("candidate wins", MARKER, undefined)).message);
      said.push((await host.postComment("candidate loses", MARKER, undefined)).message);
    });
    expect(said).toEqual(["PR 12: thread 102 created.", "PR 12: thread 102 updated."]);
    expect(lines).toContain("##vso[task.setsecret]system-access-token");
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${THREADS}?api-version=7.1`,
      `POST ${THREADS}?api-version=7.1`,
      `GET ${THREADS}?api-version=7.1`,
      `PATCH ${THREADS}/102/comments/1?api-version=7.1`,
    ]);
    expect(JSON.parse(server.requests[1].body)).toEqual({
      comments: [{ parentCommentId: 0, content: `${MARKER}\ncandidate wins`, commentType: 1 }],
      status: 1,
    });
    expect(threads.filter((t) => !t.isDeleted && t.comments[0].content.includes(MARKER))).toEqual([
      { id: 102, comments: [{ id: 1, content: `${MARKER}\ncandidate loses` }] },
    ]);
  });

  it("says why it could not comment, as a warning with the permission to grant", async () => {
    threads = [];
    const said = await new AzureDevOpsHost().postComment("x", MARKER, "a-wrong-token");
    expect(said).toEqual({
      message:
        "Could not comment on PR 12: GET pull request threads: HTTP 401 TF400813: not authorized. Give the build service 'Contribute to pull requests' on the repository. The report is in the build summary.",
      warning: true,
    });
  });

  it("posts nothing outside a PR build or for a repository not on Azure Repos, and says why", async () => {
    const notPr = new AzureDevOpsHost({ ...process.env, SYSTEM_PULLREQUEST_PULLREQUESTID: "" });
    expect(await notPr.postComment("x", MARKER, undefined)).toEqual({
      message: "Not a pull request build: no PR comment posted (the report is in the build summary).",
    });
    const onGitHub = new AzureDevOpsHost({ ...process.env, BUILD_REPOSITORY_PROVIDER: "GitHub" });
    expect(await onGitHub.postComment("x", MARKER, undefined)).toEqual({
      message:
        "The repository is on GitHub: PR threads need Azure Repos; no comment posted (the report is in the build summary).",
      warning: true,
    });
    expect(server.requests).toEqual([]);
  });

  it("writes output variables, a logged issue with file and line, and the failed result", async () => {
    const host = new AzureDevOpsHost();
    const lines = await stdout(() => {
      host.setOutput("version", "3");
      host.fail("bad row", { input: "data", file: join(dir, "data", "x.csv"), line: 3, column: 7 });
    });
    expect(lines).toEqual([
      "##vso[task.setvariable variable=version;isOutput=true;issecret=false;]3",
      "##vso[task.logissue type=error;sourcepath=data/x.csv;linenumber=3;columnnumber=7;]bad row",
      "##vso[task.complete result=Failed;]bad row",
    ]);
  });

  it("uploads the summary as a Markdown file in the agent's temp folder, masked", async () => {
    const host = new AzureDevOpsHost();
    const lines = await stdout(async () => {
      host.log.secret("sas-token-value");
      await host.appendSummary("### Report\nurl?sig=sas-token-value\n");
      await host.log.group("Upload", async () => host.log.info("sent with sas-token-value"));
    });
    const file = lines[1].replace("##vso[task.uploadsummary]", "");
    expect(file).toMatch(new RegExp(`^${dir}/mlops-summary-\\w+/compare-models\\.md$`));
    expect(lines).toEqual([
      "##vso[task.setsecret]sas-token-value",
      `##vso[task.uploadsummary]${file}`,
      "##[group]Upload",
      "sent with ***",
      "##[endgroup]",
    ]);
    expect(await readFile(file, "utf8")).toBe("### Report\nurl?sig=***\n");
  });

  it("registers a multi-line secret line by line, which the agent accepts, and masks it whole", async () => {
    const host = new AzureDevOpsHost();
    const lines = await stdout(() => {
      host.log.secret("-----BEGIN KEY-----\r\nabc123\n-----END KEY-----");
      host.log.info("key -----BEGIN KEY-----\r\nabc123\n-----END KEY----- end");
    });
    expect(lines).toEqual([
      "##vso[task.setsecret]-----BEGIN KEY-----",
      "##vso[task.setsecret]abc123",
      "##vso[task.setsecret]-----END KEY-----",
      "key *** end",
    ]);
  });
});
