import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AzureMlWorkspace } from "../../src/workspace/azureml/index.js";
import { DatastoreAccess, type UploadFile } from "../../src/workspace/azureml/storage.js";
import { type Cloud, captureLog, openWorkspace, startCloud } from "./setup.js";

const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

describe("the default datastore through @azure/storage-blob (Azurite)", () => {
  let cloud: Cloud;
  let ws: AzureMlWorkspace;
  let storage: DatastoreAccess;
  beforeAll(async () => {
    cloud = await startCloud();
    ws = await openWorkspace(cloud);
    storage = new DatastoreAccess(ws.client, () => captureLog());
  });
  afterAll(async () => {
    await ws?.close();
    await cloud?.stop();
  });

  async function file(name: string, content: Buffer | string): Promise<UploadFile> {
    const local = join(cloud.dir, "files", name);
    await mkdir(join(local, ".."), { recursive: true });
    await writeFile(local, content);
    return { local, blob: `t/${name}`, size: Buffer.byteLength(content), sha256: sha(content) };
  }

  it("skips files whose content is already stored, and sends only the changed one", async () => {
    const a = await file("a.txt", "alpha");
    const b = await file("b.txt", "beta");
    const log = captureLog();
    expect(await storage.upload([a, b], "t/", log)).toEqual({ sent: 2, skipped: 0, bytesSent: 9 });
    const b2 = await file("b.txt", "beta, changed");
    expect(await storage.upload([a, b2], "t/", log)).toEqual({ sent: 1, skipped: 1, bytesSent: 13 });
    expect(log.lines).toContain("1 of 2 file(s) already in the datastore with the same content: not sent again.");
    const stored = await cloud.container().getBlobClient("t/b.txt").downloadToBuffer();
    expect(stored.toString()).toBe("beta, changed");
  });

  it("sends a big file in parallel blocks and logs progress", async () => {
    const big = await file("big.bin", randomBytes(20 * 1024 * 1024));
    const log = captureLog();
    await storage.upload([big], "t/big", log);
    const blocks = await cloud.container().getBlockBlobClient("t/big.bin").getBlockList("committed");
    expect(blocks.committedBlocks?.length).toBeGreaterThan(1);
    const progress = log.lines.filter((l) => /uploaded .* of 20\.0 MiB \(\d+%\)/.test(l));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatch(/\(100%\)$/);
    const props = await cloud.container().getBlobClient("t/big.bin").getProperties();
    expect(props.metadata?.mlopssha256).toBe(big.sha256);
  });

  it("keeps artifacts beside the assets and appends lines without losing concurrent ones", async () => {
    const uri = await ws.artifacts.write("reports/r.md", "# report\n");
    expect(uri).toMatch(/\/paths\/mlops-artifacts\/reports\/r\.md$/);
    expect((await ws.artifacts.read("reports/r.md"))?.toString()).toBe("# report\n");
    expect(await ws.artifacts.read("reports/none.md")).toBeUndefined();
    await Promise.all(Array.from({ length: 5 }, (_, i) => ws.artifacts.append("history.csv", `row${i}`)));
    const lines = (await ws.artifacts.read("history.csv"))?.toString().trim().split("\n").sort();
    expect(lines).toEqual(["row0", "row1", "row2", "row3", "row4"]);
  });

  it("reads a registered dataset back into a local folder", async () => {
    const dir = join(cloud.dir, "ds");
    await mkdir(join(dir, "sub"), { recursive: true });
    await writeFile(join(dir, "x.csv"), "x\n1\n");
    await writeFile(join(dir, "sub", "y.csv"), "y\n2\n");
    const log = captureLog();
    const v = await ws.datasets.create(
      { name: "readback", type: "uri_folder", source: dir, fingerprint: "fp1", tags: { fingerprint: "fp1" } },
      log,
    );
    const local = await ws.datasets.localPath(v, log);
    expect(await readFile(join(local, "sub", "y.csv"), "utf8")).toBe("y\n2\n");
    // Registering data already in storage copies nothing.
    const before = cloud.emu.requests.length;
    const inPlace = await ws.datasets.create(
      { name: "inplace", type: "uri_folder", source: v.uri, fingerprint: "fp2", tags: { fingerprint: "fp2" } },
      log,
    );
    expect(inPlace.uri).toBe(v.uri);
    expect(log.lines.join("\n")).toMatch(/in place \(already in storage: nothing copied\)/);
    expect(
      cloud.emu.requests
        .slice(before)
        .filter((r) => r.method === "PUT")
        .map((r) => r.path),
    ).toEqual([expect.stringMatching(/\/data\/inplace\/versions\/1$/)]);
  });

  it("signs with a SAS token when the datastore's secrets are a SAS, and never logs it", async () => {
    cloud.emu.state.config.datastoreSecrets = "Sas";
    const log = captureLog();
    const ws2 = await openWorkspace(cloud, { log });
    try {
      const sasStorage = new DatastoreAccess(ws2.client, () => log);
      const f = await file("sas.txt", "signed with a SAS");
      expect(await sasStorage.upload([{ ...f, blob: "sas/sas.txt" }], "sas/", log)).toMatchObject({ sent: 1 });
      expect((await cloud.container().getBlobClient("sas/sas.txt").downloadToBuffer()).toString()).toBe(
        "signed with a SAS",
      );
      expect(log.secrets.some((s) => s.includes("sig="))).toBe(true);
    } finally {
      cloud.emu.state.config.datastoreSecrets = undefined;
      await ws2.close();
    }
  });
});
