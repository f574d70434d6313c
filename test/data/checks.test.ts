import { describe, expect, it } from "vitest";
import { checkAgainstBaseline } from "../../src/data/checks.js";
import { ProfileBuilder, type ProfileJson } from "../../src/data/profile.js";

function profile(header: string[], rows: string[][]): ProfileJson {
  const b = new ProfileBuilder(header);
  for (const [i, row] of rows.entries()) b.addRow(row, i + 2);
  b.files.push("data.csv");
  return b.toJSON();
}

const baseRows = Array.from({ length: 100 }, (_, i) => [
  String(i),
  ["a", "b"][i % 2],
  String(i % 7),
  (i / 10).toFixed(1),
]);
const baseline = profile(["id", "g", "code", "x"], baseRows);

function checks(header: string[], rows: string[][]) {
  return checkAgainstBaseline(baseline, profile(header, rows), "base.json").map(
    (f) => `${f.severity} ${f.column ?? "-"} ${f.check}${f.line ? ` @${f.line}` : ""}`,
  );
}

describe("checks against a baseline", () => {
  it("passes data like the baseline", () => {
    expect(checks(["id", "g", "code", "x"], baseRows)).toEqual([]);
  });

  it("finds missing and new columns, type changes and widening, null share, range, unseen categories, row count", () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      i === 5 ? "" : i < 10 ? "" : String(i),
      ["a", "b", "c"][i % 3],
      i === 4 ? "x7" : String(i % 7),
      (i / 2).toFixed(2),
      "new",
    ]);
    // id: 10 of 30 null; g: "c" unseen; code: a non-integer on line 6; x: above the range; extra column.
    expect(
      checks(
        ["id", "g", "code", "x", "extra"],
        rows.map((r) => r),
      ).sort(),
    ).toEqual(
      [
        "error id null share",
        "warning g unseen categories",
        "warning extra new column",
        "warning - row count",
        "error code type @6",
        "warning x range",
      ].sort(),
    );
    const missing = checks(
      ["id", "g", "x"],
      baseRows.map((r) => [r[0], r[1], r[3]]),
    );
    expect(missing).toEqual(["error code missing column"]);
    const widened = checks(
      ["id", "g", "code", "x"],
      baseRows.map((r) => [r[0], r[1], `${r[2]}.5`, r[3]]),
    );
    expect(widened).toEqual(["warning code type", "warning code range"]);
  });
});
