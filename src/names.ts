import { UserError } from "./errors.js";

/**
 * The one check for every name a task or backend turns into a URL segment or a folder: data
 * assets, models, environments, components, code, jobs, experiments, online endpoints and
 * deployments. It runs before any path or request is built, so a name like `../../tmp/x` never
 * reaches the file system or the wire.
 *
 * The limits are the service's:
 * - assets, jobs and experiments: the REST spec's path pattern `^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$`
 *   (test/fixtures/rest-spec, parameters `name`, `modelName`, `id`, ...): 1 to 255 characters.
 * - online endpoints and deployments: Azure ML's documented rule, stricter than the spec's path
 *   pattern because the name becomes a DNS label: 3 to 32 characters, letters, digits and '-',
 *   starting with a letter, not ending with '-'. Batch endpoints and deployments too: azure-ai-ml
 *   checks both kinds with the same rule (validate_endpoint_or_deployment_name).
 */
export type NameKind =
  | "data asset"
  | "model"
  | "environment"
  | "component"
  | "code"
  | "job"
  | "experiment"
  | "endpoint"
  | "deployment";

interface NameRule {
  pattern: RegExp;
  max: number;
  /** The fix, with the limit spelled out. */
  rule: string;
}

const ASSET: NameRule = {
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
  max: 255,
  rule: "Use 1 to 255 letters, digits, '-' and '_', starting with a letter or digit (Azure ML's limit)",
};

const ONLINE: NameRule = {
  pattern: /^[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]$/,
  max: 32,
  rule: "Use 3 to 32 letters, digits and '-', starting with a letter and not ending with '-' (Azure ML's limit for endpoints and deployments, online and batch)",
};

const RULES: Record<NameKind, NameRule> = {
  "data asset": ASSET,
  model: ASSET,
  environment: ASSET,
  component: ASSET,
  code: ASSET,
  job: ASSET,
  experiment: ASSET,
  endpoint: ONLINE,
  deployment: ONLINE,
};

const ONLINE_MIN = 3;

/** Why `name` is not a valid name of this kind, or undefined when it is. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  const r = RULES[kind];
  const online = r === ONLINE;
  const min = online ? ONLINE_MIN : 1;
  if (name.length === 0) return "it is empty";
  if (name.length < min) return `it is ${name.length} characters, under the minimum of ${min}`;
  if (name.length > r.max) return `it is ${name.length} characters, over the limit of ${r.max}`;
  if (r.pattern.test(name)) return undefined;
  const first = name[0];
  if (online ? !/[a-zA-Z]/.test(first) : !/[a-zA-Z0-9]/.test(first)) {
    return `it starts with ${JSON.stringify(first)}`;
  }
  const bad = [...name].find((c) => !(online ? /[a-zA-Z0-9-]/ : /[a-zA-Z0-9_-]/).test(c));
  if (bad !== undefined) return `it contains ${JSON.stringify(bad)}`;
  return `it ends with ${JSON.stringify(name.at(-1))}`;
}

export function isValidName(kind: NameKind, name: string): boolean {
  return nameProblem(kind, name) === undefined;
}

/**
 * Throws a UserError naming the input and the limit when `name` is not valid. `input` is the
 * task input the name came from (for the annotation), `kind` picks the service's rule.
 */
export function checkName(kind: NameKind, name: string, input: string): string {
  const problem = nameProblem(kind, name);
  if (problem) {
    const shown = name.length > 80 ? `${name.slice(0, 77)}...` : name;
    throw new UserError(`'${shown}' is not a valid ${kind} name: ${problem}`, { input }, RULES[kind].rule);
  }
  return name;
}

/** The rule's wording, for docs and messages that describe the limit without a name at hand. */
export function nameRule(kind: NameKind): string {
  return RULES[kind].rule;
}
