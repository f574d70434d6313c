import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { type CliRun, runCliTask, tempDir } from "../helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "models");

const quiet: Log = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {},
  group: (_t, fn) => fn(),
  secret: () => {},
};

describe("compare-models on the local workspace", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-compare-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
  });
  afterEach(async () => {
    for (const e of await ws.endpoints.list()) await ws.endpoints.delete(e.name, quiet);
    await cleanup();
  });

  const compare = (inputs: Record<string, string>): Promise<CliRun> => runCliTask("compare-models", inputs, dir);
  const registerFixture = (folder: string, metrics: Record<string, number>, tags: Record<string, string> = {}) =>
    ws.models.register({ name: "lin", source: join(FIXTURES, folder), tags, metrics }, quiet);
  const champions = async () =>
    (await ws.models.list("lin")).filter((m) => m.tags.champion === "true").map((m) => m.version);

  it("with no champion the candidate wins, and the report says so", async () => {
    await registerFixture("linear-v1", { r2: 0.41, rmse: 58.2 });
    const run = await compare({ candidate: "lin:1", metrics: "r2:higher,rmse:lower", register: "true" });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ better: "true", decision: "promote", champion: "", candidateVersion: "lin:1" });
    const report = run.outputs.report;
    expect(report.split("\n")[0]).toBe(
      "✅ **Promote `lin:1`**: no champion yet (no version of `lin` is tagged `champion=true`), so the candidate wins.",
    );
    expect(report).toContain("| `r2` | higher | – | 0.41 | – | ✅ no champion value |");
    expect(report).toContain("Champion tag moved to `lin:1`.");
    expect(await champions()).toEqual(["1"]);
    // The report is also the job summary the host prints.
    expect(run.stdout.join("\n")).toContain(report.trim());
  });

  it("a better candidate is promoted and takes the champion tag; the table shows each metric", async () => {
    await registerFixture("linear-v1", { r2: 0.41, rmse: 58.2, mae: 47 }, { champion: "true" });
    await registerFixture("linear-v2", { r2: 0.47, rmse: 54.9, mae: 44.1 });
    const run = await compare({
      candidate: "lin@latest",
      metrics: "r2:higher:0.01,rmse:lower",
      register: "true",
      comment: "true",
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      better: "true",
      decision: "promote",
      champion: "lin:1",
      candidateVersion: "lin:2",
    });
    const lines = run.outputs.report.split("\n");
    expect(lines[0]).toBe("✅ **Promote `lin:2`**: better on all 2 declared metrics than champion `lin:1`.");
    expect(lines).toContain("| metric | goal | champion | candidate | change | verdict |");
    expect(lines).toContain("| `r2` | higher by > 0.01 | 0.41 | 0.47 | +0.06 (+14.63 %) | ✅ better |");
    expect(lines).toContain("| `rmse` | lower | 58.2 | 54.9 | -3.3 (-5.67 %) | ✅ better |");
    expect(lines).toContain("- Champion tag moved to `lin:2` from `lin:1`.");
    expect(await champions()).toEqual(["2"]);
    // comment: true hands the report to the host, which says where it went.
    expect(run.stdout).toContain("Not on a pull request: the comment is the summary printed above.");
  });

  it("a candidate that is not better is a decision, not a failure: the champion keeps its tag", async () => {
    await registerFixture("linear-v1", { r2: 0.41, rmse: 58.2 }, { champion: "true" });
    await registerFixture("linear-v2", { r2: 0.415, rmse: 60 });
    const run = await compare({ candidate: "lin:2", metrics: "r2:higher:0.01,rmse:lower", register: "true" });
    expect(run.exitCode).toBe(0);
    expect(run.stderr.filter((l) => l.startsWith("error"))).toEqual([]);
    expect(run.outputs).toMatchObject({ better: "false", decision: "keep-champion" });
    const lines = run.outputs.report.split("\n");
    expect(lines[0]).toBe("➖ **Keep champion `lin:1`**: `lin:2` is not better on r2, rmse.");
    expect(lines).toContain("| `r2` | higher by > 0.01 | 0.41 | 0.415 | +0.005 (+1.22 %) | ➖ not enough |");
    expect(lines).toContain("| `rmse` | lower | 58.2 | 60 | +1.8 (+3.093 %) | ❌ worse |");
    expect(await champions()).toEqual(["1"]);
  });

  it("a job's model output is compared, registered once with lineage tags, and promoted", async () => {
    await registerFixture("linear-v1", { r2: 0.41, rmse: 58.2 }, { champion: "true" });
    const submitted = await runCliTask(
      "submit-pipeline",
      { pipeline: join(FIXTURES, "pipeline", "pipeline.yml") },
      dir,
    );
    expect(submitted.outputs.status).toBe("Completed");
    const job = submitted.outputs.jobName;

    const inputs = {
      candidate: `job:${job}`,
      modelName: "lin",
      metrics: "r2:higher,rmse:lower",
      register: "true",
      dataVersion: "diabetes:3",
    };
    const run = await compare(inputs);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      better: "true",
      decision: "promote",
      champion: "lin:1",
      candidateVersion: "lin:2",
    });
    expect(run.outputs.report).toContain("| `r2` | higher | 0.41 | 0.47 | +0.06 (+14.63 %) | ✅ better |");
    const registered = await ws.models.get("lin", "2");
    expect(registered?.tags).toMatchObject({ job, data: "diabetes:3", champion: "true" });
    expect(registered?.metrics).toMatchObject({ r2: 0.47, rmse: 54.9, mae: 44.1 });
    expect(await champions()).toEqual(["2"]);

    // Running the same step again registers nothing new.
    const again = await compare(inputs);
    expect(again.outputs.candidateVersion).toBe("lin:2");
    expect((await ws.models.list("lin")).map((m) => m.version)).toEqual(["1", "2"]);
  });

  it("the champion can be what an endpoint serves", async () => {
    await registerFixture("linear-v1", { r2: 0.41, rmse: 58.2 });
    await registerFixture("linear-v2", { r2: 0.47, rmse: 54.9 });
    const deployed = await runCliTask(
      "deploy-endpoint",
      { endpoint: "web", model: "lin:1", scoringScript: join(FIXTURES, "serve", "score.py") },
      dir,
    );
    expect(deployed.exitCode).toBe(0);
    const run = await compare({ candidate: "lin:2", champion: "endpoint:web", metrics: "r2:higher,rmse:lower" });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ better: "true", champion: "lin:1" });
    const missing = await compare({ candidate: "lin:2", champion: "endpoint:nope", metrics: "r2:higher" });
    expect(missing.stderr.at(-1)).toMatch(/input 'champion': endpoint nope does not exist/);
  });

  it("rejects bad input with the input named and nothing registered", async () => {
    await registerFixture("linear-v1", { r2: 0.41 });
    const cases: [Record<string, string>, RegExp][] = [
      [{ candidate: "lin:1", metrics: "r2:up" }, /input 'metrics': item 'r2:up' \(column 1\) has direction 'up'/],
      [
        { candidate: "lin:1", metrics: "rmse:lower" },
        /input 'metrics': the candidate has no value for metric 'rmse' \(looked in model lin:1\)\. Its metrics are: r2/,
      ],
      [
        { candidate: "lin:7", metrics: "r2:higher" },
        /input 'candidate': model lin:7 is not registered in the workspace\. Registered versions of lin: 1/,
      ],
      [{ candidate: "job:nope", modelName: "lin", metrics: "r2:higher" }, /input 'candidate': job nope does not exist/],
      [
        { candidate: "lin:1", champion: "other:1", metrics: "r2:higher" },
        /input 'champion': model other:1 is not registered/,
      ],
      [{ candidate: "lin", metrics: "r2:higher" }, /input 'candidate': 'lin' is not a model reference/],
      [{ candidate: "lin:1" }, /input 'metrics': missing \(required by compare-models\)/],
    ];
    for (const [inputs, message] of cases) {
      const run = await compare(inputs);
      expect(run.exitCode).toBe(1);
      expect(run.stderr.at(-1)).toMatch(message);
    }
    expect((await ws.models.list("lin")).map((m) => m.version)).toEqual(["1"]);
  });
});
