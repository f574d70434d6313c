// action.yml, <task>/action.yml, task.json, vss-extension.json and docs/tasks/ are generated from
// the task specs: this fails when a committed file is stale (run `npm run generate`).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import {
  ACTION_REPO,
  EXTENSION_ICON,
  generate,
  taskJson as makeTaskJson,
  mergeInputs,
  staleDocs,
} from "../scripts/generate.js";
import { TASKS } from "../src/tasks/index.js";
import type { TaskSpec } from "../src/tasks/spec.js";

const ROOT = join(import.meta.dirname, "..");
const files = generate();

describe("generated files", () => {
  it.each([...files.keys()])("%s is up to date (npm run generate)", (path) => {
    const full = join(ROOT, path);
    expect(existsSync(full), `${path} is missing: run npm run generate`).toBe(true);
    expect(readFileSync(full, "utf8"), `${path} is stale: run npm run generate`).toBe(files.get(path));
  });

  it("leaves no docs page of a task that no longer exists", async () => {
    expect(await staleDocs(files)).toEqual([]);
  });
});

describe("what the generated files say", () => {
  const specs = Object.values(TASKS).map((t) => t.spec);
  const taskJson = JSON.parse(files.get("task.json") ?? "{}");
  const adoInput = (name: string) =>
    taskJson.inputs.find((i: { name: string; aliases?: string[] }) => i.name === name || i.aliases?.includes(name));

  it("the root action picks the task with `task` and declares every input and output of every task", () => {
    const action = YAML.parse(files.get("action.yml") ?? "");
    expect(action.runs).toEqual({ using: "node24", main: "dist/github/index.js" });
    expect(action.inputs.task.required).toBe(true);
    for (const spec of specs) {
      for (const i of spec.inputs) expect(action.inputs[i.name], `${spec.name}.${i.name}`).toBeDefined();
      for (const o of spec.outputs) expect(action.outputs[o.name], `${spec.name}.${o.name}`).toBeDefined();
    }
  });

  it("each per-task action runs the shared bundle with its task fixed", () => {
    for (const spec of specs) {
      const action = YAML.parse(files.get(`${spec.name}/action.yml`) ?? "");
      expect(action.runs.main).toBe("../dist/github/index.js");
      expect(action.inputs.task.default).toBe(spec.name);
      expect(Object.keys(action.inputs).sort()).toEqual([...spec.inputs.map((i) => i.name), "task"].sort());
      expect(Object.keys(action.outputs)).toEqual(spec.outputs.map((o) => o.name));
      for (const i of spec.inputs) expect(action.inputs[i.name].required).toBe(i.required === true);
    }
  });

  it("task.json has one command pickList, a visibleRule per input naming exactly the tasks that use it", () => {
    expect(taskJson.name).toBe("MLOps");
    expect(taskJson.version.Major).toBe(1);
    expect(adoInput("command")).toMatchObject({ type: "pickList", required: true });
    expect(Object.keys(adoInput("command").options)).toEqual(specs.map((s) => s.name));
    for (const input of taskJson.inputs.slice(1)) {
      const names = [input.name, ...(input.aliases ?? [])];
      const users = specs.filter((s) => s.inputs.some((i) => names.includes(i.name))).map((s) => s.name);
      expect(input.visibleRule, input.name).toBe(users.map((u) => `command = ${u}`).join(" || "));
    }
    expect(adoInput("name").visibleRule).toBe("command = register-dataset");
    expect(adoInput("workspaceDir").visibleRule.split(" || ")).toHaveLength(specs.length);
  });

  it("task.json maps input types and lists the output variables and both Node handlers", () => {
    for (const spec of specs) {
      for (const i of spec.inputs) {
        const ado = adoInput(i.name);
        if (specs.filter((s) => s.inputs.some((x) => x.name === i.name && x.type !== i.type)).length > 0) continue;
        const expected =
          { choice: "pickList", boolean: "boolean", multiline: "multiLine" }[i.type as string] ?? "string";
        if (!i.adoType) expect(ado.type, `${spec.name}.${i.name}`).toBe(expected);
        if (i.type === "choice") expect(Object.keys(ado.options)).toEqual(i.options);
      }
      for (const o of spec.outputs) {
        expect(taskJson.outputVariables.some((v: { name: string }) => v.name === o.name)).toBe(true);
      }
    }
    expect(taskJson.execution).toEqual({
      Node20_1: { target: "dist/azure-devops/index.js", argumentFormat: "" },
      Node24: { target: "dist/azure-devops/index.js", argumentFormat: "" },
    });
    expect(taskJson.instanceNameFormat).toContain("$(command)");
  });

  it("vss-extension.json packages the task folder MLOps/ (a real folder when staged) and the icon", () => {
    const ext = JSON.parse(files.get("vss-extension.json") ?? "{}");
    expect(ext.contributions[0].properties.name).toBe("MLOps");
    expect(ext.files).toEqual([{ path: "MLOps" }, { path: EXTENSION_ICON, addressable: true }]);
    expect(ext.icons).toEqual({ default: EXTENSION_ICON });
    expect(ext.publisher).toBe(ACTION_REPO.split("/")[0]);
  });

  it("task.json: multiLine inputs are resizable (a boolean) and the service connection is connectedServiceNameARM", () => {
    const multi = taskJson.inputs.filter((i: { type: string }) => i.type === "multiLine");
    expect(multi.length).toBeGreaterThan(0);
    for (const i of multi) expect(i.properties, i.name).toEqual({ resizable: true, rows: "4" });
    expect(adoInput("azureSubscription")).toMatchObject({
      name: "connectedServiceNameARM",
      aliases: ["azureSubscription"],
      type: "connectedService:AzureRM",
    });
  });

  it("each docs page has the input and output tables and a GitHub, an Azure DevOps and a CLI example", () => {
    for (const spec of specs) {
      const page = files.get(`docs/tasks/${spec.name}.md`) ?? "";
      for (const i of spec.inputs) expect(page).toContain(`| \`${i.name}\` |`);
      for (const o of spec.outputs) expect(page).toContain(`| \`${o.name}\` |`);
      expect(page).toContain(`uses: ${ACTION_REPO}/${spec.name}@v1`);
      expect(page).toContain(`command: ${spec.name}`);
      expect(page).toContain(`npx mlops ${spec.name}`);
      expect(files.get("docs/tasks/README.md")).toContain(`(${spec.name}.md)`);
    }
  });
});

describe("merging inputs that several tasks share", () => {
  const base = { title: "T", summary: "S.", outputs: [], example: {} };
  const a: TaskSpec = {
    ...base,
    name: "register-dataset",
    inputs: [
      { name: "shared", type: "string", description: "Same text.", required: true, default: "x" },
      { name: "mode", type: "choice", options: ["p", "q"], description: "Mode.", default: "p" },
      {
        name: "azureSubscription",
        type: "string",
        adoType: "connectedService:AzureRM",
        adoName: "connectedServiceNameARM",
        aliases: ["azureRm"],
        description: "The Azure service connection.",
      },
    ],
  };
  const b: TaskSpec = {
    ...base,
    name: "validate-data",
    inputs: [
      { name: "shared", type: "string", description: "Same text.", default: "y" },
      { name: "mode", type: "string", description: "Another meaning." },
    ],
  };

  it("is required only when every task requires it, with a default only when all agree", () => {
    const shared = mergeInputs([a, b]).find((m) => m.name === "shared");
    expect(shared).toMatchObject({ tasks: ["register-dataset", "validate-data"], required: false, default: undefined });
  });

  it("falls back to a plain string when the tasks disagree on the type, and keeps each task's text", () => {
    const json = makeTaskJson([a, b]) as { inputs: Record<string, unknown>[] };
    const mode = json.inputs.find((i) => i.name === "mode");
    expect(mode).toMatchObject({
      type: "string",
      defaultValue: "",
      visibleRule: "command = register-dataset || command = validate-data",
      helpMarkDown: "register-dataset: Mode. validate-data: Another meaning. register-dataset default: `p`.",
    });
    expect(mode).not.toHaveProperty("options");
  });

  it("takes the Azure DevOps type, name and aliases from the spec, the spec name kept as the first alias", () => {
    const json = makeTaskJson([a, b]) as { inputs: Record<string, unknown>[] };
    expect(json.inputs.find((i) => i.name === "connectedServiceNameARM")).toMatchObject({
      aliases: ["azureSubscription", "azureRm"],
      type: "connectedService:AzureRM",
      visibleRule: "command = register-dataset",
    });
    expect(json.inputs.find((i) => i.name === "shared")).not.toHaveProperty("aliases");
  });

  it("refuses tasks that disagree on an input's Azure DevOps name", () => {
    const other: TaskSpec = {
      ...base,
      name: "compare-models",
      inputs: [{ name: "azureSubscription", type: "string", description: "x" }],
    };
    expect(() => mergeInputs([a, other])).toThrow(
      "input 'azureSubscription': the tasks declaring it disagree on adoType",
    );
  });

  it("refuses an Azure DevOps name or alias that another input already has", () => {
    const clash: TaskSpec = {
      ...base,
      name: "compare-models",
      inputs: [{ name: "connectedServiceNameARM", type: "string", description: "x" }],
    };
    expect(() => mergeInputs([a, clash])).toThrow("alias 'connectedServiceNameARM' is already");
  });

  it("shows the GitHub-only default of `token` in the docs pages", () => {
    const page = files.get("docs/tasks/compare-models.md") ?? "";
    expect(page).toContain("| `token` | no | `${{ github.token }}` (GitHub) |");
  });

  it("refuses an input that would clash with the task picker, or a name hosts cannot share", () => {
    const clash: TaskSpec = {
      ...base,
      name: "compare-models",
      inputs: [{ name: "command", type: "string", description: "x" }],
    };
    expect(() => mergeInputs([clash])).toThrow("compare-models declares input 'command'");
    const dotted: TaskSpec = {
      ...base,
      name: "compare-models",
      inputs: [{ name: "model-name", type: "string", description: "x" }],
    };
    expect(() => mergeInputs([dotted])).toThrow("must be camelCase");
  });
});
