/**
 * The backstop for steps that outlived their runner (the watchdog could not act: it was killed
 * too, or the machine rebooted between): the next run finds each job still marked running whose
 * runner process is gone, ends the step processes it recorded — only those it can prove are that
 * job's steps, so a pid the system reused is never signalled — and marks the job Failed.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Log } from "../../../run-context.js";
import { TERMINAL_STATUSES } from "../../workspace.js";
import { listDir, readJson, withLock, writeJson } from "../store.js";
import type { LocalStepRecord } from "./execute.js";

interface JobFile {
  name: string;
  status: string;
  pid: number;
  error?: string;
  endedAt?: string;
  steps: LocalStepRecord[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether `pid` is a step of job `job` labelled `label`: its initial environment (as the runner
 * set it) names the step and the job's MLflow folder. Where /proc is missing, nothing is proven.
 */
async function isStepOf(pid: number, job: string, label: string): Promise<boolean> {
  try {
    const environ = (await readFile(`/proc/${pid}/environ`, "utf8")).split("\0");
    return (
      environ.includes(`AZUREML_RUN_ID=${label}`) &&
      environ.some((e) => e.startsWith("MLFLOW_TRACKING_URI=file:") && e.includes(`/jobs/${job}/`))
    );
  } catch {
    return false;
  }
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Running processes a job recorded: each running step's, and each running sweep trial's. */
function recordedProcesses(steps: LocalStepRecord[]): { pid: number; label: string }[] {
  const out: { pid: number; label: string }[] = [];
  for (const s of steps) {
    if (s.pid && s.status === "Running") out.push({ pid: s.pid, label: s.name });
    for (const t of s.trials ?? [])
      if (t.pid && t.status === "Running") out.push({ pid: t.pid, label: `${s.name}#${t.index}` });
  }
  return out;
}

/**
 * Ends the orphaned steps of every job whose runner died and marks them Failed; marks the job
 * Failed too unless the workspace's recovery already has (it closes such records but cannot tell
 * which processes were steps). Returns the names of the jobs it changed.
 */
export async function endOrphanedJobs(root: string, log: Log): Promise<string[]> {
  const ended: string[] = [];
  const needsWork = (r: JobFile | undefined): r is JobFile =>
    !!r &&
    !!r.pid &&
    r.pid !== process.pid &&
    !alive(r.pid) &&
    (!TERMINAL_STATUSES.includes(r.status as never) ||
      (r.steps ?? []).some((s) => !TERMINAL_STATUSES.includes(s.status as never)));
  for (const name of await listDir(join(root, "jobs"))) {
    const file = join(root, "jobs", name, "job.json");
    if (!needsWork(await readJson<JobFile>(file).catch(() => undefined))) continue;
    await withLock(root, async () => {
      // Read again under the lock: another run may have settled it meanwhile.
      const record = await readJson<JobFile>(file).catch(() => undefined);
      if (!needsWork(record)) return;
      const killed: number[] = [];
      for (const p of recordedProcesses(record.steps ?? [])) {
        if (alive(p.pid) && (await isStepOf(p.pid, name, p.label))) {
          killGroup(p.pid);
          killed.push(p.pid);
        }
      }
      const now = new Date().toISOString();
      for (const s of record.steps ?? []) {
        if (TERMINAL_STATUSES.includes(s.status as never)) continue;
        s.error = s.status === "Running" ? "the runner process died while the step ran" : "not run: the runner died";
        s.status = s.status === "Running" ? "Failed" : "Canceled";
        s.endedAt = now;
        for (const t of s.trials ?? []) if (!TERMINAL_STATUSES.includes(t.status)) t.status = "Failed";
      }
      const endedNote = killed.length ? `; its orphaned step process(es) ${killed.join(", ")} were ended` : "";
      if (!TERMINAL_STATUSES.includes(record.status as never)) {
        record.status = "Failed";
        record.error = `the runner process (pid ${record.pid}) died before the job finished${endedNote}`;
        record.endedAt = now;
      } else {
        record.error = `${record.error ?? `the runner process (pid ${record.pid}) died before the job finished`}${endedNote}`;
      }
      await writeJson(file, record);
      log.warning(`Job ${name}: ${record.error}. Marked Failed.`);
      ended.push(name);
    });
  }
  return ended;
}
