/**
 * Pipeline jobs on the local workspace: planned from the parsed YAML, run by the local runner
 * (runner/), recorded as JSON in `jobs/<name>/job.json` (atomic writes under the workspace lock),
 * with each step's log, outputs and metrics in `jobs/<name>/steps/<step>/`.
 */
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { UserError } from "../../errors.js";
import type { PipelineJob } from "../../pipeline/model.js";
import { type Plan, planPipeline } from "../../pipeline/plan.js";
import { crashPoint } from "../../util/crash-point.js";
import type { JobPreview, JobRecord, JobService, JobStatus, SubmitOptions, WaitOptions } from "../workspace.js";
import { TERMINAL_STATUSES } from "../workspace.js";
import { insideWorkspace } from "./inside.js";
import { DataResolver } from "./runner/data.js";
import { bindInput, executePlan, type LocalStepRecord, stepReuseKey } from "./runner/execute.js";
import { localRefusals, missingLocalData } from "./runner/refusals.js";
import { StepCache } from "./runner/reuse.js";
import { exists, readJson, withLock, writeAtomic, writeJson } from "./store.js";

export interface LocalJobRecord extends JobRecord {
  /** The pipeline YAML it ran. */
  file: string;
  /** The runner process, to tell a live job from one whose runner died. */
  pid: number;
  steps: LocalStepRecord[];
}

interface Running {
  done: Promise<LocalJobRecord>;
  controller: AbortController;
  cancelReason?: string;
}

const POLL_MS = 500;

export class LocalJobs implements JobService {
  private readonly running = new Map<string, Running>();
  private readonly data: DataResolver;
  private readonly cache: StepCache;

  constructor(private readonly root: string) {
    this.data = new DataResolver(root);
    this.cache = new StepCache(root);
  }

  private dir(name: string): string {
    return insideWorkspace(this.root, "jobs", name);
  }

  /** Validates and plans the job, refuses what cannot run locally, then starts it in this process. */
  async submit(job: PipelineJob, options: SubmitOptions): Promise<string> {
    const plan = this.plan(job);
    const [missing] = await missingLocalData(plan);
    if (missing) throw new UserError(missing.message, { subject: "pipeline", ...missing.where }, missing.fix);
    const name = newJobName(job.displayName ?? job.experimentName ?? options.experimentName);
    const dir = this.dir(name);
    const record: LocalJobRecord = {
      name,
      displayName: job.displayName,
      experimentName: job.experimentName ?? options.experimentName,
      status: "Running",
      createdAt: new Date().toISOString(),
      metrics: {},
      outputs: {},
      steps: plan.steps.map((s) => ({ name: s.id, status: "NotStarted" })),
      studioUrl: pathToFileURL(dir).href,
      file: job.file,
      pid: process.pid,
    };
    await this.save(record);
    crashPoint("job.recorded");
    const save = coalescingWriter(() => this.save(record, false));
    const controller = new AbortController();
    const entry: Running = { controller, done: Promise.resolve(record) };
    // A cancel request from another process (`cancel()` there) arrives as a file.
    const watcher = setInterval(async () => {
      if (await exists(join(dir, "cancel-requested"))) {
        entry.cancelReason ??= "cancel requested";
        controller.abort();
      }
    }, POLL_MS);
    watcher.unref();
    entry.done = (async () => {
      try {
        const result = await executePlan({
          root: this.root,
          jobName: name,
          jobDir: dir,
          plan,
          maxParallel: options.maxParallel ?? availableParallelism(),
          forceRerun: options.forceRerun ?? false,
          log: options.log,
          signal: controller.signal,
          data: this.data,
          cache: this.cache,
          onChange: (steps) => {
            record.steps = steps;
            void save();
          },
        });
        Object.assign(record, {
          status: result.status,
          steps: result.steps,
          metrics: result.metrics,
          outputs: result.outputs,
          error: result.status === "Canceled" ? (entry.cancelReason ?? "canceled") : result.error,
        });
      } catch (error) {
        record.status = "Failed";
        record.error =
          error instanceof UserError ? error.describe() : error instanceof Error ? error.message : String(error);
      } finally {
        clearInterval(watcher);
      }
      record.endedAt = new Date().toISOString();
      crashPoint("job.finished");
      await save();
      await this.save(record);
      return record;
    })();
    this.running.set(name, entry);
    return name;
  }

  async preview(job: PipelineJob, _options: SubmitOptions): Promise<JobPreview> {
    const { plan } = planPipeline(job);
    const refused = [...localRefusals(plan), ...(await missingLocalData(plan))].map((p) =>
      new UserError(p.message, p.where, p.fix).describe(),
    );
    const uploads = new Set<string>();
    for (const s of plan.steps) {
      if (s.component.code && !s.component.code.includes(":")) uploads.add(s.component.code);
      for (const i of Object.values(s.inputs))
        if (i.kind === "data" && !/^[a-z][a-z0-9+.-]*:/i.test(i.path)) uploads.add(join(i.baseDir, i.path));
    }
    const reused: string[] = [];
    if (refused.length === 0 && !job.settings.forceRerun) {
      // A step would be reused when its key hits the cache and every step it reads would be reused too.
      const known = new Map<string, Record<string, string>>();
      const never = new AbortController().signal;
      for (const step of plan.steps) {
        if (!step.component.isDeterministic || step.deps.some((d) => !known.has(d))) continue;
        if (Object.values(step.inputs).some((i) => i.kind === "data" && /^https?:/.test(i.path))) continue;
        const inputs: Record<string, string | undefined> = {};
        try {
          for (const [n, i] of Object.entries(step.inputs))
            inputs[n] = await bindInput({ data: this.data, log: silent }, i, known, never);
        } catch {
          continue;
        }
        const hit = await this.cache.get(await stepReuseKey(this.root, step, inputs));
        if (hit) {
          known.set(step.id, hit.outputs);
          reused.push(step.id);
        }
      }
    }
    return { reused, refused, uploads: [...uploads] };
  }

  async wait(name: string, options: WaitOptions): Promise<JobRecord> {
    const entry = this.running.get(name);
    if (entry) return this.waitHere(name, entry, options);
    return this.waitElsewhere(name, options);
  }

  private async waitHere(name: string, entry: Running, options: WaitOptions): Promise<JobRecord> {
    const onAbort = () => {
      entry.cancelReason ??= "canceled (the run was cancelled)";
      entry.controller.abort();
    };
    options.signal.addEventListener("abort", onAbort, { once: true });
    if (options.signal.aborted) onAbort();
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => {
            options.log.warning(
              `Job ${name} ran longer than ${Math.round(options.timeoutMs! / 60000)} minute(s): cancelling it.`,
            );
            entry.cancelReason ??= `canceled: the timeout of ${options.timeoutMs! / 60000} minute(s) was reached`;
            entry.controller.abort();
          }, options.timeoutMs)
        : undefined;
    try {
      return await entry.done;
    } finally {
      if (timer) clearTimeout(timer);
      options.signal.removeEventListener("abort", onAbort);
      this.running.delete(name);
    }
  }

  /** Attaches to a job started by another process: polls its record until it ends. */
  private async waitElsewhere(name: string, options: WaitOptions): Promise<JobRecord> {
    const started = Date.now();
    let lastStatus: string | undefined;
    let cancelSent = false;
    for (;;) {
      const record = await this.get(name);
      if (!record) {
        throw new UserError(
          `no job '${name}' in the local workspace (${this.root})`,
          { subject: "job" },
          "Give the jobName a previous submit-pipeline printed",
        );
      }
      if (TERMINAL_STATUSES.includes(record.status)) return record;
      if (record.pid !== process.pid && !alive(record.pid)) {
        record.status = "Failed";
        record.error = `the runner process (pid ${record.pid}) exited before the job finished`;
        record.endedAt = new Date().toISOString();
        await this.save(record);
        return record;
      }
      const summary = record.steps.map((s) => `${s.name}:${s.status}`).join(" ");
      if (summary !== lastStatus) options.log.info(`Job ${name}: ${summary}`);
      lastStatus = summary;
      const timedOut = options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs;
      if ((options.signal.aborted || timedOut) && !cancelSent) {
        await this.cancel(name);
        cancelSent = true;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  async get(name: string): Promise<LocalJobRecord | undefined> {
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) return undefined;
    return readJson<LocalJobRecord>(join(this.dir(name), "job.json"));
  }

  async cancel(name: string): Promise<void> {
    const entry = this.running.get(name);
    if (entry) {
      entry.cancelReason ??= "canceled";
      entry.controller.abort();
      return;
    }
    if (await this.get(name)) await writeAtomic(join(this.dir(name), "cancel-requested"), new Date().toISOString());
  }

  /** The plan, or the first problem as a UserError (every problem is in the task's log before that). */
  private plan(job: PipelineJob): Plan {
    const { plan, problems } = planPipeline(job);
    if (!problems.empty) throw problems.toError();
    const refused = localRefusals(plan);
    if (refused.length > 0) {
      const [first] = refused;
      throw new UserError(first.message, { subject: "pipeline", ...first.where }, first.fix);
    }
    return plan;
  }

  /**
   * Writes the job record atomically. The first and last writes take the workspace lock; the
   * status updates in between need only the atomic rename, since a job's folder has exactly one
   * writer (its runner) and the lock costs ~15 ms a write on a busy runner.
   */
  private save(record: LocalJobRecord, locked = true): Promise<void> {
    const write = () => writeJson(join(this.dir(record.name), "job.json"), record);
    return locked ? withLock(this.root, write) : write();
  }
}

const silent = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  group: <T>(_: string, fn: () => Promise<T>) => fn(),
  secret() {},
};

/** Serialises writes of a changing record and coalesces bursts: at most one write waiting. */
function coalescingWriter(write: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  return () => {
    if (queued) return queued;
    if (!current) {
      current = write().finally(() => {
        current = undefined;
      });
      return current;
    }
    queued = current.then(() => {
      queued = undefined;
      current = write().finally(() => {
        current = undefined;
      });
      return current;
    });
    return queued;
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Azure-ML-like job names: readable, sortable by time, unique. */
export function newJobName(base: string): string {
  const slug =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "job";
  const t = new Date().toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
  return `${slug}_${t}_${randomBytes(3).toString("hex")}`;
}

export type { JobStatus };
