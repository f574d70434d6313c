// Code below tasks/ says what an error is about (its subject); each task names the input that
// supplied it. Tests through the tasks (bad-inputs, register-dataset, run-local, sas-pipeline-inputs)
// check the lines users see; this file checks the map and the renaming rule itself.
import { describe, expect, it } from "vitest";
import { namingInput, TaskFailure, UserError, withInputs } from "../src/errors.js";
import { ERROR_INPUTS } from "../src/tasks/error-inputs.js";
import { TASKS } from "../src/tasks/index.js";
import type { TaskName } from "../src/tasks/spec.js";

describe("errors name the task's input for their subject", () => {
  it("every input the map names is declared by that task (a renamed input fails here)", () => {
    for (const [task, map] of Object.entries(ERROR_INPUTS)) {
      const declared = TASKS[task as TaskName].spec.inputs.map((i) => i.name as string);
      for (const input of Object.values(map)) expect(declared, `${task} → ${input}`).toContain(input);
    }
  });

  it("a backend's error about the endpoint names deploy-endpoint's input, with the file position kept", async () => {
    const error = await withInputs(ERROR_INPUTS["deploy-endpoint"], async () => {
      throw new UserError("endpoint 'x' is being deleted", { subject: "endpoint", file: "a.yml", line: 3 }, "Wait");
    }).catch((e: unknown) => e);
    expect((error as UserError).describe()).toBe("input 'endpoint', a.yml:3: endpoint 'x' is being deleted. Wait.");
  });

  it("the same subject names each task's own input: the data path is register-dataset's 'path'", async () => {
    const error = await withInputs(ERROR_INPUTS["register-dataset"], async () => {
      throw new TaskFailure("no such file", { subject: "dataPath" });
    }).catch((e: unknown) => e);
    expect((error as TaskFailure).location?.input).toBe("path");
    expect(namingInput({ subject: "pipeline" }, ERROR_INPUTS["submit-pipeline"])).toEqual({
      subject: "pipeline",
      input: "pipeline",
    });
    expect(namingInput({ subject: "overrides" }, ERROR_INPUTS["submit-pipeline"]).input).toBe("set");
  });

  it("an input already named wins; a subject the task does not map, or no subject, names none", async () => {
    const named = await withInputs(ERROR_INPUTS["submit-pipeline"], async () => {
      throw new UserError("bad", { subject: "pipeline", input: "experimentName" });
    }).catch((e: unknown) => e);
    expect((named as UserError).location.input).toBe("experimentName");
    expect(namingInput({ subject: "endpoint" }, ERROR_INPUTS["register-dataset"]).input).toBeUndefined();
    const plain = await withInputs(ERROR_INPUTS["submit-pipeline"], async () => {
      throw new UserError("Azure ML answered 500");
    }).catch((e: unknown) => e);
    expect((plain as UserError).describe()).toBe("Azure ML answered 500");
  });
});
