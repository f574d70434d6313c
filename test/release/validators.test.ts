// The published artifacts checked with GitHub's and Microsoft's own validators, as the marketplaces
// and runners will read them:
// - action.yml, the per-task */action.yml, the example and the repository's own workflows: GitHub's
//   workflow language service parser (@actions/workflow-parser: the action and workflow schemas);
// - task.json: tfx-cli's task validation (what `tfx extension create` and `tfx build tasks upload`
//   run), and the .vsix packaging in vsix.test.ts;
// - every step that uses this action, on either host: only inputs the action declares, every
//   required one given, a command that exists; and the repository named the same everywhere.
// Each check is also shown refusing a broken copy, so none passes by checking nothing.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/action-parser";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { ACTION_REPO } from "../../scripts/generate.js";
import { TASK_NAMES } from "../../src/tasks/spec.js";

const ROOT = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const yamlFiles = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`);

const ACTIONS = ["action.yml", ...TASK_NAMES.map((t) => `${t}/action.yml`)];
const WORKFLOWS = [...yamlFiles("examples/github"), ...yamlFiles(".github/workflows")];
const PIPELINES = yamlFiles("examples/azure-devops");

function actionErrors(name: string, content: string): string[] {
  const result = parseAction({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

function workflowErrors(name: string, content: string): string[] {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

describe("GitHub's parser accepts", () => {
  it.each(ACTIONS)("%s", (path) => {
    expect(actionErrors(path, read(path))).toEqual([]);
  });

  it.each(WORKFLOWS)("%s", (path) => {
    expect(workflowErrors(path, read(path))).toEqual([]);
  });

  it("and refuses a broken action.yml and a broken workflow", () => {
    const action = read("action.yml").replace("using: node24", "using: node99");
    expect(actionErrors("action.yml", action)).toEqual([expect.stringContaining("Unexpected value 'node99'")]);
    const workflow = read("examples/github/train-and-deploy.yml").replace("runs-on:", "run-on:");
    expect(workflowErrors("train-and-deploy.yml", workflow).join("\n")).toMatch(/run-on/);
  });
});

// ---------------------------------------------------------------- steps that use this action

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>;
}

/** The action.yml a `uses:` names when it is this action (by repository or by local path), else undefined. */
function ourAction(uses: string): string | undefined {
  const task = TASK_NAMES.find(
    (t) => uses === `./${t}` || uses.startsWith(`${ACTION_REPO}/${t}@`) || uses.startsWith(`org/mlops-action/${t}@`),
  );
  if (task) return `${task}/action.yml`;
  if (uses === "./" || uses.startsWith(`${ACTION_REPO}@`) || uses.startsWith("org/mlops-action@")) return "action.yml";
  return undefined;
}

/** What a user would see go wrong with each step of a workflow that uses this action. */
function githubStepProblems(path: string, content: string): string[] {
  const workflow = YAML.parse(content) as {
    jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
  };
  const problems: string[] = [];
  for (const [job, { steps = [] }] of Object.entries(workflow.jobs)) {
    steps.forEach((step, n) => {
      const target = step.uses ? ourAction(step.uses) : undefined;
      if (!step.uses || !target) return;
      const where = `${path} jobs.${job}.steps[${n}] (${step.uses})`;
      if (!step.uses.startsWith(".") && !step.uses.startsWith(`${ACTION_REPO}`)) {
        problems.push(`${where}: names the action as ${step.uses.split("@")[0]}, not ${ACTION_REPO}`);
      }
      const action = YAML.parse(read(target)) as ActionYml;
      const given = step.with ?? {};
      for (const name of Object.keys(given)) {
        if (!action.inputs[name]) problems.push(`${where}: input '${name}' is not declared in ${target}`);
      }
      for (const [name, input] of Object.entries(action.inputs)) {
        if (input.required && input.default === undefined && !(name in given)) {
          problems.push(`${where}: required input '${name}' is missing`);
        }
      }
    });
  }
  return problems;
}

interface TaskJsonInput {
  name: string;
  aliases?: string[];
  required?: boolean;
  visibleRule?: string;
  options?: Record<string, string>;
}

/** The same for the MLOps@1 steps of an Azure Pipelines YAML, against task.json. */
function azureStepProblems(path: string, content: string, taskJson: { inputs: TaskJsonInput[] }): string[] {
  const problems: string[] = [];
  const byName = new Map<string, TaskJsonInput>();
  for (const i of taskJson.inputs) for (const n of [i.name, ...(i.aliases ?? [])]) byName.set(n, i);
  const visit = (node: unknown, at: string) => {
    if (Array.isArray(node)) {
      for (const [n, v] of node.entries()) visit(v, `${at}[${n}]`);
    } else if (node && typeof node === "object") {
      const step = node as { task?: string; inputs?: Record<string, unknown> };
      if (typeof step.task === "string" && /^MLOps@/.test(step.task)) {
        if (step.task !== "MLOps@1") problems.push(`${path} ${at}: ${step.task} does not exist; the task is MLOps@1`);
        const inputs = step.inputs ?? {};
        const command = String(inputs.command ?? "");
        const commands = Object.keys(byName.get("command")?.options ?? {});
        if (!commands.includes(command)) problems.push(`${path} ${at}: command '${command}' is not one of ${commands}`);
        for (const name of Object.keys(inputs)) {
          const input = byName.get(name);
          if (!input) problems.push(`${path} ${at}: input '${name}' is not in task.json`);
          else if (input.visibleRule && !input.visibleRule.split(" || ").includes(`command = ${command}`)) {
            problems.push(`${path} ${at}: input '${name}' is hidden for command '${command}' (visibleRule)`);
          }
        }
        for (const input of taskJson.inputs) {
          const visible = !input.visibleRule || input.visibleRule.split(" || ").includes(`command = ${command}`);
          const given = [input.name, ...(input.aliases ?? [])].some((n) => n in inputs);
          if (input.required && visible && !given)
            problems.push(`${path} ${at}: required input '${input.name}' is missing`);
        }
      }
      for (const [k, v] of Object.entries(node)) visit(v, at ? `${at}.${k}` : k);
    }
  };
  visit(YAML.parse(content), "");
  return problems;
}

describe("steps that use this action give it only the inputs it declares", () => {
  const taskJson = JSON.parse(read("task.json"));

  it.each(WORKFLOWS)("%s", (path) => {
    expect(githubStepProblems(path, read(path))).toEqual([]);
  });

  it.each(PIPELINES)("%s", (path) => {
    expect(azureStepProblems(path, read(path), taskJson)).toEqual([]);
  });

  it("and refuse a misspelt input, a missing required one, a wrong command or owner", () => {
    const workflow = read("examples/github/train-and-deploy.yml")
      .replace("modelName: diabetes-model", "modelNmae: diabetes-model")
      .replace(`uses: ${ACTION_REPO}/deploy-endpoint@v1`, "uses: someone/mlops-action/deploy-endpoint@v1")
      .replace(`uses: ${ACTION_REPO}/validate-data@v1`, "uses: org/mlops-action/validate-data@v1");
    const gh = githubStepProblems("train-and-deploy.yml", workflow);
    expect(gh).toEqual(
      expect.arrayContaining([
        expect.stringContaining("input 'modelNmae' is not declared in compare-models/action.yml"),
        expect.stringContaining("names the action as org/mlops-action/validate-data"),
      ]),
    );
    const pipeline = read("examples/azure-devops/azure-pipelines.yml")
      .replace("command: validate-data", "command: validate-dataset")
      .replace("endpoint: diabetes", "endpont: diabetes")
      .replace("modelName: diabetes-model", "pipeline: x.yml");
    const ado = azureStepProblems("azure-pipelines.yml", pipeline, taskJson);
    expect(ado).toEqual(
      expect.arrayContaining([
        expect.stringContaining("command 'validate-dataset' is not one of"),
        expect.stringContaining("input 'endpont' is not in task.json"),
        expect.stringContaining("input 'pipeline' is hidden for command 'compare-models'"),
      ]),
    );
    const required = { inputs: [...taskJson.inputs, { name: "must", required: true }] };
    expect(azureStepProblems("azure-pipelines.yml", read(PIPELINES[0]), required)).toContainEqual(
      expect.stringContaining("required input 'must' is missing"),
    );
  });
});

// ---------------------------------------------------------------- task.json

describe("tfx-cli's task validation", () => {
  const { validateTask } = createRequire(import.meta.url)("tfx-cli/_build/lib/jsonvalidate.js") as {
    validateTask(path: string, task: unknown): string[];
  };
  const taskPath = join(ROOT, "task.json");

  it("accepts task.json, its execution targets present beside it", () => {
    expect(validateTask(taskPath, JSON.parse(read("task.json")))).toEqual([]);
  });

  it("refuses a task.json with a bad id, a long friendlyName or a missing target", () => {
    const broken = JSON.parse(read("task.json"));
    broken.id = "MLOps";
    broken.friendlyName = "x".repeat(41);
    broken.execution.Node24.target = "dist/azure-devops/gone.js";
    expect(validateTask(taskPath, broken)).toEqual([
      taskPath,
      "MLOps: id is a required guid",
      "MLOps: friendlyName is a required string <= 40 chars",
      "MLOps: execution.Node24.target references file that does not exist: dist/azure-devops/gone.js",
    ]);
  });
});

// ---------------------------------------------------------------- one repository name

describe("the hand-written files name the repository as package.json does", () => {
  const HAND_WRITTEN = [
    "README.md",
    ...readdirSync(join(ROOT, "docs"))
      .filter((f) => f.endsWith(".md") || f.endsWith(".json"))
      .map((f) => `docs/${f}`),
    ...WORKFLOWS,
    ...PIPELINES,
  ];
  const foreign = (text: string) =>
    [...text.matchAll(/(?:github\.com\/|uses:\s*)([\w.-]+\/mlops-action)\b/g)]
      .map((m) => m[1])
      .filter((r) => r !== ACTION_REPO);

  it.each(HAND_WRITTEN)("%s", (path) => {
    expect(foreign(read(path))).toEqual([]);
  });

  it("and would catch the placeholder", () => {
    expect(foreign("uses: org/mlops-action/validate-data@v1")).toEqual(["org/mlops-action"]);
  });
});
