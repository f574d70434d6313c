// The Azure DevOps host reads inputs and writes `##vso[...]` commands itself
// (src/hosts/azure-devops-commands.ts) so that a run need not load azure-pipelines-task-lib. The
// library is the reference: the same environment and the same calls, each in a process of its own
// (both read the environment once, as they load), must write the same bytes to stdout and leave
// the same variables in process.env, which is what a child process (a user's step) inherits.
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
const LIBRARY = join(ROOT, "node_modules", "azure-pipelines-task-lib", "task.js");
const OURS = join(ROOT, "src", "hosts", "azure-devops-commands.ts");

let dir: string;
let driver: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-ado-commands-"));
  driver = join(dir, "driver.mjs");
  // argv: which implementation, then the calls as JSON ([method, ...args] each). The library's
  // signatures take `optional`/`required` flags and an IssueType enum: adapted to the host's calls.
  await writeFile(
    driver,
    `const [mode, json] = process.argv.slice(2);
let api;
if (mode === "library") {
  const tl = await import(${JSON.stringify(LIBRARY)});
  api = {
    getInput: (n) => tl.getInput(n, false),
    getVariable: (n) => tl.getVariable(n),
    getEndpointAuthorizationScheme: (id) => tl.getEndpointAuthorizationScheme(id, true),
    getEndpointAuthorizationParameter: (id, k) => tl.getEndpointAuthorizationParameter(id, k, true),
    getEndpointDataParameter: (id, k) => tl.getEndpointDataParameter(id, k, true),
    setSecret: (v) => tl.setSecret(v),
    setVariable: (...a) => tl.setVariable(...a),
    logIssue: (t, ...a) => tl.logIssue(t === "error" ? tl.IssueType.Error : tl.IssueType.Warning, ...a),
    command: (...a) => tl.command(...a),
    uploadSummary: (p) => tl.uploadSummary(p),
    debug: (m) => tl.debug(m),
  };
} else {
  api = await import(${JSON.stringify(OURS)});
}
for (const [method, ...args] of JSON.parse(json)) {
  try {
    process.stdout.write("RESULT " + JSON.stringify(api[method](...args) ?? null) + "\\n");
  } catch (error) {
    process.stdout.write("THROWS " + error.message + "\\n");
  }
}
const env = Object.fromEntries(Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : 1)));
process.stdout.write("ENV " + JSON.stringify(env) + "\\n");
`,
  );
});
afterAll(() => cleanup());

type Call = [string, ...unknown[]];

function run(mode: "library" | "ours", env: Record<string, string>, calls: Call[]): string {
  const child = spawnSync(process.execPath, ["--import", TSX, driver, mode, JSON.stringify(calls)], {
    // The library writes its vault key (.taskkey) into Agent.TempDirectory or the working directory.
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  expect(child.status, child.stderr).toBe(0);
  return child.stdout;
}

function same(env: Record<string, string>, calls: Call[]): string {
  const ours = run("ours", env, calls);
  expect(ours).toBe(run("library", env, calls));
  return ours;
}

/** Values with every character the command escaping exists for. */
const AWKWARD = "a;b]c%d\re\nf%AZP25 ✓";

const AGENT: Record<string, string> = {
  INPUT_COMMAND: "register-dataset",
  INPUT_NAME: "  spaced name  ",
  INPUT_MY_INPUT: AWKWARD,
  INPUT_EMPTY: "",
  INPUT_Mixed_Case: "mixed",
  INPUT_TOKEN: "token-secret-value",
  "ENDPOINT_AUTH_conn-1": '{"parameters":{"serviceprincipalkey":"sp-secret"},"scheme":"ServicePrincipal"}',
  "ENDPOINT_AUTH_SCHEME_conn-1": "ServicePrincipal",
  "ENDPOINT_AUTH_PARAMETER_conn-1_TENANTID": "tenant-guid",
  "ENDPOINT_AUTH_PARAMETER_conn-1_SERVICEPRINCIPALID": "client-guid",
  "ENDPOINT_AUTH_PARAMETER_conn-1_SERVICEPRINCIPALKEY": "sp-secret",
  ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN: "job-token",
  "ENDPOINT_DATA_conn-1_SUBSCRIPTIONID": "sub-guid",
  "ENDPOINT_URL_conn-1": "https://management.azure.com/",
  SECRET_MY_SECRET: "variable-secret",
  SECRET_: "no name",
  SECUREFILE_TICKET_f1: "ticket",
  VSTS_TASKVARIABLE_v1: "task variable",
  VSTS_SECRET_VARIABLES: '["My.Secret"]',
  VSTS_PUBLIC_VARIABLES: '["Build.BuildId"]',
  COMMAND_CORRELATION_ID: "corr-1",
  BUILD_BUILDID: "42",
  SYSTEM_ACCESSTOKEN: "system-token",
  BUILD_SOURCESDIRECTORY: "/src",
};

const CALLS: Call[] = [
  ["getInput", "command"],
  ["getInput", "name"],
  ["getInput", "my input"],
  ["getInput", "MY_INPUT"],
  ["getInput", "mixed_case"],
  ["getInput", "empty"],
  ["getInput", "missing"],
  ["getInput", "token"],
  ["getVariable", "Build.BuildId"],
  ["getVariable", "My.Secret"],
  ["getVariable", "System.AccessToken"],
  ["getVariable", "Not.Set"],
  ["getEndpointAuthorizationScheme", "conn-1"],
  ["getEndpointAuthorizationParameter", "conn-1", "tenantid"],
  ["getEndpointAuthorizationParameter", "conn-1", "serviceprincipalid"],
  ["getEndpointAuthorizationParameter", "conn-1", "serviceprincipalkey"],
  ["getEndpointAuthorizationParameter", "SystemVssConnection", "AccessToken"],
  ["getEndpointAuthorizationParameter", "conn-2", "tenantid"],
  ["getEndpointDataParameter", "conn-1", "subscriptionId"],
  ["getEndpointDataParameter", "conn-2", "subscriptionId"],
  ["setSecret", "token-secret-value"],
  ["setSecret", "a;b]c%d"],
  ["setSecret", ""],
  ["setSecret", "line one\nline two"],
  ["setVariable", "modelVersion", "3", false, true],
  ["setVariable", "weird.out", AWKWARD, false, true],
  ["setVariable", "empty.out", "", false, true],
  ["setVariable", "My.Secret", "now-known", false, true],
  ["setVariable", "My.Secret", "", false, true],
  ["setVariable", "multi", "x\ny", true, false],
  ["getVariable", "modelVersion"],
  ["logIssue", "error", AWKWARD, "data/a;b]%.csv", 3, 7],
  ["logIssue", "warning", "drift", "data/x.csv", 0, 0],
  ["logIssue", "warning", "no file"],
  ["command", "task.complete", { result: "Failed" }, AWKWARD],
  ["command", "task.complete", {}, ""],
  ["uploadSummary", "/tmp/summary dir/register-dataset%.md"],
  ["debug", AWKWARD],
];

describe("the Azure DevOps commands: the same stdout and environment as azure-pipelines-task-lib", () => {
  it("on an agent: inputs, endpoint auth and secret variables are read and moved out of process.env", () => {
    const out = same({ ...AGENT, AGENT_TEMPDIRECTORY: dir }, CALLS);
    // A few exact lines, so a change to both at once is still seen.
    expect(out).toContain("##vso[task.setsecret]a;b]c%AZP25d\n");
    expect(out).toContain(
      "##vso[task.setvariable variable=weird.out;isOutput=true;issecret=false;]a;b]c%AZP25d%0De%0Af%AZP25AZP25 ✓\n",
    );
    expect(out).toContain(
      "##vso[task.logissue type=error;sourcepath=data/a%3Bb%5D%AZP25.csv;linenumber=3;columnnumber=7;]",
    );
    expect(out).toContain("THROWS Secrets cannot contain multiple lines\n");
    const env = JSON.parse(
      out
        .split("\n")
        .find((l) => l.startsWith("ENV "))
        ?.slice(4) ?? "{}",
    );
    for (const gone of ["INPUT_COMMAND", "INPUT_TOKEN", "ENDPOINT_AUTH_PARAMETER_conn-1_SERVICEPRINCIPALKEY"]) {
      expect(env).not.toHaveProperty(gone);
    }
    for (const gone of ["SECRET_MY_SECRET", "COMMAND_CORRELATION_ID", "VSTS_SECRET_VARIABLES"]) {
      expect(env).not.toHaveProperty(gone);
    }
    expect(env).toMatchObject({
      INPUT_EMPTY: "",
      "ENDPOINT_DATA_conn-1_SUBSCRIPTIONID": "sub-guid",
      MODELVERSION: "3",
    });
  });

  it("with system.debug on and debug lines limited to it", () => {
    same(
      {
        ...AGENT,
        AGENT_TEMPDIRECTORY: dir,
        SYSTEM_DEBUG: "True",
        DISTRIBUTEDTASK_TASKS_NODE_SKIPDEBUGLOGSWHENDEBUGMODEOFF: "true",
      },
      CALLS,
    );
  });

  it("with debug lines off: only the two the library writes before it reads the switch", () => {
    const out = same(
      { ...AGENT, AGENT_TEMPDIRECTORY: dir, DISTRIBUTEDTASK_TASKS_NODE_SKIPDEBUGLOGSWHENDEBUGMODEOFF: "TRUE" },
      CALLS,
    );
    expect(out.match(/##vso\[task\.debug\]/g)).toHaveLength(2);
  });

  it("with no temp directory, a proxy and certificates configured, as a self-hosted agent", () => {
    same(
      {
        ...AGENT,
        AGENT_WORKFOLDER: dir,
        AGENT_PROXYURL: "http://proxy:8080",
        AGENT_PROXYUSERNAME: "me",
        SECRET_AGENT_PROXYPASSWORD: "proxy-secret",
        VSTS_SECRET_VARIABLES: '["Agent.ProxyPassword"]',
        AGENT_CAINFO: "/etc/ca.pem",
        AGENT_CLIENTCERT: "/etc/client.pem",
        AGENT_SKIPCERTVALIDATION: "true",
      },
      CALLS,
    );
  });

  it("outside an agent: nothing set", () => {
    same({}, [
      ["getInput", "command"],
      ["getVariable", "Agent.TempDirectory"],
      ["debug", "x"],
    ]);
  });
});
