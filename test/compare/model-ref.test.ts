import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { servesModel } from "../../src/tasks/deploy/serves-model.js";
import { formatModelRef, parseModelRef } from "../../src/tasks/model-ref.js";

describe("model references", () => {
  it("reads name:version, name@version, @latest, @champion and Azure ML's azureml: prefix", () => {
    expect(parseModelRef("diabetes-model:3", "model")).toEqual({ name: "diabetes-model", version: "3" });
    expect(parseModelRef("diabetes-model@3", "model")).toEqual({ name: "diabetes-model", version: "3" });
    expect(parseModelRef(" m@latest ", "model")).toEqual({ name: "m", version: "latest" });
    expect(parseModelRef("m@champion", "model")).toEqual({ name: "m", version: "champion" });
    expect(parseModelRef("azureml:m:2", "model")).toEqual({ name: "m", version: "2" });
    expect(formatModelRef({ name: "m", version: "latest" })).toBe("m@latest");
    expect(formatModelRef({ name: "m", version: "4" })).toBe("m:4");
  });

  it("rejects what is not a reference, naming the input", () => {
    for (const bad of ["m", ":3", "m:", "m@", "a b:1", "m:1 2"]) {
      expect(() => parseModelRef(bad, "candidate"), bad).toThrow(UserError);
    }
    try {
      parseModelRef("m", "candidate");
    } catch (error) {
      expect((error as UserError).describe()).toBe(
        "input 'candidate': 'm' is not a model reference. Write name:version (diabetes-model:3), name@3, name@latest or name@champion.",
      );
    }
  });

  it("recognises the model a deployment serves in each backend's spelling", () => {
    const m3 = { name: "m", version: "3" };
    expect(servesModel("m:3", m3)).toBe(true);
    expect(servesModel("azureml:m:3", m3)).toBe(true);
    expect(
      servesModel(
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/models/m/versions/3",
        m3,
      ),
    ).toBe(true);
    expect(servesModel("m:30", m3)).toBe(false);
    expect(servesModel(".../models/xm/versions/3", m3)).toBe(false);
  });

  it("tells a registry's version from a workspace's version of the same name and number", () => {
    const registryId = "azureml://registries/shared/models/m/versions/3";
    const fromRegistry = { name: "m", version: "3", assetId: registryId };
    // A prod workspace's own m:3 on the endpoint is not the registry's m:3, and the other way round.
    expect(servesModel("m:3", fromRegistry)).toBe(false);
    expect(
      servesModel(
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/models/m/versions/3",
        fromRegistry,
      ),
    ).toBe(false);
    expect(servesModel(registryId, { name: "m", version: "3" })).toBe(false);
    expect(servesModel(registryId, fromRegistry)).toBe(true);
    expect(servesModel("azureml://registries/other/models/m/versions/3", fromRegistry)).toBe(false);
  });
});
