import { UserError } from "../errors.js";
import { registerSas } from "../util/sas.js";
import type { ChoiceName, ChoiceValue, InputName, InputSpec, TaskSpec } from "./spec.js";

export type InputValue = string | number | boolean | undefined;

/**
 * Parsed, validated inputs of one task, keyed by input name. Given a spec declared `as const`, a
 * name the spec does not declare is a compile error, and `choice()` returns the union of its options.
 */
export class Inputs<S extends TaskSpec = TaskSpec> {
  constructor(
    private readonly values: Record<string, InputValue>,
    readonly spec: S,
  ) {}

  string(name: InputName<S>): string | undefined {
    const v = this.get(name);
    return v === undefined ? undefined : String(v);
  }

  requiredString(name: InputName<S>): string {
    const v = this.string(name);
    if (v === undefined || v === "") {
      throw new UserError("is required", { input: name }, `Set '${name}' (${this.describe(name)})`);
    }
    return v;
  }

  number(name: InputName<S>): number | undefined {
    const v = this.get(name);
    return v === undefined ? undefined : Number(v);
  }

  /** A choice input's value, one of its declared options (parseInputs refused any other). */
  choice<N extends ChoiceName<S>>(name: N): ChoiceValue<S, N> | undefined {
    const v = this.get(name);
    return v === undefined ? undefined : (String(v) as ChoiceValue<S, N>);
  }

  boolean(name: InputName<S>): boolean {
    return this.get(name) === true;
  }

  /** One entry per non-empty line (or comma) of a multiline input. */
  list(name: InputName<S>): string[] {
    const v = this.string(name);
    if (!v) return [];
    return v
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s !== "" && !s.startsWith("#"));
  }

  /** `key=value` pairs, one per line or separated by commas. */
  map(name: InputName<S>): Record<string, string> {
    const out: Record<string, string> = {};
    const v = this.string(name);
    if (!v) return out;
    for (const raw of v.split(/\r?\n|,/)) {
      const entry = raw.trim();
      if (!entry) continue;
      const eq = entry.indexOf("=");
      if (eq <= 0) {
        throw new UserError(`'${entry}' is not key=value`, { input: name }, "Write one key=value pair per line");
      }
      out[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
    }
    return out;
  }

  has(name: InputName<S>): boolean {
    const v = this.values[name];
    return v !== undefined && v !== "";
  }

  private get(name: string): InputValue {
    if (!this.spec.inputs.some((i) => i.name === name)) {
      throw new Error(`task ${this.spec.name} declares no input '${name}'`);
    }
    return this.values[name];
  }

  private describe(name: string): string {
    return this.spec.inputs.find((i) => i.name === name)?.description ?? name;
  }
}

const TRUE = new Set(["true", "yes", "1", "on"]);
const FALSE = new Set(["false", "no", "0", "off"]);

function parseOne(input: InputSpec, raw: string): InputValue {
  switch (input.type) {
    case "boolean": {
      const v = raw.trim().toLowerCase();
      if (TRUE.has(v)) return true;
      if (FALSE.has(v)) return false;
      throw new UserError(`'${raw}' is not a boolean`, { input: input.name }, "Use true or false");
    }
    case "number": {
      const n = Number(raw.trim());
      if (raw.trim() === "" || !Number.isFinite(n)) {
        throw new UserError(`'${raw}' is not a number`, { input: input.name }, "Give a number such as 30");
      }
      return n;
    }
    case "choice": {
      const v = raw.trim();
      if (!input.options?.includes(v)) {
        throw new UserError(
          `'${raw}' is not allowed`,
          { input: input.name },
          `Use one of: ${input.options?.join(", ")}`,
        );
      }
      return v;
    }
    case "multiline":
      return raw;
    default:
      return raw.trim();
  }
}

/**
 * Reads every declared input through `read` (the host's own input source), applies defaults,
 * and validates types, allowed values and required inputs before the task does any work.
 */
export function parseInputs<S extends TaskSpec>(
  spec: S,
  read: (name: string) => string | undefined,
  onSecret: (value: string) => void = () => {},
): Inputs<S> {
  const values: Record<string, InputValue> = {};
  for (const input of spec.inputs) {
    let raw = read(input.name);
    if (raw !== undefined && input.secret && raw !== "") onSecret(raw);
    // A SAS URL given where a path or reference is wanted is still a credential: masked before any
    // message can echo it, whichever input it came in.
    if (raw) registerSas(raw, onSecret);
    if (raw === undefined || raw === "") raw = input.default;
    if (raw === undefined || raw === "") {
      if (input.required) {
        throw new UserError(
          `missing (required by ${spec.name})`,
          { input: input.name },
          `Set '${input.name}': ${input.description}`,
        );
      }
      values[input.name] = undefined;
      continue;
    }
    values[input.name] = parseOne(input, raw);
  }
  return new Inputs(values, spec);
}
