import { describe, expect, it } from "vitest";
import { ProfileBuilder } from "../../src/data/profile.js";
import { checkRules, parseRules, valueRules } from "../../src/data/rules.js";
import { UserError } from "../../src/errors.js";

function error(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error("expected a UserError");
}

describe("rules file", () => {
  it("reads per-column and dataset rules with their lines", () => {
    const r = parseRules(
      "rows: { min: 2 }\ncolumns:\n  id: { unique: true }\n  g:\n    allowed: [a, b]\n    drift: { test: psi, threshold: 0.2 }\n",
      "r.yml",
    );
    expect(r.rows).toEqual({ min: 2 });
    expect(r.columns.g).toEqual({ allowed: ["a", "b"], drift: { test: "psi", threshold: 0.2 } });
    expect(r.lines["columns.g.allowed"]).toBe(5);
  });

  it("names the file and line of a mistake", () => {
    expect(error(() => parseRules("columns:\n  age: { min: ten }\n", "r.yml")).describe()).toBe(
      "input 'rules', r.yml:2: min must be a number. Write a number, such as min: 10.",
    );
    expect(error(() => parseRules("columns:\n  age:\n    drift: { test: magic }\n", "r.yml")).location).toMatchObject({
      file: "r.yml",
      line: 3,
    });
    expect(error(() => parseRules("columns: [\n", "r.yml")).message).toMatch(/^is not valid YAML/);
    expect(error(() => parseRules("colums: {}\n", "r.yml")).describe()).toContain("r.yml:1: unknown key 'colums'");
    expect(error(() => parseRules("columns:\n  a: { pattern: '(' }\n", "r.yml")).message).toContain(
      "not a valid regular expression",
    );
  });

  it("checks values while streaming and the profile afterwards", () => {
    const rules = parseRules(
      "rows: { max: 3 }\ncolumns:\n  id: { unique: true, pattern: '^[0-9]+$' }\n  g: { allowed: [a, b], maxNullShare: 0.1 }\n",
      "r.yml",
    );
    const b = new ProfileBuilder(["id", "g"], (c) => valueRules(rules, c));
    const rows = [
      ["1", "a"],
      ["2", "c"],
      ["2", ""],
      ["x3", "b"],
    ];
    for (const [i, row] of rows.entries()) b.addRow(row, i + 2);
    const found = checkRules(rules, b.toJSON()).map((f) => `${f.column ?? "-"} ${f.check} ${f.line ?? ""}`);
    expect(found).toEqual(["- rows.max 1", "id pattern 5", "id unique 3", "g allowed 3", "g maxNullShare 4"]);
  });

  it("judges uniqueness of long columns without false alarms from sampled counts", () => {
    const rules = parseRules("columns:\n  id: { unique: true }\n", "r.yml");
    const unique = (n: number, repeat?: { value: string; every: number }) => {
      const b = new ProfileBuilder(["id"]);
      for (let i = 0; i < n; i++) b.addRow([repeat && i % repeat.every === 0 ? repeat.value : `ID${i}`], i + 2);
      const profile = b.toJSON();
      return { profile, found: checkRules(rules, profile).filter((f) => f.check === "unique") };
    };
    // Past 8000 distinct values the column is sampled: a value seen once is not reported as frequent.
    for (const n of [9_000, 20_000, 60_000]) {
      const { profile, found } = unique(n);
      expect(profile.columns[0].top.stride).toBe(64);
      expect(profile.columns[0].top.items).toEqual([]);
      expect(found).toEqual([]);
    }
    const { profile, found } = unique(60_000, { value: "ID-dup", every: 10 });
    expect(profile.columns[0].top.items[0][0]).toBe("ID-dup");
    // An estimate from every 64th value: 6000 within a few hundred.
    expect(Math.abs(profile.columns[0].top.items[0][1] - 6_000)).toBeLessThan(1_000);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/^values repeat: "ID-dup" appears \d+\+ times$/);
  });
});
