import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalArtifacts } from "../../src/workspace/local/artifacts.js";
import { runCliTask, tempDir } from "../helpers.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/data");

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir("mlops-history-"));
  await copyFile(join(FIXTURES, "current-ok.csv"), join(dir, "current-ok.csv"));
});
afterEach(() => cleanup());

describe("the validation history CSV", () => {
  it("is created with its header atomically: concurrent first appends write one header", async () => {
    const store = new LocalArtifacts(join(dir, ".mlops"));
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.append("h/history.csv", `row${i}`, "head")));
    const lines = (await readFile(join(dir, ".mlops/artifacts/h/history.csv"), "utf8")).trim().split("\n");
    expect(lines[0]).toBe("head");
    expect(lines.slice(1).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `row${i}`));
  });

  it("gets one header when several first runs finish at once", async () => {
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => runCliTask("validate-data", { data: "current-ok.csv" }, dir)),
    );
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0, 0, 0]);
    const lines = (await readFile(join(dir, ".mlops/artifacts/validations/history.csv"), "utf8")).trim().split("\n");
    expect(lines.filter((l) => l.startsWith("time,dataset,"))).toHaveLength(1);
    expect(lines[0]).toMatch(/^time,dataset,version,rows,/);
    expect(lines.slice(1)).toHaveLength(4);
    for (const l of lines.slice(1)) expect(l).toMatch(/,current-ok,file,400,/);
  });
});
