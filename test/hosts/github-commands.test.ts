// The GitHub host writes workflow and file commands itself (src/hosts/github-commands.ts) so that a
// run need not load @actions/core. @actions/core is the reference: for the same calls, both must
// write the same bytes to stdout, $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { GitHubCommands } from "../../src/hosts/github-commands.js";
import { tempDir } from "../helpers.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-gh-commands-"));
});
afterAll(() => cleanup());

/** Awkward text: the characters each escaping rule exists for, a secret-looking value, unicode. */
const TEXT = ["plain", "50% done", "line one\nline two\r\nline three", "a:b,c=d::e", "", "naïve ✓ ∑"];
const WHERE = [
  undefined,
  { file: "data/x.csv" },
  { file: "data/x.csv", startLine: 3 },
  { file: "dir, with: odd%chars/x.csv", startLine: 3, startColumn: 7 },
  { file: "x.csv", startLine: 0 },
];

/** Everything `fn` writes to stdout. */
async function stdout(fn: () => unknown | Promise<unknown>): Promise<string> {
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
  return seen.join("");
}

it("logs, annotations, masks and groups: the same lines @actions/core writes", async () => {
  const ours = new GitHubCommands({});
  for (const text of TEXT) {
    expect(await stdout(() => ours.info(text))).toBe(await stdout(() => core.info(text)));
    expect(await stdout(() => ours.debug(text))).toBe(await stdout(() => core.debug(text)));
    expect(await stdout(() => ours.addMask(text))).toBe(await stdout(() => core.setSecret(text)));
    for (const where of WHERE) {
      expect(await stdout(() => ours.warning(text, where))).toBe(await stdout(() => core.warning(text, where)));
      expect(await stdout(() => ours.error(text, where))).toBe(await stdout(() => core.error(text, where)));
    }
    const inside = async () => {
      process.stdout.write("inside\n");
      return 42;
    };
    expect(await stdout(() => ours.group(text, inside))).toBe(await stdout(() => core.group(text, inside)));
  }
  // A few exact lines, so a change to both at once is still seen.
  expect(await stdout(() => ours.warning("drift in age", { file: "data/x.csv", startLine: 1 }))).toBe(
    "::warning file=data/x.csv,line=1::drift in age\n",
  );
  expect(await stdout(() => ours.error("50%\nbad", { file: "a,b:c.csv", startLine: 2, startColumn: 5 }))).toBe(
    "::error file=a%2Cb%3Ac.csv,line=2,col=5::50%25%0Abad\n",
  );
});

it("a group still ends when its work throws, and the error comes through", async () => {
  const ours = new GitHubCommands({});
  let caught: unknown;
  const lines = await stdout(async () => {
    try {
      await ours.group("g", async () => {
        throw new Error("boom");
      });
    } catch (error) {
      caught = error;
    }
  });
  expect(lines).toBe("::group::g\n::endgroup::\n");
  expect(caught).toEqual(new Error("boom"));
});

it("outputs and the job summary: the same file contents @actions/core writes, delimiters aside", async () => {
  const oursOut = join(dir, "ours-output");
  const coreOut = join(dir, "core-output");
  const oursSummary = join(dir, "ours-summary");
  const coreSummary = join(dir, "core-summary");
  for (const f of [oursOut, coreOut, oursSummary, coreSummary]) await writeFile(f, "");
  const ours = new GitHubCommands({ GITHUB_OUTPUT: oursOut, GITHUB_STEP_SUMMARY: oursSummary });
  const saved = { GITHUB_OUTPUT: process.env.GITHUB_OUTPUT, GITHUB_STEP_SUMMARY: process.env.GITHUB_STEP_SUMMARY };
  Object.assign(process.env, { GITHUB_OUTPUT: coreOut, GITHUB_STEP_SUMMARY: coreSummary });
  try {
    for (const [i, text] of TEXT.entries()) {
      ours.setOutput(`out${i}`, text);
      core.setOutput(`out${i}`, text);
      await ours.appendSummary(`### ${text}`);
      await core.summary.addRaw(`### ${text}`, true).write();
    }
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const delimiters = (s: string) => s.replace(/ghadelimiter_[0-9a-f-]{36}/g, "ghadelimiter_X");
  const written = await readFile(oursOut, "utf8");
  expect(delimiters(written)).toBe(delimiters(await readFile(coreOut, "utf8")));
  // Each output has its own random delimiter.
  expect(new Set(written.match(/ghadelimiter_[0-9a-f-]{36}/g)).size).toBe(TEXT.length);
  expect(await readFile(oursSummary, "utf8")).toBe(await readFile(coreSummary, "utf8"));
});

it("without $GITHUB_OUTPUT: the deprecated set-output command, as @actions/core falls back to", async () => {
  const ours = new GitHubCommands({});
  const saved = process.env.GITHUB_OUTPUT;
  delete process.env.GITHUB_OUTPUT;
  try {
    expect(await stdout(() => ours.setOutput("version", "3\n4"))).toBe(
      await stdout(() => core.setOutput("version", "3\n4")),
    );
  } finally {
    if (saved !== undefined) process.env.GITHUB_OUTPUT = saved;
  }
  expect(await ours.appendSummary("x")).toBe(false);
});

it("reads inputs as the runner passes them: INPUT_<NAME>, spaces as underscores, untrimmed", () => {
  const ours = new GitHubCommands({ INPUT_WORKSPACEDIR: "  .mlops\n", INPUT_MY_INPUT: "v" });
  expect(ours.getInput("workspaceDir")).toBe("  .mlops\n");
  expect(ours.getInput("my input")).toBe("v");
  expect(ours.getInput("absent")).toBe("");
});
