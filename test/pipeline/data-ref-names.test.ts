// Every name refusal says the rule and the limit, including names that arrive inside a pipeline
// YAML (`azureml:<name>:<version>` data and model references), which used to be looked up as
// given: a 300-character name was "not in the local workspace", a traversal reached the path check.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { checkName, type NameKind } from "../../src/names.js";
import { parseModelRef } from "../../src/tasks/model-ref.js";
import { runCliTask, tempDir } from "../helpers.js";

const KINDS: NameKind[] = [
  "data asset",
  "model",
  "environment",
  "component",
  "code",
  "job",
  "experiment",
  "endpoint",
  "deployment",
];

describe("every refusal names the rule and its limit", () => {
  for (const kind of KINDS) {
    it(kind, () => {
      const limit = kind === "endpoint" || kind === "deployment" ? 32 : 255;
      for (const bad of ["x".repeat(300), "a/b", "-abc", "ab-", ""]) {
        let line = "";
        try {
          checkName(kind, bad, "name");
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          line = (error as UserError).describe();
        }
        if (bad === "ab-" && limit === 255) {
          expect(line).toBe(""); // a valid asset name
          continue;
        }
        expect(line, `${kind} '${bad.slice(0, 10)}'`).toContain(`to ${limit} `);
        if (bad.length === 300) expect(line).toContain(`it is 300 characters, over the limit of ${limit}`);
      }
    });
  }
});

describe("a model reference with a too-long name", () => {
  it("says the limit and cuts the name short in the message", () => {
    let line = "";
    try {
      parseModelRef(`${"m".repeat(300)}:1`, "champion");
    } catch (error) {
      line = (error as UserError).describe();
    }
    expect(line).toMatch(
      /^input 'champion': 'm{77}\.\.\.' is not a valid model name: it is 300 characters, over the limit of 255\. Use 1 to 255 letters/,
    );
  });
});

describe("names in a pipeline YAML go through the same check", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("mlops-ref-names-"));
    const pipeline = (ref: string) =>
      [
        "type: pipeline",
        "inputs:",
        "  d:",
        "    type: uri_folder",
        `    path: azureml:${ref}`,
        "jobs:",
        "  t:",
        "    type: command",
        "    inputs:",
        "      d: ${{parent.inputs.d}}",
        "    command: echo ${{inputs.d}}",
        "",
      ].join("\n");
    await writeFile(join(dir, "long.yml"), pipeline(`${"d".repeat(300)}:1`));
    await writeFile(join(dir, "traversal.yml"), pipeline("../../escaped:1"));
  });
  afterAll(() => cleanup());

  it("a 300-character data asset name: the limit, not 'not in the workspace'", async () => {
    const run = await runCliTask("submit-pipeline", { pipeline: "long.yml", workspaceDir: ".ws" }, dir);
    expect(run.exitCode).toBe(1);
    const errors = run.stderr.filter((l) => l.startsWith("error:"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /input 'pipeline': 'd{77}\.\.\.' is not a valid data asset name: it is 300 characters, over the limit of 255\. Use 1 to 255 letters/,
    );
  });

  it("a traversal in a reference: refused by the name rule, nothing outside the workspace", async () => {
    const run = await runCliTask("submit-pipeline", { pipeline: "traversal.yml", workspaceDir: "ws/inner" }, dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.filter((l) => l.startsWith("error:")).at(-1)).toMatch(
      /'\.\.\/\.\.\/escaped' is not a valid data asset name: it starts with "\."\. Use 1 to 255/,
    );
    expect(existsSync(join(dir, "escaped"))).toBe(false);
  });
});
