import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface Azurite {
  /** Path-style blob endpoint, such as http://127.0.0.1:41234 (the account follows in the path). */
  blobHost: string;
  blobUrl: string;
  stop(): Promise<void>;
}

const BIN = join(import.meta.dirname, "..", "..", "node_modules", ".bin", "azurite-blob");

/** Starts Azurite's blob service in memory on a free loopback port; stop() ends it and removes its folder. */
export async function startAzurite(): Promise<Azurite> {
  const dir = await mkdtemp(join(tmpdir(), "azurite-"));
  const child: ChildProcess = spawn(
    BIN,
    [
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      "0",
      "--skipApiVersionCheck",
      "--disableTelemetry",
      "--inMemoryPersistence",
      "--silent",
    ],
    // In memory; the temporary cwd catches any stray file it might still write.
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`Azurite did not start: ${out}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code}: ${out}`));
    });
  });
  const blobHost = `127.0.0.1:${port}`;
  return {
    blobHost,
    blobUrl: `http://${blobHost}/${AZURITE_ACCOUNT}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
