// The published artifacts checked with GitHub's and Microsoft's own validators, as the marketplaces
// and runners will read them:
// - action.yml, the per-task */action.yml, the example and the repository's own workflows: GitHub's
//   workflow language service parser (@actions/workflow-parser: the action and workflow schemas);
// - task.json: tfx-cli's task validation (what `tfx extension create` and `tfx build tasks upload`
//   run), and the .vsix packaging in vsix.test.ts;
// - every step that uses this action, on either host: only inputs the action declares, every
//   required one given, a command that exists; and the repository named the same everywhere.
// Each check is also shown refusing a broken copy, so none passes by checking nothing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/action-parser";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { ACTION_REPO, VSIX_LAYOUT } from "../../scripts/generate.js";
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

/**
 * task.json against the rules of Microsoft's task schema (tasks.schema.json in
 * azure-pipelines-task-lib's repository, not shipped in its npm package) that tfx does not check,
 * and the references the agent resolves: groups, visibleRule operands, instanceNameFormat.
 */
function taskSchemaProblems(task: {
  category?: string;
  version?: Record<string, unknown>;
  groups?: { name: string; displayName?: string; isExpanded?: unknown }[];
  inputs: (TaskJsonInput & { type?: string; groupName?: string; properties?: Record<string, unknown> })[];
  outputVariables?: { name: string; description?: string }[];
  instanceNameFormat?: string;
  execution?: Record<string, unknown>;
}): string[] {
  const problems: string[] = [];
  const categories = ["Build", "Utility", "Test", "Package", "Deploy", "Azure Pipelines", "Azure Repos"];
  if (!task.category || !categories.includes(task.category)) problems.push(`category '${task.category}'`);
  for (const part of ["Major", "Minor", "Patch"]) {
    if (!Number.isInteger(task.version?.[part])) problems.push(`version.${part} must be an integer`);
  }
  const types = /^(string|boolean|pickList|multiLine|filePath|radio|int|secureFile|connectedService:[\w:.-]+)$/;
  const groups = new Set((task.groups ?? []).map((g) => g.name));
  for (const g of task.groups ?? [])
    if (typeof g.isExpanded !== "boolean") problems.push(`group ${g.name}: isExpanded`);
  const names = new Set<string>();
  for (const i of task.inputs) {
    for (const n of [i.name, ...(i.aliases ?? [])]) {
      if (names.has(n.toLowerCase())) problems.push(`input name or alias '${n}' is used twice`);
      names.add(n.toLowerCase());
    }
    if (!i.type || !types.test(i.type)) problems.push(`input ${i.name}: type '${i.type}'`);
    if (i.type === "pickList" && !i.options) problems.push(`input ${i.name}: a pickList needs options`);
    if (i.groupName && !groups.has(i.groupName))
      problems.push(`input ${i.name}: group '${i.groupName}' does not exist`);
    const props = i.properties ?? {};
    if ("resizable" in props && typeof props.resizable !== "boolean")
      problems.push(`input ${i.name}: resizable must be a boolean`);
    if ("rows" in props && !/^\d+$/.test(String(props.rows))) problems.push(`input ${i.name}: rows must be digits`);
  }
  for (const i of task.inputs) {
    for (const m of (i.visibleRule ?? "").matchAll(/([A-Za-z]\w*)\s*(?:=|!=|<|>)/g)) {
      if (!names.has(m[1].toLowerCase())) problems.push(`input ${i.name}: visibleRule names '${m[1]}', not an input`);
    }
  }
  for (const m of (task.instanceNameFormat ?? "").matchAll(/\$\((\w+)\)/g)) {
    if (!names.has(m[1].toLowerCase())) problems.push(`instanceNameFormat names '${m[1]}', not an input`);
  }
  for (const o of task.outputVariables ?? []) if (!o.description) problems.push(`output ${o.name}: no description`);
  const handlers = ["Node10", "Node16", "Node20_1", "Node24", "PowerShell3", "Process"];
  for (const h of Object.keys(task.execution ?? {}))
    if (!handlers.includes(h)) problems.push(`execution handler '${h}'`);
  return problems;
}

describe("task.json follows the task schema's rules", () => {
  it("as generated", () => {
    expect(taskSchemaProblems(JSON.parse(read("task.json")))).toEqual([]);
  });

  it("and refuses a string resizable, an alias used twice, a dangling group or visibleRule", () => {
    const task = JSON.parse(read("task.json"));
    const multi = task.inputs.find((i: { type: string }) => i.type === "multiLine");
    multi.properties.resizable = "true";
    task.inputs[1].aliases = ["command"];
    task.inputs[2].groupName = "expert";
    task.inputs[3].visibleRule = "comand = validate-data";
    task.version.Minor = "1";
    expect(taskSchemaProblems(task).sort()).toEqual(
      [
        "version.Minor must be an integer",
        "input name or alias 'command' is used twice",
        `input ${task.inputs[2].name}: group 'expert' does not exist`,
        `input ${multi.name}: resizable must be a boolean`,
        `input ${task.inputs[3].name}: visibleRule names 'comand', not an input`,
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------- vss-extension.json

/**
 * The extension manifest against the rules of Microsoft's manifest reference ("Extension manifest
 * reference", docs for Azure DevOps extensions). No JSON schema for it is published on the npm
 * registry, and tfx checks little of it (it packages a version "one" or a manifest with no id), so
 * the rules the Marketplace enforces on upload are checked here.
 */
function manifestProblems(manifest: Record<string, unknown>, exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  const m = manifest as {
    manifestVersion?: number;
    id?: string;
    publisher?: string;
    version?: string;
    name?: string;
    categories?: string[];
    targets?: { id: string }[];
    icons?: { default?: string };
    files?: { path: string }[];
    contributions?: { id: string; type: string; targets: string[]; properties?: { name?: string } }[];
  };
  const identifier = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
  if (m.manifestVersion !== 1) problems.push("manifestVersion must be 1");
  if (!m.id || !identifier.test(m.id))
    problems.push("id must start with a letter or digit and hold only letters, digits, '-'");
  if (!m.publisher || !identifier.test(m.publisher)) problems.push("publisher must be a Marketplace publisher id");
  if (!m.version || !/^\d+\.\d+\.\d+$/.test(m.version)) problems.push("version must be major.minor.patch");
  if (!m.name || m.name.length > 200) problems.push("name is required (at most 200 characters)");
  const allowed = ["Azure Repos", "Azure Boards", "Azure Pipelines", "Azure Test Plans", "Azure Artifacts"];
  for (const c of m.categories ?? [])
    if (!allowed.includes(c)) problems.push(`category '${c}' is not one of ${allowed}`);
  if (!m.categories?.length) problems.push("categories must name at least one");
  if (!m.targets?.some((t) => t.id === "Microsoft.VisualStudio.Services")) {
    problems.push("targets must include Microsoft.VisualStudio.Services");
  }
  if (!m.icons?.default?.endsWith(".png") || !exists(m.icons.default))
    problems.push("icons.default must be a PNG file");
  for (const f of m.files ?? []) if (!exists(f.path)) problems.push(`files: '${f.path}' does not exist`);
  for (const c of m.contributions ?? []) {
    if (c.type === "ms.vss-distributed-task.task") {
      if (!c.targets.includes("ms.vss-distributed-task.tasks"))
        problems.push(`${c.id}: a task targets ms.vss-distributed-task.tasks`);
      if (!c.properties?.name || !exists(`${c.properties.name}/task.json`)) {
        problems.push(`${c.id}: properties.name must be the task folder, holding task.json`);
      }
    }
  }
  return problems;
}

describe("vss-extension.json follows Microsoft's manifest reference", () => {
  const manifest = JSON.parse(read("vss-extension.json"));
  // A path in the package, as scripts/package-vsix.ts stages it (VSIX_LAYOUT: repository path → package path).
  const exists = (path: string) =>
    Object.entries(VSIX_LAYOUT.copies).some(([from, to]) =>
      to === path
        ? existsSync(join(ROOT, from))
        : path.startsWith(`${to}/`)
          ? existsSync(join(ROOT, from, path.slice(to.length + 1)))
          : to.startsWith(`${path}/`) && existsSync(join(ROOT, from)),
    );

  it("as generated", () => {
    expect(manifestProblems(manifest, exists)).toEqual([]);
  });

  it("and refuses what tfx would package anyway", () => {
    const broken = { ...manifest, version: "one", id: undefined, categories: ["Build"], icons: { default: "x.svg" } };
    expect(manifestProblems(broken, exists)).toEqual([
      "id must start with a letter or digit and hold only letters, digits, '-'",
      "version must be major.minor.patch",
      "category 'Build' is not one of Azure Repos,Azure Boards,Azure Pipelines,Azure Test Plans,Azure Artifacts",
      "icons.default must be a PNG file",
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
