import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SharedKeyGate, startSharedKeyGate } from "./shared-key-gate.js";
import { selfSignedCertificate } from "./tls.js";

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface Azurite {
  /** Path-style blob endpoint, such as http://127.0.0.1:41234 (the account follows in the path). */
  blobHost: string;
  blobUrl: string;
  /** "https" when started with `oauth`, else "http". */
  protocol: "http" | "https";
  /** With `oauth`: the PEM certificate Azurite serves, which clients must trust. */
  ca?: string;
  /** Azurite itself, which always takes the account key (for a test's own reads and setup). */
  adminUrl: string;
  /** With `refuseSharedKey`: the gate, which counts the key and SAS requests it refused. */
  gate?: SharedKeyGate;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /**
   * HTTPS with `--oauth basic`: Azurite then accepts bearer tokens whose audience is storage's,
   * whose issuer is an Entra ID STS and which are within their lifetime (signatures are not
   * checked), and refuses other tokens. Shared key and SAS keep working.
   */
  oauth?: boolean;
  /**
   * With `oauth`: clients reach Azurite through a gate that refuses the account key and SAS tokens
   * with 403 KeyBasedAuthenticationNotPermitted, as an account with shared keys disallowed does.
   */
  refuseSharedKey?: boolean;
}

const BIN = join(import.meta.dirname, "..", "..", "node_modules", ".bin", "azurite-blob");

/** Starts Azurite's blob service in memory on a free loopback port; stop() ends it and removes its folder. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const dir = await mkdtemp(join(tmpdir(), "azurite-"));
  const args = [
    "--blobHost",
    "127.0.0.1",
    "--blobPort",
    "0",
    "--skipApiVersionCheck",
    "--disableTelemetry",
    "--inMemoryPersistence",
    "--silent",
  ];
  let ca: string | undefined;
  let tls: { key: string; cert: string } | undefined;
  if (options.oauth) {
    // Azurite takes bearer tokens only over HTTPS, from PEM files.
    tls = await selfSignedCertificate();
    const { key, cert } = tls;
    await writeFile(join(dir, "cert.pem"), cert);
    await writeFile(join(dir, "key.pem"), key, { mode: 0o600 });
    args.push("--oauth", "basic", "--cert", join(dir, "cert.pem"), "--key", join(dir, "key.pem"));
    ca = cert;
  }
  // In memory; the temporary cwd catches any stray file it might still write.
  const child: ChildProcess = spawn(BIN, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`Azurite did not start: ${out}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listens on https?:\/\/127\.0\.0\.1:(\d+)/.exec(out);
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
  const direct = `127.0.0.1:${port}`;
  const protocol = options.oauth ? "https" : "http";
  const gate = options.refuseSharedKey && tls && ca ? await startSharedKeyGate({ host: direct, ca }, tls) : undefined;
  const blobHost = gate?.host ?? direct;
  return {
    blobHost,
    blobUrl: `${protocol}://${blobHost}/${AZURITE_ACCOUNT}`,
    protocol,
    ca,
    adminUrl: `${protocol}://${direct}/${AZURITE_ACCOUNT}`,
    gate,
    stop: async () => {
      await gate?.stop();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
