import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { planPipeline } from "../../src/pipeline/plan.js";
import { compileForAzure } from "../../src/workspace/azureml/contract/wire/pipeline-job.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FEATURES = join(ROOT, "test", "fixtures", "pipelines", "features");

async function load(file: string) {
  const { job, problems } = await loadPipeline(file);
  planPipeline(job, problems);
  expect(problems.list).toEqual([]);
  return job;
}

// The values the 2024-04-01 REST spec allows for JobInput.jobInputType, JobOutput.jobOutputType and their modes.
const INPUT_TYPES = ["literal", "uri_file", "uri_folder", "mltable", "custom_model", "mlflow_model", "triton_model"];
const OUTPUT_TYPES = ["uri_file", "uri_folder", "mltable", "custom_model", "mlflow_model", "triton_model"];
const MODES = ["ReadOnlyMount", "ReadWriteMount", "Download", "Upload", "Direct", "EvalMount", "EvalDownload"];

const options = {
  codeId: (folder: string) =>
    `/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/codes/${folder.split("/").at(-1)}/versions/1`,
  dataUri: (path: string) => `azureml://datastores/workspaceblobstore/paths/LocalUpload/${path.split("/").at(-1)}`,
  componentId: (name: string, version: string) =>
    `/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/components/${name}/versions/${version}`,
};

function checkShapes(properties: Record<string, unknown>): void {
  expect(properties.jobType).toBe("Pipeline");
  for (const input of Object.values(properties.inputs as Record<string, Record<string, unknown>>)) {
    expect(INPUT_TYPES).toContain(input.jobInputType);
    if (input.jobInputType === "literal") expect(typeof input.value).toBe("string");
    else expect(typeof input.uri).toBe("string");
    if (input.mode !== undefined) expect(MODES).toContain(input.mode);
  }
  for (const output of Object.values(properties.outputs as Record<string, Record<string, unknown>>)) {
    expect(OUTPUT_TYPES).toContain(output.jobOutputType);
    if (output.mode !== undefined) expect(MODES).toContain(output.mode);
  }
  for (const node of Object.values(properties.jobs as Record<string, Record<string, unknown>>)) {
    for (const i of Object.values((node.inputs ?? {}) as Record<string, Record<string, unknown>>)) {
      expect(INPUT_TYPES).toContain(i.job_input_type);
      if (i.mode !== undefined) expect(MODES).toContain(i.mode);
    }
  }
}

describe("compiling a pipeline to the Azure ML REST request (api-version 2024-04-01)", () => {
  it("the demo: pipeline properties, nodes bound by reference, components and code to upload", async () => {
    const job = await load(join(ROOT, "examples", "pipelines", "demo", "pipeline.yml"));
    const req = compileForAzure(job, options);
    checkShapes(req.properties);
    expect(req.properties).toMatchObject({
      jobType: "Pipeline",
      displayName: "diabetes-demo",
      experimentName: "demo",
      settings: { default_compute: "azureml:cpu-cluster" },
      inputs: {
        training_data: {
          jobInputType: "uri_file",
          uri: "azureml://datastores/workspaceblobstore/paths/LocalUpload/diabetes.csv",
        },
        test_fraction: { jobInputType: "literal", value: "0.2" },
        l2: { jobInputType: "literal", value: "0.5" },
      },
      outputs: { model: { jobOutputType: "uri_folder" } },
    });
    const jobs = req.properties.jobs as Record<string, Record<string, unknown>>;
    expect(Object.keys(jobs)).toEqual(["prepare", "train", "evaluate"]);
    expect(jobs.train).toMatchObject({
      type: "command",
      // Components written in (or beside) the job are registered anonymously, as the SDK does.
      componentId: expect.stringMatching(/\/components\/azureml_anonymous\/versions\/[0-9a-f]{32}$/),
      inputs: {
        train_data: { job_input_type: "literal", value: "${{parent.jobs.prepare.outputs.train_data}}" },
        l2: { job_input_type: "literal", value: "${{parent.inputs.l2}}" },
      },
    });
    expect(jobs.evaluate.outputs).toEqual({ model: { type: "literal", value: "${{parent.outputs.model}}" } });
    expect(req.components.map((c) => c.name)).toEqual(["azureml_anonymous", "azureml_anonymous", "azureml_anonymous"]);
    expect(req.components[0].spec).toMatchObject({
      name: "azureml_anonymous",
      version: "1",
      is_deterministic: true,
      // Written `component: ./x.yml` (no `file:`): the SDK marks it as loaded from a component file.
      _source: "YAML.COMPONENT",
      type: "command",
      code: expect.stringMatching(/\/codes\/src\/versions\/1$/),
      environment: "azureml://registries/azureml/environments/sklearn-1.5/labels/latest",
      // Defaults as strings, as the SDK sends them.
      inputs: { test_fraction: { type: "number", default: "0.2" } },
    });
    expect(req.codeFolders).toEqual([join(ROOT, "examples", "pipelines", "demo", "src")]);
    expect(req.dataPaths).toEqual([join(ROOT, "examples", "data", "diabetes.csv")]);
    // Identical content, identical version: a re-submit registers nothing new.
    const again = compileForAzure(await load(join(ROOT, "examples", "pipelines", "demo", "pipeline.yml")), options);
    expect(again.components.map((c) => c.version)).toEqual(req.components.map((c) => c.version));
  });

  it("nested pipeline components register inner components first and reference them from the pipeline component", async () => {
    const req = compileForAzure(await load(join(FEATURES, "nested", "pipeline.yml")), options);
    checkShapes(req.properties);
    expect(req.components.map((c) => c.name)).toEqual([
      "azureml_anonymous",
      "azureml_anonymous",
      "azureml_anonymous",
      "azureml_anonymous",
    ]);
    const trainEval = req.components[2];
    expect(trainEval.spec.type).toBe("pipeline");
    expect((trainEval.spec.jobs as Record<string, Record<string, unknown>>).fit).toMatchObject({
      componentId: expect.stringContaining("/components/azureml_anonymous/versions/"),
      inputs: { steps: { job_input_type: "literal", value: "${{parent.inputs.steps}}" } },
    });
    // The inline `pick` job becomes an anonymous component typed from its bindings.
    expect(req.components[3].spec).toEqual({
      name: "azureml_anonymous",
      version: "1",
      is_deterministic: true,
      _source: "YAML.JOB",
      type: "command",
      code: expect.stringMatching(/\/codes\/src\/versions\/1$/),
      command: "python pick.py --a ${{inputs.a}} --b ${{inputs.b}} --out ${{outputs.best}}",
      inputs: { a: { type: "uri_folder" }, b: { type: "uri_folder" } },
      outputs: { best: { type: "uri_folder" } },
    });
    const jobs = req.properties.jobs as Record<string, Record<string, unknown>>;
    expect(jobs.slow.componentId).toBe(jobs.fast.componentId);
    expect(jobs.fast).toMatchObject({
      type: "pipeline",
      inputs: { steps: { job_input_type: "literal", value: "50" } },
    });
  });

  it("a sweep node carries its search space, sampling, objective, limits and early termination", async () => {
    const req = compileForAzure(
      await load(join(ROOT, "examples", "pipelines", "sweep-then-train", "pipeline.yml")),
      options,
    );
    checkShapes(req.properties);
    expect((req.properties.jobs as Record<string, unknown>).tune).toMatchObject({
      type: "sweep",
      // The SDK's sweep node: the trial under `trial`, the search space, goal and limits as written.
      trial: { componentId: expect.stringContaining("/components/azureml_anonymous/versions/") },
      search_space: {
        learning_rate: { type: "loguniform", min_value: -4.6, max_value: -0.7 },
        l2: { type: "choice", values: [0, 0.01, 0.1] },
      },
      // With a seed the sampling algorithm keeps its object form (a bare name otherwise, see below).
      sampling_algorithm: { sampling_algorithm_type: "Random", seed: 11 },
      objective: { goal: "maximize", primary_metric: "val_r2" },
      limits: { max_total_trials: 6, max_concurrent_trials: 2, timeout: 600 },
      early_termination: { policy_type: "Bandit", slack_factor: 0.2, evaluation_interval: 1, delay_evaluation: 10 },
      outputs: { params: { type: "literal", value: "${{parent.outputs.best_params}}" } },
    });
  });

  it("every input type, modes, resources, distribution, limits, identity and output paths", async () => {
    const req = compileForAzure(await load(join(FEATURES, "all-inputs", "pipeline.yml")), options);
    checkShapes(req.properties);
    expect(req.properties).toMatchObject({
      computeId: "azureml:cpu-cluster",
      tags: { purpose: "fixture" },
      properties: { owner: "ml-platform" },
      settings: { default_datastore: "azureml:workspaceblobstore", force_rerun: false },
      inputs: {
        a_file: { jobInputType: "uri_file", mode: "ReadOnlyMount" },
        a_folder: { jobInputType: "uri_folder", mode: "Download" },
        a_table: { jobInputType: "mltable" },
        a_model: { jobInputType: "custom_model" },
        remote: { jobInputType: "uri_file", uri: "https://example.invalid/remote.csv" },
        count: { jobInputType: "literal", value: "7" },
        flag: { jobInputType: "literal", value: "true" },
      },
      outputs: { report: { jobOutputType: "uri_folder", mode: "Upload" } },
    });
    expect((req.properties.jobs as Record<string, unknown>).inspect).toMatchObject({
      type: "command",
      display_name: "Inspect every input",
      computeId: "azureml:gpu-cluster",
      environment_variables: { FIXTURE_GREETING: "bonjour" },
      resources: { instance_count: 1, shm_size: "2g" },
      distribution: { distribution_type: "PyTorch", process_count_per_instance: 1 },
      limits: { job_limits_type: "Command", timeout: "PT600S" },
      identity: { identity_type: "UserIdentity" },
      inputs: { not_given: { job_input_type: "literal", value: "" } },
      componentId: expect.stringContaining("/components/azureml_anonymous/versions/"),
      outputs: { kept: { job_output_type: "uri_folder", mode: "ReadWriteMount", uri: "./kept-output" } },
    });
    expect(req.dataPaths).toHaveLength(4);
    // An inline job's input bound to a pipeline input keeps that input's mode as written (the SDK's form,
    // recording pipeline_job test_pipeline_job_with_spark_job[pipeline_inline_job.yml]).
    expect(req.components[0].spec.inputs).toEqual({
      a_file: { type: "uri_file", mode: "ro_mount" },
      a_folder: { type: "uri_folder", mode: "download" },
      a_table: { type: "mltable" },
      a_model: { type: "custom_model" },
      remote: { type: "uri_file" },
      count: { type: "integer" },
      ratio: { type: "number" },
      label: { type: "string" },
      flag: { type: "boolean" },
      not_given: { type: "string", optional: true },
    });
    expect(req.components[0].spec).not.toHaveProperty("environment_variables");
  });

  it("an inline environment's conda file is listed for the caller to inline", async () => {
    const req = compileForAzure(await load(join(FEATURES, "conda-env", "pipeline.yml")), options);
    expect(req.environmentFiles).toEqual([join(FEATURES, "conda-env", "conda.yml")]);
    expect(req.components[0].spec.environment).toEqual({
      image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04",
      conda_file: join(FEATURES, "conda-env", "conda.yml"),
    });
    expect(req.properties.inputs).toEqual({ model: { jobInputType: "mlflow_model", uri: "azureml:local-model:1" } });
  });

  it("Azure-only features compile: registered components, registries, datastores, spark and parallel", async () => {
    const req = compileForAzure(await load(join(FEATURES, "azure-only", "pipeline.yml")), options);
    checkShapes(req.properties);
    const jobs = req.properties.jobs as Record<string, Record<string, unknown>>;
    // A registered name:version goes out as its ARM id, as the SDK sends it; a label is left for the service.
    expect(jobs.registered_by_version.componentId).toBe(
      "/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/components/prep_data/versions/3",
    );
    expect(jobs.registered_by_version._source).toBe("REMOTE.WORKSPACE.COMPONENT");
    expect(jobs.registered_by_label.componentId).toBe("azureml:train_model@latest");
    expect(jobs.from_registry.componentId).toBe("azureml://registries/azureml/components/score_model/versions/2");
    // The SDK's spark node references an anonymous spark component that holds the code.
    const spark = req.components.find((c) => c.spec.type === "spark");
    expect(spark?.spec.code).toMatch(/^azureml:.*\/codes\/spark-src\/versions\/1$/);
    expect(jobs.wrangle).not.toHaveProperty("code");
    expect(jobs.wrangle).toMatchObject({
      type: "spark",
      componentId: expect.stringContaining("/components/azureml_anonymous/versions/"),
      entry: { file: "wrangle.py" },
      conf: { "spark.executor.instances": 2 },
      outputs: { clean: { job_output_type: "uri_folder", mode: "Direct" } },
    });
    expect(jobs.batch_score).toMatchObject({
      type: "parallel",
      mini_batch_size: "10kb",
      input_data: "${{inputs.files}}",
      task: {
        type: "run_function",
        entry_script: "score_batch.py",
        code: expect.stringMatching(/\/codes\/parallel-src\/versions\/1$/),
      },
    });
    expect(req.properties.inputs).toMatchObject({
      lake: { jobInputType: "uri_folder", uri: "azureml://datastores/workspaceblobstore/paths/raw/" },
    });
    // Only the inline spark job becomes a component (registered ones are referenced, not registered again).
    expect(req.components.map((c) => c.spec.type)).toEqual(["spark"]);
    expect(req.dataPaths).toEqual([]);
    expect(req.codeFolders.map((f) => f.split("/").at(-1)).sort()).toEqual(["parallel-src", "spark-src"]);
  });
});
