// The batch smoke test's expected rows: compared as a multiset (Azure ML appends mini-batches in
// completion order), numbers within a relative tolerance, a mismatch named by the expected file's
// line; the rows Azure's append_row writes (str() of list elements, space-separated DataFrame rows).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { countRows, firstRowMismatch, parseRows, readExpectedRows } from "../../src/tasks/deploy/batch-expect.js";

const rows = (text: string) => ({ file: "expected.txt", rows: parseRows(text) });

describe("batch expected rows", () => {
  it("fields split at commas or white space, with tuple and list brackets and quotes dropped", () => {
    expect(parseRows("a.csv,1.5\n\n('b.csv', 2)\n[3, 4]\nc.csv 7e-3\n").map((r) => [r.line, r.fields])).toEqual([
      [1, ["a.csv", 1.5]],
      [3, ["b.csv", 2]],
      [4, [3, 4]],
      [5, ["c.csv", 0.007]],
    ]);
  });

  it("any order matches; numbers within the relative tolerance; outside it names both rows and the line", () => {
    const e = rows("a.csv,100\nb.csv,200\nc.csv,300\n");
    expect(firstRowMismatch(e, "c.csv 300\nb.csv 200.00001\na.csv 100\n", "predictions.csv", 1e-6)).toBeUndefined();
    expect(firstRowMismatch(e, "c.csv 300\nb.csv 201\na.csv 100\n", "predictions.csv", 1e-6)).toBe(
      "predictions.csv has 'b.csv 201' where expected.txt:2 expects 'b.csv,200' (field 2; rows compared in sorted order, relative tolerance 0.000001)",
    );
    expect(firstRowMismatch(e, "c.csv 300\nb.csv 201\na.csv 100\n", "predictions.csv", 0.01)).toBeUndefined();
  });

  it("a missing or extra row is named, not only the counts", () => {
    const e = rows("a.csv,1\nb.csv,2\nc.csv,3\n");
    expect(firstRowMismatch(e, "a.csv 1\nc.csv 3\n", "p.csv", 0)).toBe(
      "p.csv has 2 row(s) where expected.txt expects 3; expected.txt:2 'b.csv,2' has no match",
    );
    expect(firstRowMismatch(e, "a.csv 1\nb.csv 2\nc.csv 3\nd.csv 4\n", "p.csv", 0)).toBe(
      "p.csv has 4 row(s) where expected.txt expects 3; 'd.csv 4' (line 4) is not expected",
    );
  });

  it("one number per row: sorted pairing matches rows whichever order the mini-batches finished in", () => {
    const e = rows("151.2\n75.1\n141.9\n206.3\n");
    expect(firstRowMismatch(e, "206.3\n141.9\n151.2\n75.1\n", "p.csv", 0)).toBeUndefined();
    expect(firstRowMismatch(e, "206.3\n141.9\n151.2\n75.2\n", "p.csv", 0)).toMatch(/'75\.2' where expected\.txt:2/);
  });

  it("reading: a missing or empty expected file is a UserError on the input; rows are counted streaming", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mlops-batch-expect-"));
    await writeFile(join(dir, "empty.txt"), "\n\n");
    await expect(readExpectedRows(join(dir, "nope.txt"), "nope.txt", "smokeTestExpect")).rejects.toThrow(
      /'nope\.txt' is not an existing file/,
    );
    const empty = await readExpectedRows(join(dir, "empty.txt"), "empty.txt", "smokeTestExpect").catch((e) => e);
    expect(empty).toBeInstanceOf(UserError);
    expect((empty as UserError).describe()).toMatch(/^input 'smokeTestExpect', empty\.txt: holds no rows\./);
    await writeFile(join(dir, "out.csv"), "a 1\n\nb 2\nc 3");
    expect(await countRows(join(dir, "out.csv"))).toBe(3);
  });
});
