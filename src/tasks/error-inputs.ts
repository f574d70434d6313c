import type { ErrorSubject, SubjectInputs } from "../errors.js";
import type { InputName, TaskName, TaskSpec } from "./spec.js";
import type { spec as compareModels } from "./specs/compare-models.js";
import type { spec as deployEndpoint } from "./specs/deploy-endpoint.js";
import type { spec as registerDataset } from "./specs/register-dataset.js";
import type { spec as submitPipeline } from "./specs/submit-pipeline.js";
import type { spec as validateData } from "./specs/validate-data.js";

/** A map whose input names the compiler checks against the task's spec. */
type Named<S extends TaskSpec> = Partial<Record<ErrorSubject, InputName<S>>>;

/**
 * Which of each task's inputs supplies what a backend's or the pipeline parser's error is about:
 * code below tasks/ says "the endpoint", the task says which input that was. The host applies the
 * map around the task's run (withInputs).
 */
export const ERROR_INPUTS: Record<TaskName, SubjectInputs> = {
  "register-dataset": { dataPath: "path" } satisfies Named<typeof registerDataset>,
  "validate-data": {} satisfies Named<typeof validateData>,
  "submit-pipeline": { pipeline: "pipeline", overrides: "set", job: "jobName" } satisfies Named<typeof submitPipeline>,
  "compare-models": { modelPath: "candidate", scoringScript: "scoringScript" } satisfies Named<typeof compareModels>,
  "deploy-endpoint": {
    endpoint: "endpoint",
    deployment: "deployment",
    scoringScript: "scoringScript",
    compute: "compute",
    batchInput: "batchInput",
    outputPath: "outputPath",
  } satisfies Named<typeof deployEndpoint>,
};
