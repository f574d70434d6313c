// Every summary table is built by table(): data holding a pipe, a backslash or a line break stays
// in its cell instead of adding columns or ending the row.
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cell, table } from "../../src/report/markdown.js";
import { runCliTask, tempDir } from "../helpers.js";

/** The cells of one table row as a GFM reader splits it: on pipes an odd run of backslashes does not escape. */
function cellsOf(row: string): string[] {
  const inner = row
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)((?:\\\\)*)\|$/, "$1");
  return inner.split(/(?<=(?:^|[^\\])(?:\\\\)*)\|/).map((c) => c.trim());
}

/** The rows of the first table in `markdown`, each as its cells. */
function rowsOf(markdown: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.startsWith("|"));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("|"));
  return lines.slice(start, end === -1 ? undefined : end).map(cellsOf);
}

describe("Markdown tables", () => {
  it("a cell holding |, a line break and a backslash before a pipe stays one cell on one line", () => {
    const md = table(
      ["step", "note"],
      [
        ["train", "a | b\nc\r\nd"],
        ["score", "C:\\x\\|y"],
        ["end\\", "ok"],
      ],
    );
    const lines = md.split("\n");
    expect(lines).toHaveLength(5);
    expect(rowsOf(md).map((r) => r.length)).toEqual([2, 2, 2, 2, 2]);
    expect(lines[2]).toBe("| train | a \\| b<br>c<br>d |");
    expect(lines[3]).toBe("| score | C:\\\\x\\\\\\|y |");
    expect(lines[4]).toBe("| end\\\\ | ok |");
  });

  it("headers are escaped like cells, and empty values are empty cells", () => {
    expect(table(["a|b"], [[undefined], [null], [0]])).toBe("| a\\|b |\n| --- |\n|  |\n|  |\n| 0 |");
    expect(cell("x\ny")).toBe("x<br>y");
  });
});

describe("no table is built by hand", () => {
  it("only src/report/markdown.ts writes a header separator row", () => {
    const src = join(import.meta.dirname, "..", "..", "src");
    const offenders = readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && f !== join("report", "markdown.ts"))
      .filter((f) => /\|\s*:?-{3,}:?\s*\|/.test(readFileSync(join(src, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("a failed step's error in the submit-pipeline summary", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await mkdir(join(dir, "src"));
    await writeFile(join(dir, "src", "train.py"), "raise ValueError(r'column a|b in C:\\data\\|x is empty')\n");
    await writeFile(
      join(dir, "pipeline.yml"),
      "type: pipeline\njobs:\n  train:\n    type: command\n    code: ./src\n    command: python train.py\n",
    );
  });
  afterAll(() => cleanup());

  it("stays in the note column: the table keeps three columns", async () => {
    const run = await runCliTask("submit-pipeline", { pipeline: "pipeline.yml", workspaceDir: ".ws" }, dir);
    expect(run.exitCode).toBe(1);
    const summary = run.stdout.find((l) => l.includes("| step | status | note |"));
    expect(summary).toBeDefined();
    const rows = rowsOf(summary as string);
    expect(rows.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(rows[2][0]).toBe("train");
    expect(rows[2][2]).toContain("a\\|b in C:\\\\data\\\\\\|x is empty");
  });
});
