/**
 * The one source of truth for every task's inputs and outputs. action.yml, the per-task
 * action.yml files, task.json, vss-extension.json, the docs pages and the CLI help are all
 * generated from these declarations.
 */
export type InputType = "string" | "multiline" | "boolean" | "number" | "choice" | "path";

export interface InputSpec {
  /** camelCase, no hyphens or dots: GitHub and Azure DevOps then read the same INPUT_<NAME>. */
  name: string;
  type: InputType;
  description: string;
  required?: boolean;
  default?: string;
  /** Allowed values, for type "choice". */
  options?: readonly string[];
  /** Masked by every host before any use. */
  secret?: boolean;
  /** Shown in the "advanced" group on Azure DevOps. */
  advanced?: boolean;
  /** An example value for the docs. */
  example?: string;
  /** Azure DevOps input type when it differs from `type`, such as `connectedService:AzureRM`. */
  adoType?: string;
  /**
   * The input's name in task.json when Azure DevOps has its own convention for it (Microsoft's Azure
   * tasks name the service connection `connectedServiceNameARM`). `name` then becomes an alias there,
   * so pipelines may use either, and the agent passes the value as INPUT_<adoName>.
   */
  adoName?: string;
  /** Further names the input is also known by on Azure DevOps (task.json `aliases`). */
  aliases?: readonly string[];
}

export interface OutputSpec {
  name: string;
  description: string;
}

export const TASK_NAMES = [
  "register-dataset",
  "validate-data",
  "submit-pipeline",
  "compare-models",
  "deploy-endpoint",
] as const;
export type TaskName = (typeof TASK_NAMES)[number];

export interface TaskSpec {
  name: TaskName;
  title: string;
  /** One sentence: what the task does. */
  summary: string;
  inputs: readonly InputSpec[];
  outputs: readonly OutputSpec[];
  /** Example `with:` values for the generated docs. */
  example: Record<string, string>;
}

/** The names of a spec's inputs: a literal union when the spec is declared `as const`, else `string`. */
export type InputName<S extends TaskSpec> = S["inputs"][number]["name"];

/** The names of a spec's inputs of type `choice`. */
export type ChoiceName<S extends TaskSpec> = Extract<S["inputs"][number], { type: "choice" }>["name"];

/** The values a choice input allows, as a union of its `options`. */
export type ChoiceValue<S extends TaskSpec, N extends string> = Extract<S["inputs"][number], { name: N }> extends {
  options: readonly (infer O)[];
}
  ? O
  : string;
