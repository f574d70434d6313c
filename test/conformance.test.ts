import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isPipelineJob } from "../scripts/conformance/examples.js";
import { conformance, formatReport, unexpected } from "../scripts/conformance/run.js";
import { foreignImports } from "../scripts/conformance/stdlib.js";
import { tempDir } from "./helpers.js";

// A few of Azure/azureml-examples' own pipelines at their upstream paths (see SOURCES.md there).
const CHECKOUT = join(import.meta.dirname, "fixtures", "azureml-examples");
const BASICS = "cli/jobs/pipelines-with-components/basics";

describe("conformance over a vendored subset of azureml-examples", () => {
  it("finds the pipeline jobs (not pipeline components), compiles them for Azure, runs the stdlib-only basics locally", async () => {
    const report = await conformance(CHECKOUT);

    // Pipeline components share `type: pipeline` but are not jobs.
    expect(report.jobs).toContain("cli/jobs/basics/hello-pipeline-serverless.yml");
    expect(report.jobs).toContain(`${BASICS}/3a_basic_pipeline/pipeline.yml`);
    expect(report.jobs.some((f) => f.endsWith("train_pipeline_component.yml"))).toBe(false);
    expect(report.azure.map((r) => r.file)).toEqual(report.jobs);

    // Azure: everything compiles, except what az ml job create refuses on this checkout too.
    const refused = report.azure.filter((r) => !r.compiled);
    expect(refused.filter((r) => !r.sameAsAzure)).toEqual([]);
    // Upstream's prepare_data.py downloads this example's images; without them az ml job create refuses it too.
    const images = refused.find((r) => r.file.includes("image-instance-segmentation-task-fridge-items-pipeline"));
    expect(images?.reason).toMatch(/pipeline\.yml:13:3: input data 'data\/training-mltable-folder' does not exist/);
    // What the service accepts but looks wrong is a warning with file:line and a did-you-mean.
    const warnings = Object.fromEntries(report.azure.map((r) => [r.file, r.warnings]));
    expect(warnings[`${BASICS}/3a_basic_pipeline/pipeline.yml`]).toEqual([
      `${BASICS}/3a_basic_pipeline/pipeline.yml:8:3: unknown setting 'default_datestore' is ignored (Azure ML accepts unknown keys here). Did you mean 'default_datastore'?`,
    ]);
    expect(warnings[`${BASICS}/4b_datastore_datapath_uri/pipeline.yml`]).toEqual([
      expect.stringContaining(
        "pipeline.yml:33:9: job 'component_file' input 'sample_input_data_file' is uri_folder but is bound to uri_file",
      ),
    ]);

    // Locally: 3a_basic_pipeline runs; what needs Azure is refused in one line saying so.
    expect(report.local.map((r) => [r.file.slice(BASICS.length + 1), r.outcome])).toEqual([
      ["1b_e2e_registered_components/pipeline-serverless.yml", "refused"],
      ["1b_e2e_registered_components/pipeline.yml", "refused"],
      ["3a_basic_pipeline/pipeline.yml", "completed"],
      ["4b_datastore_datapath_uri/pipeline.yml", "refused"],
    ]);
    for (const r of report.local.filter((l) => l.outcome === "refused"))
      expect(r.reason).toMatch(/:\d+:\d+: job '.*'.*Run it with backend azureml/);
    expect(report.skipped).toEqual([
      { file: `${BASICS}/6c_r_iris/pipeline.yml`, reasons: ["step r_iris_example: runs Rscript"] },
    ]);

    expect(unexpected(report)).toEqual([]);
    const printed = formatReport(report).join("\n");
    const compiled = report.azure.filter((r) => r.compiled).length;
    expect(printed).toContain(
      `: ${report.jobs.length} pipeline job YAMLs: ${compiled} compiled, ${report.jobs.length - compiled} refused`,
    );
    expect(compiled).toBeGreaterThanOrEqual(11);
    expect(printed).toMatch(/4 of 5: 1 completed, 0 failed, 3 refused \(need Azure\)/);
  }, 120_000);

  it("a refusal Azure would not make, or a failed local run, is unexpected", () => {
    const report = {
      checkout: "",
      jobs: ["a.yml"],
      azure: [{ file: "a.yml", compiled: false, reason: "a.yml:3:1: unknown setting", warnings: [] }],
      skipped: [],
      local: [{ file: "b.yml", outcome: "failed" as const, reason: "step failed" }],
    };
    expect(unexpected(report)).toEqual(["refused for Azure: a.yml", "failed locally: b.yml"]);
  });

  it("tells pipeline jobs from pipeline components by their $schema", () => {
    const schema = "https://azuremlschemas.azureedge.net/latest/";
    expect(isPipelineJob({ $schema: `${schema}pipelineJob.schema.json`, type: "pipeline" })).toBe(true);
    expect(isPipelineJob({ $schema: `${schema}pipelineComponent.schema.json`, type: "pipeline" })).toBe(false);
    expect(isPipelineJob({ $schema: `${schema}pipelineJob.schema.json`, type: "command" })).toBe(false);
  });

  it("python3 decides what is standard library; local modules beside a script are followed", async () => {
    const { dir, cleanup } = await tempDir("mlops-stdlib-");
    try {
      await writeFile(join(dir, "main.py"), "import os, json\nfrom helper import x\n");
      await writeFile(join(dir, "helper.py"), "import numpy as np\nx = 1\n");
      await writeFile(join(dir, "plain.py"), "import argparse\nfrom pathlib import Path\n");
      expect(await foreignImports([join(dir, "main.py")])).toEqual([`${join(dir, "helper.py")}: numpy`]);
      expect(await foreignImports([join(dir, "plain.py")])).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
