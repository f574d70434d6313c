// A local-backend task must not load the Azure SDKs (nor, on GitHub, @actions/core's HTTP client, nor
// azure-pipelines-task-lib on Azure DevOps):
// they are most of each bundle, and loading them was most of a short task's time (bench/startup.ts
// measures it). Each built bundle in dist/, copied alone, runs a local register-dataset under a
// module hook that records every file Node loads; none may hold the SDKs' code, which must still
// be in dist/ for the azureml backend (split into chunks the bundle loads on demand).
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";
import { copyDist, runBundle } from "./hosts/run-bundle.js";

/** Code that exists only in the SDKs named (class definitions, not names our code mentions). */
const MARKERS: Record<string, RegExp> = {
  "@azure/arm-machinelearning": /class AzureMachineLearningWorkspaces\b/,
  "@azure/storage-blob": /class BlobServiceClient\b/,
  "@azure/msal-node": /class PublicClientApplication\b/,
  "undici (through @actions/core)": /class ProxyAgent\b/,
  // The Azure DevOps host writes the task library's commands itself (src/hosts/azure-devops-commands.ts).
  "azure-pipelines-task-lib": /_vsts_task_lib_loaded/,
};

/**
 * Code only each task's run module (or what only it imports) holds: hosts read every task's spec,
 * but a run must load its own task's code alone (src/tasks/index.ts loads it on first run).
 */
const TASK_CODE: Record<string, RegExp> = {
  "register-dataset": /function remoteFingerprint\(/,
  "validate-data": /function parseColumnTests\(/,
  "submit-pipeline": /function trialTable\(/,
  "compare-models": /function moveChampionTag\(/,
  "deploy-endpoint": /function deploymentNameFor\(/,
  "compare-models' evaluation": /function evaluationSettings\(/,
  "deploy-endpoint's gate": /function parseGate\(/,
  "validate-data's profile": /function profileData\(/,
};

/** Code of the local workspace that loads on first use, which a register-dataset never makes. */
const ON_DEMAND: Record<string, RegExp> = {
  "the local job runner": /function executePlan\(/,
  "the local serving processes": /function startServer\(/,
  yaml: /class YAMLMap\b/,
};

// Prints the path of every file module Node resolves, to stderr, one per line.
const HOOK = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(
  "export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith('file:')) process._rawDebug('LOADED ' + r.url); return r; }"
));`,
)}`;

let root: string;
let dist: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir("mlops-lazy-"));
  dist = await copyDist(root);
  await writeFile(join(root, "data.csv"), "age,bmi,target\n59,32.1,151\n48,21.6,75\n");
  await writeFile(join(root, "github_output"), "");
});
afterAll(() => cleanup());

const HOSTS: { host: string; args: string[]; env: Record<string, string> }[] = [
  {
    host: "github",
    args: [],
    env: { INPUT_TASK: "register-dataset", INPUT_NAME: "d", INPUT_PATH: "data.csv", GITHUB_OUTPUT: "github_output" },
  },
  {
    host: "azure-devops",
    args: [],
    env: { INPUT_COMMAND: "register-dataset", INPUT_NAME: "d", INPUT_PATH: "data.csv" },
  },
  { host: "cli", args: ["register-dataset", "--name", "d", "--path", "data.csv"], env: {} },
];

describe.each(HOSTS)("the $host bundle on the local backend", ({ host, args, env }) => {
  it("loads none of the Azure SDKs' code, which its folder still holds", async () => {
    const run = await runBundle(
      join(dist, host, "index.js"),
      root,
      { ...env, AGENT_TEMPDIRECTORY: root, INPUT_WORKSPACEDIR: `ws-${host}` },
      [...args, ...(host === "cli" ? ["--workspace-dir", `ws-${host}`] : [])],
      ["--import", HOOK],
    );
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
    const loaded = [...run.stderr.matchAll(/^LOADED (file:.*)$/gm)].map((m) => fileURLToPath(m[1]));
    expect(loaded).toContain(join(dist, host, "index.js"));
    const texts = await Promise.all(loaded.map((f) => readFile(f, "utf8")));
    const found = Object.entries(MARKERS)
      .filter(([, marker]) => texts.some((t) => marker.test(t)))
      .map(([name]) => name);
    expect(found).toEqual([]);

    // The SDKs are still shipped, in chunks beside the entry: the azureml backend loads them.
    const chunks = (await readdir(join(dist, host))).filter((f) => f.endsWith(".js"));
    const shipped = await Promise.all(chunks.map((f) => readFile(join(dist, host, f), "utf8")));
    expect(shipped.some((t) => MARKERS["@azure/arm-machinelearning"].test(t))).toBe(true);
  });

  it("loads register-dataset's code, no other task's and no local runner, which its folder still holds", async () => {
    const run = await runBundle(
      join(dist, host, "index.js"),
      root,
      { ...env, AGENT_TEMPDIRECTORY: root, INPUT_WORKSPACEDIR: `ws-tasks-${host}` },
      [...args, ...(host === "cli" ? ["--workspace-dir", `ws-tasks-${host}`] : [])],
      ["--import", HOOK],
    );
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
    const loaded = [...run.stderr.matchAll(/^LOADED (file:.*)$/gm)].map((m) => fileURLToPath(m[1]));
    const texts = await Promise.all(loaded.map((f) => readFile(f, "utf8")));
    const found = Object.entries(TASK_CODE)
      .filter(([, marker]) => texts.some((t) => marker.test(t)))
      .map(([name]) => name);
    expect(found).toEqual(["register-dataset"]);
    expect(Object.keys(ON_DEMAND).filter((name) => texts.some((t) => ON_DEMAND[name].test(t)))).toEqual([]);

    // Every marker is in some chunk of the folder: a renamed function fails here, not silently above.
    const chunks = (await readdir(join(dist, host))).filter((f) => f.endsWith(".js"));
    const shipped = await Promise.all(chunks.map((f) => readFile(join(dist, host, f), "utf8")));
    const missing = Object.entries({ ...TASK_CODE, ...ON_DEMAND })
      .filter(([, marker]) => !shipped.some((t) => marker.test(t)))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
