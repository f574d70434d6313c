// Azure ML's retry_settings on the local backend, with real python3 workers and no timing
// assertions: a run() that sleeps far past a 1 s timeout has its worker's process group killed and
// is retried on a fresh worker; a run() that raises once (a marker file remembers the first try) is
// retried; after maxRetries the mini-batch's files count as failed and errorThreshold decides.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { LocalBatchEndpoints } from "../../src/workspace/local/batch/service.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import type { BatchJobRecord, ModelVersion, NewBatchDeployment } from "../../src/workspace/workspace.js";
import { tempDir } from "../helpers.js";

function recorder(): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug() {},
    group: (_t, f) => f(),
    secret() {},
  };
}

/** A process is gone when kill(0) fails or it is a zombie no one has reaped yet (Linux). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = `/proc/${pid}/stat`;
  return existsSync(stat) && /\) Z /.test(readFileSync(stat, "utf8"));
}

describe("local batch endpoints: retry settings", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;
  let model: ModelVersion;
  const log = recorder();
  const never = new AbortController().signal;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("mlops-batch-retry-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
    await mkdir(join(dir, "model"));
    await writeFile(join(dir, "model", "m.txt"), "1\n");
    model = await ws.models.register({ name: "m", source: join(dir, "model"), tags: {}, metrics: {} }, log);
    await mkdir(join(dir, "in"));
    for (const f of ["a.csv", "b.csv", "hang.csv", "c.csv", "d.csv"]) await writeFile(join(dir, "in", f), "x\n1\n");
  });

  afterAll(async () => {
    await cleanup();
  });

  /** A code folder with score.py; `state` is a fresh folder the script may keep markers in. */
  async function code(name: string, body: (state: string) => string): Promise<string> {
    const folder = join(dir, "code", name);
    const state = join(dir, "state", name);
    await mkdir(folder, { recursive: true });
    await mkdir(state, { recursive: true });
    await writeFile(join(folder, "score.py"), body(state));
    return folder;
  }

  async function scoreWith(
    endpoint: string,
    folder: string,
    settings: Partial<NewBatchDeployment>,
  ): Promise<{ job: BatchJobRecord; lines: string[] }> {
    await ws.batchEndpoints.ensure(endpoint, log);
    await ws.batchEndpoints.createDeployment(
      endpoint,
      {
        name: "blue",
        model,
        scoringScript: join(folder, "score.py"),
        codeDir: folder,
        miniBatchSize: 1,
        maxConcurrency: 2,
        errorThreshold: 0,
        outputFile: "predictions.csv",
        ...settings,
      },
      log,
    );
    await ws.batchEndpoints.setDefault(endpoint, "blue", log);
    // A second service over the same folder, as `mlops endpoints invoke` is: the retry settings
    // it applies can only come from the deployment's record.
    const cli = new LocalBatchEndpoints(join(dir, ".mlops"), ws.datasets);
    const name = await cli.invoke(endpoint, { input: { kind: "path", path: join(dir, "in") } }, { log, signal: never });
    const job = await cli.wait(name, { log, signal: never });
    const out = await cli.readOutput(job);
    const text = out ? await readFile(out, "utf8") : "";
    return { job, lines: text ? text.replace(/\n$/, "").split("\n") : [] };
  }

  /** hang.csv's run() starts a child process (pid in a file) and sleeps far past any timeout here. */
  const HANGING = (state: string) => `import os, subprocess, sys, time

def run(mini_batch):
    name = os.path.basename(mini_batch[0])
    if name == "hang.csv":
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        with open(os.path.join(${JSON.stringify(state)}, "child-%d" % child.pid), "w") as f:
            f.write(str(child.pid))
        time.sleep(600)
    return [name]
`;

  it("a run() past the timeout is killed with its whole process group, retried maxRetries times, then fails the job naming the timeout", async () => {
    const folder = await code("hung", HANGING);
    const { job, lines } = await scoreWith("hung", folder, {
      errorThreshold: 0,
      retry: { maxRetries: 1, timeoutSeconds: 1 },
    });
    expect(job.status).toBe("Failed");
    expect(job.error).toBe(
      "1 of 5 file(s) failed, more than the errorThreshold of 0 allows; the first: run() timed out after 1 s; retried once",
    );
    expect(lines).toEqual([]);
    // Two attempts, two children, each killed with its worker's process group.
    const children = (await readdir(join(dir, "state", "hung"))).map((f) => Number(f.slice("child-".length)));
    expect(children.length).toBe(2);
    for (const pid of children) expect(gone(pid), `child ${pid}`).toBe(true);
    expect(
      log.lines.some((l) =>
        /^Mini-batch 5 of 5 \(1 file\(s\) from .*hang\.csv\) failed: timed out after 1 s \(its worker was stopped\); retry 1 of 1$/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(log.lines).toContain(
      "warning: Mini-batch 5 of 5 (1 file(s) from " +
        join(dir, "in", "hang.csv") +
        ", 2 attempts) failed: timed out after 1 s (its worker was stopped)",
    );
  });

  it("with an errorThreshold that tolerates it, the hung mini-batch's file counts as failed and the rest keep their order", async () => {
    const folder = await code("hung-tolerated", HANGING);
    const { job, lines } = await scoreWith("tolerated", folder, {
      errorThreshold: 1,
      retry: { maxRetries: 0, timeoutSeconds: 1 },
    });
    expect(job.status, job.error).toBe("Completed");
    expect(job.files).toEqual({ total: 5, failed: 1 });
    expect(lines).toEqual(["a.csv", "b.csv", "c.csv", "d.csv"]);
  });

  /** Each mini-batch's first attempt fails (a marker file per file remembers it); `how` says how. */
  const FLAKY = (how: "raise" | "hang") => (state: string) =>
    `import os, time

def run(mini_batch):
    name = os.path.basename(mini_batch[0])
    marker = os.path.join(${JSON.stringify(state)}, name)
    if not os.path.exists(marker):
        open(marker, "w").close()
        ${how === "raise" ? 'raise RuntimeError("first attempt of " + name)' : "time.sleep(600)"}
    return [name]
`;

  it("a mini-batch that fails its first attempt passes on a retry: every row, in input order", async () => {
    const folder = await code("flaky", FLAKY("raise"));
    const before = log.lines.length;
    const { job, lines } = await scoreWith("flaky", folder, { retry: { maxRetries: 3, timeoutSeconds: 30 } });
    expect(job.status, job.error).toBe("Completed");
    expect(job.files).toEqual({ total: 5, failed: 0 });
    expect(lines).toEqual(["a.csv", "b.csv", "c.csv", "d.csv", "hang.csv"]);
    const said = log.lines.slice(before);
    expect(said.filter((l) => / failed: RuntimeError: first attempt of \S+; retry 1 of 3$/.test(l)).length).toBe(5);
    expect(said).toContain("5 mini-batch attempt(s) failed and were retried (maxRetries 3)");
  });

  it("the same flaky mini-batches with maxRetries 0 fail the job naming the exception and the user's file:line", async () => {
    const folder = await code("flaky-strict", FLAKY("raise"));
    const { job, lines } = await scoreWith("strict", folder, { retry: { maxRetries: 0, timeoutSeconds: 30 } });
    expect(job.status).toBe("Failed");
    expect(job.error).toMatch(
      /^1 of 5 file\(s\) failed, more than the errorThreshold of 0 allows; the first: run\(\) raised RuntimeError: first attempt of [a-z]+\.csv$/,
    );
    expect(job.where).toEqual({ file: join(folder, "score.py"), line: 8 });
    expect(lines).toEqual([]);
  });

  it("a mini-batch whose first attempt hangs is retried on a fresh worker and passes", async () => {
    const folder = await code("flaky-hang", FLAKY("hang"));
    const { job, lines } = await scoreWith("slowstart", folder, {
      maxConcurrency: 1,
      retry: { maxRetries: 1, timeoutSeconds: 1 },
    });
    expect(job.status, job.error).toBe("Completed");
    expect(lines).toEqual(["a.csv", "b.csv", "c.csv", "d.csv", "hang.csv"]);
    const rec = JSON.parse(await readFile(join(dir, ".mlops", "batch-jobs", `${job.name}.json`), "utf8"));
    // One worker per timed-out attempt, plus the one after the last.
    expect(rec.workers.length).toBe(6);
    expect(rec.retry).toEqual({ maxRetries: 1, timeoutSeconds: 1 });
  });

  it("keeps the settings in the deployment's record; refuses what Azure ML refuses", async () => {
    const rec = JSON.parse(await readFile(join(dir, ".mlops", "batch-endpoints", "slowstart.json"), "utf8"));
    expect(rec.deployments.blue.retry).toEqual({ maxRetries: 1, timeoutSeconds: 1 });
    const folder = join(dir, "code", "flaky");
    const base = {
      name: "green",
      model,
      scoringScript: join(folder, "score.py"),
      codeDir: folder,
      miniBatchSize: 1,
      errorThreshold: 0,
      outputFile: "predictions.csv",
    };
    await expect(
      ws.batchEndpoints.createDeployment("flaky", { ...base, retry: { maxRetries: -1, timeoutSeconds: 30 } }, log),
    ).rejects.toThrow("maxRetries must be a whole number of retries, 0 or more; got -1");
    await expect(
      ws.batchEndpoints.createDeployment("flaky", { ...base, retry: { maxRetries: 3, timeoutSeconds: 0.5 } }, log),
    ).rejects.toThrow("the mini-batch timeout must be a whole number of seconds, 1 or more; got 0.5");
  });
});
