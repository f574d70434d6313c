// Every request to Azure has connect and idle timeouts and is retried per the SDK's policy: a
// real 127.0.0.1 server that accepts and never answers ends the call with a clear message, never
// an endless wait. Small timeouts are set the way a user would (MLOPS_HTTP_*_TIMEOUT_MS).
import { mkdir, writeFile } from "node:fs/promises";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { AzureMlClient, DEFAULT_TIMING } from "../../src/workspace/azureml/client.js";
import { CLOUDS, type CloudEndpoints } from "../../src/workspace/azureml/cloud.js";
import { httpTimeoutsFrom } from "../../src/workspace/azureml/http-timeouts.js";
import { selfSignedCertificate } from "../emulator/tls.js";
import { runCliTask } from "../helpers.js";
import { type Cloud, startCloud } from "./setup.js";

const SCOPE = { subscriptionId: "sub-1", resourceGroup: "rg", workspaceName: "ws" };
const credential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const http = httpTimeoutsFrom({ MLOPS_HTTP_CONNECT_TIMEOUT_MS: "300", MLOPS_HTTP_IDLE_TIMEOUT_MS: "300" });
const timing = { ...DEFAULT_TIMING, retryDelayMs: 10, maxRetries: 2, http };

let cert: { key: string; cert: string };
const sockets = new Set<Socket>();
const track = (s: Socket) => {
  sockets.add(s);
  s.on("close", () => sockets.delete(s));
};

beforeAll(async () => {
  cert = await selfSignedCertificate();
});
afterAll(() => {
  for (const s of sockets) s.destroy();
});

function listen(server: Server | HttpsServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function clientFor(port: number): AzureMlClient {
  const cloud: CloudEndpoints = { ...CLOUDS.AzureCloud, resourceManager: `https://127.0.0.1:${port}` };
  return new AzureMlClient(SCOPE, cloud, credential, timing, false, { ca: [cert.cert] });
}

async function failure(fn: () => Promise<unknown>): Promise<UserError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error("the request did not fail");
}

describe("HTTP timeouts on every request to Azure", () => {
  it("reads the timeouts from the environment, keeping the defaults for anything else", () => {
    expect(http).toEqual({ connectMs: 300, idleMs: 300 });
    expect(httpTimeoutsFrom({ MLOPS_HTTP_IDLE_TIMEOUT_MS: "soon" })).toEqual({ connectMs: 30_000, idleMs: 120_000 });
  });

  it("a server that accepts the request and never answers: idle timeout, retried, then one clear line", async () => {
    let requests = 0;
    const server = createHttpsServer({ key: cert.key, cert: cert.cert }, () => {
      requests += 1; // read the request, never answer
    });
    server.on("connection", track);
    const port = await listen(server);
    try {
      const error = await failure(() => clientFor(port).send("jobs.get", { name: "j1" }, { what: "read job j1" }));
      expect(error.describe()).toBe(
        `read job j1 failed: 127.0.0.1:${port} sent nothing for 300 ms (after 2 retries). Check the network, proxy and the cloud/endpoint inputs, then re-run; on a slow link raise MLOPS_HTTP_CONNECT_TIMEOUT_MS (now 300) or MLOPS_HTTP_IDLE_TIMEOUT_MS (now 300).`,
      );
      // The SDK's retry policy sent it again, as for any transient network failure.
      expect(requests).toBe(3);
    } finally {
      server.close();
    }
  });

  it("a server that accepts the connection and never completes TLS: connect timeout, retried, then one clear line", async () => {
    let connections = 0;
    const server = createTcpServer((socket) => {
      connections += 1;
      track(socket); // accept, say nothing
    });
    const port = await listen(server);
    try {
      const error = await failure(() => clientFor(port).send("jobs.get", { name: "j1" }, { what: "read job j1" }));
      expect(error.message).toBe(
        `read job j1 failed: no TLS connection to 127.0.0.1:${port} within 300 ms (after 2 retries)`,
      );
      expect(connections).toBe(3);
    } finally {
      server.close();
    }
  });

  it("an answering server is not affected: keep-alive sockets are reused across calls", async () => {
    let connections = 0;
    const server = createHttpsServer({ key: cert.key, cert: cert.cert }, (_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ name: "j1", properties: {} }));
    });
    server.on("connection", (s: Socket) => {
      connections += 1;
      track(s);
    });
    const port = await listen(server);
    try {
      const client = clientFor(port);
      for (let i = 0; i < 3; i++) {
        const r = await client.send("jobs.get", { name: "j1" }, { what: "read job j1" });
        expect(r?.status).toBe(200);
      }
      expect(connections).toBe(1);
    } finally {
      server.close();
    }
  });
});

describe("a task against a workspace whose service stalls (emulator)", () => {
  let cloud: Cloud;
  let work: string;
  beforeAll(async () => {
    cloud = await startCloud();
    work = join(cloud.dir, "stall");
    await mkdir(work, { recursive: true });
    await writeFile(join(work, "d.csv"), "x\n1\n");
  });
  afterAll(() => cloud?.stop());

  it("register-dataset: the stalled request is retried, then exit 1 with one line; no endless wait", async () => {
    const saved = process.env.MLOPS_HTTP_IDLE_TIMEOUT_MS;
    process.env.MLOPS_HTTP_IDLE_TIMEOUT_MS = "300";
    // Every data version PUT is answered only after 30 s: longer than the idle timeout.
    cloud.emu.inject({ method: "PUT", path: /\/data\/stalled\/versions\//, times: 100, action: { delayMs: 30_000 } });
    try {
      const run = await runCliTask("register-dataset", { ...cloud.inputs, name: "stalled", path: "d.csv" }, work);
      expect(run.exitCode).toBe(1);
      const errors = run.stderr.filter((l) => l.startsWith("error"));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^error: .*stalled.* failed: 127\.0\.0\.1:\d+ sent nothing for 300 ms \(after \d+ retries\)\./,
      );
      expect(cloud.emu.sent("PUT", /\/data\/stalled\/versions\//).length).toBeGreaterThan(1);
    } finally {
      cloud.emu.clearFaults();
      if (saved === undefined) delete process.env.MLOPS_HTTP_IDLE_TIMEOUT_MS;
      else process.env.MLOPS_HTTP_IDLE_TIMEOUT_MS = saved;
    }
  });
});
