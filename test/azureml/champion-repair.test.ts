// On Azure ML too, a compare-models run killed between tagging the winner and untagging the old
// champion leaves two versions tagged; the next run with register: true keeps the one
// `name@champion` resolves to and untags the other. (The kill itself is tested on the local
// workspace with a real process, test/workspace/crash-safety.test.ts; here the state it leaves is
// made by hand, since the emulator runs in the test's own process.)
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliTask } from "../helpers.js";
import { type Cloud, openWorkspace, startCloud } from "./setup.js";

const FIXTURE = join(import.meta.dirname, "fixtures", "fields");

describe("duplicate champion tags on Azure ML are repaired by the next registering run", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    work = join(cloud.dir, "cmp");
    await cp(FIXTURE, work, { recursive: true });
  });
  afterAll(() => cloud?.stop());

  const job = async (accuracy: number) => {
    cloud.emu.state.jobScript = { metrics: { train: { accuracy } } };
    const run = await runCliTask("submit-pipeline", { ...cloud.inputs, pipeline: "pipeline.yml" }, work);
    expect(run.outputs.status).toBe("Completed");
    return run.outputs.jobName;
  };
  const compare = (jobName: string) =>
    runCliTask(
      "compare-models",
      {
        ...cloud.inputs,
        candidate: `job:${jobName}`,
        modelName: "churn",
        metrics: "accuracy:higher",
        register: "true",
      },
      work,
    );

  it("two versions tagged champion: the re-run keeps the newest, untags the other, and says so", async () => {
    expect((await compare(await job(0.9))).outputs.decision).toBe("promote");
    const second = await job(0.95);
    expect((await compare(second)).outputs.decision).toBe("promote");
    const ws = await openWorkspace(cloud);
    // The state a kill between the two writes leaves: the old champion still tagged.
    await ws.models.setTags("churn", "1", { champion: "true" });
    const tagged = async () =>
      (await ws.models.list("churn")).filter((m) => m.tags.champion === "true").map((m) => m.version);
    expect(await tagged()).toEqual(["1", "2"]);

    const rerun = await compare(second);
    expect(rerun.exitCode).toBe(0);
    expect(rerun.stderr).toEqual([
      "warning: 2 versions of churn were tagged champion (an earlier run stopped while moving the tag): kept 'churn:2', untagged 'churn:1'.",
    ]);
    expect(await tagged()).toEqual(["2"]);
    expect(rerun.outputs).toMatchObject({ champion: "churn:2", decision: "keep-champion" });
    await ws.close();
  });
});
