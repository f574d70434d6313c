// The built bundles, run the way GitHub Actions, Azure DevOps and a shell run them: environment
// variables (or flags) in; $GITHUB_OUTPUT, logging commands, output variables and exit codes out.
// dist/ is copied alone into a temporary folder, so the bundles prove they need no node_modules.
// Only register-dataset drives them: it is the finished task; the other tasks have their own tests.
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { WORKSPACE_INPUTS } from "../src/tasks/common.js";
import { TASKS } from "../src/tasks/index.js";
import { TASK_NAMES } from "../src/tasks/spec.js";
import { tempDir } from "./helpers.js";
import { type BundleRun, copyDist, parseGitHubOutput, REPO, runBundle } from "./hosts/run-bundle.js";

const TASK_LIST = TASK_NAMES.join(", ");
const PATH_HELP = TASKS["register-dataset"].spec.inputs.find((i) => i.name === "path")?.description;
const BACKENDS = WORKSPACE_INPUTS.find((i) => i.name === "backend")?.options?.join(", ");
const TASK_JSON = JSON.parse(readFileSync(join(REPO, "task.json"), "utf8")) as {
  inputs: { name: string; defaultValue: string }[];
};
const CSV = "age,bmi,target\n59,32.1,151\n48,21.6,75\n72,30.5,141\n";

interface HostResult {
  code: number | null;
  outputs: Record<string, string>;
  /** Every line the user sees, stdout then stderr. */
  seen: string[];
  /** The lines that report the failure in the host's own format. */
  errorLines: string[];
  summary?: string;
}

interface HostUnderTest {
  name: string;
  run(task: string | undefined, inputs: Record<string, string>, cwd: string): Promise<HostResult>;
  /** How a collapsible log group opens. */
  groupStart: string;
  /** The input that picks the task. */
  taskInput: string;
  /** The exact lines a failure with `message` must produce, and nothing else of its kind. */
  failure(message: string): string[];
  /** How a secret may appear: only where it is registered with the host. */
  registersSecret(line: string, secret: string): boolean;
}

let root: string;
let dist: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir("mlops-e2e-"));
  dist = await copyDist(root);
});
afterAll(async () => cleanup());

const lines = (text: string) => text.split(/\r?\n/).filter((l) => l !== "");

const github: HostUnderTest = {
  name: "GitHub Actions",
  async run(task, inputs, cwd) {
    const outputFile = join(cwd, "..", "github_output");
    const summaryFile = join(cwd, "..", "step_summary");
    await writeFile(outputFile, "");
    await writeFile(summaryFile, "");
    const env: Record<string, string> = {
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: cwd,
    };
    if (task !== undefined) env.INPUT_TASK = task;
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r = await runBundle(join(dist, "github", "index.js"), cwd, env);
    return {
      code: r.code,
      outputs: parseGitHubOutput(await readFile(outputFile, "utf8")),
      seen: [...r.lines, ...lines(r.stderr)],
      errorLines: r.lines.filter((l) => l.startsWith("::error")),
      summary: await readFile(summaryFile, "utf8"),
    };
  },
  groupStart: "::group::",
  taskInput: "task",
  failure: (message) => [`::error::${message}`],
  registersSecret: (line, secret) => line === `::add-mask::${secret}`,
};

const azureDevOps: HostUnderTest = {
  name: "Azure DevOps",
  async run(task, inputs, cwd) {
    const agentTemp = join(cwd, "..", "agent-temp");
    await mkdir(agentTemp, { recursive: true });
    const env: Record<string, string> = { AGENT_TEMPDIRECTORY: agentTemp };
    // As the agent does: every input of task.json arrives, with its default unless the step sets it,
    // including the inputs of the other commands that the visibleRule hides.
    for (const input of TASK_JSON.inputs)
      if (input.defaultValue) env[`INPUT_${input.name.toUpperCase()}`] = input.defaultValue;
    if (task !== undefined) env.INPUT_COMMAND = task;
    else delete env.INPUT_COMMAND;
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r: BundleRun = await runBundle(join(dist, "azure-devops", "index.js"), cwd, env);
    const outputs: Record<string, string> = {};
    for (const l of r.lines) {
      const m = /^##vso\[task\.setvariable variable=([^;]+);isOutput=true;issecret=false;\](.*)$/.exec(l);
      if (m) outputs[m[1]] = m[2];
    }
    const upload = r.lines.find((l) => l.startsWith("##vso[task.uploadsummary]"));
    return {
      code: r.code,
      outputs,
      seen: [...r.lines, ...lines(r.stderr)],
      errorLines: r.lines.filter(
        (l) => l.startsWith("##vso[task.logissue type=error") || l.startsWith("##vso[task.complete"),
      ),
      summary: upload ? await readFile(upload.slice("##vso[task.uploadsummary]".length), "utf8") : undefined,
    };
  },
  groupStart: "##[group]",
  taskInput: "command",
  failure: (message) => [`##vso[task.logissue type=error;]${message}`, `##vso[task.complete result=Failed;]${message}`],
  registersSecret: (line, secret) => line === `##vso[task.setsecret]${secret}`,
};

const cli: HostUnderTest = {
  name: "CLI",
  async run(task, inputs, cwd) {
    const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const args = [
      ...(task !== undefined ? [task] : []),
      ...Object.entries(inputs).flatMap(([k, v]) => [`--${kebab(k)}`, v]),
      "--json",
    ];
    const r = await runBundle(join(dist, "cli", "index.js"), cwd, {}, args);
    const last = r.lines.at(-1);
    return {
      code: r.code,
      outputs: r.code === 0 && last ? (JSON.parse(last) as Record<string, string>) : {},
      seen: [...r.lines, ...lines(r.stderr)],
      errorLines: lines(r.stderr).filter((l) => l.startsWith("error:")),
    };
  },
  groupStart: "▸ ",
  taskInput: "task",
  failure: (message) => [`error: ${message}`],
  registersSecret: () => false,
};

describe.each([github, azureDevOps, cli])("the $name bundle", (host) => {
  let n = 0;
  /** A fresh working folder holding data.csv, like a checked-out repository. */
  async function workdir(): Promise<string> {
    const dir = join(root, host.name.replace(/\W/g, ""), String(++n), "repo");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "data.csv"), CSV);
    return dir;
  }

  it("registers a dataset, then finds it unchanged on a re-run", async () => {
    const cwd = await workdir();
    const first = await host.run("register-dataset", { name: "diabetes", path: "data.csv" }, cwd);
    expect(first.errorLines).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.outputs).toEqual({
      name: "diabetes",
      version: "1",
      changed: "true",
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      uri: expect.stringContaining(join(cwd, ".mlops")),
    });
    if (first.summary !== undefined) expect(first.summary).toContain("### Dataset `diabetes`");
    // register-dataset fingerprints inside a log group.
    expect(first.seen).toContain(`${host.groupStart}Fingerprint ${join(cwd, "data.csv")}`);

    const again = await host.run("register-dataset", { name: "diabetes", path: "data.csv" }, cwd);
    expect(again.code).toBe(0);
    expect(again.outputs).toMatchObject({ version: "1", changed: "false", fingerprint: first.outputs.fingerprint });
  });

  const badInputs: [string, string | undefined, Record<string, string>, string][] = [
    ["an unknown task", "bogus", {}, `input '${host.taskInput}': unknown task 'bogus'. Use one of: ${TASK_LIST}.`],
    [
      "a missing required input",
      "register-dataset",
      { name: "diabetes" },
      `input 'path': missing (required by register-dataset). Set 'path': ${PATH_HELP}`,
    ],
    [
      "a value outside a choice",
      "register-dataset",
      { name: "diabetes", path: "data.csv", type: "folder" },
      "input 'type': 'folder' is not allowed. Use one of: uri_file, uri_folder, mltable.",
    ],
  ];

  if (host !== cli) {
    // The CLI prints its help for no task; the CI hosts must say which input to set.
    badInputs.push([
      "no task at all",
      undefined,
      { name: "diabetes" },
      `input '${host.taskInput}': no task given. Set '${host.taskInput}' to one of: ${TASK_LIST}.`,
    ]);
  }

  it.each(badInputs)(
    "fails on %s with one clear line, exit 1, no stack trace",
    async (_case, task, inputs, message) => {
      const cwd = await workdir();
      const r = await host.run(task, inputs, cwd);
      expect(r.code).toBe(1);
      expect(r.errorLines).toEqual(host.failure(message));
      expect(r.seen.filter((l) => /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$/.test(l))).toEqual([]);
      expect(r.outputs).toEqual({});
    },
  );

  it("fails on a path that does not exist with one line naming the input, and registers nothing", async () => {
    const cwd = await workdir();
    const r = await host.run("register-dataset", { name: "diabetes", path: "missing.csv" }, cwd);
    expect(r.code).toBe(1);
    expect(r.errorLines).toHaveLength(host.failure("x").length);
    for (const line of r.errorLines) expect(line).toMatch(/input 'path': .*missing\.csv.* does not exist/);
    expect(r.outputs).toEqual({});
    const again = await host.run("register-dataset", { name: "diabetes", path: "data.csv" }, cwd);
    expect(again.outputs).toMatchObject({ version: "1", changed: "true" });
  });

  it("registers a secret input before anything can print it, and never prints it", async () => {
    const cwd = await workdir();
    const token = "ghs_s3cretT0kenValue";
    // Parsing fails at `backend`, which compare-models reads after `token`: the token was already
    // handed to the host, and the failure path must not leak it either.
    const r = await host.run(
      "compare-models",
      { candidate: "m:1", metrics: "r2:higher", token, backend: "bogus" },
      cwd,
    );
    expect(r.code).toBe(1);
    expect(r.errorLines).toEqual(host.failure(`input 'backend': 'bogus' is not allowed. Use one of: ${BACKENDS}.`));
    const mentions = r.seen.filter((l) => l.includes(token));
    if (host === cli) {
      expect(mentions).toEqual([]);
    } else {
      // The runner or agent masks a value from the line that registers it on. azure-pipelines-task-lib
      // itself logs `##vso[task.debug]token=<value>` when it reads an input, so the host must have
      // registered it before that: the first mention is the registration.
      expect(host.registersSecret(mentions[0] ?? "", token)).toBe(true);
      const ours = r.seen.filter((l) => l.includes(token) && !l.startsWith("##vso[task.debug]"));
      expect(ours.every((l) => host.registersSecret(l, token))).toBe(true);
    }
  });
});

describe("a per-task GitHub action", () => {
  it("`uses: mlops-action/mlops-action/register-dataset@v1` runs register-dataset with only its own inputs set", async () => {
    const action = YAML.parse(readFileSync(join(REPO, "register-dataset", "action.yml"), "utf8")) as {
      inputs: Record<string, { default?: string }>;
      runs: { main: string };
    };
    // The runner sends every declared input, with its default when the step does not set it.
    const env: Record<string, string> = {};
    for (const [name, input] of Object.entries(action.inputs)) {
      if (input.default !== undefined) env[`INPUT_${name.toUpperCase()}`] = input.default;
    }
    const cwd = join(root, "per-task", "repo");
    await mkdir(cwd, { recursive: true });
    await writeFile(join(cwd, "data.csv"), CSV);
    const outputFile = join(root, "per-task", "github_output");
    await writeFile(outputFile, "");
    Object.assign(env, { INPUT_NAME: "diabetes", INPUT_PATH: "data.csv", GITHUB_OUTPUT: outputFile });
    // runs.main is relative to the action's folder: ../dist/github/index.js.
    const r = await runBundle(join(root, "register-dataset", action.runs.main), cwd, env);
    expect(r.code).toBe(0);
    expect(parseGitHubOutput(await readFile(outputFile, "utf8"))).toMatchObject({ name: "diabetes", version: "1" });
  });
});

describe("the CLI from a checkout", () => {
  it("`node bin/mlops.js` runs the committed bundle and prints the outputs as JSON on the last line", async () => {
    const { dir, cleanup: done } = await tempDir("mlops-bin-");
    try {
      await writeFile(join(dir, "data.csv"), CSV);
      const r = await runBundle(join(REPO, "bin", "mlops.js"), dir, {}, [
        "register-dataset",
        "--name",
        "diabetes",
        "--path",
        "data.csv",
        "--json",
      ]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.lines.at(-1) ?? "")).toMatchObject({ name: "diabetes", version: "1", changed: "true" });
    } finally {
      await done();
    }
  });
});
