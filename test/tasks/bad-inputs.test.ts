// Bad inputs a user hits often: each is exit 1 with one line naming the input and the fix, before
// any work is done, and no raw system error (EEXIST, EISDIR) or stack trace reaches the user.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliTask, tempDir } from "../helpers.js";

const DATA = join(import.meta.dirname, "..", "..", "examples", "data", "diabetes.csv");
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("mlops-bad-inputs-"));
  await writeFile(
    join(dir, "p.yml"),
    [
      "type: pipeline",
      "inputs:",
      "  rate: 0.1",
      "jobs:",
      "  hello:",
      "    type: command",
      "    inputs:",
      "      rate: ${{parent.inputs.rate}}",
      "    command: echo ${{inputs.rate}}",
      "    environment:",
      "      image: python",
      "",
    ].join("\n"),
  );
  await writeFile(
    join(dir, "unclosed.yml"),
    ["type: pipeline", "jobs:", "  hello:", "    type: command", "    command: echo ${{inputs.x", ""].join("\n"),
  );
  await writeFile(join(dir, "rules.yml"), "columns:\n  age:\n    min: [0\n  sex: {}\n");
  await writeFile(join(dir, "a-file"), "not a folder\n");
  await mkdir(join(dir, "a-folder"));
});
afterAll(() => cleanup());

const cases: { name: string; task: string; inputs: Record<string, string>; line: RegExp }[] = [
  {
    name: "a misspelt pipeline input in set",
    task: "submit-pipeline",
    inputs: { pipeline: "p.yml", set: "inputs.rte=0.2", workspaceDir: ".ws-set" },
    line: /input 'set'.*names the input 'rte', which the pipeline does not have\. Did you mean 'rate'\?/,
  },
  {
    name: "a job the pipeline does not have in set",
    task: "submit-pipeline",
    inputs: { pipeline: "p.yml", set: "jobs.helo.compute=gpu", workspaceDir: ".ws-set" },
    line: /names the job 'helo'.*Did you mean 'hello'\?/,
  },
  {
    name: "an unclosed ${{ in a command",
    task: "submit-pipeline",
    inputs: { pipeline: "unclosed.yml", workspaceDir: ".ws-unclosed" },
    line: /unclosed\.yml:5:\d+: '\$\{\{inputs\.x' in the command is not closed\. Close it with \}\}/,
  },
  {
    name: "a rules file with a YAML syntax error",
    task: "validate-data",
    inputs: { data: DATA, rules: "rules.yml", workspaceDir: ".ws-rules" },
    line: /input 'rules', .*rules\.yml:\d+:\d+: is not valid YAML/,
  },
  {
    name: "a columnTests entry for a column the data does not have",
    task: "validate-data",
    inputs: { data: DATA, columnTests: "agee=psi:0.2", workspaceDir: ".ws-columns" },
    line: /input 'columnTests'.*names the column 'agee', which .*diabetes\.csv does not have\. Did you mean 'age'\?/,
  },
  {
    name: "a workspaceDir that is a file",
    task: "register-dataset",
    inputs: { name: "d", path: DATA, workspaceDir: "a-file" },
    line: /input 'workspaceDir'.*is a file, not a workspace folder\. Give a folder/,
  },
  {
    name: "a writeProfile that is a folder",
    task: "validate-data",
    inputs: { data: DATA, writeProfile: "a-folder", workspaceDir: ".ws-profile" },
    line: /input 'writeProfile'.*'a-folder' is a folder\. Give a file path/,
  },
  {
    name: "a folder given as the pipeline",
    task: "submit-pipeline",
    inputs: { pipeline: "a-folder", workspaceDir: ".ws-folder" },
    line: /input 'pipeline'.*a-folder' is a folder, not a file\. Give the path of a YAML file/,
  },
  {
    name: "a folder given as the baseline",
    task: "validate-data",
    inputs: { data: DATA, baseline: "a-folder", workspaceDir: ".ws-folder" },
    line: /input 'baseline'.*a-folder' is a folder, not a file\. Give a profile JSON/,
  },
];

describe("bad inputs: exit 1, one line naming the input and the fix", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const run = await runCliTask(c.task, c.inputs, dir);
      expect(run.exitCode).toBe(1);
      const errors = run.stderr.filter((l) => l.startsWith("error:"));
      expect(errors.at(-1)).toMatch(c.line);
      expect(run.stderr.join("\n")).not.toMatch(/EEXIST|EISDIR|ENOENT|\n\s+at /);
    });
  }

  it("nothing was written into the folder given as writeProfile", async () => {
    expect(await readdir(join(dir, "a-folder"))).toEqual([]);
  });
});
