// compare-models with `registry`: the winner is published there with its lineage, and the
// champion tag moves there too.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { run as runCompare } from "../../src/tasks/compare-models.js";
import { parseInputs } from "../../src/tasks/inputs.js";
import { parseModelInput } from "../../src/tasks/model-ref.js";
import { spec as compareSpec } from "../../src/tasks/specs/compare-models.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { LocalRegistry } from "../../src/workspace/local/registry.js";
import type { ModelRegistry } from "../../src/workspace/workspace.js";
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

describe("compare-models publishing to a local registry", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-compare-reg-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
  });
  afterEach(() => cleanup());

  const compare = (inputs: Record<string, string>): Promise<CliRun> =>
    runCliTask("compare-models", { metrics: "r2:higher", register: "true", registry: "reg", ...inputs }, dir);
  const registerFixture = (folder: string, r2: number, tags: Record<string, string> = {}) =>
    ws.models.register({ name: "lin", source: join(FIXTURES, folder), tags, metrics: { r2 } }, quiet);
  const registry = () => LocalRegistry.open(join(dir, "reg"));
  const registryChampions = async () =>
    (await (await registry()).models.list("lin")).filter((m) => m.tags.champion === "true").map((m) => m.version);

  it("publishes the winner with its lineage, tags it champion there, and says so", async () => {
    await registerFixture("linear-v1", 0.41, { job: "job-a", data: "diabetes:1", commit: "abc123" });
    const run = await compare({ candidate: "lin:1" });
    expect(run.exitCode, run.stderr.join("\n")).toBe(0);
    expect(run.outputs).toMatchObject({ better: "true", candidateVersion: "lin:1", registryModel: "lin:1" });
    const [published] = await (await registry()).models.list("lin");
    expect(published.tags).toMatchObject({
      champion: "true",
      sourceModel: "lin:1",
      sourceWorkspace: `local workspace at ${join(dir, ".mlops")}`,
      job: "job-a",
      data: "diabetes:1",
      commit: "abc123",
    });
    expect(run.outputs.report).toContain(
      `Published \`lin:1\` to registry \`reg\` as \`lin:1\`, tagged champion there (sourceWorkspace=local workspace at ${join(dir, ".mlops")}, sourceModel=lin:1, job=job-a, data=diabetes:1, commit=abc123).`,
    );
    expect(await registryChampions()).toEqual(["1"]);
  });

  it("a second winner replaces the champion in the registry; a loser publishes nothing", async () => {
    await registerFixture("linear-v1", 0.41);
    expect((await compare({ candidate: "lin:1" })).exitCode).toBe(0);
    await registerFixture("linear-v2", 0.47);
    const second = await compare({ candidate: "lin:2" });
    expect(second.outputs).toMatchObject({ better: "true", registryModel: "lin:2" });
    expect(second.outputs.report).toContain("Champion tag moved to `lin:2` in registry reg from `lin:1`.");
    expect(await registryChampions()).toEqual(["2"]);
    // The first version stays in the registry, untagged: deployments of it keep working.
    expect((await (await registry()).models.list("lin")).map((m) => m.version)).toEqual(["1", "2"]);

    await registerFixture("linear-v1", 0.3); // same files as lin:1, worse metrics
    const loser = await compare({ candidate: "lin:3" });
    expect(loser.outputs).toMatchObject({ better: "false", registryModel: "" });
    expect(loser.outputs.report).toContain("The candidate did not win: nothing was published to registry `reg`.");
    expect(await registryChampions()).toEqual(["2"]);
  });

  it("a re-run on the workspace's champion finishes an interrupted publish, without a second version", async () => {
    // An earlier run moved the workspace's champion, then stopped before publishing.
    await registerFixture("linear-v1", 0.41, { champion: "true" });
    const run = await compare({ candidate: "lin:1" });
    expect(run.outputs).toMatchObject({ better: "false", registryModel: "lin:1" });
    expect(await registryChampions()).toEqual(["1"]);
    const again = await compare({ candidate: "lin:1" });
    expect(again.outputs.registryModel).toBe("lin:1");
    expect(again.outputs.report).toContain("`lin:1` is already the champion in registry `reg` as `lin:1`.");
    expect((await (await registry()).models.list("lin")).length).toBe(1);
  });

  it("two champions left in the registry by a killed run are repaired before the move", async () => {
    await registerFixture("linear-v1", 0.41);
    await registerFixture("linear-v2", 0.47);
    const reg = await registry();
    for (const v of ["1", "2"]) {
      const model = await ws.models.get("lin", v);
      if (!model) throw new Error("missing");
      await reg.publish(model, {}, quiet);
      await reg.models.setTags("lin", v, { champion: "true" });
    }
    const run = await compare({ candidate: "lin:2", metrics: "r2:higher" });
    expect(run.exitCode, run.stderr.join("\n")).toBe(0);
    expect([...run.stdout, ...run.stderr].join("\n")).toContain(
      "2 versions of lin in registry reg were tagged champion (an earlier run stopped while moving the tag): kept 'lin:2', untagged 'lin:1'.",
    );
    expect(await registryChampions()).toEqual(["2"]);
  });

  it("deploy-endpoint resolves name@champion and an azureml://registries/ reference in the registry folder", async () => {
    await registerFixture("linear-v1", 0.41);
    expect((await compare({ candidate: "lin:1" })).exitCode).toBe(0);
    const score = join(FIXTURES, "serve", "score.py");
    const plan = (model: string, registryInput?: string) =>
      runCliTask(
        "deploy-endpoint",
        {
          endpoint: "lin-prod",
          model,
          scoringScript: score,
          dryRun: "true",
          workspaceDir: "prod",
          ...(registryInput ? { registry: registryInput } : {}),
        },
        dir,
      );
    for (const model of ["lin@champion", "lin:1", "azureml://registries/reg/models/lin/versions/1"]) {
      const run = await plan(model, "reg");
      expect(run.exitCode, run.stderr.join("\n")).toBe(0);
      expect(run.outputs.deployment).toBe("lin-v1");
      expect(run.stdout.join("\n")).toContain("create deployment lin-v1 at 0 %");
    }
    // The prod workspace has no model of its own: without the registry, lin:1 is not there.
    const without = await plan("lin:1");
    expect(without.exitCode).toBe(1);
    expect(without.stderr.join("\n")).toContain("model lin:1 is not registered in the workspace");
  });

  it("a registry that copies the workspace's own tags (champion included) still reports a fresh publish", async () => {
    await registerFixture("linear-v1", 0.41, { champion: "true" });
    const inner = await registry();
    // As Azure ML's registry does: the workspace version's tags go into the new version, then the caller's.
    const copying: ModelRegistry = {
      name: inner.name,
      description: inner.description,
      models: inner.models,
      publish: async (model, tags, log) => {
        const published = await inner.publish(model, tags, log);
        return inner.models.setTags(published.name, published.version, { ...model.tags, ...tags });
      },
      close: async () => {},
    };
    const inputs = parseInputs(
      compareSpec,
      (n) => ({ candidate: "lin:1", metrics: "r2:higher", register: "true", registry: "reg" })[n],
    );
    const result = await runCompare({
      inputs,
      workspace: ws,
      log: quiet,
      cwd: dir,
      signal: new AbortController().signal,
      run: { host: "cli" },
      openRegistry: async () => copying,
    });
    expect(result.outputs.registryModel).toBe("lin:1");
    expect(result.outputs.report).toContain("Published `lin:1` to registry `reg` as `lin:1`, tagged champion there");
    expect(result.outputs.report).not.toContain("already the champion");
  });

  it("without register nothing is published, and the report says why", async () => {
    await registerFixture("linear-v1", 0.41);
    const run = await compare({ candidate: "lin:1", register: "false" });
    expect(run.outputs.registryModel).toBe("");
    expect(run.outputs.report).toContain("`register` is false: nothing was published to the registry.");
  });

  it("a registry input that is the workspace itself fails on one line before anything is written", async () => {
    await registerFixture("linear-v1", 0.41);
    const run = await compare({ candidate: "lin:1", registry: ".mlops" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.join("\n")).toMatch(/input 'registry': '.*\.mlops' is a local workspace, not a registry/);
    expect((await ws.models.list("lin"))[0].tags.champion).toBeUndefined();
  });
});

describe("registry model references", () => {
  it("parses azureml://registries/<r>/models/<m>/versions/<v> and labels/latest", () => {
    expect(parseModelInput("azureml://registries/shared/models/dm/versions/3", "model")).toEqual({
      registry: "shared",
      name: "dm",
      version: "3",
    });
    expect(parseModelInput("azureml://registries/shared/models/dm/labels/latest", "model")).toMatchObject({
      version: "latest",
    });
    expect(parseModelInput("dm@champion", "model")).toEqual({ name: "dm", version: "champion" });
    expect(() => parseModelInput("azureml://registries/shared/models/dm", "model")).toThrow(
      /is not a registry model reference/,
    );
  });
});
