// register-dataset on the azureml backend against Azurite (blob storage) and the Azure ML
// emulator: 1 000 small files, one 200 MiB file, each compared with `az storage blob
// upload-batch` (Debian's azure-cli) in the same run; then an unchanged re-register of 10 000 files.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { startCloud } from "../test/azureml/setup.js";
import { AZURITE_ACCOUNT, AZURITE_KEY } from "../test/emulator/azurite.js";
import { runCliTask } from "../test/helpers.js";

const exec = promisify(execFile);

async function smallFiles(dir: string, count: number, size: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, (_, j) =>
        writeFile(
          join(dir, `part-${String(i + j).padStart(5, "0")}.csv`),
          randomBytes(size).toString("base64").slice(0, size),
        ),
      ),
    );
  }
}

async function bigFile(file: string, bytes: number): Promise<void> {
  await mkdir(join(file, ".."), { recursive: true });
  const out = createWriteStream(file);
  const chunk = randomBytes(1024 * 1024);
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function azInstalled(): Promise<boolean> {
  try {
    await exec("az", ["version", "--output", "none"], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function bench(): Promise<void> {
  const cloud = await startCloud();
  try {
    const connection = `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${cloud.azurite.blobUrl};`;
    const haveAz = await azInstalled();
    if (!haveAz)
      process.stdout.write(
        "az (Debian's azure-cli) is not installed: the peer column is skipped. apt-get install azure-cli to compare.\n",
      );
    const az = await (async () => {
      if (!haveAz) return undefined;
      return async (source: string, destination: string): Promise<number> => {
        const t = performance.now();
        await exec(
          "az",
          [
            "storage",
            "blob",
            "upload-batch",
            "--destination",
            destination,
            "--source",
            source,
            "--connection-string",
            connection,
            "--max-connections",
            "8",
            "--only-show-errors",
            "--output",
            "none",
          ],
          {
            timeout: 30 * 60_000,
            maxBuffer: 64 * 1024 * 1024,
            env: { ...process.env, AZURE_CORE_COLLECT_TELEMETRY: "false" },
          },
        );
        return performance.now() - t;
      };
    })();

    const cases: { label: string; path: string; make: () => Promise<void> }[] = [
      {
        label: "1 000 files × 4 KiB",
        path: join(cloud.dir, "small"),
        make: () => smallFiles(join(cloud.dir, "small"), 1000, 4096),
      },
      {
        label: "1 file × 200 MiB",
        path: join(cloud.dir, "big", "blob.bin"),
        make: () => bigFile(join(cloud.dir, "big", "blob.bin"), 200 * 1024 * 1024),
      },
    ];
    const rows: string[] = [];
    for (const c of cases) {
      await c.make();
      const t = performance.now();
      const run = await runCliTask(
        "register-dataset",
        { ...cloud.inputs, name: `bench-${rows.length}`, path: c.path },
        cloud.dir,
      );
      const ours = performance.now() - t;
      if (run.exitCode !== 0) throw new Error(`register-dataset failed: ${run.stderr.join("\n")}`);
      let peer = "skipped";
      let ratio = "";
      if (az) {
        const containerName = `peer${rows.length}`;
        await exec(
          "az",
          [
            "storage",
            "container",
            "create",
            "--name",
            containerName,
            "--connection-string",
            connection,
            "--only-show-errors",
            "--output",
            "none",
          ],
          { timeout: 120_000 },
        );
        const source = c.path.endsWith(".bin") ? join(c.path, "..") : c.path;
        const ms = await az(source, containerName);
        peer = seconds(ms);
        ratio = `${(ms / ours).toFixed(2)}×`;
      }
      rows.push(`| ${c.label} | ${seconds(ours)} | ${peer} | ${ratio} |`);
    }
    process.stdout.write(
      [
        "register-dataset upload to Azurite (ours: the whole task: fingerprint, upload, register; az: upload only)",
        "",
        "| data | ours | az storage blob upload-batch | az / ours |",
        "| --- | --- | --- | --- |",
        ...rows,
        "",
      ].join("\n"),
    );

    const many = join(cloud.dir, "many");
    await smallFiles(many, 10_000, 256);
    const first = await runCliTask("register-dataset", { ...cloud.inputs, name: "bench-many", path: many }, cloud.dir);
    if (first.exitCode !== 0) throw new Error(first.stderr.join("\n"));
    const t = performance.now();
    const again = await runCliTask("register-dataset", { ...cloud.inputs, name: "bench-many", path: many }, cloud.dir);
    const unchanged = performance.now() - t;
    if (again.outputs.changed !== "false") throw new Error("the unchanged re-register registered a new version");
    process.stdout.write(
      `unchanged re-register of 10 000 files: ${seconds(unchanged)} (changed=false, version ${again.outputs.version}, nothing uploaded)\n`,
    );
  } finally {
    await cloud.stop();
  }
}
