import { describe, expect, it } from "vitest";
import { ProfileBuilder } from "../../src/data/profile.js";
import { checkRules, parseRules, valueRules } from "../../src/data/rules.js";
import { UniqueSet } from "../../src/data/unique-set.js";
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
    // unique names the data line of the first repeat ("2" again on line 4).
    expect(found).toEqual(["- rows.max 1", "id pattern 5", "id unique 4", "g allowed 3", "g maxNullShare 4"]);
  });

  it("judges uniqueness exactly, naming the first repeat, and never from sampled counts", () => {
    const rules = parseRules("columns:\n  id: { unique: true }\n", "r.yml");
    const profileOf = (values: (i: number) => string, n: number) => {
      const b = new ProfileBuilder(["id"], (c) => valueRules(rules, c));
      for (let i = 0; i < n; i++) b.addRow([values(i)], i + 2);
      const profile = b.toJSON();
      return { profile, found: checkRules(rules, profile).filter((f) => f.check === "unique") };
    };
    // Past 8000 distinct values the frequent values are sampled: a value seen once is not reported.
    for (const n of [9_000, 60_000]) {
      const { profile, found } = profileOf((i) => `ID${i}`, n);
      expect(profile.columns[0].top.stride).toBe(64);
      expect(profile.columns[0].top.items).toEqual([]);
      expect(found).toEqual([]);
    }
    // One repeat far from its first occurrence: no sketch would see it; the exact check does.
    const once = profileOf((i) => (i === 45_000 ? "ID10" : `ID${i}`), 60_000);
    expect(once.found).toHaveLength(1);
    expect(once.found[0].message).toBe('1 repeated value(s); first "ID10" at line 45002, seen before');
    expect(once.found[0].line).toBe(45_002);
    // A dominant value is also estimated among the frequent values of the sampled column.
    const many = profileOf((i) => (i % 10 === 0 ? "ID-dup" : `ID${i}`), 60_000);
    expect(many.profile.columns[0].top.items[0][0]).toBe("ID-dup");
    expect(Math.abs(many.profile.columns[0].top.items[0][1] - 6_000)).toBeLessThan(1_000);
    expect(many.found[0].message).toMatch(/^5999 repeated value\(s\); first "ID-dup" at line 12, seen before$/);
  });

  it("exact uniqueness holds its memory bound: past its capacity the set stops growing", () => {
    const set = new UniqueSet(1000);
    for (let i = 0; i < 1000; i++) expect(set.add(`v${i}`)).toBe(false);
    expect(set.full).toBe(false);
    expect(set.add("v5")).toBe(true);
    expect(set.add("beyond")).toBe(false);
    expect(set.full).toBe(true);
    // Values already held are still recognized; those past the cap are not remembered.
    expect(set.add("v999")).toBe(true);
    expect(set.add("beyond")).toBe(false);
  });
});
