/**
 * Credentials stay with the tool: pipeline steps and servers get an environment without the CI's
 * and Azure's credentials. A canary is set for every listed variable; a step prints its whole
 * environment; no canary may appear in the log, the step's std_log.txt, job.json, or any file.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CREDENTIAL_VARIABLES, childEnvironment, isCredentialVariable } from "../../src/util/credential-env.js";
import { startServer } from "../../src/workspace/local/serving/process.js";
import { runCliTask, tempDir } from "../helpers.js";

/** One variable name per entry: the name itself, or a name of the family for a prefix. */
const CANARY_NAMES = CREDENTIAL_VARIABLES.map((v) => (v.prefix ? `${v.name}CANARY_X` : v.name));
const canaryValue = (name: string) => `canary-${name.toLowerCase().replaceAll("_", "-")}-3f9a1c`;

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await allFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

describe("the credential list", () => {
  it("names the CI's and Azure's credentials the issue found reaching user code, and more", () => {
    for (const name of [
      "GITHUB_TOKEN",
      "ACTIONS_RUNTIME_TOKEN",
      "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
      "AZURE_CLIENT_SECRET",
      "AZURE_CLIENT_CERTIFICATE_PASSWORD",
      "AZURE_FEDERATED_TOKEN_FILE",
      "SYSTEM_ACCESSTOKEN",
      "ENDPOINT_AUTH_PARAMETER_SC1_SERVICEPRINCIPALKEY",
      "INPUT_TOKEN",
      "IDENTITY_HEADER",
      "MSI_SECRET",
    ])
      expect(isCredentialVariable(name), name).toBe(true);
    // Windows ignores case in variable names.
    expect(isCredentialVariable("github_token")).toBe(true);
    for (const name of ["PATH", "HOME", "AZURE_CLIENT_ID", "MLOPS_PYTHON", "GITHUB_SHA", "PYTHONPATH"])
      expect(isCredentialVariable(name), name).toBe(false);
  });

  it("childEnvironment drops every listed variable and keeps what is explicitly given", () => {
    const base = Object.fromEntries([...CANARY_NAMES.map((n) => [n, canaryValue(n)]), ["PLAIN", "kept"]]);
    const env = childEnvironment(base, { GITHUB_TOKEN: "explicit" });
    expect(env.PLAIN).toBe("kept");
    expect(env.GITHUB_TOKEN).toBe("explicit");
    for (const n of CANARY_NAMES) if (n !== "GITHUB_TOKEN") expect(env[n], n).toBeUndefined();
  });
});

describe("steps and servers run without the CI's credentials", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const saved: Record<string, string | undefined> = {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-canary-"));
    for (const n of [...CANARY_NAMES, "MLOPS_TEST_PLAIN"]) {
      saved[n] = process.env[n];
      process.env[n] = n === "MLOPS_TEST_PLAIN" ? "plain-value-visible" : canaryValue(n);
    }
  });
  afterEach(async () => {
    for (const [n, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[n];
      else process.env[n] = v;
    }
    await cleanup();
  });

  const leaks = async (texts: string[]): Promise<string[]> => {
    const found: string[] = [];
    const files = await allFiles(dir);
    const sources = [
      ...texts.map((t, i) => [`output ${i}`, t]),
      ...(await Promise.all(files.map(async (f) => [f, await readFile(f, "latin1")]))),
    ];
    for (const [where, text] of sources)
      for (const n of CANARY_NAMES) if (text.includes(canaryValue(n))) found.push(`${n} in ${where}`);
    return found;
  };

  it("a step that prints its environment leaks no canary; environment_variables still pass", async () => {
    await writeFile(
      join(dir, "pipeline.yml"),
      `type: pipeline
jobs:
  show:
    type: command
    command: python -c "import os; [print(k + '=' + v) for k, v in sorted(os.environ.items())]"
    environment_variables:
      CHOSEN_BY_USER: passed-explicitly
      AZURE_STORAGE_KEY: the-user-chose-this
`,
    );
    const run = await runCliTask("submit-pipeline", { pipeline: "pipeline.yml" }, dir);
    expect(run.stderr).toEqual([]);
    expect(run.outputs.status).toBe("Completed");
    const log = run.stdout.join("\n");
    // The step really printed its environment: what is not a credential is there.
    expect(log).toContain("[show] MLOPS_TEST_PLAIN=plain-value-visible");
    expect(log).toContain("[show] CHOSEN_BY_USER=passed-explicitly");
    expect(log).toContain("[show] AZURE_STORAGE_KEY=the-user-chose-this");
    const stdLog = await readFile(
      join(dir, ".mlops", "jobs", run.outputs.jobName, "steps", "show", "std_log.txt"),
      "utf8",
    );
    expect(stdLog).toContain("MLOPS_TEST_PLAIN=plain-value-visible");
    expect(await leaks([...run.stdout, ...run.stderr, JSON.stringify(run.outputs)])).toEqual([]);
  });

  it("a server started for an endpoint gets no canary either", async () => {
    const logFile = join(dir, "server.log");
    // A "server" that prints its environment and exits: startServer fails, the log is what we check.
    await expect(
      startServer({
        command: process.execPath,
        args: ["-e", "for (const [k, v] of Object.entries(process.env)) console.log(k + '=' + v)"],
        cwd: dir,
        logFile,
        portFile: join(dir, "port.json"),
        identity: () => true,
        timeoutMs: 30_000,
        what: "env printer",
        env: { ...process.env, AZUREML_MODEL_DIR: "/models/x" },
      }),
    ).rejects.toThrow(/env printer exited with code 0/);
    const text = await readFile(logFile, "utf8");
    expect(text).toContain("MLOPS_TEST_PLAIN=plain-value-visible");
    expect(text).toContain("AZUREML_MODEL_DIR=/models/x");
    expect(await leaks([])).toEqual([]);
  });
});
