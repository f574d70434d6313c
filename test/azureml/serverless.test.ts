import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { describeProblem } from "../../src/pipeline/problems.js";
import { compileForAzure } from "../../src/workspace/azureml/contract/wire/pipeline-job.js";
import { runCliTask } from "../helpers.js";
import { type Cloud, startCloud } from "./setup.js";

// azure-ai-ml's own test YAMLs (see SOURCES.md there) and the wire form its recording holds.
const SERVERLESS = join(import.meta.dirname, "..", "fixtures", "pipelines", "serverless");

describe("serverless compute: resources and queue_settings in the SDK's wire form", () => {
  it("a command node's job_tier and priority are mapped as QueueSettings maps them; resources pass through", async () => {
    const { job, problems } = await loadPipeline(join(SERVERLESS, "pipeline_with_queue_settings.yml"));
    expect(problems.list).toEqual([]);
    const jobs = compileForAzure(job).properties.jobs as Record<string, Record<string, unknown>>;
    expect(jobs.hello_world.resources).toEqual({ instance_type: "Standard_D3_v2" });
    expect(jobs.hello_world.queue_settings).toEqual({ job_tier: "Standard", priority: 2 });
  });

  it("a sweep node's queue_settings go as written (recorded: job_tier: standard)", async () => {
    const trial = join(import.meta.dirname, "..", "fixtures", "pipelines", "features", "grid-sweep");
    const sweepJob = await loadPipeline(join(trial, "pipeline.yml"), {
      set: ["jobs.search.queue_settings.job_tier=standard"],
    });
    expect(sweepJob.problems.list).toEqual([]);
    const jobs = compileForAzure(sweepJob.job).properties.jobs as Record<string, Record<string, unknown>>;
    expect(jobs.search.queue_settings).toEqual({ job_tier: "standard" });
  });

  it("a job tier or priority the SDK does not know, or a binding there, is refused in one line at its position", async () => {
    const { problems } = await loadPipeline(join(SERVERLESS, "pipeline_with_queue_settings.yml"), {
      set: [
        "jobs.hello_world.queue_settings.job_tier=spott",
        "jobs.hello_world.queue_settings.priority=${{parent.inputs.p}}",
      ],
    });
    expect(problems.list.map((p) => describeProblem(p).replaceAll(`${SERVERLESS}/`, ""))).toEqual([
      "pipeline_with_queue_settings.yml:14:17: queue_settings.job_tier is 'spott'. Did you mean 'spot'?",
      "pipeline_with_queue_settings.yml:15:17: queue_settings.priority is '${{parent.inputs.p}}' (a binding cannot be mapped to the service's value). Use one of: low, medium, high.",
    ]);
  });
});

describe("serverless compute on the emulated workspace", () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(() => cloud?.stop());

  it("azureml:serverless is not looked up as a cluster; the job names <workspace>/computes/serverless as the SDK does", async () => {
    const mark = cloud.emu.requests.length;
    const planFile = join(cloud.dir, "serverless-plan.json");
    const run = await runCliTask(
      "submit-pipeline",
      { ...cloud.inputs, pipeline: "pipeline_with_job_tier.yml", dryRun: "true", planFile },
      SERVERLESS,
    );
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(cloud.emu.requests.slice(mark).filter((r) => r.path.includes("/computes/"))).toEqual([]);
    const plan = JSON.parse(await readFile(planFile, "utf8")) as {
      requests: { method: string; path: string; body?: { properties: Record<string, unknown> } }[];
    };
    const put = plan.requests.find((r) => r.method === "PUT" && /\/jobs\/[^/]+$/.test(r.path));
    const props = put?.body?.properties as {
      settings: Record<string, unknown>;
      jobs: Record<string, Record<string, unknown>>;
    };
    expect(props.settings.default_compute).toBe(`${cloud.emu.state.wsPath}/computes/serverless`);
    expect(props.jobs.spot_job_tier).toMatchObject({
      resources: { instance_type: "Standard_D3_v2" },
      queue_settings: { job_tier: "Spot" },
    });
    expect(props.jobs.standard_job_tier.queue_settings).toEqual({ job_tier: "Standard" });
    // The anonymous component of an inline job keeps its resources, as recorded.
    const component = plan.requests.find((r) => r.method === "PUT" && r.path.includes("/components/"));
    expect((component?.body?.properties.componentSpec as Record<string, unknown>).resources).toEqual({
      instance_type: "Standard_D3_v2",
    });
  });

  it("a named cluster is still checked: one that does not exist is refused in one line", async () => {
    const run = await runCliTask(
      "submit-pipeline",
      {
        ...cloud.inputs,
        pipeline: "pipeline_with_job_tier.yml",
        dryRun: "true",
        planFile: join(cloud.dir, "p2.json"),
        set: "settings.default_compute=azureml:no-such-cluster",
      },
      SERVERLESS,
    );
    expect(run.exitCode).toBe(1);
    expect(run.stderr.at(-1)).toMatch(/compute 'no-such-cluster' does not exist in workspace mlw-test/);
  });
});
