/**
 * Azure's own example pipelines (test/fixtures/azureml-examples, see SOURCES.md) that use features
 * beyond command/sweep/parallel nodes: AutoML nodes, spark nodes with local code, pipeline
 * components, environments built from a Docker context, prompt flow components. Each is submitted
 * to the emulated workspace twice: in plan mode (nothing changes, the plan holds the requests) and
 * for real (the emulator and Azurite receive them); the tests assert the bodies, in the SDK's form.
 */
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { distribution } from "../../src/workspace/azureml/contract/wire/automl-node.js";
import { type Cloud, startCloud } from "../azureml/setup.js";
import type { RecordedRequest } from "../emulator/server.js";
import { runCliTask, tempDir } from "../helpers.js";

const EXAMPLES = join(import.meta.dirname, "..", "fixtures", "azureml-examples", "cli", "jobs");

type Obj = Record<string, unknown>;
interface Planned {
  method: string;
  path: string;
  apiVersion?: string;
  body?: unknown;
}

describe("Azure example pipelines with automl, spark, pipeline components, build contexts (emulator + Azurite)", () => {
  let cloud: Cloud;
  let work: string;
  let wsPath: string;
  beforeAll(async () => {
    cloud = await startCloud();
    wsPath = cloud.emu.state.wsPath;
    work = join(cloud.dir, "examples");
    await cp(EXAMPLES, work, { recursive: true });
    // Upstream prepares the image data with a script that downloads it; a stand-in MLTable each.
    const images = join(work, "pipelines/automl/image-instance-segmentation-task-fridge-items-pipeline/data");
    for (const d of ["training-mltable-folder", "validation-mltable-folder"]) {
      await mkdir(join(images, d), { recursive: true });
      await writeFile(
        join(images, d, "MLTable"),
        "paths:\n  - file: ./annotations.jsonl\ntransformations:\n  - read_json_lines\n",
      );
    }
  }, 60_000);
  afterAll(() => cloud?.stop());

  /** Submits one example (from its folder, as `az ml job create -f` is run) and returns what was sent. */
  async function submit(
    folder: string,
    file: string,
    plan: boolean,
  ): Promise<{ sent: RecordedRequest[]; planned: Planned[]; stdout: string }> {
    const cwd = join(work, folder);
    const mark = cloud.emu.requests.length;
    const writes = cloud.emu.writes().length;
    const run = await runCliTask(
      "submit-pipeline",
      {
        ...cloud.inputs,
        pipeline: file,
        wait: "false",
        ...(plan ? { dryRun: "true", planFile: "plan.json" } : {}),
      },
      cwd,
    );
    expect(run.stderr, run.stdout.join("\n")).toEqual([]);
    expect(run.exitCode).toBe(0);
    const sent = cloud.emu.requests.slice(mark);
    let planned: Planned[] = [];
    if (plan) {
      // Plan mode changes nothing in the workspace; the plan holds every request that would.
      expect(cloud.emu.writes().length).toBe(writes);
      planned = (JSON.parse(await readFile(join(cwd, "plan.json"), "utf8")) as { requests: Planned[] }).requests;
    }
    return { sent, planned, stdout: run.stdout.join("\n") };
  }

  /** The requests that change the workspace, as sent (non-plan) or planned (plan mode). */
  const writesOf = (r: { sent: RecordedRequest[]; planned: Planned[] }, plan: boolean): Planned[] =>
    plan
      ? r.planned
      : r.sent
          .filter((q) => q.method === "PUT" || q.method === "POST")
          .map((q) => ({ method: q.method, path: q.path, body: q.body }));
  const jobPut = (w: Planned[]) => {
    const put = w.find((q) => q.method === "PUT" && /\/jobs\/[^/]+$/.test(q.path));
    expect(put).toBeDefined();
    return (put?.body as { properties: Obj & { jobs: Record<string, Obj> } }).properties;
  };
  const componentPuts = (w: Planned[]) =>
    w
      .filter((q) => q.method === "PUT" && /\/components\/[^/]+\/versions\/[^/]+$/.test(q.path))
      .map((q) => ({
        path: q.path,
        spec: (q.body as { properties: { componentSpec: Obj } }).properties.componentSpec,
      }));
  const idOf = (path: string) => path.replace(/^.*(\/subscriptions\/)/, "$1");

  for (const plan of [true, false]) {
    const mode = plan ? "plan mode" : "submitted";

    it(`automl classification node: sent as written, data as bindings, best_model typed (${mode})`, async () => {
      const r = await submit(
        "pipelines/automl/cli-automl-classification-task-bankmarketing-pipeline",
        "pipeline.yml",
        plan,
      );
      const job = jobPut(writesOf(r, plan));
      // The wire form of the recordings test_pipeline_job_with_automl_classification.json (jobs.<node>).
      expect(job.jobs.classification_node).toEqual({
        name: "classification_node",
        type: "automl",
        tags: {},
        properties: {},
        log_verbosity: "info",
        task: "classification",
        primary_metric: "accuracy",
        limits: { max_trials: 1, max_concurrent_trials: 1 },
        target_column_name: "y",
        training_data: "${{parent.jobs.preprocessing_node.outputs.preprocessed_train_data}}",
        validation_data: "${{parent.jobs.preprocessing_node.outputs.preprocessed_validation_data}}",
        featurization: { mode: "auto" },
        training: { enable_stack_ensemble: false, enable_vote_ensemble: false },
        outputs: { best_model: { job_output_type: "mlflow_model" } },
      });
      // The command nodes around it still reference registered components, and read its output.
      expect(job.jobs.register_model_node.inputs).toMatchObject({
        model_input_path: {
          job_input_type: "literal",
          value: "${{parent.jobs.classification_node.outputs.best_model}}",
        },
      });
      expect(componentPuts(writesOf(r, plan))).toHaveLength(2);
      // The local MLTable folders were uploaded (or planned) and the job names them.
      expect((job.inputs as Record<string, Obj>).classification_train_data).toMatchObject({
        jobInputType: "mltable",
        uri: expect.stringMatching(/\/paths\/LocalUpload\/[0-9a-f]{32}\/training-mltable-folder$/),
      });
    });

    it(`automl image node: search spaces as distribution strings, sweep policy defaults (${mode})`, async () => {
      const r = await submit(
        "pipelines/automl/image-instance-segmentation-task-fridge-items-pipeline",
        "pipeline.yml",
        plan,
      );
      const node = jobPut(writesOf(r, plan)).jobs.image_instance_segmentation_node;
      // As in the recording test_pipeline_job_with_automl_image_instance_segmentation.json.
      expect(node.search_space).toEqual([
        {
          model_name: "choice('maskrcnn_resnet50_fpn')",
          learning_rate: "uniform(0.0001,0.001)",
          optimizer: "choice('sgd','adam','adamw')",
          min_size: "choice(600,800)",
        },
      ]);
      expect(node.sweep).toEqual({
        sampling_algorithm: "random",
        early_termination: {
          type: "bandit",
          evaluation_interval: 2,
          delay_evaluation: 6,
          slack_factor: 0.2,
          slack_amount: 0,
        },
      });
      expect(node).toMatchObject({
        task: "image_instance_segmentation",
        limits: { timeout_minutes: 180, max_trials: 10, max_concurrent_trials: 2 },
        training_data: "${{parent.inputs.image_instance_segmentation_training_data}}",
        training_parameters: { early_stopping: true, evaluation_frequency: 1 },
      });
    });

    it(`spark nodes with inline code: an anonymous spark component with the uploaded code (${mode})`, async () => {
      const r = await submit("pipelines/add-column-and-word-count-using-spark", "pipeline.yml", plan);
      const w = writesOf(r, plan);
      const job = jobPut(w);
      const components = componentPuts(w);
      expect(components.map((c) => c.spec.type)).toEqual(["spark", "spark"]);
      const codeIds = new Set(components.map((c) => c.spec.code));
      expect(codeIds.size).toBe(1);
      const [codeId] = [...codeIds] as string[];
      expect(codeId).toMatch(/\/codes\/[0-9a-f]{36}\/versions\/1$/);
      const node = job.jobs.count_by_rows;
      const mine = components.find((c) => idOf(c.path) === idOf(String(node.componentId)));
      expect(mine, "the node names the component registered for it").toBeDefined();
      expect(mine?.spec).toMatchObject({
        type: "spark",
        entry: { file: "count_by_row.py" },
        jars: ["scalaproj.jar"],
        files: ["my_files.txt"],
        args: "--file_input ${{inputs.file_input}} --output ${{outputs.output}}",
        inputs: { file_input: { type: "uri_file" } },
        outputs: { output: { type: "uri_folder" } },
      });
      expect(node).toMatchObject({
        type: "spark",
        entry: { file: "count_by_row.py", spark_job_entry_type: "SparkJobPythonEntry" },
        jars: ["scalaproj.jar"],
        conf: { "spark.driver.cores": 2, "spark.executor.instances": 1 },
        resources: { instance_type: "Standard_E8S_V3", runtime_version: "3.4.0" },
        inputs: { file_input: { job_input_type: "literal", value: "${{parent.inputs.iris_data}}" } },
        outputs: { output: { type: "literal", value: "${{parent.outputs.output}}" } },
      });
      expect(node).not.toHaveProperty("code");
      const blobs = w.filter((q) => q.method === "PUT" && q.path.includes("/LocalUpload/")).map((q) => q.path);
      if (plan) {
        expect(blobs.some((p) => p.endsWith("/src/add_greeting_column.py"))).toBe(true);
      } else {
        // The code went to Azurite, under the hash the code version is named by.
        const hash = codeId.split("/codes/")[1].split("/")[0];
        const names: string[] = [];
        for await (const b of cloud.container().listBlobsFlat({ prefix: `LocalUpload/${hash}/src/` }))
          names.push(b.name);
        expect(names.map((n) => n.split("/").at(-1)).sort()).toEqual(
          [
            "add_greeting_column.py",
            "count_by_row.py",
            "my_archives.tar",
            "my_files.txt",
            "scalaproj.jar",
            "utils.zip",
          ].sort(),
        );
      }
    });

    it(`spark node from a component file: identity, data with direct mode, typed entry (${mode})`, async () => {
      const r = await submit("spark", "attached-spark-pipeline-user-identity.yml", plan);
      const w = writesOf(r, plan);
      const node = jobPut(w).jobs.spark_job;
      expect(node).toMatchObject({
        type: "spark",
        identity: { identity_type: "UserIdentity" },
        entry: { file: "titanic.py", spark_job_entry_type: "SparkJobPythonEntry" },
        conf: { "spark.dynamicAllocation.enabled": true, "spark.dynamicAllocation.maxExecutors": 4 },
        inputs: {
          titanic_data: {
            job_input_type: "uri_file",
            uri: "azureml://datastores/workspaceblobstore/paths/data/titanic.csv",
            mode: "Direct",
          },
        },
      });
      const [component] = componentPuts(w);
      expect(component.spec).toMatchObject({
        type: "spark",
        entry: { file: "titanic.py" },
        code: expect.stringMatching(/\/codes\/[0-9a-f]{36}\/versions\/1$/),
        inputs: { titanic_data: { type: "uri_file", mode: "direct" } },
      });
    });

    it(`environment with a Docker build context: the context uploaded, the environment built from it (${mode})`, async () => {
      const r = await submit("pipelines-with-components/basics/6c_r_iris", "pipeline.yml", plan);
      const w = writesOf(r, plan);
      const envPut = w.find((q) => q.method === "PUT" && /\/environments\/[^/]+\/versions\/[^/]+$/.test(q.path));
      expect(envPut).toBeDefined();
      // As the SDK sends it (recording environment/test_environment_create_or_update_docker_context).
      const body = envPut?.body as { properties: { build: { contextUri: string; dockerfilePath: string } } };
      expect(body.properties).toEqual({
        build: {
          contextUri: expect.stringMatching(
            /^https?:\/\/.+\/azureml-blobstore-emulated\/LocalUpload\/[0-9a-f]{32}\/docker-context\/$/,
          ),
          dockerfilePath: "Dockerfile",
        },
        isAnonymous: true,
        isArchived: false,
      });
      const [component] = componentPuts(w);
      expect(idOf(String(component.spec.environment).replace(/^azureml:/, ""))).toBe(idOf(envPut?.path ?? "?"));
      const prefix = body.properties.build.contextUri.split("/azureml-blobstore-emulated/")[1];
      const dockerfile = await readFile(
        join(work, "pipelines-with-components/basics/6c_r_iris/docker-context/Dockerfile"),
        "utf8",
      );
      if (plan) {
        expect(w.some((q) => q.path.endsWith(`/${prefix}Dockerfile`))).toBe(true);
      } else {
        const blob = await cloud.container().getBlobClient(`${prefix}Dockerfile`).downloadToBuffer();
        expect(blob.toString("utf8")).toBe(dockerfile);
      }
    });

    it(`pipeline component nodes: nested components first, then the pipeline component, referenced by id (${mode})`, async () => {
      const r = await submit(
        "pipelines-with-components/pipeline_with_pipeline_component/pipeline_with_train_eval_pipeline_component",
        "pipeline.yml",
        plan,
      );
      const w = writesOf(r, plan);
      const components = componentPuts(w);
      const pipelines = components.filter((c) => c.spec.type === "pipeline");
      // Both nodes use the same pipeline component file: registered once.
      expect(pipelines).toHaveLength(1);
      const [pc] = pipelines;
      const at = components.indexOf(pc);
      const jobs = pc.spec.jobs as Record<string, Obj>;
      expect(Object.keys(jobs)).toEqual(["train_job", "score_job", "evaluate_job"]);
      for (const inner of Object.values(jobs)) {
        const id = idOf(String(inner.componentId));
        const registeredAt = components.findIndex((c) => idOf(c.path) === id);
        expect(registeredAt, `${String(inner.name)} references a component registered before`).toBeGreaterThanOrEqual(
          0,
        );
        expect(registeredAt).toBeLessThan(at);
      }
      // As recorded for test_pipeline_component_job: from YAML, no is_deterministic of its own.
      expect(pc.spec).toMatchObject({ type: "pipeline", _source: "YAML.COMPONENT" });
      expect(pc.spec).not.toHaveProperty("is_deterministic");
      expect(jobs.train_job).toMatchObject({
        computeId: "${{parent.inputs.train_node_compute}}",
        outputs: { model_output: { type: "literal", value: "${{parent.outputs.trained_model}}" } },
      });
      const job = jobPut(w);
      for (const n of ["train_and_evaluate_model1", "train_and_evaluate_model2"]) {
        expect(job.jobs[n]).toMatchObject({ type: "pipeline" });
        expect(idOf(String(job.jobs[n].componentId))).toBe(idOf(pc.path));
      }
      expect(wsPath).toBeTruthy();
    });

    it(`prompt flow components: the flow folder uploaded as code, registered as promptflow_parallel (${mode})`, async () => {
      const r = await submit("pipelines-with-components/pipeline_job_with_flow_as_component", "pipeline.yml", plan);
      const w = writesOf(r, plan);
      const components = componentPuts(w);
      expect(components).toHaveLength(2);
      const code = components[0].spec.code as string;
      expect(code).toMatch(/\/codes\/[0-9a-f]{36}\/versions\/1$/);
      const hash = code.split("/codes/")[1].split("/")[0];
      // As the SDK registers a flow (recording test_pipeline_job_with_flow[dag].json): Azure ML expands it.
      const flowUri = expect.stringMatching(
        new RegExp(`^https?://.+/azureml-blobstore-emulated/LocalUpload/${hash}/basic/flow\\.dag\\.yaml$`),
      );
      expect(components[0].spec).toEqual({
        name: "basic",
        version: "1",
        is_deterministic: true,
        type: "promptflow_parallel",
        _source: "YAML.COMPONENT",
        code,
        flow_definition_uri: flowUri,
      });
      // The flow run (run.yml) names the same flow and adds its environment variables.
      expect(components[1].spec).toMatchObject({
        name: "basic",
        type: "promptflow_parallel",
        code,
        flow_definition_uri: flowUri,
        environment_variables: { AZURE_OPENAI_API_TYPE: "azure" },
      });
      const job = jobPut(w);
      for (const [n, c] of [
        ["flow_node_from_dag", components[0]],
        ["flow_node_from_run", components[1]],
      ] as const) {
        expect(job.jobs[n]).toMatchObject({
          type: "parallel",
          _source: "YAML.COMPONENT",
          inputs: {
            data: { job_input_type: "literal", value: "${{parent.inputs.flow_input}}" },
            text: { job_input_type: "literal", value: "${data.text}" },
          },
        });
        expect(idOf(String(job.jobs[n].componentId))).toBe(idOf(c.path));
      }
      if (!plan) {
        const blob = await cloud
          .container()
          .getBlobClient(`LocalUpload/${hash}/basic/flow.dag.yaml`)
          .downloadToBuffer();
        expect(blob.toString("utf8")).toContain("nodes:");
      }
    });
  }

  it("an automl node's own compute is resolved to the compute's ARM id, as the SDK sends it", async () => {
    const dir = join(work, "automl-compute");
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, "pipeline.yml"),
      [
        "type: pipeline",
        "inputs:",
        "  train: {type: mltable, path: azureml://datastores/workspaceblobstore/paths/train/}",
        "jobs:",
        "  automl:",
        "    type: automl",
        "    task: regression",
        "    compute: azureml:gpu-cluster",
        "    target_column_name: y",
        "    training_data: ${{parent.inputs.train}}",
        "",
      ].join("\n"),
    );
    const r = await submit("automl-compute", "pipeline.yml", true);
    const node = jobPut(writesOf(r, true)).jobs.automl;
    expect(node.compute).toBe(`${wsPath}/computes/gpu-cluster`);
    expect(node).not.toHaveProperty("computeId");
  });
});

describe("automl, spark and prompt flow YAML mistakes: one line each, at the line that has them", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("mlops-features-"));
  });
  afterAll(() => cleanup?.());
  const problems = async (yaml: string, extra: Record<string, string> = {}) => {
    for (const [f, text] of Object.entries(extra)) {
      await mkdir(join(dir, f, ".."), { recursive: true });
      await writeFile(join(dir, f), text);
    }
    await writeFile(join(dir, "pipeline.yml"), yaml);
    const { problems } = await loadPipeline(join(dir, "pipeline.yml"));
    return problems.list.map((p) => ({ message: p.message, line: p.where.line, fix: p.fix }));
  };

  it("an unknown automl task names the near one; a missing task or training_data says what to set", async () => {
    expect(
      await problems("type: pipeline\njobs:\n  a:\n    type: automl\n    task: clasification\n    training_data: x\n"),
    ).toContainEqual({
      message: "automl task 'clasification' is not known",
      line: 5,
      fix: "Did you mean 'classification'?",
    });
    const none = await problems("type: pipeline\njobs:\n  a:\n    type: automl\n");
    expect(none.map((p) => p.message)).toEqual(["automl job 'a' has no task", "automl job 'a' has no training_data"]);
    expect(none[0].line).toBe(3);
  });

  it("a prompt flow without .promptflow/flow.tools.json is refused as the SDK refuses it, with the command that makes it", async () => {
    const found = await problems(
      "type: pipeline\njobs:\n  f:\n    type: parallel\n    component: ./flow/flow.dag.yaml\n    inputs:\n      data: {type: uri_folder, path: azureml://datastores/d/paths/p}\n",
      { "flow/flow.dag.yaml": "inputs:\n  text: {type: string}\noutputs: {}\nnodes: []\n" },
    );
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/flow .*flow has no \.promptflow\/flow\.tools\.json/);
    expect(found[0].fix).toBe("Run `pf flow validate` in the flow folder to generate it");
  });

  it("a pipeline job takes jobs or one pipeline component, not both", async () => {
    const found = await problems("type: pipeline\ncomponent: ./pc.yml\njobs:\n  a: {type: command, command: echo}\n", {
      "pc.yml": "type: pipeline\njobs:\n  b: {type: command, command: echo}\n",
    });
    expect(found).toContainEqual({
      message: "a pipeline job has either jobs or a component, not both",
      line: 2,
      fix: "Remove `component:`, or move the jobs into the pipeline component",
    });
    // With the component alone, its jobs are the job's (for the plan and the local runner).
    await writeFile(join(dir, "only.yml"), "type: pipeline\ncomponent: ./pc.yml\n");
    const { job, problems: none } = await loadPipeline(join(dir, "only.yml"));
    expect(none.list).toEqual([]);
    expect(Object.keys(job.jobs)).toEqual(["b"]);
    expect(job.component?.type).toBe("pipeline");
  });

  it("AutoML search space dimensions become the SDK's distribution strings", () => {
    expect(distribution({ type: "choice", values: ["a", 1, 0.5, true] })).toBe("choice('a',1,0.5,True)");
    expect(distribution({ type: "uniform", min_value: 0.001, max_value: 0.01 })).toBe("uniform(0.001,0.01)");
    expect(distribution({ type: "quniform", min_value: 1, max_value: 10, q: 2 })).toBe("quniform(1,10,2)");
    expect(distribution({ type: "randint", upper: 5 })).toBe("randint(5)");
    expect(distribution({ type: "normal", mu: 0, sigma: 1 })).toBe("normal(0,1)");
    expect(distribution("vitb16r224")).toBe("vitb16r224");
    expect(distribution(false)).toBe("False");
  });
});
