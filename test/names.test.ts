import { existsSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../src/errors.js";
import { checkName, isValidName, nameProblem } from "../src/names.js";
import { LocalWorkspace } from "../src/workspace/local/index.js";
import { insideWorkspace } from "../src/workspace/local/inside.js";
import { runCliTask, tempDir } from "./helpers.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "models");
const SPEC = join(import.meta.dirname, "fixtures", "rest-spec", "2024-04-01", "mfe.json");
const WS =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}";

describe("one validator for every name, with the service's limits", () => {
  it("asset names follow the REST spec's path pattern (read from the vendored spec)", () => {
    // The spec is the reference: the name parameter of PUT models/{name}/versions/{version}.
    const spec = JSON.parse(readFileSync(SPEC, "utf8"));
    const put = spec.paths[`${WS}/models/{name}/versions/{version}`].put;
    const param = put.parameters.find((p: { name: string }) => p.name === "name");
    expect(param.pattern).toBe("^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}$");
    const re = new RegExp(param.pattern);
    const samples = ["a", "diabetes", "Model_2-x", "9lives", "a".repeat(255), "a".repeat(256), "", "-x", "_x", "a.b"];
    for (const kind of ["data asset", "model", "job", "experiment", "environment"] as const) {
      for (const s of samples) expect(isValidName(kind, s), `${kind} '${s.slice(0, 20)}'`).toBe(re.test(s));
    }
    for (const hostile of ["../../../../tmp/escaped", "a/b", "a\\b", "..", ".", "a b", "a\nb", "a%2f"]) {
      expect(isValidName("model", hostile), hostile).toBe(false);
    }
  });

  it("endpoint and deployment names: 3 to 32, letter first, letters, digits and '-', not ending with '-'", () => {
    for (const kind of ["endpoint", "deployment"] as const) {
      expect(isValidName(kind, "abc")).toBe(true);
      expect(isValidName(kind, `a${"b".repeat(31)}`)).toBe(true);
      expect(isValidName(kind, `a${"b".repeat(32)}`)).toBe(false);
      expect(isValidName(kind, "ab")).toBe(false);
      expect(isValidName(kind, "1abc")).toBe(false);
      expect(isValidName(kind, "abc-")).toBe(false);
      expect(isValidName(kind, "a_bc")).toBe(false);
      expect(isValidName(kind, "../x")).toBe(false);
    }
  });

  it("a refused name says the limit and names the input", () => {
    const long = "m".repeat(300);
    expect(nameProblem("model", long)).toBe("it is 300 characters, over the limit of 255");
    expect(nameProblem("endpoint", "web_1")).toBe('it contains "_"');
    expect(nameProblem("endpoint", "1web")).toBe('it starts with "1"');
    expect(nameProblem("endpoint", "web-")).toBe('it ends with "-"');
    expect(nameProblem("deployment", "ab")).toBe("it is 2 characters, under the minimum of 3");
    try {
      checkName("model", long, "modelName");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      const line = (error as UserError).describe();
      expect(line).toMatch(
        /^input 'modelName': 'm{77}\.\.\.' is not a valid model name: it is 300 characters, over the limit of 255\. /,
      );
      expect(line).toContain("1 to 255 letters, digits, '-' and '_'");
    }
    expect(() => checkName("endpoint", "x".repeat(40), "endpoint")).toThrow(/over the limit of 32/);
  });

  it("insideWorkspace keeps every path inside the root", () => {
    const root = join("/tmp", "ws");
    expect(insideWorkspace(root, "models", "lin")).toBe(join(root, "models", "lin"));
    expect(() => insideWorkspace(root, "models", "../../../../tmp/escaped")).toThrow(UserError);
    expect(() => insideWorkspace(root, "models", "/etc")).toThrow(/outside the local workspace/);
    expect(() => insideWorkspace(root, "..")).toThrow(/outside the local workspace/);
  });
});

describe("path traversal through a name is refused before anything is written", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-names-"));
  });
  afterEach(() => cleanup());

  it("compare-models --model-name ../../… --register true: exit 1, one line with the limit, nothing outside", async () => {
    const submitted = await runCliTask(
      "submit-pipeline",
      { pipeline: join(FIXTURES, "pipeline", "pipeline.yml") },
      dir,
    );
    expect(submitted.outputs.status).toBe("Completed");
    const escaped = join(dir, "escaped");
    const name = `../../../../..${escaped}`;
    const run = await runCliTask(
      "compare-models",
      { candidate: `job:${submitted.outputs.jobName}`, modelName: name, metrics: "r2:higher", register: "true" },
      dir,
    );
    expect(run.exitCode).toBe(1);
    const errors = run.stderr.filter((l) => l.startsWith("error"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("input 'modelName': '../../../../../");
    expect(errors[0]).toContain('is not a valid model name: it starts with "."');
    expect(errors[0]).toContain("1 to 255 letters, digits, '-' and '_'");
    expect(existsSync(escaped)).toBe(false);
    expect(await readdir(join(dir, ".mlops", "models")).catch(() => [])).toEqual([]);
  });

  it("a model reference with '..' is refused as a name for deploy-endpoint and compare-models", async () => {
    for (const [task, inputs] of [
      ["compare-models", { candidate: "../x:1", metrics: "r2:higher" }],
      ["deploy-endpoint", { endpoint: "ep-one", model: "../x:1", scoringScript: "score.py" }],
    ] as const) {
      const run = await runCliTask(task, inputs, dir);
      expect(run.exitCode, task).toBe(1);
      expect(run.stderr.join("\n"), task).toMatch(/'\.\.\/x' is not a valid model name: it starts with "\."/);
    }
  });

  it("validate-data checks a dataset reference's name with the same rule", async () => {
    const run = await runCliTask("validate-data", { data: "my.data@1" }, dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.at(-1)).toBe(
      `error: input 'data': 'my.data' is not a valid data asset name: it contains ".". Use 1 to 255 letters, digits, '-' and '_', starting with a letter or digit (Azure ML's limit).`,
    );
  });

  it("the local backend refuses a traversing name even when a caller skipped the task's check", async () => {
    const ws = await LocalWorkspace.open(join(dir, ".mlops"));
    await expect(ws.models.list("../../outside")).rejects.toThrow(/outside the local workspace/);
    await expect(ws.datasets.list("../../outside")).rejects.toThrow(/outside the local workspace/);
    await ws.close();
  });
});
