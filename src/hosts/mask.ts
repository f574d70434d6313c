import { oneLine } from "../errors.js";
import { redactSas } from "../util/sas.js";

/** Replaces every registered secret with *** in text bound for a log. */
export class Masker {
  private readonly secrets = new Set<string>();

  add(value: string): void {
    // Very short values would mask ordinary words; hosts mask them too, so follow GitHub's lead.
    for (const v of [value, ...value.split(/\r?\n/)]) if (v.trim().length >= 3) this.secrets.add(v.trim());
  }

  mask(text: string): string {
    // A SAS query reads `?<SAS redacted>` wherever it turns up, registered or not (error lines echo URLs).
    let out = redactSas(text);
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join("***");
    return out;
  }
}

/**
 * Text that echoes input values, made safe for a log line: one line (a newline would start a line
 * the runner reads as a command of its own) with no `##vso[`, which the Azure DevOps agent takes
 * for a logging command wherever it stands in a line.
 */
export function inert(text: string): string {
  return oneLine(text).replaceAll("##vso[", "##vso\\[");
}
