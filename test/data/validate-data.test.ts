import { copyFile, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliTask, tempDir } from "../helpers.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/data");

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir("mlops-validate-"));
  for (const f of await readdir(FIXTURES)) if (/\.(csv|yml)$/.test(f)) await copyFile(join(FIXTURES, f), join(dir, f));
});
afterEach(() => cleanup());

async function baseline(): Promise<void> {
  const run = await runCliTask(
    "validate-data",
    { data: "baseline.csv", baseline: "baseline.profile.json", createBaseline: "true" },
    dir,
  );
  expect(run.exitCode).toBe(0);
}

describe("validate-data through the CLI host", () => {
  it("creates a baseline, then passes same-distribution data with a report and outputs", async () => {
    await baseline();
    const written = JSON.parse(await readFile(join(dir, "baseline.profile.json"), "utf8"));
    expect(written.format).toBe("mlops-action/profile");
    // Relative to the checkout, so a committed baseline reads the same everywhere.
    expect(written.source.files).toEqual(["baseline.csv"]);
    expect(written.rows).toBe(400);

    const run = await runCliTask(
      "validate-data",
      {
        data: "current-ok.csv",
        baseline: "baseline.profile.json",
        rules: "rules.yml",
        writeProfile: "out/current.profile.json",
      },
      dir,
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe("true");
    expect(JSON.parse(run.outputs.driftedColumns)).toEqual([]);
    expect(run.outputs.profile).toBe(join(dir, "out/current.profile.json"));
    const report = await readFile(run.outputs.report, "utf8");
    expect(report.split("\n")[0]).toBe("### ✅ validate-data passed: `current-ok.csv`");
    expect(report).toContain("**0 error(s)");
    expect(report).toMatch(
      /\| `bmi` \| number → number \| 0\.0% → 0\.0% \| [\d.]+ → [\d.]+ \| ks \| [\d.e-]+ \(p\) \| < 0\.05 \|/,
    );
    // The same report is the job summary.
    expect(run.stdout.join("\n")).toContain("### ✅ validate-data passed");

    const history = await readFile(join(dir, ".mlops/artifacts/validations/history.csv"), "utf8");
    const lines = history.trim().split("\n");
    expect(lines[0]).toMatch(/^time,dataset,version,rows,/);
    expect(lines.at(-1)).toMatch(/,current-ok,file,400,5,0,\d+,5,0,0\.0000,false,true,,/);
  });

  it("fails on dataset drift with failOn: drift, naming the columns and what moved", async () => {
    await baseline();
    // 2 of 5 columns drift: under the default share of 0.5 the dataset has not drifted.
    const run = await runCliTask(
      "validate-data",
      { data: "current-drift.csv", baseline: "baseline.profile.json", failOn: "drift" },
      dir,
    );
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.driftedColumns)).toEqual(["bmi", "city"]);
    const report = await readFile(run.outputs.report, "utf8");
    expect(report).toContain("### ✅ validate-data passed: `current-drift.csv`");
    expect(report).toContain(
      "drift in 2 of 5 tested column(s) (40.0%; the dataset counts as drifted at 50.0%): **no dataset drift**",
    );
    expect(report).toMatch(/- `city`: share of "Bodø" rose from 0\.0% to 1\d\.\d%/);
    expect(report).toMatch(
      /- `bmi`: share of values in \[[\d.]+, [\d.]+\) rose from [\d.]+% to [\d.]+%; mean 24\.\d+ → 2[89]\.\d+/,
    );
    expect(report).toMatch(/unseen categories\*\*: 1 value\(s\) the baseline never had, in \d+ row\(s\): "Bodø"/);
    expect(run.stderr.join("\n")).toMatch(/warning: city: drift \(chisquare [\d.e-]+\): share of "Bodø" rose/);

    const strict = await runCliTask(
      "validate-data",
      { data: "current-drift.csv", baseline: "baseline.profile.json", failOn: "drift", driftShare: "0.4" },
      dir,
    );
    expect(strict.exitCode).toBe(1);
    expect(strict.outputs.passed).toBe("false");
    expect(await readFile(strict.outputs.report, "utf8")).toContain("### ❌ validate-data failed");
    expect(strict.stderr.at(-1)).toBe("error: validate-data failed (failOn: drift): dataset drift in bmi, city");
    // failOn: never publishes the same verdicts and passes.
    const never = await runCliTask(
      "validate-data",
      { data: "current-drift.csv", baseline: "baseline.profile.json", failOn: "never", driftShare: "0.4" },
      dir,
    );
    expect(never.exitCode).toBe(0);
    expect(never.outputs.passed).toBe("true");
  });

  it("reports schema and rule errors as annotations with file and line, and fails", async () => {
    await baseline();
    const run = await runCliTask(
      "validate-data",
      { data: "current-schema.csv", baseline: "baseline.profile.json", rules: "rules.yml" },
      dir,
    );
    expect(run.exitCode).toBe(1);
    const err = run.stderr.join("\n");
    expect(err).toContain("error: sex: missing column: column 'sex' is in the baseline");
    expect(err).toMatch(/error: bmi: null share: null share [12]\d\.\d% is above the baseline's ceiling 5\.0%/);
    expect(err).toMatch(/error: rules\.yml:5: sex: rules: the rules name column 'sex', which the data lacks/);
    expect(err).toMatch(/error: rules\.yml:7: bmi: maxNullShare: null share/);
    expect(err).toContain("warning: note: new column: column 'note' is not in the baseline");
    const report = await readFile(run.outputs.report, "utf8");
    expect(report).toContain("| `sex` | string → missing |");
  });

  it("points at the data line of the first value breaking a rule", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      join(dir, "young.csv"),
      "age,sex,bmi,city,target\n30,M,22.5,Oslo,1\n12,F,27.1,Bergen,0\n45,X,20.0,oslo,1\n",
    );
    const run = await runCliTask("validate-data", { data: "young.csv", rules: "rules.yml" }, dir);
    expect(run.exitCode).toBe(1);
    const err = run.stderr.join("\n");
    expect(err).toContain(`error: young.csv:3: age: min: 1 value(s) below the minimum 18; first "12" at line 3`);
    expect(err).toContain(`young.csv:4: sex: allowed: 1 value(s) not in the allowed values; first "X" at line 4`);
    expect(err).toContain("young.csv:4: city: pattern:");
    expect(err).toContain("rows.min: 3 rows, fewer than the rules' minimum 100");
  });

  it("validates a registered dataset by reference against another version", async () => {
    expect((await runCliTask("register-dataset", { name: "diabetes", path: "baseline.csv" }, dir)).exitCode).toBe(0);
    expect((await runCliTask("register-dataset", { name: "diabetes", path: "current-drift.csv" }, dir)).exitCode).toBe(
      0,
    );
    const first = await runCliTask("validate-data", { data: "diabetes@1" }, dir);
    expect(first.exitCode).toBe(0);
    const run = await runCliTask(
      "validate-data",
      { data: "diabetes@latest", baseline: "diabetes@1", failOn: "drift", driftShare: "0.4" },
      dir,
    );
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.outputs.driftedColumns)).toEqual(["bmi", "city"]);
    expect(run.outputs.report).toContain(join(".mlops", "artifacts", "validations", "diabetes", "2"));
    const report = await readFile(run.outputs.report, "utf8");
    expect(report).toContain("`diabetes@2`");
    expect(report).toContain("baseline `diabetes@1`");
    // The stored profile of version 1 was the baseline, not a second read of the data.
    const stored = await readFile(join(dir, ".mlops/artifacts/profiles/diabetes/1/profile.json"), "utf8");
    expect(JSON.parse(stored).source.dataset).toEqual({ name: "diabetes", version: "1" });
    const created = await runCliTask(
      "validate-data",
      { data: "diabetes@2", baseline: "diabetes@1", createBaseline: "true" },
      dir,
    );
    expect(created.exitCode).toBe(1);
    expect(created.stderr.join("\n")).toContain(
      "input 'baseline': createBaseline writes a profile file, not a dataset",
    );
    const missing = await runCliTask("validate-data", { data: "diabetes@9" }, dir);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr.join("\n")).toContain(
      "error: input 'data': dataset 'diabetes' has no version 9. Use one of: 1, 2, latest.",
    );
  });

  it("bad data: one error line with file, line and column; badRows: skip warns and goes on", async () => {
    const run = await runCliTask("validate-data", { data: "ragged.csv" }, dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toEqual([
      `error: ${join(dir, "ragged.csv")}:3:4: row has 3 field(s); the header has 5. Quote fields that contain the delimiter, or set badRows: skip to count and skip such rows.`,
    ]);
    const skip = await runCliTask("validate-data", { data: "ragged.csv", badRows: "skip" }, dir);
    expect(skip.exitCode).toBe(0);
    expect(skip.stderr.join("\n")).toContain(
      `warning: ${join(dir, "ragged.csv")}:3: skipped row: row has 3 field(s); the header has 5 (column 4)`,
    );
    expect(skip.stderr.join("\n")).toContain("1 malformed row(s) skipped");
  });

  it("rejects bad inputs before reading data", async () => {
    const r1 = await runCliTask("validate-data", { data: "baseline.csv", columnTests: "age=magic" }, dir);
    expect(r1.stderr.join("\n")).toContain("input 'columnTests': 'age=magic' is not column=test[:threshold]");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(dir, "bad.yml"), "columns:\n  age:\n    minimum: 3\n");
    const r2 = await runCliTask("validate-data", { data: "baseline.csv", rules: "bad.yml" }, dir);
    expect(r2.exitCode).toBe(1);
    expect(r2.stderr.join("\n")).toContain(
      `input 'rules', ${join(dir, "bad.yml")}:3: unknown rule 'minimum' for column 'age'`,
    );
    const r3 = await runCliTask("validate-data", { data: "baseline.csv", baseline: "nope.json" }, dir);
    expect(r3.stderr.join("\n")).toContain("input 'baseline': '");
  });
});
