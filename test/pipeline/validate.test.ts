import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { planPipeline } from "../../src/pipeline/plan.js";
import { describeProblem } from "../../src/pipeline/problems.js";

const ERRORS = join(import.meta.dirname, "..", "fixtures", "pipelines", "errors");

/** Every problem (or warning) of a fixture as the one-line text a user sees, with the folder stripped. */
async function problems(file: string, set: string[] = [], kind: "list" | "warnings" = "list"): Promise<string[]> {
  const { job, problems } = await loadPipeline(join(ERRORS, file), { set });
  planPipeline(job, problems);
  return problems[kind].map((p) => describeProblem(p).replaceAll(`${ERRORS}/`, ""));
}
const warnings = (file: string) => problems(file, [], "warnings");

describe("pipeline validation names the file, line and column, and the fix", () => {
  it("unknown keys: refused where azure-ai-ml raises, warned where it accepts them, with a did-you-mean", async () => {
    // The job's own keys and an inline command job's keys are RAISE in azure-ai-ml's schemas.
    expect(await problems("unknown-keys.yml")).toEqual([
      "unknown-keys.yml:2:1: unknown pipeline job key 'experiment_nam'. Did you mean 'experiment_name'?",
      "unknown-keys.yml:8:5: unknown command job key 'comand'. Did you mean 'command'?",
    ]);
    // settings are INCLUDE: accepted by `az ml job create`, so only a warning.
    expect(await warnings("unknown-keys.yml")).toEqual([
      "unknown-keys.yml:4:3: unknown setting 'continue_on_step_failur' is ignored (Azure ML accepts unknown keys here). Did you mean 'continue_on_step_failure'?",
    ]);
  });

  it("unknown or misspelled ${{...}} references", async () => {
    const found = await problems("references.yml");
    expect(found).toContain(
      "references.yml:15:11: '${{parent.inputs.learning_rat}}' names no input of the pipeline. Did you mean 'learning_rate'?",
    );
    expect(found).toContain(
      "references.yml:16:13: '${{parent.jobs.prepp.outputs.data}}' names no job 'prepp'. Did you mean 'prep'?",
    );
    expect(found).toContain("references.yml:21:10: job 'prep' has no output 'dta'. Did you mean 'data'?");
    expect(found).toContain(
      "references.yml:26:10: '${{parents.inputs.learning_rate}}' is not a reference this format knows. Did you mean '${{parent.inputs.learning_rate}}'?",
    );
    expect(found.find((l) => l.includes("input.m"))).toMatch(
      /^references\.yml:24:31: '\$\{\{input\.m\}\}' in the command is not .*Did you mean 'inputs'\?/,
    );
  });

  it("cycles between jobs", async () => {
    expect(await problems("cycle.yml")).toEqual([
      "cycle.yml:3:3: jobs form a cycle: a → c → b → a. Remove one of these references so the jobs can run in order.",
    ]);
  });

  it("type mismatches, values outside enums, missing required inputs, unknown outputs in a component command", async () => {
    const found = await problems("types.yml");
    // Data bound to a literal input is refused; the service takes the rest, so they are warnings.
    expect(found).toContain(
      "types.yml:14:13: job 'train' input 'rate' is number but is bound to uri_folder. Give a number value.",
    );
    expect(found.filter((l) => /'(epochs|table|mode)'/.test(l))).toEqual([]);
    const warned = await warnings("types.yml");
    expect(warned).toEqual([
      "types.yml:12:15: job 'train' input 'epochs' is an integer but is 'ten'. Azure ML accepts it; the step receives it as written. Give a whole number.",
      "types.yml:13:14: job 'train' input 'table' is uri_file but is bound to uri_folder. Azure ML accepts it; the step receives it as written. Bind a uri_file, or change the input's type.",
      "types.yml:15:13: job 'train' input 'mode' is 'fast', not one of its enum. Azure ML accepts it; the step receives it as written. Use one of: slow, careful.",
    ]);
    expect(found.find((l) => l.includes("needs input 'seed'"))).toMatch(
      /^types\.yml:8:3: job 'train' needs input 'seed' \(integer\), which is not given\. Bind it under `jobs\.train\.inputs\.seed`/,
    );
    expect(found.find((l) => l.includes("modle"))).toMatch(
      /^train-component\.yml:18:88: '\$\{\{outputs\.modle\}\}' in the command names no declared output\. Did you mean 'model'\?/,
    );
  });

  it("set overrides are applied before validation and can fix or break a pipeline", async () => {
    const fixed = await problems("types.yml", [
      "inputs.epochs=10",
      "jobs.train.inputs.mode=slow",
      "jobs.train.inputs.seed=1",
    ]);
    expect(fixed.some((l) => l.includes("'epochs'"))).toBe(false);
    expect(fixed.some((l) => l.includes("'mode'"))).toBe(false);
    expect(fixed.some((l) => l.includes("'seed'"))).toBe(false);
    // The parser says what the problem is about; the task names its input (test/error-inputs.test.ts).
    expect(await problems("types.yml", ["nonsense=1"])).toContainEqual(
      expect.stringMatching(/^override 'nonsense=1' names 'nonsense'/),
    );
  });

  it("malformed YAML is one UserError at its position", async () => {
    const error = await loadPipeline(join(ERRORS, "malformed.yml")).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.location.subject).toBe("pipeline");
    expect(error.describe()).toMatch(
      /^\S*malformed\.yml:\d+:\d+: malformed YAML: Missing closing "quote\. Fix the YAML syntax at that position\.$/,
    );
  });

  it("accepts a spark job as written (it is refused later, only by the local runner)", async () => {
    expect(await problems("spark.yml")).toEqual([]);
  });
});
