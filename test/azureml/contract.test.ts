/**
 * Contract tests: for each request azure-ai-ml was recorded sending (test/fixtures/sdk-recordings,
 * sources in its SOURCES.md), our backend runs the same YAML or operation against the emulator, and
 * what the emulator received is compared with the recorded body field by field.
 *
 * Each case lists the differences that remain, with why; the test fails when a difference appears,
 * disappears or changes kind, so the list stays true. Fields that are environment-specific or
 * server-assigned are ignored by name, each with its reason.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../../src/data/fingerprint.js";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { CodeUploader } from "../../src/workspace/azureml/code.js";
import { EnvironmentRegistry } from "../../src/workspace/azureml/environments.js";
import type { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import { DatastoreAccess } from "../../src/workspace/azureml/storage.js";
import type { RecordedRequest } from "../emulator/server.js";
import { compareBodies, listDifferences, normalise, normalisePath } from "./contract/normalise.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "sdk-recordings");
const CONFIGS = join(FIXTURES, "yaml", "tests", "test_configs");

interface Fixture {
  source: { repo: string; path: string; commit: string; entry: number | string };
  method: string;
  path: string;
  apiVersion: string;
  body: unknown;
}

async function fixture(name: string): Promise<Fixture> {
  return JSON.parse(await readFile(join(FIXTURES, `${name}.json`), "utf8")) as Fixture;
}

/**
 * Ignored everywhere, by JSON path suffix: values that depend on the environment the request was
 * made in, not on the mapping from YAML to the wire.
 */
const IGNORED: Record<string, string> = {
  "properties.experimentName": "the recorded tests ran under experiment 'azure-ai-ml'; ours is the task input",
  "properties.codeUri": "the blob container of the recorded workspace is not the emulator's",
  location: "the recorded workspace is in eastus; the emulator's in its own region",
};

function differences(recorded: Fixture, ours: RecordedRequest): string[] {
  const diffs = compareBodies(recorded.body, normalise(ours.body)).filter(
    (d) => !Object.keys(IGNORED).some((k) => d.path === k || d.path.endsWith(`.${k}`)),
  );
  return listDifferences(diffs);
}

/** A job the YAML gives no display name is shown by its generated name: the same placeholder on both sides. */
function withJobName(put: RecordedRequest | undefined): RecordedRequest | undefined {
  if (!put) return put;
  const name = put.path.split("/").at(-1);
  const body = structuredClone(put.body) as { properties: Record<string, unknown> };
  if (body.properties.displayName === name) body.properties.displayName = "{job-name}";
  return { ...put, body };
}

/** Asserts the request went to the recorded route with the recorded method, and returns its body differences. */
function compare(recorded: Fixture, ours: RecordedRequest | undefined): string[] {
  expect(ours, `no request matching ${recorded.method} ${recorded.path}`).toBeDefined();
  const sent = ours as RecordedRequest;
  expect(sent.method).toBe(recorded.method);
  expect(normalisePath(sent.path)).toBe(recorded.path);
  const found = differences(recorded, sent);
  // CONTRACT_DEBUG=1 prints each difference with both values, to read when a list changes.
  if (process.env.CONTRACT_DEBUG)
    console.log(
      JSON.stringify(
        compareBodies(recorded.body, normalise(sent.body)).map((d) => ({ ...d })),
        null,
        1,
      ),
    );
  return found;
}

describe("contract: our requests against azure-ai-ml's recorded ones", () => {
  let cloud: Cloud;
  let ws: AzureMlWorkspace;
  beforeAll(async () => {
    cloud = await startCloud();
    ws = await openWorkspace(cloud);
  }, 60_000);
  afterAll(() => cloud?.stop());

  /** Submits a vendored SDK test YAML through the backend and returns the requests the emulator received. */
  const submit = async (yaml: string): Promise<RecordedRequest[]> => {
    const file = join(CONFIGS, yaml);
    const { job } = await loadPipeline(file);
    const mark = cloud.emu.requests.length;
    await ws.jobs.submit(job, {
      experimentName: "azure-ai-ml",
      baseDir: dirname(file),
      log: captureLog(),
      signal: new AbortController().signal,
    });
    return cloud.emu.requests.slice(mark);
  };
  const puts = (sent: RecordedRequest[], path: RegExp) => sent.filter((r) => r.method === "PUT" && path.test(r.path));

  describe("pipeline job: registered component + inline command job (helloworld literal output binding)", () => {
    let sent: RecordedRequest[];
    beforeAll(async () => {
      sent = await submit(
        "pipeline_jobs/helloworld_pipeline_job_with_registered_component_literal_output_binding_to_inline_job_input.yml",
      );
    });

    it("sends the job as the SDK does", async () => {
      const recorded = await fixture("pipeline-job/registered_component_literal_output_binding");
      expect(compare(recorded, puts(sent, /\/jobs\/[^/]+$/)[0])).toEqual([]);
    });

    it("registers the inline command job as the SDK's anonymous component", async () => {
      const recorded = await fixture("component/inline_command_job_anonymous");
      expect(compare(recorded, puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/)[0])).toEqual([]);
    });
  });

  describe("pipeline job: command nodes from component files, distribution, data binding (input_basic)", () => {
    let sent: RecordedRequest[];
    beforeAll(async () => {
      sent = await submit("dsl_pipeline/data_binding_expression/input_basic.yml");
    });

    it("sends the job as the SDK does", async () => {
      const recorded = await fixture("pipeline-job/command_nodes_data_binding");
      expect(compare(recorded, puts(sent, /\/jobs\/[^/]+$/)[0])).toEqual([]);
    });

    it("registers each component file anonymously, as the SDK does", async () => {
      const components = puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/);
      // Ours are registered in the order the jobs reference them: the distribution component first.
      const distribution = components.find((c) => JSON.stringify(c.body).includes('"distribution"'));
      const basic = components.find((c) => !JSON.stringify(c.body).includes('"distribution"'));
      expect(compare(await fixture("component/distribution_file_component_anonymous"), distribution)).toEqual([]);
      expect(compare(await fixture("component/basic_file_component_anonymous"), basic)).toEqual([]);
    });
  });

  describe("pipeline job: sweep node with a file trial and a binding in a choice (run_settings_sweep_choice)", () => {
    let sent: RecordedRequest[];
    beforeAll(async () => {
      sent = await submit("dsl_pipeline/data_binding_expression/run_settings_sweep_choice.yml");
    });

    it("sends the sweep node in the SDK's shape (trial, search_space, sampling, goal, limits)", async () => {
      const recorded = await fixture("pipeline-job/sweep_node_choice_binding");
      expect(compare(recorded, puts(sent, /\/jobs\/[^/]+$/)[0])).toEqual(
        [
          // The current SDK test YAML (vendored) writes `mode: ro_mount` on both inputs; the YAML the
          // 2023 recording was made from did not, so the recorded body has no mode.
          "properties.inputs.job_in_file.mode: extra",
          "properties.inputs.job_in_folder.mode: extra",
        ].sort(),
      );
    });

    it("registers the trial component anonymously", async () => {
      const recorded = await fixture("component/sweep_trial_anonymous");
      expect(compare(recorded, puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/)[0])).toEqual([]);
    });
  });

  describe("pipeline job: automl regression node (onejob_automl_regression)", () => {
    it("sends the automl node as the SDK does", async () => {
      const sent = await submit("pipeline_jobs/jobs_with_automl_nodes/onejob_automl_regression.yml");
      const recorded = await fixture("pipeline-job/automl_regression_node");
      const put = puts(sent, /\/jobs\/[^/]+$/)[0];
      expect(compare(recorded, withJobName(put))).toEqual([]);
    });
  });

  describe("pipeline job: sweep on serverless compute with a job tier (serverless_compute/job_tier/sweep_in_pipeline)", () => {
    let sent: RecordedRequest[];
    beforeAll(async () => {
      sent = await submit("pipeline_jobs/serverless_compute/job_tier/sweep_in_pipeline/pipeline.yml");
    });

    it("sends the sweep node with its queue settings and the serverless default compute as the SDK does", async () => {
      const recorded = await fixture("pipeline-job/serverless_sweep_job_tier");
      expect(compare(recorded, puts(sent, /\/jobs\/[^/]+$/)[0])).toEqual([]);
    });

    it("registers the trial's inline image as an anonymous environment", async () => {
      const recorded = await fixture("environment/anonymous_image_only");
      expect(compare(recorded, puts(sent, /\/environments\/[^/]+\/versions\/[^/]+$/)[0])).toEqual([]);
    });

    it("registers the trial component with its code and environment ids", async () => {
      const recorded = await fixture("component/serverless_sweep_trial_anonymous");
      expect(compare(recorded, puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/)[0])).toEqual([]);
    });
  });

  describe("pipeline job: distributed command nodes (mpi, pytorch, tensorflow) from component files", () => {
    let sent: RecordedRequest[];
    beforeAll(async () => {
      sent = await submit("pipeline_jobs/helloworld_pipeline_job_with_distribution_component.yml");
    });
    const component = (displayName: string) =>
      puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/).find(
        (r) =>
          (r.body as { properties: { componentSpec: { display_name?: string } } }).properties.componentSpec
            .display_name === displayName,
      );

    it("sends the distribution of each node as the SDK does", async () => {
      const recorded = await fixture("pipeline-job/distribution_command_nodes");
      expect(compare(recorded, withJobName(puts(sent, /\/jobs\/[^/]+$/)[0]))).toEqual([]);
    });

    it.each([
      ["mpi", "CommandComponentMpi"],
      ["pytorch", "CommandComponentPytorch"],
      ["tensorflow", "CommandComponentTensorFlow"],
    ])("registers the %s component with its distribution as the SDK does", async (kind, displayName) => {
      const recorded = await fixture(`component/${kind}_distribution_component_anonymous`);
      expect(compare(recorded, component(displayName))).toEqual([]);
    });
  });

  describe("pipeline job: parallel nodes from a component file, and a command node with code (parallel_component_with_file_input)", () => {
    let sent: RecordedRequest[];
    beforeAll(async () => {
      sent = await submit("dsl_pipeline/parallel_component_with_file_input/pipeline.yml");
    });
    const component = (type: string) =>
      puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/).find(
        (r) => (r.body as { properties: { componentSpec: { type: string } } }).properties.componentSpec.type === type,
      );

    it("sends the parallel nodes as the SDK does", async () => {
      const recorded = await fixture("pipeline-job/parallel_nodes_file_input");
      expect(compare(recorded, withJobName(puts(sent, /\/jobs\/[^/]+$/)[0]))).toEqual([]);
    });

    it("registers the parallel component anonymously, its task code as a code version", async () => {
      expect(compare(await fixture("component/parallel_file_component_anonymous"), component("parallel"))).toEqual([]);
    });

    it("registers the command component with its code", async () => {
      expect(
        compare(await fixture("component/command_file_component_with_code_anonymous"), component("command")),
      ).toEqual([]);
    });
  });

  describe("pipeline job: inline spark nodes with local code (spark_job_in_pipeline/pipeline_inline_job)", () => {
    let sent: RecordedRequest[];
    beforeAll(async () => {
      sent = await submit("dsl_pipeline/spark_job_in_pipeline/pipeline_inline_job.yml");
    });

    it("sends the spark nodes as the SDK does", async () => {
      const recorded = await fixture("pipeline-job/spark_inline_nodes");
      expect(compare(recorded, withJobName(puts(sent, /\/jobs\/[^/]+$/)[0]))).toEqual([]);
    });

    it("registers an inline spark job as an anonymous spark component with its code", async () => {
      const spark = puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/).find((r) =>
        JSON.stringify(r.body).includes("count_by_row.py"),
      );
      expect(compare(await fixture("component/spark_inline_job_anonymous"), spark)).toEqual([]);
      const withPyFiles = puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/).find((r) =>
        JSON.stringify(r.body).includes("add_greeting_column.py"),
      );
      expect(compare(await fixture("component/spark_inline_job_py_files_anonymous"), withPyFiles)).toEqual([]);
    });
  });

  it("component: the train component file, registered as a pipeline job registers it", async () => {
    // The recording created it as a named component (`az ml component create`); we have no such operation
    // and register component files anonymously inside a job, as the SDK does for a job. The content
    // (command, code, environment, inputs with string defaults, outputs) must be the same.
    const sent = await submit("../../ours/train_component_as_node.yml");
    const put = puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/)[0];
    const recorded = await fixture("component/train_named_31");
    expect(normalisePath(put.path)).toBe("{workspace}/components/azureml_anonymous/versions/{anonymous}");
    expect(differences(recorded, put)).toEqual(
      [
        // Named vs anonymous registration: the service-side identity of the component.
        "properties.componentSpec._source: changed",
        "properties.componentSpec.name: changed",
        "properties.componentSpec.version: changed",
        "properties.isAnonymous: changed",
        // The SDK's client-side hash of a named component (to skip re-registering the same content); ours is
        // versioned by content hash instead.
        "properties.properties.client_component_hash: missing",
      ].sort(),
    );
  });

  describe("pipeline component (helloworld_pipeline_component)", () => {
    it("registers the pipeline component and the command component inside it as the SDK does", async () => {
      // The recorded test submits pipeline_component_job.yml (a job made of one pipeline component); the same
      // component file used as a node registers the same two components (yaml/ours/pipeline_component_as_node.yml).
      const sent = await submit("../../ours/pipeline_component_as_node.yml");
      const components = puts(sent, /\/components\/azureml_anonymous\/versions\/[^/]+$/);
      const isPipeline = (r: RecordedRequest) =>
        (r.body as { properties: { componentSpec: { type: string } } }).properties.componentSpec.type === "pipeline";
      expect(
        compare(
          await fixture("component/pipeline_component_inner_command_anonymous"),
          components.find((c) => !isPipeline(c)),
        ),
      ).toEqual([]);
      expect(compare(await fixture("component/pipeline_component_anonymous"), components.find(isPipeline))).toEqual([]);
    });

    it("a job made of one pipeline component (top-level `component:`) is sent as the SDK sends it", async () => {
      // componentId, no jobs, the component's display name and outputs, settings._source REMOTE.WORKSPACE.JOB.
      const sent = await submit("pipeline_jobs/pipeline_component_job.yml");
      const recorded = await fixture("pipeline-job/pipeline_component_job");
      expect(compare(recorded, withJobName(puts(sent, /\/jobs\/[^/]+$/)[0]))).toEqual([]);
    });
  });

  it("data: a uri_file data version uploaded from a local file", async () => {
    const recorded = await fixture("data/uri_file_local_upload");
    const file = join(CONFIGS, "data", "sample1.csv");
    const fp = await fingerprint(file);
    const mark = cloud.emu.requests.length;
    await ws.datasets.create(
      { name: "contract-data", type: "uri_file", source: file, fingerprint: fp.digest, tags: {} },
      captureLog(),
    );
    const put = puts(cloud.emu.requests.slice(mark), /\/data\/[^/]+\/versions\/[^/]+$/)[0];
    expect(compare(recorded, put)).toEqual([]);
  });

  it("model: an mlflow_model folder registered with its MLmodel flavors", async () => {
    const recorded = await fixture("model/mlflow_model_folder");
    const mark = cloud.emu.requests.length;
    await ws.models.register(
      {
        name: "contract-model",
        source: join(CONFIGS, "model", "lightgbm_mlflow_model"),
        description: "this is my test model",
        tags: { foo: "bar", abc: "123" },
        metrics: {},
      },
      captureLog(),
    );
    const put = puts(cloud.emu.requests.slice(mark), /\/models\/[^/]+\/versions\/[^/]+$/)[0];
    expect(compare(recorded, put)).toEqual([]);
  });

  it("model: a custom model folder (no MLmodel), as the deployment recording registered its model", async () => {
    const recorded = await fixture("model/anonymous_custom_model");
    const mark = cloud.emu.requests.length;
    await ws.models.register(
      { name: "contract-custom-model", source: join(FIXTURES, "yaml", "ours", "model"), tags: {}, metrics: {} },
      captureLog(),
    );
    const put = puts(cloud.emu.requests.slice(mark), /\/models\/[^/]+\/versions\/[^/]+$/)[0];
    expect(compare(recorded, put)).toEqual(
      [
        // The SDK registered the deployment's inline model anonymously; ours is a named model version
        // (compare-models and deploy-endpoint refer to it by name and version).
        "properties.isAnonymous: changed",
      ].sort(),
    );
  });

  it("environment: an anonymous environment from an image and a conda file", async () => {
    const recorded = await fixture("environment/anonymous_image_conda");
    const conda = join(CONFIGS, "deployments", "model-1", "environment", "conda.yml");
    const mark = cloud.emu.requests.length;
    await new EnvironmentRegistry(ws.client).register(
      { image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file: conda },
      "contract",
    );
    const put = puts(cloud.emu.requests.slice(mark), /\/environments\/[^/]+\/versions\/[^/]+$/)[0];
    expect(compare(recorded, put)).toEqual([]);
  });

  describe("online endpoint and deployment", () => {
    it("endpoint: created with key auth and a system-assigned identity", async () => {
      const recorded = await fixture("online-endpoint/create_key_auth");
      const mark = cloud.emu.requests.length;
      await ws.endpoints.ensure("contract-ept", captureLog());
      const put = puts(cloud.emu.requests.slice(mark), /\/onlineEndpoints\/[^/]+$/)[0];
      expect(compare(recorded, put)).toEqual(
        [
          // Ours says who manages the endpoint (the recorded test gave no description).
          "properties.description: extra",
        ].sort(),
      );
    });

    it("deployment: managed, with code, scoring script, model and environment", async () => {
      const recorded = await fixture("online-deployment/managed_with_code_and_model");
      const log = captureLog();
      const model = await ws.models.register(
        {
          name: "contract-deploy-model",
          source: join(CONFIGS, "model", "lightgbm_mlflow_model"),
          tags: {},
          metrics: {},
        },
        log,
      );
      const codeDir = join(cloud.dir, "contract-onlinescoring");
      await mkdir(codeDir, { recursive: true });
      await writeFile(join(codeDir, "score.py"), "def init():\n    pass\n\ndef run(raw):\n    return raw\n");
      const mark = cloud.emu.requests.length;
      await ws.endpoints.createDeployment(
        "contract-ept",
        {
          name: "blue",
          model,
          scoringScript: join(codeDir, "score.py"),
          codeDir,
          environment: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",
          instanceType: "STANDARD_F2S_V2",
          instanceCount: 2,
        },
        log,
      );
      const put = puts(cloud.emu.requests.slice(mark), /\/onlineEndpoints\/[^/]+\/deployments\/[^/]+$/)[0];
      // The model is the test's own (registered above), the recorded one an anonymous model of its run.
      const body = structuredClone(put?.body) as { properties: { model: string } };
      body.properties.model = body.properties.model.replace(
        /\/models\/[^/]+\//,
        "/models/1498425f064ef007b4f000a85a5f4645/",
      );
      expect(compare(recorded, put && { ...put, body })).toEqual(
        [
          // The recorded deployment YAML has a description; a deploy-endpoint deployment has none.
          "properties.description: missing",
        ].sort(),
      );
    });

    it("traffic: the endpoint PUT that sends all traffic to the deployment", async () => {
      const recorded = await fixture("traffic/endpoint_traffic_100");
      const mark = cloud.emu.requests.length;
      await ws.endpoints.setTraffic("contract-ept", { blue: 100 }, captureLog());
      const put = puts(cloud.emu.requests.slice(mark), /\/onlineEndpoints\/[^/]+$/)[0];
      // The deployment's name is the test's own.
      const body = structuredClone(put?.body) as { properties: { traffic: Record<string, number> } };
      body.properties.traffic = { "online-dpm-b0249d5411f7413": body.properties.traffic.blue };
      expect(compare(recorded, put && { ...put, body })).toEqual(
        [
          // Ours keeps the description it gave the endpoint when it created it (see the endpoint case).
          "properties.description: extra",
        ].sort(),
      );
    });
  });

  it("code: a code version body as the SDK sends it, with the SDK's content hash", async () => {
    const recorded = await fixture("code/train_src");
    const dir = join(CONFIGS, "dsl_pipeline", "e2e_registered_components", "train_src");
    const log = captureLog();
    await new CodeUploader(ws.client, new DatastoreAccess(ws.client, () => log)).upload(dir, log);
    // Code is uploaded once per content: the train component case above may have sent this folder already.
    const put = puts(cloud.emu.requests, /\/codes\/[^/]+\/versions\/[^/]+$/).find((r) =>
      JSON.stringify(r.body).includes("/train_src"),
    );
    expect(compare(recorded, put)).toEqual([]);
    // The recording sanitised the hash in the body, but its code lookup (entry 1) names it in the query.
    const sent = put?.body as { properties: { properties: { hash_sha256: string; hash_version: string } } };
    expect(sent.properties.properties).toEqual({
      hash_sha256: "5b9f2894ca0da09aeae471a50949e49c4a0c3a64dc2ee4df146e30902222ac5c",
      hash_version: "202208",
    });
  });
});
