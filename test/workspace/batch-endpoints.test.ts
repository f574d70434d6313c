// Local batch endpoints with real python3 worker processes: rows appended as Azure ML's
// append_row writes them, mini-batch sizes, real parallel workers, the error threshold, a dataset
// input, a code snapshot that outlives edits in the checkout, and what a failing init() reports.
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Log } from "../../src/run-context.js";
import { CREDENTIAL_VARIABLES } from "../../src/util/credential-env.js";
import { LocalBatchEndpoints } from "../../src/workspace/local/batch/service.js";
import { checkWorkspace } from "../../src/workspace/local/check.js";
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

/** Debian's python3 gets pandas in CI (.ci/run installs python3-pandas); the one on PATH has none. */
const DEBIAN_PYTHON = "/usr/bin/python3";
const debianPandas = (() => {
  try {
    execFileSync(DEBIAN_PYTHON, ["-c", "import pandas"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("local batch endpoints", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ws: LocalWorkspace;
  let model: ModelVersion;
  const log = recorder();
  const never = new AbortController().signal;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("mlops-batch-"));
    ws = await LocalWorkspace.open(join(dir, ".mlops"));
    await mkdir(join(dir, "model"));
    await writeFile(join(dir, "model", "offset.txt"), "100\n");
    model = await ws.models.register({ name: "off", source: join(dir, "model"), tags: {}, metrics: {} }, log);
    // Input: 7 files in nested folders, and two that run() refuses.
    for (const [p, v] of [
      ["in/a.csv", 1],
      ["in/b.csv", 2],
      ["in/sub/c.csv", 3],
      ["in/sub/d.csv", 4],
      ["in/sub/deeper/e.csv", 5],
      ["in/f.csv", 6],
      ["in/g.csv", 7],
    ] as const) {
      await mkdir(join(dir, p, ".."), { recursive: true });
      await writeFile(join(dir, p), `x\n${v}\n`);
    }
    for (const p of ["mixed/bad1.csv", "mixed/ok1.csv", "mixed/bad2.csv", "mixed/ok2.csv", "mixed/ok3.csv"]) {
      await mkdir(join(dir, "mixed"), { recursive: true });
      await writeFile(join(dir, p), "x\n1\n");
    }
  });

  afterAll(async () => {
    await cleanup();
  });

  /** A code folder with score.py (body given), returning its folder. */
  async function code(name: string, body: string): Promise<string> {
    const folder = join(dir, "code", name);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "score.py"), body);
    return folder;
  }

  async function deploy(
    endpoint: string,
    folder: string,
    settings: Partial<NewBatchDeployment> = {},
    service: Pick<LocalBatchEndpoints, "ensure" | "createDeployment" | "setDefault"> = ws.batchEndpoints,
  ): Promise<void> {
    await service.ensure(endpoint, log);
    await service.createDeployment(
      endpoint,
      {
        name: "blue",
        model,
        scoringScript: join(folder, "score.py"),
        codeDir: folder,
        miniBatchSize: 3,
        maxConcurrency: 2,
        errorThreshold: 0,
        outputFile: "predictions.csv",
        ...settings,
      },
      log,
    );
    await service.setDefault(endpoint, settings.name ?? "blue", log);
  }

  async function score(
    endpoint: string,
    input: string,
    service: Pick<LocalBatchEndpoints, "invoke" | "wait"> = ws.batchEndpoints,
  ): Promise<{ job: BatchJobRecord; lines: string[] }> {
    const name = await service.invoke(
      endpoint,
      { input: { kind: "path", path: join(dir, input) } },
      { log, signal: never },
    );
    const job = await service.wait(name, { log, signal: never });
    const out = await ws.batchEndpoints.readOutput(job, dir, log);
    const text = out ? await readFile(out, "utf8") : "";
    return { job, lines: text ? text.replace(/\n$/, "").split("\n") : [] };
  }

  const LIST_SCORE = `import os

def init():
    global offset
    with open(os.path.join(os.environ["AZUREML_MODEL_DIR"], "offset.txt")) as f:
        offset = int(f.read())

def run(mini_batch):
    out = []
    for path in mini_batch:
        with open(path) as f:
            value = int(f.read().split()[1])
        out.append("%s,%d,%d,%d" % (os.path.basename(path), value + offset, len(mini_batch), os.getpid()))
    return out
`;

  it("scores a folder recursively in sorted mini-batches of miniBatchSize, one row per list element, in input order", async () => {
    await deploy("lists", await code("lists", LIST_SCORE));
    const { job, lines } = await score("lists", "in");
    expect(job.status, job.error).toBe("Completed");
    expect(job.files).toEqual({ total: 7, failed: 0 });
    expect(job.rows).toBe(7);
    // Sorted paths: in/a, in/b, in/f, in/g, in/sub/c, in/sub/d, in/sub/deeper/e → batches of 3, 3, 1.
    expect(lines.map((l) => l.split(",").slice(0, 3).join(","))).toEqual([
      "a.csv,101,3",
      "b.csv,102,3",
      "f.csv,106,3",
      "g.csv,107,3",
      "c.csv,103,3",
      "d.csv,104,3",
      "e.csv,105,1",
    ]);
    expect(log.lines).toContain("Scored 7 of 7 files (0 failed)");
    expect(job.outputPath).toBe(join(dir, ".mlops", "batch-jobs", job.name, "score"));
    expect(await ws.batchEndpoints.getJob(job.name)).toMatchObject({ status: "Completed", rows: 7 });
  });

  it("writes each list element as str() writes it: a [file, prediction] element is a Python list literal", async () => {
    const folder = await code(
      "pairs",
      `import os

def run(mini_batch):
    return [[os.path.basename(p), int(open(p).read().split()[1])] for p in mini_batch]
`,
    );
    await deploy("pairs", folder);
    const { job, lines } = await score("pairs", "in");
    expect(job.status, job.error).toBe("Completed");
    expect(lines.slice(0, 2)).toEqual(["['a.csv', 1]", "['b.csv', 2]"]);
  });

  it("runs maxConcurrency workers at once: two run() calls meet at a barrier only two live processes can pass", async () => {
    const barrier = join(dir, "barrier");
    await mkdir(barrier);
    // Each run() announces its pid and waits for another pid: one worker alone would time out.
    const folder = await code(
      "parallel",
      `import os, time

BARRIER = ${JSON.stringify(barrier)}

def init():
    pass

def run(mini_batch):
    open(os.path.join(BARRIER, str(os.getpid())), "w").close()
    deadline = time.time() + 60
    while len(os.listdir(BARRIER)) < 2:
        if time.time() > deadline:
            raise RuntimeError("no second worker reached the barrier")
        time.sleep(0.02)
    return ["%s %d" % (os.path.basename(p), os.getpid()) for p in mini_batch]
`,
    );
    // A timeout past the barrier's own 60 s: a slow machine must not retry the waiting run().
    await deploy("parallel", folder, {
      miniBatchSize: 4,
      maxConcurrency: 2,
      retry: { maxRetries: 3, timeoutSeconds: 300 },
    });
    const { job, lines } = await score("parallel", "in");
    expect(job.status, job.error).toBe("Completed");
    const pids = new Set(lines.map((l) => l.split(" ")[1]));
    expect(pids.size).toBe(2);
    expect((await readdir(barrier)).sort()).toEqual([...pids].sort());
  });

  it("a slow first mini-batch holds the others back after 16 per worker, so rows waiting in memory stay bounded", async () => {
    await mkdir(join(dir, "many"));
    for (let i = 0; i < 40; i++) await writeFile(join(dir, "many", `f${String(i).padStart(2, "0")}.csv`), "x\n1\n");
    const seen = join(dir, "seen");
    await mkdir(seen);
    // f00 waits for a 33rd file to start elsewhere: with 2 workers only f01..f31 may run meanwhile.
    const folder = await code(
      "window",
      `import os, time

SEEN = ${JSON.stringify(seen)}

def run(mini_batch):
    name = os.path.basename(mini_batch[0])
    if name != "f00.csv":
        open(os.path.join(SEEN, name), "w").close()
        return [name]
    # The 31 files the window allows first (however slow this machine is), then 2 s for a 32nd.
    deadline = time.time() + 120
    while len(os.listdir(SEEN)) < 31 and time.time() < deadline:
        time.sleep(0.01)
    deadline = time.time() + 2
    while len(os.listdir(SEEN)) < 32 and time.time() < deadline:
        time.sleep(0.01)
    return ["f00.csv saw %d" % len(os.listdir(SEEN))]
`,
    );
    await deploy("window", folder, {
      miniBatchSize: 1,
      maxConcurrency: 2,
      retry: { maxRetries: 3, timeoutSeconds: 300 },
    });
    const { job, lines } = await score("window", "many");
    expect(job.status, job.error).toBe("Completed");
    expect(lines[0]).toBe("f00.csv saw 31");
    expect(lines.length).toBe(40);
  });

  it("errorThreshold 0 fails the job on the first failed file, naming the user's file:line, and writes no output", async () => {
    const folder = await code(
      "strict",
      `import os

def run(mini_batch):
    rows = []
    for path in mini_batch:
        if os.path.basename(path).startswith("bad"):
            raise ValueError("cannot score " + os.path.basename(path))
        rows.append(os.path.basename(path))
    return rows
`,
    );
    await deploy("strict", folder, { miniBatchSize: 1, maxConcurrency: 1, errorThreshold: 0 });
    const { job, lines } = await score("strict", "mixed");
    expect(job.status).toBe("Failed");
    expect(job.error).toBe(
      "1 of 5 file(s) failed, more than the errorThreshold of 0 allows; the first: run() raised ValueError: cannot score bad1.csv; retried 3 times",
    );
    expect(job.where).toEqual({ file: join(folder, "score.py"), line: 7 });
    expect(lines).toEqual([]);
    expect(await readdir(job.outputPath)).toEqual([]);
  });

  it("a tolerant errorThreshold completes with the rows of the files that scored and counts the failed ones", async () => {
    const folder = join(dir, "code", "strict");
    await deploy("tolerant", folder, { miniBatchSize: 1, maxConcurrency: 2, errorThreshold: 2 });
    const { job, lines } = await score("tolerant", "mixed");
    expect(job.status, job.error).toBe("Completed");
    expect(job.files).toEqual({ total: 5, failed: 2 });
    expect(lines).toEqual(["ok1.csv", "ok2.csv", "ok3.csv"]);
    expect(log.lines.some((l) => /^warning: 2 of 5 file\(s\) failed \(errorThreshold 2\)/.test(l))).toBe(true);
  });

  // .ci/run installs python3-pandas; where it is missing this test shows as skipped, not passed.
  it.skipIf(!debianPandas)(
    "writes a pandas DataFrame as Azure's append_row does: values space-separated, no header, no index",
    async () => {
      const service = new LocalBatchEndpoints(join(dir, ".mlops"), ws.datasets, { python: DEBIAN_PYTHON });
      const folder = await code(
        "frames",
        `import os
import pandas as pd

def run(mini_batch):
    return pd.DataFrame({
        "file": [os.path.basename(p) for p in mini_batch],
        "label": ["two words" if p.endswith("a.csv") else "one" for p in mini_batch],
        "score": [int(open(p).read().split()[1]) / 2 for p in mini_batch],
    })
`,
      );
      await deploy("frames", folder, {}, service);
      const { job, lines } = await score("frames", "in", service);
      expect(job.status, job.error).toBe("Completed");
      expect(job.rows).toBe(7);
      expect(lines.slice(0, 3)).toEqual(['a.csv "two words" 0.5', "b.csv one 1.0", "f.csv one 3.0"]);
    },
  );

  it("scores a registered dataset's files", async () => {
    const dataset = await ws.datasets.create(
      { name: "nightly", type: "uri_folder", source: join(dir, "in"), fingerprint: "", tags: {} },
      log,
    );
    const name = await ws.batchEndpoints.invoke(
      "lists",
      { input: { kind: "dataset", dataset }, outputPath: join(dir, "out"), outputFile: "scores.txt" },
      { log, signal: never },
    );
    const job = await ws.batchEndpoints.wait(name, { log, signal: never });
    expect(job.status, job.error).toBe("Completed");
    expect(job.outputPath).toBe(join(dir, "out"));
    expect(await ws.batchEndpoints.readOutput(job, dir, log)).toBe(join(dir, "out", "scores.txt"));
    const rows = (await readFile(join(dir, "out", "scores.txt"), "utf8")).trim().split("\n");
    expect(rows.map((r) => r.split(",")[1])).toEqual(["101", "102", "106", "107", "103", "104", "105"]);
  });

  it("keeps scoring with the code it was deployed with after the checkout changes", async () => {
    const folder = await code("snap", `def run(mini_batch):\n    return ["v1"] * len(mini_batch)\n`);
    await deploy("snap", folder, { miniBatchSize: 10 });
    await writeFile(join(folder, "score.py"), `def run(mini_batch):\n    return ["v2"] * len(mini_batch)\n`);
    const { lines } = await score("snap", "in");
    expect(new Set(lines)).toEqual(new Set(["v1"]));
    const state = await ws.batchEndpoints.get("snap");
    expect(state).toMatchObject({ defaultDeployment: "blue", deployments: [{ name: "blue", status: "Succeeded" }] });
  });

  it("an init() that raises fails the job with the user's file:line", async () => {
    const folder = await code(
      "broken",
      `def init():\n    raise RuntimeError("model file missing")\n\ndef run(b):\n    return b\n`,
    );
    await deploy("broken", folder);
    const { job } = await score("broken", "in");
    expect(job.status).toBe("Failed");
    expect(job.error).toBe("init() of score.py failed: RuntimeError: model file missing");
    expect(job.where).toEqual({ file: join(folder, "score.py"), line: 2 });
  });

  it("lists the first five failed mini-batches as warnings and counts the rest", async () => {
    const folder = await code("allfail", `def run(mini_batch):\n    raise ValueError("no")\n`);
    await deploy("allfail", folder, { miniBatchSize: 1, maxConcurrency: 1, errorThreshold: -1 });
    const before = log.lines.length;
    const { job, lines } = await score("allfail", "in");
    expect(job.status, job.error).toBe("Completed");
    expect(job.files).toEqual({ total: 7, failed: 7 });
    expect(lines).toEqual([]);
    const said = log.lines.slice(before);
    expect(said.filter((l) => /^warning: Mini-batch \d of 7 .* failed: ValueError: no$/.test(l)).length).toBe(5);
    expect(said).toContain("More mini-batches failed: they are counted in the progress line, not listed.");
    expect(said).toContain("Scored 7 of 7 files (7 failed)");
  });

  it("a worker that dies in run() fails its mini-batch; a fresh worker scores the rest", async () => {
    const folder = await code(
      "dying",
      `import os

def run(mini_batch):
    if any(os.path.basename(p) == "bad1.csv" for p in mini_batch):
        os._exit(9)
    return [os.path.basename(p) for p in mini_batch]
`,
    );
    await deploy("dying", folder, { miniBatchSize: 1, maxConcurrency: 1, errorThreshold: 1 });
    const { job, lines } = await score("dying", "mixed");
    expect(job.status, job.error).toBe("Completed");
    expect(job.files).toEqual({ total: 5, failed: 1 });
    expect(lines).toEqual(["bad2.csv", "ok1.csv", "ok2.csv", "ok3.csv"]);
    const rec = JSON.parse(await readFile(join(dir, ".mlops", "batch-jobs", `${job.name}.json`), "utf8"));
    // The first worker and its three retries' fresh workers died; a fifth scored the rest.
    expect(rec.workers.length).toBe(5);
    expect(
      log.lines.some((l) => /Mini-batch 1 of 5 .* failed: the worker \(pid \d+\) exited with code 9/.test(l)),
    ).toBe(true);
  });

  it("cancelled while it runs: Canceled, its workers stopped, no output file", async () => {
    const folder = await code(
      "sleepy",
      `import time

def run(mini_batch):
    time.sleep(30)
    return mini_batch
`,
    );
    await deploy("sleepy", folder, { miniBatchSize: 1, maxConcurrency: 2 });
    const cancel = new AbortController();
    const name = await ws.batchEndpoints.invoke(
      "sleepy",
      { input: { kind: "path", path: join(dir, "in") } },
      { log, signal: never },
    );
    const jobs = join(dir, ".mlops", "batch-jobs");
    // Both workers started (their pids are recorded at once), then the run is cancelled.
    let workers: number[] = [];
    for (let i = 0; i < 2400 && workers.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 25));
      workers = JSON.parse(await readFile(join(jobs, `${name}.json`), "utf8")).workers;
    }
    expect(workers.length).toBe(2);
    setTimeout(() => cancel.abort(), 200);
    const job = await ws.batchEndpoints.wait(name, { log, signal: cancel.signal });
    expect(job.status).toBe("Canceled");
    expect(job.error).toBe("canceled (the run was cancelled)");
    expect(await readdir(job.outputPath)).toEqual([]);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });

  it("a second process waiting on a job reads its record until it ends", async () => {
    const other = new LocalBatchEndpoints(join(dir, ".mlops"), ws.datasets);
    const name = await ws.batchEndpoints.invoke(
      "lists",
      { input: { kind: "path", path: join(dir, "in") } },
      { log, signal: never },
    );
    const seen = await other.wait(name, { log, signal: never });
    expect(seen).toMatchObject({ name, status: "Completed", rows: 7, files: { total: 7, failed: 0 } });
    await ws.batchEndpoints.wait(name, { log, signal: never });
  });

  it("a syntax error in the scoring script names the user's file and line, not the snapshot's", async () => {
    const folder = await code("syntax", `import os\n\ndef run(mini_batch)\n    return mini_batch\n`);
    await deploy("syntax", folder);
    const { job } = await score("syntax", "in");
    expect(job.status).toBe("Failed");
    expect(job.error).toMatch(/^init\(\) of score\.py failed: SyntaxError: (expected ':'|invalid syntax)$/);
    expect(job.where).toEqual({ file: join(folder, "score.py"), line: 3 });
  });

  it("a deployment whose code snapshot is gone shows Failed, refuses to score, and `workspace check` names it", async () => {
    const folder = await code("gone", `def run(mini_batch):\n    return mini_batch\n`);
    await deploy("gone", folder);
    const rec = JSON.parse(await readFile(join(dir, ".mlops", "batch-endpoints", "gone.json"), "utf8"));
    const snapshot = rec.deployments.blue.codeDir as string;
    await rm(snapshot, { recursive: true });
    expect(await ws.batchEndpoints.get("gone")).toMatchObject({
      deployments: [{ name: "blue", status: "Failed", error: `its code snapshot ${snapshot} is gone` }],
    });
    await expect(
      ws.batchEndpoints.invoke("gone", { input: { kind: "path", path: join(dir, "in") } }, { log, signal: never }),
    ).rejects.toThrow(`deployment blue of batch endpoint gone cannot score: its code snapshot ${snapshot} is gone`);
    const report = await checkWorkspace(join(dir, ".mlops"));
    expect(report.problems).toEqual([
      {
        path: snapshot,
        problem: "batch deployment blue of gone: its code snapshot is missing",
        repair: "deploy it again (deploy-endpoint with endpointType: batch), or delete that deployment",
        repairable: false,
      },
    ]);
    await ws.batchEndpoints.delete("gone", log);
    expect((await checkWorkspace(join(dir, ".mlops"))).problems).toEqual([]);
  });

  it("workers get no CI or Azure credentials: no canary in the rows, the workers' logs or the job record", async () => {
    const names = CREDENTIAL_VARIABLES.map((v) => (v.prefix ? `${v.name}CANARY_X` : v.name));
    const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
    for (const n of names) process.env[n] = `canary-${n.toLowerCase()}-51c2`;
    try {
      const folder = await code(
        "env",
        `import os, sys

def run(mini_batch):
    for k, v in sorted(os.environ.items()):
        print(k, v, file=sys.stderr)
    return ["%s=%s" % (k, v) for k, v in sorted(os.environ.items())]
`,
      );
      await deploy("env", folder, { miniBatchSize: 10, maxConcurrency: 1 });
      const { job, lines } = await score("env", "in");
      expect(job.status, job.error).toBe("Completed");
      expect(lines.some((l) => l.startsWith("AZUREML_MODEL_DIR="))).toBe(true);
      const jobDir = join(dir, ".mlops", "batch-jobs", job.name);
      const logFiles = (await readdir(jobDir)).filter((f) => f.endsWith(".log"));
      expect(logFiles).toEqual(["worker-1.log"]);
      const logs = await Promise.all(logFiles.map((f) => readFile(join(jobDir, f), "utf8")));
      expect(logs.join("\n")).toContain("AZUREML_MODEL_DIR");
      const everything = [lines.join("\n"), ...logs, await readFile(`${jobDir}.json`, "utf8")].join("\n");
      expect(everything).not.toMatch(/canary-/);
    } finally {
      for (const [n, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[n];
        else process.env[n] = v;
      }
    }
  });

  it("refuses what Azure ML refuses: bad names, a default deployment's deletion, a missing input", async () => {
    await expect(ws.batchEndpoints.ensure("a_b", log)).rejects.toThrow(/'a_b' is not a valid endpoint name/);
    await expect(ws.batchEndpoints.deleteDeployment("lists", "blue", log)).rejects.toThrow(
      /blue is the default of batch endpoint lists/,
    );
    await expect(
      ws.batchEndpoints.invoke("lists", { input: { kind: "path", path: join(dir, "nope") } }, { log, signal: never }),
    ).rejects.toThrow(/the batch input .*nope does not exist/);
    expect((await ws.batchEndpoints.list()).map((e) => e.name)).toContain("lists");
  });
});
