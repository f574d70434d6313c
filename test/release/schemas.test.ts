// The published artifacts against the official JSON schemas, vendored byte for byte under
// test/fixtures/schemas/ (SOURCES.md names each one's repository, path, commit and licence):
// - action.yml and every */action.yml: SchemaStore's github-action.json;
// - the example and the repository's own workflows: SchemaStore's github-workflow.json (GitHub's own
//   parser checks them too, in validators.test.ts), and the README's and docs' snippets;
// - task.json: Microsoft's tasks.schema.json (draft-04);
// - vss-extension.json: SchemaStore's vss-extension.json and azure-devops-extension-manifest-1.0.json;
// - the Azure Pipelines example and the README's and docs' MLOps@1 snippets: service-schema.json, the
//   Azure Pipelines language service's schema, with MLOps@1 added as an organisation's schema has it
//   once the extension is installed.
// Each check is also shown refusing a broken copy, so none passes by checking nothing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type AnySchemaObject, type ErrorObject, type Options, type ValidateFunction } from "ajv";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { TASK_NAMES } from "../../src/tasks/spec.js";

const ROOT = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const schema = (name: string) => JSON.parse(read(`test/fixtures/schemas/${name}`)) as AnySchemaObject;
const yamlFiles = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`);

const ACTIONS = ["action.yml", ...TASK_NAMES.map((t) => `${t}/action.yml`)];
const WORKFLOWS = [...yamlFiles("examples/github"), ...yamlFiles(".github/workflows")];
const PIPELINES = yamlFiles("examples/azure-devops");

/** The YAML blocks of the README and docs that a user copies: GitHub steps or jobs, MLOps@1 steps. */
function snippets(host: "github" | "azure"): { where: string; data: unknown }[] {
  const pages = [
    "README.md",
    ...readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ];
  const found: { where: string; data: unknown }[] = [];
  for (const page of pages.sort()) {
    const text = read(page);
    for (const m of text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) {
      const azure = /^\s*- task: MLOps@/m.test(m[1]);
      const github = /^\s*(?:- )?uses: /m.test(m[1]);
      if ((host === "azure" && azure) || (host === "github" && github && !azure)) {
        const line = text.slice(0, m.index).split("\n").length + 1;
        found.push({ where: `${page}:${line}`, data: YAML.parse(m[1], { version: host === "azure" ? "1.1" : "1.2" }) });
      }
    }
  }
  return found;
}

// The CommonJS default exports, as Node hands them to an ES module.
const Ajv04 = (ajvDraft04 as unknown as { default: typeof Ajv }).default;
const addFormats = (ajvFormats as unknown as { default: (ajv: Ajv) => Ajv }).default;

/**
 * A validator for one vendored schema. Options that change what an instance must satisfy are named
 * where they are used; these do not:
 * - strictTypes, strictTuples, allowUnionTypes: ajv's lint of schema authoring (it refuses
 *   `properties` without `type: "object"`, a union `type`), which the vendors' schemas do not follow;
 * - the vendors' own keywords are registered by name, so an unknown one still fails compilation:
 *   deprecationMessage (VS Code: a hint), and the Azure Pipelines language service's doNotSuggest
 *   (completion only), ignoreCase and aliases (leniencies it grants: ajv, not applying them, is
 *   stricter — a key or value must be written as the schema spells it, not in another case or under
 *   an alias) and firstProperty (a rule: checked below).
 */
function validator(source: string | AnySchemaObject, options: Options & { draft04?: boolean } = {}): ValidateFunction {
  const { draft04, ...rest } = options;
  const settings: Options = {
    allErrors: true,
    strictTypes: false,
    strictTuples: false,
    allowUnionTypes: true,
    ...rest,
  };
  const ajv = draft04 ? new Ajv04(settings) : new Ajv(settings);
  addFormats(ajv);
  ajv.addVocabulary(["deprecationMessage", "doNotSuggest", "ignoreCase", "aliases"]);
  // The language service reports a mapping whose first key is not one of these (`task` first in a step).
  ajv.addKeyword({
    keyword: "firstProperty",
    type: "object",
    schemaType: "array",
    validate: (first: string[], data: Record<string, unknown>) => {
      const keys = Object.keys(data);
      return keys.length === 0 || first.includes(keys[0]);
    },
  });
  return ajv.compile(typeof source === "string" ? schema(source) : source);
}

/** One line per distinct complaint: where, and what. */
function problems(
  validate: ValidateFunction,
  data: unknown,
  focus: (errors: ErrorObject[]) => ErrorObject[] = (e) => e,
): string[] {
  if (validate(data)) return [];
  const line = (e: ErrorObject) =>
    `${e.instancePath || "/"}: ${e.message}${e.keyword === "additionalProperties" ? ` '${e.params.additionalProperty}'` : ""}`;
  return [...new Set(focus(validate.errors ?? []).map(line))];
}

const yaml = (path: string) => YAML.parse(read(path));
const json = (path: string) => JSON.parse(read(path));

// ---------------------------------------------------------------- GitHub

describe("SchemaStore's github-action.json accepts", () => {
  const validate = validator("github-action.json");

  it.each(ACTIONS)("%s", (path) => {
    expect(problems(validate, yaml(path))).toEqual([]);
  });

  it("and refuses an unknown runtime, a branding colour GitHub lacks, an input field misspelt", () => {
    const action = yaml("action.yml");
    action.runs.using = "node99";
    action.branding.color = "pink";
    const [first] = Object.keys(action.inputs);
    action.inputs[first].requried = true;
    expect(problems(validate, action)).toEqual(
      expect.arrayContaining([
        "/runs/using: must be equal to one of the allowed values",
        "/branding/color: must be equal to one of the allowed values",
        `/inputs/${first}: must NOT have additional properties 'requried'`,
      ]),
    );
  });
});

describe("SchemaStore's github-workflow.json accepts", () => {
  const validate = validator("github-workflow.json");

  it.each(WORKFLOWS)("%s", (path) => {
    expect(problems(validate, yaml(path))).toEqual([]);
  });

  // A snippet is a whole workflow, or a list of steps or a job without its runner: given one, in a
  // workflow, it must validate.
  it.each(snippets("github"))("the snippet at $where", ({ data }) => {
    const job = Array.isArray(data) ? { steps: data } : (data as Record<string, unknown>);
    const workflow = "jobs" in job ? job : { on: "push", jobs: { snippet: { "runs-on": "ubuntu-latest", ...job } } };
    expect(problems(validate, workflow)).toEqual([]);
  });

  it("and refuses a job without runs-on, a permission GitHub lacks, a step with two actions", () => {
    const workflow = yaml("examples/github/train-and-deploy.yml");
    const [name, job] = Object.entries(workflow.jobs as Record<string, Record<string, unknown>>)[0];
    delete job["runs-on"];
    workflow.permissions = { "id-tokens": "write" };
    const steps = job.steps as Record<string, unknown>[];
    steps[0].run = "echo both";
    steps[0].uses = "actions/checkout@v4";
    expect(problems(validate, workflow)).toEqual(
      expect.arrayContaining([
        `/jobs/${name}: must have required property 'runs-on'`,
        "/permissions: must NOT have additional properties 'id-tokens'",
      ]),
    );
  });
});

// ---------------------------------------------------------------- Azure DevOps: the task and the extension

describe("Microsoft's tasks.schema.json accepts", () => {
  // Its patterns (`^connectedService\:.+$`) escape characters that need no escape, which a regular
  // expression with the u flag refuses; Azure DevOps and the language service compile them without it.
  const validate = validator("tasks.schema.json", { draft04: true, unicodeRegExp: false });

  it("task.json", () => {
    expect(problems(validate, json("task.json"))).toEqual([]);
  });

  it("and refuses a string resizable, a version as text, an unknown category or input type", () => {
    const task = json("task.json");
    const multi = task.inputs.findIndex((i: { type: string }) => i.type === "multiLine");
    task.inputs[multi].properties = { ...task.inputs[multi].properties, resizable: "true" };
    task.version.Minor = "1";
    task.category = "Machine learning";
    task.inputs[0].type = "text";
    expect(problems(validate, task)).toEqual(
      expect.arrayContaining([
        `/inputs/${multi}/properties/resizable: must be boolean`,
        "/version/Minor: must be number",
        "/category: must be equal to one of the allowed values",
        '/inputs/0/type: must match pattern "^connectedService\\:.+$"',
      ]),
    );
  });
});

describe("SchemaStore's extension manifest schemas accept vss-extension.json", () => {
  const validators = {
    "vss-extension.json": validator("vss-extension.json"),
    "azure-devops-extension-manifest-1.0.json": validator("azure-devops-extension-manifest-1.0.json"),
  };

  it.each(Object.keys(validators))("%s", (name) => {
    expect(problems(validators[name as keyof typeof validators], json("vss-extension.json"))).toEqual([]);
  });

  it("and refuse a version 'one', an unknown category, files that are not a list", () => {
    const manifest = { ...json("vss-extension.json"), version: "one", categories: ["Build"], files: { path: "MLOps" } };
    expect(problems(validators["vss-extension.json"], manifest)).toEqual(
      expect.arrayContaining([
        '/version: must match pattern "^\\d+\\.\\d+\\.\\d+(\\.\\d+)?$"',
        "/categories/0: must be equal to one of the allowed values",
        "/files: must be array",
      ]),
    );
    expect(problems(validators["azure-devops-extension-manifest-1.0.json"], manifest)).toContain(
      "/files: must be array",
    );
  });
});

// ---------------------------------------------------------------- Azure DevOps: the pipeline

interface TaskJson {
  name: string;
  friendlyName: string;
  description: string;
  version: { Major: number };
  inputs: {
    name: string;
    type: string;
    label: string;
    aliases?: string[];
    required?: boolean;
    defaultValue?: string;
    visibleRule?: string;
    options?: Record<string, string>;
  }[];
}

/**
 * service-schema.json lists the built-in tasks only: an organisation's schema (the one the language
 * service loads when signed in) adds each installed extension's tasks in the same shape. This adds
 * MLOps@1 from task.json the way the built-in entries are derived from theirs (compared by hand with
 * AzureCLI@2's and Kubernetes@1's task.json): the property is the first alias, the name then listed
 * under `aliases`; a boolean is a boolean, a pickList or radio with options an enum of them (editable
 * or not), an int an integer, anything else a string; `required` holds the inputs that are required,
 * always visible and without a default; no other input is allowed.
 */
function withTask(service: AnySchemaObject, task: TaskJson): AnySchemaObject {
  const copy = structuredClone(service);
  const id = `${task.name}@${task.version.Major}`;
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const input of task.inputs) {
    const key = input.aliases?.[0] ?? input.name;
    const choices = (input.type === "pickList" || input.type === "radio") && input.options;
    properties[key] = {
      description: input.label,
      ...(input.type === "boolean"
        ? { type: "boolean", ignoreCase: "key" }
        : choices
          ? { ignoreCase: "all", enum: Object.keys(choices) }
          : input.type === "int"
            ? { type: "integer", ignoreCase: "key" }
            : { type: "string", ignoreCase: "key" }),
      ...(input.aliases?.length ? { aliases: [input.name] } : {}),
    };
    if (input.required && !input.visibleRule && !input.defaultValue) required.push(key);
  }
  const description = `${task.friendlyName}\n\n${task.description}`;
  copy.definitions.task.properties.task.anyOf.push({
    description: task.description,
    doNotSuggest: false,
    ignoreCase: "value",
    enum: [id],
  });
  copy.definitions.task.anyOf.push({
    properties: {
      task: { description, ignoreCase: "value", pattern: `^${id}$` },
      inputs: {
        description: `${task.friendlyName} inputs`,
        properties,
        additionalProperties: false,
        required,
      },
    },
    doNotSuggest: false,
    firstProperty: ["task"],
    required: ["task"],
  });
  return copy;
}

/**
 * The language service counts a number as a string ("count strings that look like numbers as
 * strings", jsonParser.ts in microsoft/azure-pipelines-language-server): `timeoutMinutes: 55` is
 * valid where the schema says `type: string`. Every `type: "string"` also admits a number here, and
 * nothing else: a pattern or length still applies to text only, an enum still compares values.
 */
function numbersAsStrings(node: unknown): void {
  if (Array.isArray(node)) for (const item of node) numbersAsStrings(item);
  else if (node && typeof node === "object") {
    const object = node as Record<string, unknown>;
    if (object.type === "string") object.type = ["string", "number"];
    for (const value of Object.values(object)) numbersAsStrings(value);
  }
}

/**
 * A task step is checked against each of the schema's task entries in turn (an anyOf of about 260),
 * and fails all but one on their `task` pattern. As the language service shows its best match, keep
 * the complaints of the entry whose `task` matched, or, when none did, one line naming the task.
 * Needs the errors' data (ajv's verbose option).
 */
function againstNamedTask(entries: number) {
  const entry = /^#\/definitions\/task\/anyOf\/(\d+)\//;
  return (errors: ErrorObject[]): ErrorObject[] => {
    const missed = new Map<string, Set<string>>(); // step → entries whose task pattern it missed
    for (const e of errors) {
      const n = entry.exec(e.schemaPath)?.[1];
      if (n && e.keyword === "pattern" && e.instancePath.endsWith("/task")) {
        const step = e.instancePath.slice(0, -"/task".length);
        missed.set(step, (missed.get(step) ?? new Set()).add(n));
      }
    }
    const unknown = new Set([...missed].filter(([, m]) => m.size === entries).map(([step]) => step));
    const kept = errors.filter((e) => {
      const n = entry.exec(e.schemaPath)?.[1];
      if (!n) return true;
      const step = [...missed.keys()].find((s) => e.instancePath === s || e.instancePath.startsWith(`${s}/`));
      return step === undefined || (!unknown.has(step) && !missed.get(step)?.has(n));
    });
    for (const step of unknown) {
      const named = errors.find((e) => e.instancePath === `${step}/task`)?.data;
      kept.push({
        ...errors[0],
        instancePath: `${step}/task`,
        keyword: "task",
        message: `no task '${named}' in the schema`,
      });
    }
    return kept;
  };
}

describe("the Azure Pipelines language service's schema accepts", () => {
  const service = withTask(schema("service-schema.json"), json("task.json"));
  numbersAsStrings(service);
  // Patterns such as `^[^\/~\^\: \[\]\\]+...$` escape characters that need no escape, which the u flag
  // refuses; the language service compiles them with `new RegExp(pattern)`, without it.
  const validate = validator(service, { unicodeRegExp: false, verbose: true });
  const focus = againstNamedTask(service.definitions.task.anyOf.length);
  // As the language service reads YAML: 1.1 scalars (`yes`, `on` are booleans).
  const pipeline = (path: string) => YAML.parse(read(path), { version: "1.1" });

  it.each(PIPELINES)("%s", (path) => {
    expect(problems(validate, pipeline(path), focus)).toEqual([]);
  });

  // A snippet is a list of steps: as a pipeline's steps, it must validate.
  it.each(snippets("azure"))("the snippet at $where", ({ data }) => {
    expect(problems(validate, Array.isArray(data) ? { steps: data } : data, focus)).toEqual([]);
  });

  it("and refuses a misspelt input or step key, a wrong task version or input type, a stage key it lacks", () => {
    const broken = pipeline("examples/azure-devops/azure-pipelines.yml");
    const steps = broken.stages[0].jobs[0].steps;
    steps[0].inputs.nmae = steps[0].inputs.name;
    steps[1].input = steps[1].inputs;
    steps[2].task = "MLOps@2";
    steps[3].inputs.register = "maybe";
    steps[3].inputs.problemType = "ranking";
    broken.stages[1].dependOn = "Train";
    expect(problems(validate, broken, focus)).toEqual(
      expect.arrayContaining([
        "/stages/0/jobs/0/steps/0/inputs: must NOT have additional properties 'nmae'",
        "/stages/0/jobs/0/steps/1: must NOT have additional properties 'input'",
        "/stages/0/jobs/0/steps/2/task: no task 'MLOps@2' in the schema",
        "/stages/0/jobs/0/steps/3/inputs/register: must be boolean",
        "/stages/0/jobs/0/steps/3/inputs/problemType: must be equal to one of the allowed values",
        "/stages/1: must NOT have additional properties 'dependOn'",
      ]),
    );
  });

  it("and a step whose first key is not task (the language service's firstProperty)", () => {
    const broken = pipeline("examples/azure-devops/azure-pipelines.yml");
    const [first, ...rest] = Object.entries(broken.stages[0].jobs[0].steps[0]);
    broken.stages[0].jobs[0].steps[0] = Object.fromEntries([...rest, first]);
    expect(problems(validate, broken, focus)).toContain(
      '/stages/0/jobs/0/steps/0: must pass "firstProperty" keyword validation',
    );
  });
});
