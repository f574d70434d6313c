import type { SubjectInputs } from "../errors.js";
import type { TaskName } from "./spec.js";

/**
 * Which of each task's inputs supplies what a backend's or the pipeline parser's error is about:
 * code below tasks/ says "the endpoint", the task says which input that was. The host applies the
 * map around the task's run (withInputs); a test checks every input named here is declared.
 */
export const ERROR_INPUTS: Record<TaskName, SubjectInputs> = {
  "register-dataset": { dataPath: "path" },
  "validate-data": {},
  "submit-pipeline": { pipeline: "pipeline", overrides: "set", job: "jobName" },
  "compare-models": { modelPath: "candidate", scoringScript: "scoringScript" },
  "deploy-endpoint": { endpoint: "endpoint", deployment: "deployment", scoringScript: "scoringScript" },
};
