/**
 * Steps die with the run: a CLI killed with SIGKILL (no exit hook runs) must not leave its
 * pipeline steps running, and the next run marks the job Failed. Real processes throughout.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliTask, tempDir } from "../helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");

// The step starts a grandchild in its group, records both pids, says it started, then keeps
// writing into the job folder (what an orphan did in the finding).
const LONG_PY = `
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
with open(os.environ["PIDS_FILE"], "w") as f:
    f.write(f"{os.getpid()} {child.pid}")
print("started", flush=True)
out = os.environ["AZUREML_OUTPUT_ticks"]
while True:
    with open(os.path.join(out, "ticks.txt"), "a") as f:
        f.write("tick\\n")
    time.sleep(0.05)
`;

const PIPELINE = `type: pipeline
jobs:
  long:
    type: command
    code: ./src
    command: python long.py --out \${{outputs.ticks}}
    outputs:
      ticks:
        type: uri_folder
`;

const QUICK = `type: pipeline
jobs:
  quick:
    type: command
    command: python -c "print(1)"
`;

function isGone(pid: number): Promise<boolean> {
  return readFile(`/proc/${pid}/stat`, "utf8").then(
    (stat) => stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z"),
    () => true,
  );
}

/** Polls until the process is gone; false if it is still there after the bound. */
async function waitGone(pid: number, tries = 200): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await isGone(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Direct children of a process, from /proc. */
async function childrenOf(ppid: number): Promise<number[]> {
  const out: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[1]) === ppid) out.push(Number(entry));
  }
  return out;
}

describe.skipIf(process.platform !== "linux")("steps die with the run", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const started: number[] = [];
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir("mlops-orphans-"));
    await mkdir(join(dir, "src"));
    await writeFile(join(dir, "src", "long.py"), LONG_PY);
    await writeFile(join(dir, "pipeline.yml"), PIPELINE);
    await writeFile(join(dir, "quick.yml"), QUICK);
  });
  afterEach(async () => {
    // Whatever a failed assertion left running is ended here, by the pids this test started.
    for (const pid of started.splice(0)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    await cleanup();
  });

  /** Starts `mlops submit-pipeline` as a real process and resolves once the step said it started. */
  async function startCli(pids: string): Promise<{ cli: ChildProcess; step: number; grandchild: number }> {
    const cli = spawn(
      process.execPath,
      [
        "--import",
        join(ROOT, "node_modules/tsx/dist/esm/index.mjs"),
        join(ROOT, "src/entry/cli.ts"),
        "submit-pipeline",
        "--pipeline",
        "pipeline.yml",
      ],
      { cwd: dir, env: { ...process.env, PIDS_FILE: pids }, stdio: ["ignore", "pipe", "pipe"] },
    );
    started.push(cli.pid!);
    let stdout = "";
    let stderr = "";
    await new Promise<void>((resolve, reject) => {
      cli.stdout!.on("data", (d) => {
        stdout += d;
        if (stdout.includes("[long] started")) resolve();
      });
      cli.stderr!.on("data", (d) => {
        stderr += d;
      });
      cli.on("close", (code) =>
        reject(new Error(`the CLI exited (${code}) before the step started:\n${stdout}\n${stderr}`)),
      );
    });
    const [step, grandchild] = (await readFile(pids, "utf8")).trim().split(" ").map(Number);
    started.push(step, grandchild);
    return { cli, step, grandchild };
  }

  const killHard = async (cli: ChildProcess) => {
    const closed = new Promise((r) => cli.on("close", r));
    cli.kill("SIGKILL");
    await closed;
  };

  const jobRecord = async () => {
    const [name] = await readdir(join(dir, ".mlops", "jobs"));
    return JSON.parse(await readFile(join(dir, ".mlops", "jobs", name, "job.json"), "utf8"));
  };

  it("kill -9 of the CLI: the watchdog ends the step and its grandchild; the next run marks the job Failed", async () => {
    const { cli, step, grandchild } = await startCli(join(dir, "pids"));
    expect(await isGone(step)).toBe(false);
    await killHard(cli);
    expect(await waitGone(step)).toBe(true);
    expect(await waitGone(grandchild)).toBe(true);
    // The step recorded its pid while it ran, so a later run could prove and end it.
    const before = await jobRecord();
    expect(before.status).toBe("Running");
    expect(before.steps[0]).toMatchObject({ name: "long", status: "Running", pid: step });

    const next = await runCliTask("submit-pipeline", { pipeline: "quick.yml" }, dir);
    expect(next.exitCode).toBe(0);
    const after = JSON.parse(await readFile(join(dir, ".mlops", "jobs", before.name, "job.json"), "utf8"));
    expect(after.status).toBe("Failed");
    // The workspace's recovery or the runner's orphan check closes it, whichever comes first.
    expect(after.error).toMatch(/the runner process \(pid \d+\) (died|exited) before the job finished/);
    expect(after.steps[0]).toMatchObject({ name: "long", status: "Failed" });
  }, 60_000);

  it("CLI and watchdog both killed: the next run ends the orphaned step group by its recorded pid", async () => {
    const { cli, step, grandchild } = await startCli(join(dir, "pids"));
    const watchdogs = (await childrenOf(cli.pid!)).filter((p) => p !== step);
    expect(watchdogs).toHaveLength(1);
    started.push(...watchdogs);
    process.kill(watchdogs[0], "SIGKILL");
    expect(await waitGone(watchdogs[0])).toBe(true);
    await killHard(cli);
    // Nothing ended the step: it is an orphan still writing into the job folder.
    expect(await isGone(step)).toBe(false);
    expect(await isGone(grandchild)).toBe(false);

    const next = await runCliTask("submit-pipeline", { pipeline: "quick.yml" }, dir);
    expect(next.exitCode).toBe(0);
    expect(await waitGone(step)).toBe(true);
    expect(await waitGone(grandchild)).toBe(true);
    const jobs = await readdir(join(dir, ".mlops", "jobs"));
    const records = await Promise.all(
      jobs.map(async (j) => JSON.parse(await readFile(join(dir, ".mlops", "jobs", j, "job.json"), "utf8"))),
    );
    const killed = records.find((r) => r.steps[0]?.name === "long");
    expect(killed.status).toBe("Failed");
    expect(killed.error).toContain(`orphaned step process(es) ${step} were ended`);
  }, 60_000);

  it("never signals a recorded pid that is not that job's step (a reused pid)", async () => {
    // A live process of ours that is not a step: its pid written into a dead runner's job record.
    const stranger = spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)"], { stdio: "ignore" });
    started.push(stranger.pid!);
    const jobDir = join(dir, ".mlops", "jobs", "ghost_job");
    await mkdir(jobDir, { recursive: true });
    const deadRunner = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((r) => deadRunner.on("close", r));
    await writeFile(
      join(jobDir, "job.json"),
      JSON.stringify({
        schemaVersion: 1,
        name: "ghost_job",
        status: "Running",
        pid: deadRunner.pid,
        steps: [{ name: "s", status: "Running", pid: stranger.pid }],
      }),
    );
    const next = await runCliTask("submit-pipeline", { pipeline: "quick.yml" }, dir);
    expect(next.exitCode).toBe(0);
    expect(await isGone(stranger.pid!)).toBe(false);
    const ghost = JSON.parse(await readFile(join(jobDir, "job.json"), "utf8"));
    expect(ghost.status).toBe("Failed");
    expect(ghost.error).not.toContain("were ended");
    stranger.kill("SIGKILL");
  }, 60_000);
});
