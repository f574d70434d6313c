// Crash safety of the local workspace, with real CLI processes killed hard (SIGKILL, no cleanup):
// at every named crash point (MLOPS_CRASH_AT) and at seeded random moments of a large
// register-dataset. After each kill the next run must succeed, no byte of an already registered
// version (version folders, blobs, dataset records, model files) may change, and
// `mlops workspace check` must be clean. More random kills: MLOPS_CRASH_TRIES=22.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRASH_POINTS } from "../../src/util/crash-point.js";
import { LocalWorkspace } from "../../src/workspace/local/index.js";
import { LocalRegistry } from "../../src/workspace/local/registry.js";
import { tempDir } from "../helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const CLI = join(ROOT, "src/entry/cli.ts");
const DEMO = join(ROOT, "examples/pipelines/demo");

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ["--import", TSX, CLI, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const done = new Promise<Run>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const mlops = (args: string[], cwd: string, env: Record<string, string> = {}) => start(args, cwd, env).done;

/** The --json outputs of a successful run (its last stdout line). */
function outputs(run: Run): Record<string, string> {
  if (run.code !== 0) throw new Error(`exit ${run.code} (${run.signal}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}");
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const sha = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

/**
 * sha256 of every byte a registered version is made of: its files, the blobs, dataset records
 * (immutable), and model records without their tags (compare-models moves the champion tag).
 */
async function registeredBytes(ws: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of await walk(join(ws, "blobs"))) if (!f.includes(".tmp-")) out.set(relative(ws, f), await sha(f));
  for (const kind of ["datasets", "models"]) {
    for (const name of await readdir(join(ws, kind)).catch(() => [] as string[])) {
      const dir = join(ws, kind, name);
      for (const r of (await readdir(dir)).filter((n) => n.endsWith(".json"))) {
        const version = r.slice(0, -5);
        const rec = JSON.parse(await readFile(join(dir, r), "utf8"));
        if (kind === "models") delete rec.tags;
        out.set(relative(ws, join(dir, r)), createHash("sha256").update(JSON.stringify(rec)).digest("hex"));
        for (const f of await walk(join(dir, version))) out.set(relative(ws, f), await sha(f));
      }
    }
  }
  return out;
}

/** Entries of `before` whose bytes differ (or vanished) in `after`. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([p, h]) => after.get(p) !== h).map(([p]) => p);
}

async function check(cwd: string): Promise<Run> {
  return mlops(["workspace", "check", "--workspace-dir", ".mlops"], cwd);
}

/** A deterministic PRNG (mulberry32) for the random kill moments and the edited files. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("a workspace killed at every named crash point", () => {
  let base: string;
  let cleanup: () => Promise<void>;
  let work: string; // every case runs here, on a fresh copy of the template (same absolute paths)
  let template: string;
  let jobB: string;

  async function writeFolder(dir: string, n: number, salt: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < n; i++) await writeFile(join(dir, `part-${i}.csv`), `id,v\n${i},${salt}-${i}\n`);
  }

  beforeAll(async () => {
    ({ dir: base, cleanup } = await tempDir("mlops-crash-"));
    work = join(base, "work");
    template = join(base, "template");
    await mkdir(work);
    await writeFolder(join(work, "folder"), 40, "v1");
    outputs(await mlops(["register-dataset", "--name", "parts", "--path", "folder", "--json"], work));
    const data = outputs(
      await mlops(
        ["register-dataset", "--name", "diabetes", "--path", join(ROOT, "examples/data/diabetes.csv"), "--json"],
        work,
      ),
    );
    const submit = async () =>
      outputs(
        await mlops(
          [
            "submit-pipeline",
            "--pipeline",
            join(DEMO, "pipeline.yml"),
            "--set",
            `inputs.training_data.path=azureml:diabetes:${data.version}`,
            "--json",
          ],
          work,
        ),
      ).jobName;
    const jobA = await submit();
    jobB = await submit();
    outputs(
      await mlops(
        [
          "compare-models",
          "--candidate",
          `job:${jobA}`,
          "--model-name",
          "dm",
          "--metrics",
          "r2:higher",
          "--register",
          "true",
          "--json",
        ],
        work,
      ),
    );
    // A batch endpoint with a default deployment, for the batch crash points.
    await mkdir(join(work, "batch", "in"), { recursive: true });
    for (let i = 0; i < 6; i++) await writeFile(join(work, "batch", "in", `p${i}.csv`), `x\n${i}\n`);
    await writeFile(
      join(work, "batch", "score.py"),
      "import os\n\ndef run(mini_batch):\n    return [os.path.basename(p) for p in mini_batch]\n",
    );
    outputs(await mlops(batchDeploy("nightly"), work));
    // `cp -a` keeps the hard links between version files and blobs, which is what a write through
    // a link would corrupt.
    await new Promise<void>((resolve, reject) =>
      spawn("cp", ["-a", work, template]).on("close", (c) => (c === 0 ? resolve() : reject(new Error(`cp ${c}`)))),
    );
  }, 180_000);

  afterAll(async () => {
    await stopEndpoints(work);
    await cleanup();
  });

  async function stopEndpoints(dir: string): Promise<void> {
    const ws = await LocalWorkspace.open(join(dir, ".mlops")).catch(() => undefined);
    const quiet = {
      info() {},
      warning() {},
      error() {},
      debug() {},
      group: <T>(_: string, f: () => Promise<T>) => f(),
      secret() {},
    };
    for (const e of (await ws?.endpoints.list()) ?? []) await ws?.endpoints.delete(e.name, quiet);
  }

  async function fresh(): Promise<void> {
    await stopEndpoints(work);
    await rm(work, { recursive: true, force: true });
    await new Promise<void>((resolve, reject) =>
      spawn("cp", ["-a", template, work]).on("close", (c) => (c === 0 ? resolve() : reject(new Error(`cp ${c}`)))),
    );
  }

  const batchDeploy = (endpoint: string) => [
    "deploy-endpoint",
    "--endpoint-type",
    "batch",
    "--endpoint",
    endpoint,
    "--model",
    "dm:1",
    "--scoring-script",
    join(work, "batch", "score.py"),
    "--batch-input",
    join(work, "batch", "in"),
    "--mini-batch-size",
    "2",
    "--max-concurrency",
    "1",
    "--json",
  ];
  const invoke = ["endpoints", "invoke", "nightly", "--input", join("batch", "in"), "--workspace-dir", ".mlops"];
  /** The batch jobs' records of endpoint nightly by status, and unfinished output files anywhere below them. */
  const batchJobs = async () => {
    const dir = join(work, ".mlops", "batch-jobs");
    const records = (await readdir(dir)).filter((n) => n.startsWith("nightly_") && n.endsWith(".json"));
    const statuses = await Promise.all(
      records.map(async (n) => JSON.parse(await readFile(join(dir, n), "utf8")).status as string),
    );
    const temps = (await walk(dir)).filter((f) => f.includes("predictions.csv.tmp-"));
    return { statuses: statuses.sort(), temps: temps.length };
  };
  const deploy = [
    "deploy-endpoint",
    "--endpoint",
    "crashy",
    "--model",
    "dm:1",
    "--scoring-script",
    join(DEMO, "score.py"),
    "--smoke-test",
    join(DEMO, "sample-request.json"),
    "--json",
  ];
  /** A batch endpoint's default deployment, its rollout journal's stage and state, and its scoring jobs. */
  const batchDefault = async (endpoint: string) => {
    const ws = await LocalWorkspace.open(join(work, ".mlops"));
    const journal = JSON.parse((await ws.artifacts.read(`rollouts/batch-${endpoint}.json`))?.toString() ?? "{}");
    const dir = join(work, ".mlops", "batch-jobs");
    const records = (await readdir(dir)).filter((n) => n.endsWith(".json"));
    const jobs = (
      await Promise.all(records.map(async (n) => JSON.parse(await readFile(join(dir, n), "utf8")).endpoint))
    ).filter((e) => e === endpoint);
    return {
      default: (await ws.batchEndpoints.get(endpoint))?.defaultDeployment,
      journal: `${journal.reached} ${journal.state}`,
      jobs: jobs.length,
    };
  };
  /** Versions of model dm tagged champion=true. */
  const champions = async () =>
    ((await (await LocalWorkspace.open(join(work, ".mlops"))).models.list("dm")) ?? [])
      .filter((m) => m.tags.champion === "true")
      .map((m) => m.version);
  let winnerJob = "";
  /** compare-models publishing the workspace's champion to the registry folder `registry`. */
  const publish = (candidate: string) => [
    "compare-models",
    "--candidate",
    candidate,
    ...(candidate.startsWith("job:") ? ["--model-name", "dm"] : []),
    "--metrics",
    "r2:higher",
    "--register",
    "true",
    "--registry",
    "registry",
    "--json",
  ];
  /** Every published byte of the registry when the run was killed (its versions' files, records, blobs). */
  let registryBytes = new Map<string, string>();
  /** The next run changed none of them, and the registry checks clean. */
  const expectRegistryIntact = async () => {
    expect(registryBytes.size).toBeGreaterThan(0);
    expect(changed(registryBytes, await registeredBytes(join(work, "registry")))).toEqual([]);
    const checked = await mlops(["workspace", "check", "--workspace-dir", "registry"], work);
    expect(checked.stdout, checked.stderr).toContain("Workspace is consistent");
  };
  /** The registry's versions of dm, and which are tagged champion. */
  const registryModels = async () =>
    ((await (await LocalRegistry.open(join(work, "registry"))).models.list("dm")) ?? []).map((m) => ({
      version: m.version,
      champion: m.tags.champion === "true",
    }));
  const cases: {
    point: (typeof CRASH_POINTS)[number];
    args: () => string[];
    before?: () => Promise<void>;
    /** Checks right after the kill, and after the next run. */
    afterCrash?: () => Promise<void>;
    afterNext?: () => Promise<void>;
  }[] = [
    {
      point: "blob.temp-written",
      args: () => ["register-dataset", "--name", "parts", "--path", "folder", "--json"],
      before: () => writeFolder(join(work, "folder"), 40, "v2"),
    },
    {
      point: "dataset.staged",
      args: () => ["register-dataset", "--name", "parts", "--path", "folder", "--json"],
      before: () => writeFolder(join(work, "folder"), 40, "v2"),
    },
    {
      point: "dataset.placed",
      args: () => ["register-dataset", "--name", "parts", "--path", "folder", "--json"],
      before: () => writeFolder(join(work, "folder"), 40, "v2"),
    },
    {
      point: "model.staged",
      args: () => [
        "compare-models",
        "--candidate",
        `job:${jobB}`,
        "--model-name",
        "dm",
        "--metrics",
        "r2:higher",
        "--register",
        "true",
        "--json",
      ],
    },
    {
      point: "model.placed",
      args: () => [
        "compare-models",
        "--candidate",
        `job:${jobB}`,
        "--model-name",
        "dm",
        "--metrics",
        "r2:higher",
        "--register",
        "true",
        "--json",
      ],
    },
    {
      point: "job.recorded",
      args: () => [
        "submit-pipeline",
        "--pipeline",
        join(DEMO, "pipeline.yml"),
        "--set",
        "inputs.training_data.path=azureml:diabetes:1",
        "--json",
      ],
    },
    {
      point: "job.finished",
      args: () => [
        "submit-pipeline",
        "--pipeline",
        join(DEMO, "pipeline.yml"),
        "--set",
        "inputs.training_data.path=azureml:diabetes:1",
        "--json",
      ],
    },
    {
      // Killed between tagging the winner and untagging the old champion: two versions tagged.
      point: "champion.tagged",
      before: async () => {
        // Less regularisation scores a slightly higher r2 on the demo data: a candidate that wins.
        const set = ["--set", "inputs.training_data.path=azureml:diabetes:1", "--set", "inputs.l2=0"];
        winnerJob = outputs(
          await mlops(["submit-pipeline", "--pipeline", join(DEMO, "pipeline.yml"), ...set, "--json"], work),
        ).jobName;
      },
      args: () => [
        "compare-models",
        "--candidate",
        `job:${winnerJob}`,
        "--model-name",
        "dm",
        "--metrics",
        "r2:higher",
        "--register",
        "true",
        "--json",
      ],
      // Never without a champion: the winner is tagged before the old one is untagged.
      afterCrash: async () => expect(await champions()).toEqual(["1", "2"]),
      // The re-run repairs the interrupted move: exactly one champion, the winner.
      afterNext: async () => expect(await champions()).toEqual(["2"]),
    },
    { point: "endpoint.recorded", args: () => deploy },
    { point: "deployment.recorded", args: () => deploy },
    // Killed between placing a batch deployment's code snapshot and writing the record naming it.
    { point: "batch-deployment.placed", args: () => batchDeploy("crashy-batch") },
    {
      // Killed once the batch job is recorded, before any worker started: the next run marks it Failed.
      point: "batch-job.recorded",
      args: () => invoke,
      afterCrash: async () => expect(await batchJobs()).toEqual({ statuses: ["Completed", "Running"], temps: 0 }),
      afterNext: async () =>
        expect(await batchJobs()).toEqual({ statuses: ["Completed", "Completed", "Failed"], temps: 0 }),
    },
    {
      // Killed after a mini-batch was scored: its rows are in the temp output, no output file exists.
      point: "batch.scored",
      args: () => invoke,
      afterCrash: async () => expect(await batchJobs()).toEqual({ statuses: ["Completed", "Running"], temps: 1 }),
      afterNext: async () =>
        expect(await batchJobs()).toEqual({ statuses: ["Completed", "Completed", "Failed"], temps: 0 }),
    },
    {
      // A first batch rollout killed while its job scores: the next run undoes it (the endpoint it
      // created goes) and rolls out again, to a default.
      point: "batch-rollout.scoring",
      args: () => batchDeploy("crashy-rollout"),
      afterCrash: async () =>
        expect(await batchDefault("crashy-rollout")).toEqual({
          default: undefined,
          journal: "scoring running",
          jobs: 1,
        }),
      // Undone, then scored again by the new rollout: a second job.
      afterNext: async () =>
        expect(await batchDefault("crashy-rollout")).toEqual({
          default: "dm-v1",
          journal: "passed succeeded",
          jobs: 2,
        }),
    },
    {
      // Killed after the job passed, before the switch of the default: the next run finishes it.
      point: "batch-rollout.passed",
      args: () => batchDeploy("crashy-rollout"),
      afterCrash: async () =>
        expect(await batchDefault("crashy-rollout")).toEqual({
          default: undefined,
          journal: "passed running",
          jobs: 1,
        }),
      // Finished without scoring again (then nothing left to roll out): still one job.
      afterNext: async () =>
        expect(await batchDefault("crashy-rollout")).toEqual({
          default: "dm-v1",
          journal: "passed succeeded",
          jobs: 1,
        }),
    },
    {
      // Killed after the champion's files went into the registry, before its champion tag there.
      point: "registry.published",
      args: () => publish("dm:1"),
      afterCrash: async () => {
        expect(await registryModels()).toEqual([{ version: "1", champion: false }]);
        registryBytes = await registeredBytes(join(work, "registry"));
      },
      // The re-run publishes the same files again: the same version, now tagged champion.
      afterNext: async () => {
        expect(await registryModels()).toEqual([{ version: "1", champion: true }]);
        await expectRegistryIntact();
      },
    },
    {
      // Killed between tagging the new champion in the registry and untagging the old one there.
      point: "registry.champion-tagged",
      before: async () => {
        outputs(await mlops(publish("dm:1"), work));
        const set = ["--set", "inputs.training_data.path=azureml:diabetes:1", "--set", "inputs.l2=0"];
        winnerJob = outputs(
          await mlops(["submit-pipeline", "--pipeline", join(DEMO, "pipeline.yml"), ...set, "--json"], work),
        ).jobName;
      },
      args: () => publish(`job:${winnerJob}`),
      afterCrash: async () => {
        expect(await registryModels()).toEqual([
          { version: "1", champion: true },
          { version: "2", champion: true },
        ]);
        registryBytes = await registeredBytes(join(work, "registry"));
      },
      afterNext: async () => {
        expect(await registryModels()).toEqual([
          { version: "1", champion: false },
          { version: "2", champion: true },
        ]);
        await expectRegistryIntact();
      },
    },
  ];

  it("covers every crash point the code declares", () => {
    expect(cases.map((c) => c.point).sort()).toEqual([...CRASH_POINTS].sort());
  });

  for (const c of cases) {
    it(`${c.point}: killed there, the next run succeeds, no registered byte changed, check is clean`, async () => {
      await fresh();
      const ws = join(work, ".mlops");
      const before = await registeredBytes(ws);
      await c.before?.();
      const crashed = await mlops(c.args(), work, { MLOPS_CRASH_AT: c.point });
      // Killed, not finished: the crash point was reached.
      expect(crashed.signal ?? crashed.code, crashed.stderr).toBe("SIGKILL");
      await c.afterCrash?.();
      const next = await mlops(c.args(), work);
      expect(next.code, `${next.stdout}\n${next.stderr}`).toBe(0);
      await c.afterNext?.();
      // A lock left by the killed run is taken over at once, saying whose it was.
      if (c.point === "endpoint.recorded")
        expect(next.stdout + next.stderr).toMatch(/Took over the workspace lock .*pid \d+/);
      expect(changed(before, await registeredBytes(ws))).toEqual([]);
      const checked = await check(work);
      expect(checked.code, checked.stderr).toBe(0);
      expect(checked.stdout).toContain("Workspace is consistent");
    }, 120_000);
  }
});

describe("a large register-dataset killed at random moments", () => {
  const tries = Number(process.env.MLOPS_CRASH_TRIES ?? 3);
  const files = Number(process.env.MLOPS_CRASH_FILES ?? 800);

  it(`${tries} seeded kills of a ${files}-file registration: every next run succeeds, no registered byte changes`, async () => {
    const { dir, cleanup } = await tempDir("mlops-randkill-");
    try {
      const folder = join(dir, "big");
      await mkdir(folder);
      for (let i = 0; i < files; i++) await writeFile(join(folder, `f${i}.txt`), `file ${i} v0\n`);
      outputs(await mlops(["register-dataset", "--name", "big", "--path", "big", "--json"], dir));
      // Edit a seeded tenth of the files, so each new version shares most blobs with earlier ones.
      const edit = async (rand: () => number, k: number) => {
        for (let i = 0; i < files / 10; i++) {
          const f = Math.floor(rand() * files);
          await writeFile(join(folder, `f${f}.txt`), `file ${f} edit ${k}\n`);
        }
      };
      // How long such a registration takes uncrashed: the kills land anywhere in it.
      await edit(prng(999), -1);
      const t0 = Date.now();
      outputs(await mlops(["register-dataset", "--name", "big", "--path", "big", "--json"], dir));
      const span = Date.now() - t0;
      let survived = 0;
      let landed = 0;
      let bytesChanged = 0;
      let attempts = 0;
      // The kills aim at a window as long as the uncrashed run. A run that ends before its kill (the
      // machine got faster than when it was measured) still counts as a try that must survive, and
      // the window halves, so `tries` kills land whatever the load (at most 4 × tries runs).
      let window = span;
      for (let k = 0; landed < tries && k < tries * 4; k++) {
        attempts++;
        const rand = prng(1000 + k);
        await edit(rand, k);
        const before = await registeredBytes(join(dir, ".mlops"));
        const run = start(["register-dataset", "--name", "big", "--path", "big", "--json"], dir);
        const delay = Math.floor(rand() * window);
        const timer = setTimeout(() => run.child.kill("SIGKILL"), delay);
        const killed = await run.done;
        clearTimeout(timer);
        if (killed.signal === "SIGKILL") landed++;
        else window = Math.max(1, Math.floor(window / 2));
        const next = await mlops(["register-dataset", "--name", "big", "--path", "big", "--json"], dir);
        const diff = changed(before, await registeredBytes(join(dir, ".mlops")));
        bytesChanged += diff.length;
        const checked = await check(dir);
        if (next.code === 0 && diff.length === 0 && checked.code === 0) survived++;
        else
          process.stderr.write(
            `try ${k} (kill after ${delay} ms): next exit ${next.code}, ${diff.length} changed, check ${checked.code}\n${next.stderr}${checked.stderr}\n`,
          );
      }
      process.stdout.write(
        `random kills: ${survived} of ${attempts} survived (${landed} landed before the run ended), ${bytesChanged} registered file(s) changed (${files} files, an uncrashed run takes ${span} ms)\n`,
      );
      expect(landed).toBe(tries);
      expect({ survived, bytesChanged }).toEqual({ survived: attempts, bytesChanged: 0 });
    } finally {
      await cleanup();
    }
  }, 600_000);
});
