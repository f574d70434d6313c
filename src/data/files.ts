import { readFile } from "node:fs/promises";
import { UserError } from "../errors.js";
import { unreadable } from "../util/files.js";
import { PROFILE_FORMAT, PROFILE_VERSION, type ProfileJson } from "./profile.js";

/** Profiles and reports are written through a temp name and a rename: no reader sees half a file. */
export { writeAtomic as writeFileAtomic } from "../util/files.js";

/** Reads and checks a profile JSON file (format and version). */
export async function readProfile(file: string, input: string): Promise<ProfileJson> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UserError(
      `'${file}' ${unreadable(error)}`,
      { input },
      "Give a profile JSON written by validate-data (writeProfile or createBaseline), or a dataset reference such as name@1",
    );
  }
  return parseProfile(text, file, input);
}

export function parseProfile(text: string, file: string, input: string): ProfileJson {
  let value: ProfileJson;
  try {
    value = JSON.parse(text) as ProfileJson;
  } catch (error) {
    const message = (error as Error).message;
    const at = jsonErrorAt(text, message);
    throw new UserError(
      `is not valid JSON (${message.replace(/ in JSON at position \d+.*$/, "")})`,
      { input, file, ...at },
      "Give a profile JSON written by validate-data",
    );
  }
  if (value?.format !== PROFILE_FORMAT || !Array.isArray(value.columns)) {
    throw new UserError(
      'is not a validate-data profile (no "format": "mlops-action/profile")',
      { input, file },
      "Write one with createBaseline: true or writeProfile",
    );
  }
  if (typeof value.version !== "number" || value.version > PROFILE_VERSION) {
    throw new UserError(
      `has profile version ${value.version}; this mlops-action reads up to ${PROFILE_VERSION}`,
      { input, file },
      "Upgrade mlops-action, or write the baseline again with this version",
    );
  }
  return value;
}

/**
 * The line and column of a JSON.parse error: Node 22 names them, Node 20 gives a character
 * position (or none when the text ends early).
 */
function jsonErrorAt(text: string, message: string): { line?: number; column?: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const p = /position (\d+)/.exec(message);
  const offset = p ? Number(p[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (offset === undefined) return {};
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
