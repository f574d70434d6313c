// A wrong service principal key with debug logging on (CLI --verbose, GitHub RUNNER_DEBUG=1,
// Azure DevOps system.debug): one error line that names where the secret comes from and how to
// fix it; no stack trace and no secret anywhere in the output, debug lines included.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { AuthenticationError } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { CliHost } from "../../src/hosts/cli.js";
import { runTask } from "../../src/hosts/run-task.js";
import { guardSignIn } from "../../src/workspace/azureml/sign-in-errors.js";
import { runBundle } from "../hosts/run-bundle.js";
import { CLIENT, type Cloud, startCloud, TENANT } from "./setup.js";

const WRONG = "wrong-sp-key-0123456789abcdef";
const ROOT = join(import.meta.dirname, "..", "..");
const TSX = ["--import", join(ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs")];
const STACK = /^\s+at |\n\s+at |\.ts:\d+:\d+\)/m;

let cloud: Cloud;
let work: string;
beforeAll(async () => {
  cloud = await startCloud();
  work = join(cloud.dir, "sign-in");
  await mkdir(work, { recursive: true });
  await writeFile(join(work, "a.csv"), "q\n1\n");
  await writeFile(join(cloud.dir, "out"), "");
  await writeFile(join(cloud.dir, "summary"), "");
});
afterAll(() => cloud?.stop());

const FIX =
  /The client secret is not one of application 11111111-2222-3333-4444-555555555555's: create a new one \(az ad app credential reset --id 11111111-2222-3333-4444-555555555555 --append\)/;

describe("a wrong service principal key with debug on", () => {
  it("CLI --verbose", async () => {
    const saved = process.env.AZURE_CLIENT_SECRET;
    process.env.AZURE_CLIENT_SECRET = WRONG;
    const lines: string[] = [];
    try {
      const host = new CliHost(
        {
          task: "register-dataset",
          inputs: { ...cloud.inputs, clientId: CLIENT, tenantId: TENANT, name: "x", path: "a.csv" },
          json: false,
          verbose: true,
        },
        (l) => lines.push(l),
        (l) => lines.push(l),
      );
      expect((await runTask(host, work)).exitCode).toBe(1);
    } finally {
      process.env.AZURE_CLIENT_SECRET = saved;
    }
    const all = lines.join("\n");
    expect(all).not.toContain(WRONG);
    expect(all).not.toMatch(STACK);
    const errors = lines.filter((l) => l.startsWith("error:"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^error: AZURE_CLIENT_SECRET: could not sign in to Azure as service principal 1111.*: AADSTS7000215: Invalid client secret provided\. The client secret is not one of/,
    );
    expect(errors[0]).toMatch(FIX);
    expect(errors[0]).toContain("store it in the CI secret AZURE_CLIENT_SECRET is set from");
  });

  it("GitHub with RUNNER_DEBUG=1 (the action's entry, run as the runner runs it)", async () => {
    const env: Record<string, string> = {
      GITHUB_OUTPUT: join(cloud.dir, "out"),
      GITHUB_STEP_SUMMARY: join(cloud.dir, "summary"),
      GITHUB_WORKSPACE: work,
      RUNNER_DEBUG: "1",
      MLOPS_EXTRA_CA_CERTS: cloud.caFile,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_SECRET: WRONG,
      INPUT_TASK: "register-dataset",
      INPUT_NAME: "x",
      INPUT_PATH: "a.csv",
    };
    for (const [k, v] of Object.entries(cloud.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r = await runBundle(join(ROOT, "src", "entry", "github.ts"), work, env, [], TSX);
    expect(r.code).toBe(1);
    // Nowhere but the line that registers it with the runner, which masks it from then on.
    expect(unmaskedLines(r.lines, `::add-mask::${WRONG}`)).toEqual([]);
    expect(r.stderr).not.toContain(WRONG);
    const all = `${r.stdout}\n${r.stderr}`;
    expect(all).not.toMatch(STACK);
    const errors = r.lines.filter((l) => l.startsWith("::error"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error::AZURE_CLIENT_SECRET: could not sign in to Azure as service principal .*AADSTS7000215/,
    );
    expect(errors[0]).toMatch(FIX);
  });

  it("Azure DevOps with system.debug, a service connection with a wrong key", async () => {
    const env: Record<string, string> = {
      SYSTEM_DEBUG: "true",
      AGENT_TEMPDIRECTORY: cloud.dir,
      MLOPS_EXTRA_CA_CERTS: cloud.caFile,
      INPUT_COMMAND: "register-dataset",
      INPUT_NAME: "x",
      INPUT_PATH: "a.csv",
      INPUT_CONNECTEDSERVICENAMEARM: "conn-1",
      "ENDPOINT_AUTH_SCHEME_conn-1": "ServicePrincipal",
      "ENDPOINT_AUTH_PARAMETER_conn-1_TENANTID": TENANT,
      "ENDPOINT_AUTH_PARAMETER_conn-1_SERVICEPRINCIPALID": CLIENT,
      "ENDPOINT_AUTH_PARAMETER_conn-1_SERVICEPRINCIPALKEY": WRONG,
    };
    for (const [k, v] of Object.entries(cloud.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r = await runBundle(join(ROOT, "src", "entry", "azure-devops.ts"), work, env, [], TSX);
    // The agent masks a value from the line that registers it on: it must come before any other.
    expect(unmaskedLines(r.lines, `##vso[task.setsecret]${WRONG}`)).toEqual([]);
    expect(r.stderr).not.toContain(WRONG);
    const all = `${r.stdout}\n${r.stderr}`;
    expect(all).not.toMatch(STACK);
    const errors = r.lines.filter((l) => l.startsWith("##vso[task.logissue") && l.includes("type=error"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /input 'azureSubscription': could not sign in to Azure as service connection conn-1 .*AADSTS7000215/,
    );
    expect(errors[0]).toMatch(/update the secret where it is stored \(the service connection or the CI secret\)/);
    expect(r.lines.some((l) => l.startsWith("##vso[task.complete result=Failed"))).toBe(true);
  });
});

/** Lines that show the secret before the line that registers it (which a runner then masks). */
function unmaskedLines(lines: string[], register: string): string[] {
  const first = lines.indexOf(register);
  expect(first).toBeGreaterThanOrEqual(0);
  return lines.slice(0, first).filter((l) => l.includes(WRONG));
}

describe("guardSignIn", () => {
  it("turns a sign-in failure from any client into one UserError, and passes other errors through", async () => {
    const failing = (error: Error): TokenCredential => ({
      getToken: async (): Promise<AccessToken> => {
        throw error;
      },
    });
    const source = { what: "service principal c1", env: "AZURE_CLIENT_SECRET", clientId: "c1", tenantId: "t1" };
    const auth = new AuthenticationError(400, {
      error: "invalid_client",
      error_description:
        "AADSTS7000222: The provided client secret keys for app 'c1' are expired. Trace ID: 1 Correlation ID: 2 Timestamp: 2026-11-29",
    });
    const error = await guardSignIn(failing(auth), source)
      .getToken("https://management.azure.com/.default")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).describe()).toMatch(
      /^AZURE_CLIENT_SECRET: could not sign in to Azure as service principal c1: AADSTS7000222: The provided client secret keys for app 'c1' are expired\. The client secret of application c1 has expired: create a new one/,
    );
    const network = new Error("socket hang up");
    await expect(guardSignIn(failing(network), source).getToken("x")).rejects.toBe(network);
  });
});
