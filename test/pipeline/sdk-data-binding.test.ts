import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { planPipeline } from "../../src/pipeline/plan.js";
import { describeProblem } from "../../src/pipeline/problems.js";
import { compileForAzure } from "../../src/workspace/azureml/contract/wire/pipeline-job.js";

// azure-ai-ml's own data-binding pipelines (see SOURCES.md there): each has a recorded e2e run.
const DIR = join(
  import.meta.dirname,
  "..",
  "fixtures",
  "sdk-test-configs",
  "tests",
  "test_configs",
  "dsl_pipeline",
  "data_binding_expression",
);

async function check(file: string) {
  const { job, problems } = await loadPipeline(join(DIR, file));
  const { plan } = planPipeline(job, problems);
  const text = (list: typeof problems.list) => list.map((p) => describeProblem(p).replaceAll(`${DIR}/`, ""));
  return { job, plan, errors: text(problems.list), warnings: text(problems.warnings) };
}

describe("azure-ai-ml's data-binding test pipelines are accepted as the SDK accepts them", async () => {
  const files = (await readdir(DIR)).filter((f) => /^(input|run_settings)_.*\.yml$/.test(f)).sort();

  it("finds the twelve pipelines", () => {
    expect(files).toHaveLength(12);
  });

  it.each(files)("%s validates with no error", async (file) => {
    expect((await check(file)).errors).toEqual([]);
  });

  it("text around references is sent as written and resolved here where it can be", async () => {
    const concat = await check("input_string_concatenate.yml");
    const node = compileForAzure(concat.job).properties.jobs as Record<string, { inputs: Record<string, unknown> }>;
    expect(node.hello_world.inputs.component_in_string).toEqual({
      job_input_type: "literal",
      value: "extra_${{parent.inputs.job_in_string}}_extra",
    });
    expect(concat.plan.steps[0].inputs.component_in_string).toEqual({ kind: "value", value: "extra_hello_extra" });

    // A path under a data input becomes that path for the local runner.
    const path = await check("input_path_concatenate.yml");
    expect(path.plan.steps[0].inputs.component_in_file).toMatchObject({
      kind: "data",
      type: "uri_file",
      path: "../../data/sample1.csv",
    });
    const both = await check("input_reason_expression.yml");
    expect(both.plan.steps[0].inputs).toMatchObject({
      component_in_string: { kind: "value", value: "hello_hello" },
      component_in_file: { kind: "data", path: "../../data/sample1.csv" },
    });
  });

  it("${{parent.name}} is run metadata only Azure ML fills in: a warning, sent as written", async () => {
    const meta = await check("input_literal_meta.yml");
    expect(meta.warnings).toEqual([
      expect.stringMatching(
        /^input_literal_meta\.yml:\d+:\d+: '\$\{\{parent\.name\}\}' puts a reference inside text that only Azure ML resolves/,
      ),
    ]);
  });

  it("a bound max_total_trials is resolved from the pipeline input", async () => {
    const limits = await check("run_settings_sweep_limits.yml");
    expect(limits.plan.steps[0].node.sweep?.limits.maxTotalTrials).toBe(1);
  });
});

describe("a bound primary metric", () => {
  it("takes the pipeline input's value when planned", async () => {
    const { plan, errors } = await check("run_settings_sweep_literal.yml");
    expect(errors).toEqual([]);
    expect(plan.steps[0].node.sweep?.objective.primaryMetric).toBe("accuracy");
  });
});
