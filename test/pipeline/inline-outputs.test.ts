import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { compileForAzure } from "../../src/workspace/azureml/contract/wire/pipeline-job.js";
import { RestSpecs } from "../emulator/spec-validator.js";
import { tempDir } from "../helpers.js";

// The shape of azureml-examples' cli/jobs/basics/hello-pipeline-io.yml: inline jobs whose outputs carry no type.
const YAML = `$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
type: pipeline
jobs:
  hello_job:
    command: echo "hello" && echo "world" > \${{outputs.world_output}}/world.txt
    environment: azureml://registries/azureml/environments/sklearn-1.5/labels/latest
    outputs:
      world_output:
`;

describe("an inline job's untyped output", () => {
  it("is sent as uri_folder (the SDK's form), which the REST spec accepts", async () => {
    const { dir, cleanup } = await tempDir("mlops-inline-out-");
    try {
      await writeFile(join(dir, "pipeline.yml"), YAML);
      const { job, problems } = await loadPipeline(join(dir, "pipeline.yml"));
      expect(problems.list).toEqual([]);
      const [component] = compileForAzure(job).components;
      expect((component.spec.outputs as Record<string, unknown>).world_output).toEqual({ type: "uri_folder" });
      const check = new RestSpecs().check({
        method: "PUT",
        path: "/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/components/azureml_anonymous/versions/1",
        apiVersion: "2024-04-01",
        body: { properties: { componentSpec: component.spec, isAnonymous: true } },
      });
      expect(check.errors).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
