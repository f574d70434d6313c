// Every bad input is exit 1 and one line naming the input (or file:line) and the fix, on every host
// as its runner runs it: the GitHub bundle with INPUT_* and $GITHUB_OUTPUT, the Azure DevOps bundle
// with the agent's INPUT_* (every task.json default set), and the CLI through bin/mlops.js. For each
// run: no stack trace, no second error line, no output, no runner command smuggled in through a
// value, nothing new or changed in the checkout or its workspace, and no canary secret anywhere.
//
// Host choice, to keep the file near a minute on two cores: a case marked `all` runs on all three
// hosts; any other case runs on one host, taken in turn (or the hosts it names).
import { createHash } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, readFile, readlink, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { runCliTask, tempDir } from "../helpers.js";
import { type BundleRun, parseGitHubOutput, REPO, runBundle } from "../hosts/run-bundle.js";
import { type BadInput, CANARY, CASES, type HostName, INJECT, REPO_FILES } from "./bad-input-cases.js";

const DATA = join(REPO, "examples", "data", "diabetes.csv");
/** Where bin/ and dist/ come from: this checkout, or (to measure an older build) a copy of both. */
const BUILD = process.env.MLOPS_BAD_INPUT_BUILD ?? REPO;
const HOSTS: HostName[] = ["github", "azure-devops", "cli"];

/** Defaults the runner and the agent send for inputs a step leaves out. */
const GITHUB_DEFAULTS = Object.fromEntries(
  Object.entries(
    (YAML.parse(readFileSync(join(REPO, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }> })
      .inputs,
  )
    .filter(([, i]) => i.default !== undefined)
    .map(([name, i]) => [name, String(i.default)]),
);
const ADO_DEFAULTS = Object.fromEntries(
  (
    JSON.parse(readFileSync(join(REPO, "task.json"), "utf8")) as { inputs: { name: string; defaultValue?: string }[] }
  ).inputs
    .filter((i) => i.defaultValue)
    .map((i) => [i.name, String(i.defaultValue)]),
);
const CANARY_ENV = {
  AZURE_CLIENT_SECRET: CANARY.AZURE_CLIENT_SECRET,
  GITHUB_TOKEN: CANARY.GITHUB_TOKEN,
  SYSTEM_ACCESSTOKEN: CANARY.SYSTEM_ACCESSTOKEN,
};
const CANARIES = Object.values(CANARY);

interface Run {
  code: number | null;
  /** stdout then stderr, line by line. */
  lines: string[];
  /** The host's failure lines (annotation, logged issue, task result or `error:`). */
  errorLines: string[];
  /** The failure message, unescaped. */
  message: string;
  /** Outputs the host published. */
  outputs: Record<string, string>;
  /** Text of every file the host wrote beside the checkout ($GITHUB_OUTPUT, summaries). */
  hostFiles: string[];
}

let root: string;
let cleanup: () => Promise<void>;
let template: string;
let templateSnapshot: Map<string, string>;
const placeholders: Record<string, string> = {};

/** Every path under `dir` → a digest of its content (files), `dir` or the link target. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(d: string): Promise<void> {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      const rel = relative(dir, full);
      if (entry.isSymbolicLink()) out.set(rel, `link:${await readlink(full)}`);
      else if (entry.isDirectory()) {
        out.set(rel, "dir");
        await walk(full);
      } else
        out.set(
          rel,
          createHash("sha256")
            .update(await readFile(full))
            .digest("hex"),
        );
    }
  }
  await walk(dir);
  return out;
}

/** What changed from `before` to `after`, except new paths under an allowed prefix. */
function changes(before: Map<string, string>, after: Map<string, string>, allowed: string[]): string[] {
  const ok = (p: string) => allowed.some((a) => p === a || p.startsWith(`${a}/`));
  const out: string[] = [];
  for (const [p, v] of after) {
    if (!before.has(p)) {
      if (!ok(p)) out.push(`new ${p}`);
    } else if (before.get(p) !== v) out.push(`changed ${p}`);
  }
  for (const p of before.keys()) if (!after.has(p)) out.push(`removed ${p}`);
  return out;
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) if (e.isFile()) found.push(join(e.parentPath, e.name));
  return found;
}

const unescapeGitHub = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeAdo = (s: string) =>
  s
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%3B/g, ";")
    .replace(/%5D/g, "]")
    .replace(/%AZP25/g, "%");
const splitLines = (text: string) => text.split(/\r?\n/).filter((l) => l !== "");
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

async function runOn(host: HostName, c: BadInput, cwd: string): Promise<Run> {
  const inputs = Object.fromEntries(
    Object.entries(c.inputs).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, (m, p: string) => placeholders[p] ?? m)]),
  );
  const side = dirname(cwd);
  let r: BundleRun;
  if (host === "github") {
    const outputFile = join(side, "github_output");
    const summaryFile = join(side, "step_summary");
    await writeFile(outputFile, "");
    await writeFile(summaryFile, "");
    const env: Record<string, string> = {
      ...CANARY_ENV,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: cwd,
    };
    for (const [k, v] of Object.entries(GITHUB_DEFAULTS)) env[`INPUT_${k.toUpperCase()}`] = v;
    if (c.task !== undefined) env.INPUT_TASK = c.task;
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    r = await runBundle(join(BUILD, "dist", "github", "index.js"), cwd, env);
    const errorLines = r.lines.filter((l) => l.startsWith("::error"));
    const outputText = await readFile(outputFile, "utf8");
    return {
      code: r.code,
      lines: [...r.lines, ...splitLines(r.stderr)],
      errorLines,
      message: unescapeGitHub(errorLines.at(-1)?.replace(/^::error[^:]*::/, "") ?? ""),
      outputs: parseGitHubOutput(outputText),
      hostFiles: [outputText, await readFile(summaryFile, "utf8")],
    };
  }
  if (host === "azure-devops") {
    const agentTemp = join(side, "agent-temp");
    await mkdir(agentTemp, { recursive: true });
    const env: Record<string, string> = {
      ...CANARY_ENV,
      AGENT_TEMPDIRECTORY: agentTemp,
      BUILD_SOURCESDIRECTORY: cwd,
    };
    for (const [k, v] of Object.entries(ADO_DEFAULTS)) env[`INPUT_${k.toUpperCase()}`] = v;
    if (c.task !== undefined) env.INPUT_COMMAND = c.task;
    else delete env.INPUT_COMMAND;
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    r = await runBundle(join(BUILD, "dist", "azure-devops", "index.js"), cwd, env);
    const errorLines = r.lines.filter(
      (l) => l.startsWith("##vso[task.logissue type=error") || l.startsWith("##vso[task.complete"),
    );
    const outputs: Record<string, string> = {};
    for (const l of r.lines) {
      const m = /^##vso\[task\.setvariable variable=([^;]+);isOutput=true;[^\]]*\](.*)$/.exec(l);
      if (m) outputs[m[1]] = m[2];
    }
    const issue = errorLines.filter((l) => l.startsWith("##vso[task.logissue")).at(-1);
    return {
      code: r.code,
      lines: [...r.lines, ...splitLines(r.stderr)],
      errorLines,
      message: unescapeAdo(issue?.slice(issue.indexOf("]") + 1) ?? ""),
      outputs,
      hostFiles: await Promise.all((await filesUnder(agentTemp)).map((f) => readFile(f, "utf8"))),
    };
  }
  const args = [
    ...(c.task !== undefined ? [c.task] : []),
    ...Object.entries(inputs).flatMap(([k, v]) => [`--${kebab(k)}`, v]),
    // Debug lines on: an unexpected error's stack goes there, and must not exist.
    "--verbose",
  ];
  r = await runBundle(join(BUILD, "bin", "mlops.js"), cwd, { ...CANARY_ENV }, args);
  const errorLines = splitLines(r.stderr).filter((l) => !l.startsWith("warning: ") && !l.startsWith("debug: "));
  return {
    code: r.code,
    lines: [...r.lines, ...splitLines(r.stderr)],
    errorLines,
    message: errorLines.at(-1)?.replace(/^error: /, "") ?? "",
    outputs: Object.fromEntries(
      r.lines.flatMap((l) => {
        const m = /^(\w+)=(.*)$/.exec(l);
        return m ? [[m[1], m[2]]] : [];
      }),
    ),
    hostFiles: [],
  };
}

/** Stack frames, Node internals' error prefixes and Python tracebacks, in any line (unescaped). */
const STACK = [
  /^\s+at \S.*(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m,
  /node:internal\//,
  /^(?:::debug::|##vso\[task\.debug\]|debug: )?(?:Type|Range|Syntax|Reference|System)?Error: /m,
  /Traceback \(most recent call last\)/,
];
const RAW_ERRNO = /\b(EEXIST|EISDIR|ENOENT|ENOTDIR|EACCES|EPERM|ENAMETOOLONG|EINVAL|ELOOP|ERR_[A-Z_]{3,})\b/;

/** Lines a runner or agent would execute as a command smuggled in through an input value. */
function smuggled(host: HostName, lines: string[]): string[] {
  return lines.filter((l) => {
    const t = l.trimStart();
    // The runner reads workflow commands at the start of a line; the agent does not read them.
    if (host !== "azure-devops" && (t.startsWith(INJECT.github) || t.startsWith("::set-output"))) return true;
    // The agent takes the first ##vso[ of a line as its command, wherever it stands (the GitHub
    // runner does not read them; the CLI may run in an Azure DevOps script step).
    if (host === "github") return false;
    const at = l.indexOf("##vso[");
    return at >= 0 && l.slice(at).startsWith("##vso[task.setvariable variable=PWNED");
  });
}

/**
 * Canary mentions outside the lines that register a secret with the runner, and before one that
 * holds the canary was registered (the runner masks a registered secret from then on).
 */
function leaks(host: HostName, lines: string[]): string[] {
  const registered = new Set<string>();
  const out: string[] = [];
  const registration =
    host === "github" ? "::add-mask::" : host === "azure-devops" ? "##vso[task.setsecret]" : undefined;
  for (const line of lines) {
    for (const canary of CANARIES) {
      if (!line.includes(canary)) continue;
      if (registration && line.startsWith(registration)) registered.add(canary);
      else if (!registered.has(canary)) out.push(line.slice(0, 200));
    }
  }
  return out;
}

// Each case on its hosts, in order; the pool runs a few at a time ahead of the tests that read them.
const plan: { c: BadInput; host: HostName; id: string }[] = [];
{
  let turn = 0;
  CASES.forEach((c, i) => {
    const hosts = c.hosts ?? (c.all ? HOSTS : [HOSTS[turn++ % HOSTS.length]]);
    for (const host of hosts) plan.push({ c, host, id: `${i}-${host}` });
  });
}
const results = new Map<string, Promise<{ run: Run; changed: string[]; stray: string[] }>>();

async function execute(c: BadInput, host: HostName, id: string) {
  const cwd = join(root, "runs", id, "repo");
  await cp(template, cwd, { recursive: true });
  const run = await runOn(host, c, cwd);
  const changed = changes(templateSnapshot, await snapshot(cwd), c.leaves ?? []);
  // Every file in the checkout and its workspace, the canary checked in each.
  const stray: string[] = [];
  for (const file of await filesUnder(cwd)) {
    const text = await readFile(file, "latin1");
    for (const canary of CANARIES) if (text.includes(canary)) stray.push(`${relative(cwd, file)} holds ${canary}`);
  }
  for (const text of run.hostFiles) {
    for (const canary of CANARIES) if (text.includes(canary)) stray.push(`a host file holds ${canary}`);
  }
  return { run, changed, stray };
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir("mlops-bad-table-"));
  template = join(root, "template", "repo");
  await mkdir(template, { recursive: true });
  await writeFile(join(template, "data.csv"), await readFile(DATA));
  for (const [name, text] of Object.entries(REPO_FILES)) {
    await mkdir(dirname(join(template, name)), { recursive: true });
    await writeFile(join(template, name), text);
  }
  // The workspace every case starts from: a dataset, a completed and a failed job, a champion model.
  const must = async (task: string, inputs: Record<string, string>, code = 0) => {
    const r = await runCliTask(task, inputs, template);
    expect(r.exitCode, r.stderr.join("\n")).toBe(code);
    return r;
  };
  await must("register-dataset", { name: "diabetes", path: "data.csv" });
  placeholders.job = (await must("submit-pipeline", { pipeline: "train.yml" })).outputs.jobName;
  placeholders.failedJob = (await must("submit-pipeline", { pipeline: "fail.yml" }, 1)).outputs.jobName;
  await must("compare-models", {
    candidate: `job:${placeholders.job}`,
    modelName: "diabetes-model",
    metrics: "r2:higher",
    register: "true",
  });
  expect(placeholders.failedJob).toMatch(/\w/);
  templateSnapshot = await snapshot(template);

  // A small pool: two cores, shared.
  let next = 0;
  const started = new Map<string, (v: ReturnType<typeof execute>) => void>();
  for (const p of plan) results.set(p.id, new Promise((resolve) => started.set(p.id, resolve)));
  const worker = async () => {
    while (next < plan.length) {
      const p = plan[next++];
      const done = execute(p.c, p.host, p.id);
      started.get(p.id)?.(done);
      await done.catch(() => {});
    }
  };
  for (let i = 0; i < 3; i++) void worker();
}, 120_000);
afterAll(() => cleanup());

describe(`${CASES.length} bad inputs across five tasks and three hosts`, () => {
  it("the table is large enough and spread over every task and host", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(120);
    const tasks = new Set(CASES.map((c) => c.task));
    for (const t of ["register-dataset", "validate-data", "submit-pipeline", "compare-models", "deploy-endpoint"])
      expect(tasks).toContain(t);
    expect(CASES.filter((c) => c.all).length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const { c, host, id } of plan) {
    it(`${host}: ${c.name}`, async () => {
      const { run, changed, stray } = await (results.get(id) as NonNullable<ReturnType<typeof results.get>>);
      // To read every message the table produced: MLOPS_BAD_INPUT_DUMP=<file>.
      if (process.env.MLOPS_BAD_INPUT_DUMP) appendFileSync(process.env.MLOPS_BAD_INPUT_DUMP, `${id}\t${run.message}\n`);
      const seen = run.lines.join("\n");
      expect(run.code, seen.slice(-2000)).toBe(1);
      // One failure report in the host's own format (Azure DevOps: the issue and the task result).
      // A pipeline's validator may annotate each problem at its file first, when the failure line
      // (which repeats the first) says how many more it listed.
      const more = Number(/\(and (\d+) more problem\(s\) listed above\)/.exec(run.message)?.[1] ?? 0);
      const listed = more > 0 ? more + 1 : 0;
      expect(run.errorLines, seen.slice(-2000)).toHaveLength((host === "azure-devops" ? 2 : 1) + listed);
      for (const extra of run.errorLines.slice(0, listed)) expect(extra).toMatch(/\.(yml|yaml)\b/);
      if (host === "azure-devops") expect(run.errorLines.at(-1)).toMatch(/^##vso\[task\.complete result=Failed;\]/);
      const where = c.where === "$task" ? `input '${host === "azure-devops" ? "command" : "task"}'` : c.where;
      if (typeof where === "string") expect(run.message).toContain(where.includes("'") ? where : `input '${where}'`);
      else expect(run.message).toMatch(where);
      expect(run.message).toMatch(c.says);
      expect(run.message).not.toMatch(/[\r\n]/);
      expect(run.message.length).toBeLessThan(1500);
      expect(run.message).not.toMatch(RAW_ERRNO);
      const unescaped = run.lines.map(host === "azure-devops" ? unescapeAdo : unescapeGitHub).join("\n");
      for (const pattern of STACK) expect(unescaped).not.toMatch(pattern);
      expect(smuggled(host, run.lines)).toEqual([]);
      expect(run.outputs).toEqual({});
      expect(leaks(host, run.lines)).toEqual([]);
      expect(stray).toEqual([]);
      expect(changed).toEqual([]);
    });
  }

  it("the template workspace the runs copied is unchanged", async () => {
    await Promise.allSettled(results.values());
    expect(changes(templateSnapshot, await snapshot(template), [])).toEqual([]);
    expect((await stat(template)).isDirectory()).toBe(true);
  });
});
