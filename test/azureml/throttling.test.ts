// Persistent throttling is not a bad request: when the SDK's retries are used up on 429 (or on a
// 503 that came with Retry-After), the one line says the service is throttling, how long it asked
// to wait, and to re-run later or lower the concurrency — never "correct the request".
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { runCliTask } from "../helpers.js";
import { type Cloud, openWorkspace, startCloud } from "./setup.js";

let cloud: Cloud;
beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(() => cloud?.stop());
beforeEach(() => cloud.emu.clearFaults());

async function failure(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).describe();
  }
  throw new Error("the request did not fail");
}

const MODEL = /\/models\/throttled\/versions\/1$/;

describe("throttling after the SDK's retries", () => {
  it("429 with Retry-After in seconds: throttling, the wait asked for, re-run later or lower concurrency", async () => {
    const ws = await openWorkspace(cloud, { timing: { pollMs: 5, retryDelayMs: 5, maxRetries: 2 } });
    cloud.emu.inject({
      method: "GET",
      path: MODEL,
      times: 10,
      action: {
        status: 429,
        headers: { "retry-after": "1" },
        error: { code: "TooManyRequests", message: "Rate limit exceeded." },
      },
    });
    const line = await failure(() => ws.models.get("throttled", "1"));
    // The first request and 2 retries, each one throttled.
    expect(cloud.emu.sent("GET", MODEL)).toHaveLength(3);
    expect(line).toBe(
      "read model throttled:1 failed: the Azure ML service is throttling requests (HTTP 429 TooManyRequests: Rate limit exceeded), still after 2 retries; it asked to wait 1 s more. This is not a problem with the request: re-run later, or lower the concurrency (fewer jobs, tasks or parallel uploads against this workspace at the same time).",
    );
    expect(line).not.toMatch(/correct the request/i);
  });

  it("503 with retry-after-ms is throttling too; 503 without it stays a service error", async () => {
    const ws = await openWorkspace(cloud, { timing: { pollMs: 5, retryDelayMs: 5, maxRetries: 1 } });
    cloud.emu.inject({
      method: "GET",
      path: MODEL,
      times: 10,
      action: { status: 503, headers: { "retry-after-ms": "40" } },
    });
    expect(await failure(() => ws.models.get("throttled", "1"))).toMatch(
      /^read model throttled:1 failed: the Azure ML service is throttling requests \(HTTP 503 Http503: Injected HTTP 503\), still after 1 retry; it asked to wait 40 ms more\. This is not a problem with the request: re-run later, or lower the concurrency/,
    );
    cloud.emu.clearFaults();
    cloud.emu.inject({ method: "GET", path: MODEL, times: 10, action: { status: 503 } });
    expect(await failure(() => ws.models.get("throttled", "1"))).toMatch(
      /failed: Http503: Injected HTTP 503\. Azure ML had a service error after retries; re-run the task later\.$/,
    );
  });

  it("a task against a workspace that keeps answering 429: exit 1, one line, no stack trace", async () => {
    const work = join(cloud.dir, "throttle-task");
    await mkdir(work, { recursive: true });
    await writeFile(join(work, "a.csv"), "q\n1\n");
    cloud.emu.inject({
      method: "PUT",
      path: /\/data\/busy\/versions\/1$/,
      times: 100,
      action: { status: 429, headers: { "x-ms-retry-after-ms": "30" } },
    });
    const run = await runCliTask("register-dataset", { ...cloud.inputs, name: "busy", path: "a.csv" }, work);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toEqual([
      expect.stringMatching(
        /^error: create data asset busy:1 failed: the Azure ML service is throttling requests \(HTTP 429 Http429: Injected HTTP 429\), still after 6 retries; it asked to wait 30 ms more\. This is not a problem with the request: re-run later, or lower the concurrency/,
      ),
    ]);
  });
});
