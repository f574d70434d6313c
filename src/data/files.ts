import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { UserError } from "../errors.js";
import { PROFILE_FORMAT, PROFILE_VERSION, type ProfileJson } from "./profile.js";

/** Writes through a temp name and a rename, so no reader ever sees half a profile or report. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Reads and checks a profile JSON file (format and version). */
export async function readProfile(file: string, input: string): Promise<ProfileJson> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UserError(
      `'${file}' does not exist`,
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
    const m = /line (\d+) column (\d+)/.exec((error as Error).message);
    throw new UserError(
      `is not valid JSON (${(error as Error).message})`,
      { input, file, line: m ? Number(m[1]) : undefined, column: m ? Number(m[2]) : undefined },
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
