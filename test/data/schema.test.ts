import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProfileBuilder } from "../../src/data/profile.js";
import { parseRules, valueRules } from "../../src/data/rules.js";
import { Random } from "../../src/data/sketches/random.js";

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(import.meta.dirname, "../../docs/profile.schema.json"), "utf8")) as Schema;

/** Checks the subset of JSON Schema the profile schema uses; returns the paths that break it. */
function validate(value: unknown, s: Schema, path = "$"): string[] {
  if (typeof s.$ref === "string")
    return validate(value, (schema.$defs as Record<string, Schema>)[s.$ref.replace("#/$defs/", "")], path);
  const errors: string[] = [];
  if ("const" in s && value !== s.const) errors.push(`${path}: not ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  const t = s.type;
  const is: Record<string, (v: unknown) => boolean> = {
    object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
    array: Array.isArray,
    string: (v) => typeof v === "string",
    number: (v) => typeof v === "number" && Number.isFinite(v),
    integer: (v) => Number.isInteger(v),
  };
  if (typeof t === "string" && !is[t](value))
    return [...errors, `${path}: not ${t} (${JSON.stringify(value)?.slice(0, 40)})`];
  if (typeof s.minimum === "number" && typeof value === "number" && value < s.minimum)
    errors.push(`${path}: below minimum`);
  if (typeof s.maximum === "number" && typeof value === "number" && value > s.maximum)
    errors.push(`${path}: above maximum`);
  if (t === "object") {
    const obj = value as Record<string, unknown>;
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in obj)) errors.push(`${path}.${r}: required`);
    const props = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validate(v, props[k], `${path}.${k}`));
      else if (s.additionalProperties === false) errors.push(`${path}.${k}: not in the schema`);
      else if (typeof s.additionalProperties === "object")
        errors.push(...validate(v, s.additionalProperties as Schema, `${path}.${k}`));
    }
  }
  if (t === "array") {
    const arr = value as unknown[];
    const prefix = s.prefixItems as Schema[] | undefined;
    arr.forEach((v, i) => {
      const item = prefix?.[i] ?? (s.items as Schema | undefined);
      if (item) errors.push(...validate(v, item, `${path}[${i}]`));
    });
  }
  return errors;
}

describe("docs/profile.schema.json", () => {
  it("describes every field of a real profile, and only those", () => {
    const rules = parseRules("columns:\n  n: { max: 5 }\n", "r.yml");
    const b = new ProfileBuilder(["n", "word", "day", "flag", "empty"], (c) => valueRules(rules, c));
    const r = new Random(4);
    for (let i = 0; i < 3000; i++) {
      b.addRow(
        [
          r.normal().toFixed(3),
          `w${r.int(20_000)} and more`,
          `2026-01-${String(1 + r.int(28)).padStart(2, "0")}`,
          r.bit() ? "true" : "false",
          "",
        ],
        i + 2,
      );
    }
    b.files.push("data.csv");
    const profile = JSON.parse(
      JSON.stringify(
        b.toJSON({ labelColumn: "flag", source: { files: ["data.csv"], dataset: { name: "d", version: "1" } } }),
      ),
    );
    expect(validate(profile, schema)).toEqual([]);
    // The check itself bites: an unknown field and a wrong type are reported.
    profile.columns[0].extra = 1;
    profile.rows = "many";
    expect(validate(profile, schema)).toEqual([
      '$.rows: not integer ("many")',
      "$.columns[0].extra: not in the schema",
    ]);
  });
});
