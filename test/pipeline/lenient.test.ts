import { cp, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { planPipeline } from "../../src/pipeline/plan.js";
import { describeProblem } from "../../src/pipeline/problems.js";
import { runCliTask, tempDir } from "../helpers.js";

const PIPELINES = join(import.meta.dirname, "..", "fixtures", "pipelines");

async function check(file: string): Promise<{ errors: string[]; warnings: string[] }> {
  const { job, problems } = await loadPipeline(join(PIPELINES, file));
  const { plan } = planPipeline(job, problems);
  const text = (list: typeof problems.list) => list.map((p) => describeProblem(p).replaceAll(`${PIPELINES}/`, ""));
  expect(plan.steps.length).toBeGreaterThan(0);
  return { errors: text(problems.list), warnings: text(problems.warnings) };
}

describe("as strict as Azure ML, no stricter: what `az ml job create` accepts is a warning, not a refusal", () => {
  it("an unknown setting, an undeclared pipeline-component input and a bound sweep limit are accepted", async () => {
    const { errors, warnings } = await check("lenient/pipeline.yml");
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      "lenient/pipeline.yml:11:3: unknown setting 'default_datestore' is ignored (Azure ML accepts unknown keys here). Did you mean 'default_datastore'?",
      "lenient/pipeline.yml:34:25: job 'line' has no input 'test_split_ratio': it is ignored (Azure ML accepts undeclared inputs of a pipeline component). Use an input of its component: data, rate, steps.",
    ]);
  });

  it("a uri_folder into a uri_file input and a float into an integer input are warnings at their line", async () => {
    const { errors, warnings } = await check("lenient/mismatches.yml");
    expect(errors).toEqual([]);
    const at = (w: string) => w.slice(0, w.indexOf(" is "));
    expect(warnings.map(at)).toEqual([
      "lenient/mismatches.yml:12:13: job 'line' input 'data'",
      "lenient/mismatches.yml:14:14: job 'line' input 'steps'",
      // The values reach the component's inner jobs as they are: those say so too.
      "features/nested/components/train-eval.yml:20:13: job 'fit' input 'data'",
      "features/nested/components/train-eval.yml:22:14: job 'fit' input 'steps'",
      "features/nested/components/train-eval.yml:27:13: job 'score' input 'data'",
    ]);
    expect(warnings[0]).toContain("is uri_file but is bound to uri_folder. Azure ML accepts it");
    expect(warnings[1]).toContain("is an integer but is '2.5'. Azure ML accepts it");
  });

  it("a bound max_total_trials takes the pipeline input's value when planned; the YAML keeps the expression", async () => {
    const { job, problems } = await loadPipeline(join(PIPELINES, "lenient", "pipeline.yml"));
    const { plan } = planPipeline(job, problems);
    expect(job.jobs.search.sweep?.limits.bound).toEqual({ max_total_trials: "${{parent.inputs.trials}}" });
    const search = plan.steps.find((s) => s.id === "search");
    expect(search?.node.sweep?.limits).toMatchObject({ maxTotalTrials: 3, maxConcurrentTrials: 3 });
  });

  it("a bound limit that names no pipeline input is refused with a did-you-mean", async () => {
    const { job, problems } = await loadPipeline(join(PIPELINES, "lenient", "pipeline.yml"), {
      set: ["jobs.search.limits.max_total_trials=${{parent.inputs.trails}}"],
    });
    planPipeline(job, problems);
    expect(problems.list.map((p) => `${p.message}. ${p.fix}`)).toEqual([
      "'${{parent.inputs.trails}}' in limits.max_total_trials names no input of the pipeline. Did you mean 'trials'?",
    ]);
  });
});

describe("the lenient pipeline runs locally and prints its warnings", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-lenient-"));
    await cp(PIPELINES, join(dir, "pipelines"), { recursive: true });
  });
  afterEach(() => cleanup());

  it("three grid trials (max_total_trials from the input), the warnings on stderr with file:line", async () => {
    const run = await runCliTask("submit-pipeline", { pipeline: "pipelines/lenient/pipeline.yml" }, dir);
    expect(run.outputs.status).toBe("Completed");
    expect(run.stderr).toEqual([
      expect.stringMatching(/^warning: .*lenient\/pipeline\.yml:11:3: unknown setting 'default_datestore'/),
      expect.stringMatching(/^warning: .*lenient\/pipeline\.yml:34:25: job 'line' has no input 'test_split_ratio'/),
    ]);
    const record = JSON.parse(await readFile(join(dir, ".mlops", "jobs", run.outputs.jobName, "job.json"), "utf8"));
    const search = record.steps.find((s: { name: string }) => s.name === "search");
    expect(search.trials).toHaveLength(3);
  });
});

describe("the local backend refuses only what needs Azure ML, one line each naming the feature", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-needs-azure-"));
    await cp(PIPELINES, join(dir, "pipelines"), { recursive: true });
  });
  afterEach(() => cleanup());

  it("AutoML and a registered pipeline component: refused with 'Run it with backend azureml'; the plan itself is valid", async () => {
    const { job, problems } = await loadPipeline(join(PIPELINES, "needs-azure", "pipeline.yml"));
    planPipeline(job, problems);
    expect(problems.list).toEqual([]);
    const dry = await runCliTask(
      "submit-pipeline",
      { pipeline: "pipelines/needs-azure/pipeline.yml", dryRun: "true" },
      dir,
    );
    expect(dry.exitCode).toBe(1);
    const lines = dry.stderr
      .filter((l) => l.startsWith("error: ") && !l.includes("cannot run this pipeline"))
      .map((l) => l.replace(/^error: .*pipeline\.yml:(\d+):(\d+): /, "$1:$2 "));
    expect(lines).toEqual([
      "11:3 job 'classify' is an AutoML job: AutoML runs on Azure ML only. Run it with backend azureml.",
      expect.stringMatching(
        /^21:16 job 'train_eval' uses the registered component 'azureml:train_eval:1', which the local workspace does not hold\. Run it with backend azureml/,
      ),
    ]);
    const run = await runCliTask("submit-pipeline", { pipeline: "pipelines/needs-azure/pipeline.yml" }, dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.at(-1)).toMatch(
      /pipeline\.yml:11:3: job 'classify' is an AutoML job: .*Run it with backend azureml/,
    );
  });
});

describe("azureml-examples that need Azure ML are refused locally, one line per job naming the feature", () => {
  const EXAMPLES = join(import.meta.dirname, "..", "fixtures", "azureml-examples", "cli", "jobs");
  const refusals = async (file: string): Promise<string[]> => {
    const { dir, cleanup } = await tempDir("mlops-examples-local-");
    try {
      const run = await runCliTask(
        "submit-pipeline",
        { pipeline: join(EXAMPLES, file), dryRun: "true", workspaceDir: join(dir, "ws") },
        dir,
      );
      expect(run.exitCode).toBe(1);
      return run.stderr
        .filter((l) => l.startsWith("error: ") && !l.includes("cannot run this pipeline"))
        .map((l) => l.replace(/^error: .*\.yml:(\d+):(\d+): /, "$1:$2 "));
    } finally {
      await cleanup();
    }
  };

  it("prompt flow (a flow.dag.yaml and a flow run)", async () => {
    expect(await refusals("pipelines-with-components/pipeline_job_with_flow_as_component/pipeline.yml")).toEqual([
      "14:3 job 'flow_node_from_dag' runs a prompt flow: prompt flow components run on Azure ML only. Run it with backend azureml.",
      "25:3 job 'flow_node_from_run' runs a prompt flow: prompt flow components run on Azure ML only. Run it with backend azureml.",
    ]);
  });

  it("AutoML and spark", async () => {
    expect(
      await refusals("pipelines/automl/cli-automl-classification-task-bankmarketing-pipeline/pipeline.yml"),
    ).toEqual([
      "32:3 job 'classification_node' is an AutoML job: AutoML runs on Azure ML only. Run it with backend azureml.",
    ]);
    expect(await refusals("pipelines/add-column-and-word-count-using-spark/pipeline.yml")).toEqual([
      "18:3 job 'add_greeting_columns' is a spark job: spark runs on Azure ML only. Run it with backend azureml.",
      "48:3 job 'count_by_rows' is a spark job: spark runs on Azure ML only. Run it with backend azureml.",
    ]);
  });
});
