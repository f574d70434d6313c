import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileData } from "../../src/data/profile-data.js";
import { Random } from "../../src/data/sketches/random.js";
import type { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "../azureml/setup.js";
import { runCliTask } from "../helpers.js";

const PARQUET = join(import.meta.dirname, "../fixtures/data/parquet");
// Unique names: localPath() would download to tmpdir()/mlops-azureml/<name>-<version>.
const tag = `${process.pid}x${Date.now().toString(36)}`;
const MIXED = `mixed${tag}`;
const PEOPLE = `people${tag}`;

/** Reading a registered dataset on Azure streams its blobs: nothing is downloaded to this disk first. */
describe("validate-data streams a dataset from blob storage (emulator + Azurite)", () => {
  let cloud: Cloud;
  let ws: AzureMlWorkspace;
  let csvText: string;
  beforeAll(async () => {
    cloud = await startCloud();
    ws = await openWorkspace(cloud);
    const dir = join(cloud.dir, "work", "data");
    await mkdir(join(dir, "more"), { recursive: true });
    // About 3 MiB, so the reader sees many chunks of one ranged GET rather than one buffer.
    const r = new Random(7);
    const lines = ["id,x,city"];
    for (let i = 0; i < 60000; i++)
      lines.push(`${i},${r.normal().toFixed(6)},${["Oslo", "Bergen", "Tromsø"][r.int(3)]} ${"·".repeat(r.int(20))}`);
    csvText = `${lines.join("\n")}\n`;
    await writeFile(join(dir, "part-0.csv"), csvText);
    await copyFile(join(PARQUET, "people.parquet"), join(dir, "more", "people.parquet"));
    await writeFile(join(dir, "README.md"), "not data\n");
    const log = captureLog();
    await ws.datasets.create(
      { name: MIXED, type: "uri_folder", source: dir, fingerprint: "fp-mixed", tags: { fingerprint: "fp-mixed" } },
      log,
    );
    await ws.datasets.create(
      {
        name: PEOPLE,
        type: "uri_file",
        source: join(dir, "more", "people.parquet"),
        fingerprint: "fp-people",
        tags: { fingerprint: "fp-people" },
      },
      log,
    );
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
    await cloud?.stop();
  });

  it("lists a version's blobs and reads byte ranges of each as a stream", async () => {
    const v = await ws.datasets.get(MIXED, "1");
    const files = await ws.datasets.openFiles(v as NonNullable<typeof v>, captureLog());
    expect(files.map((f) => [f.path, f.size])).toEqual([
      ["README.md", 9],
      ["more/people.parquet", (await readFile(join(PARQUET, "people.parquet"))).length],
      ["part-0.csv", Buffer.byteLength(csvText)],
    ]);
    const csv = files[2];
    const chunks: Buffer[] = [];
    for await (const c of await csv.open(3, 40)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(Buffer.from(csvText).subarray(3, 40).toString());
    let n = 0;
    let bytes = 0;
    for await (const c of await csv.open()) {
      n++;
      bytes += (c as Buffer).length;
    }
    expect(bytes).toBe(Buffer.byteLength(csvText));
    // Arrives as a stream of pieces, not one buffer.
    expect(n).toBeGreaterThan(1);
  });

  it("profiles a folder dataset (CSV and Parquet) straight from storage, writing nothing locally", async () => {
    const work = join(cloud.dir, "task");
    await mkdir(work, { recursive: true });
    const run = await runCliTask(
      "validate-data",
      { ...cloud.inputs, data: `${MIXED}@1`, writeProfile: "mixed.profile.json" },
      work,
    );
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    const profile = JSON.parse(await readFile(join(work, "mixed.profile.json"), "utf8"));
    expect(profile.source.files).toEqual([`${MIXED}@1/more/people.parquet`, `${MIXED}@1/part-0.csv`]);
    expect(profile.rows).toBe(60300);
    expect(profile.source.dataset).toEqual({ name: MIXED, version: "1" });
    // The same numbers as profiling the files on disk.
    const local = await profileData(join(cloud.dir, "work", "data"), { badRows: "error" });
    expect(profile.columns.map((c: { name: string; count: number }) => [c.name, c.count])).toEqual(
      local.columns.map((c) => [c.name, c.count]),
    );
    // localPath() would have downloaded into this folder; streaming never creates it.
    expect(existsSync(join(tmpdir(), "mlops-azureml", `${MIXED}-1`))).toBe(false);
  });

  it("profiles a single-file Parquet dataset by ranged reads", async () => {
    const work = join(cloud.dir, "task2");
    await mkdir(work, { recursive: true });
    const run = await runCliTask(
      "validate-data",
      { ...cloud.inputs, data: `${PEOPLE}@latest`, writeProfile: "p.json" },
      work,
    );
    expect(run.exitCode).toBe(0);
    const profile = JSON.parse(await readFile(join(work, "p.json"), "utf8"));
    expect(profile.rows).toBe(300);
    expect(profile.columns.find((c: { name: string }) => c.name === "joined").type).toBe("date");
    expect(existsSync(join(tmpdir(), "mlops-azureml", `${PEOPLE}-1`))).toBe(false);
  });
});
