/**
 * `${{...}}` references and `$[[...]]` optional sections, as Azure ML writes them in pipeline
 * job inputs and component commands.
 */
import type { Ref } from "./model.js";

const EXPR = /\$\{\{\s*([^}]*?)\s*\}\}/g;
const WHOLE = /^\s*\$\{\{\s*([^}]*?)\s*\}\}\s*$/;

export interface FoundExpr {
  text: string;
  body: string;
  index: number;
}

export function findExpressions(s: string): FoundExpr[] {
  return [...s.matchAll(EXPR)].map((m) => ({ text: m[0], body: m[1], index: m.index ?? 0 }));
}

/** The body when the whole string is one `${{...}}`, else undefined. */
export function wholeExpression(s: string): string | undefined {
  return WHOLE.exec(s)?.[1];
}

export function hasExpression(s: string): boolean {
  return s.includes("${{");
}

const NAME = "[A-Za-z_][A-Za-z0-9_-]*";
const PARENT_INPUT = new RegExp(`^parent\\.inputs\\.(${NAME})$`);
const PARENT_OUTPUT = new RegExp(`^parent\\.outputs\\.(${NAME})$`);
const PARENT_JOB = new RegExp(`^parent\\.jobs\\.(${NAME})\\.outputs\\.(${NAME})$`);
const SEARCH = new RegExp(`^search_space\\.(${NAME})$`);
const OWN = new RegExp(`^(inputs|outputs)\\.(${NAME})$`);

/** A binding reference (in a job's inputs/outputs); undefined when the text is not one we know. */
export function parseRef(body: string): Ref | undefined {
  let m = PARENT_INPUT.exec(body);
  if (m) return { scope: "parent.inputs", name: m[1] };
  m = PARENT_OUTPUT.exec(body);
  if (m) return { scope: "parent.outputs", name: m[1] };
  m = PARENT_JOB.exec(body);
  if (m) return { scope: "parent.jobs", job: m[1], output: m[2] };
  m = SEARCH.exec(body);
  if (m) return { scope: "search_space", name: m[1] };
  return undefined;
}

/** A command reference (`inputs.x` / `outputs.y`); undefined when the text is not one. */
export function parseOwnRef(body: string): { kind: "inputs" | "outputs"; name: string } | undefined {
  const m = OWN.exec(body);
  return m ? { kind: m[1] as "inputs" | "outputs", name: m[2] } : undefined;
}

export interface OptionalSection {
  /** `$[[ ... ]]` including the brackets. */
  text: string;
  inner: string;
  index: number;
}

/** `$[[...]]` sections: dropped when an input they use is not given. */
export function findOptionalSections(command: string): OptionalSection[] {
  const out: OptionalSection[] = [];
  let from = 0;
  for (;;) {
    const start = command.indexOf("$[[", from);
    if (start < 0) break;
    const end = command.indexOf("]]", start + 3);
    if (end < 0) break;
    out.push({ text: command.slice(start, end + 2), inner: command.slice(start + 3, end), index: start });
    from = end + 2;
  }
  return out;
}

/**
 * Resolves `$[[...]]` sections: each is kept (without brackets) when every input it names has a
 * value, and removed otherwise, as Azure ML does for optional inputs.
 */
export function resolveOptionalSections(command: string, hasValue: (input: string) => boolean): string {
  let out = "";
  let last = 0;
  for (const section of findOptionalSections(command)) {
    out += command.slice(last, section.index);
    const names = findExpressions(section.inner)
      .map((e) => parseOwnRef(e.body))
      .filter((r) => r?.kind === "inputs")
      .map((r) => r!.name);
    if (names.every(hasValue)) out += section.inner;
    last = section.index + section.text.length;
  }
  return out + command.slice(last);
}
