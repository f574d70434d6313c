/**
 * Local batch endpoints (records.ts says what is kept where). A deployment is a record plus a
 * snapshot of its code (code-snapshot.ts) and the folder of its model's files; an invocation is a
 * batch job run by this process with Python worker processes (run-job.ts), recorded in
 * `batch-jobs/<job>.json`. A job whose process dies is marked Failed, and its temp output removed,
 * by the next run (batch/recover.ts).
 */
import { randomBytes } from "node:crypto";
import { rename, rm, stat } from "node:fs/promises";
import { availableParallelism, hostname } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UserError } from "../../../errors.js";
import { checkName } from "../../../names.js";
import { isRemoteUri } from "../../../references.js";
import type { Log } from "../../../run-context.js";
import { crashPoint } from "../../../util/crash-point.js";
import { syncDir } from "../../../util/files.js";
import { resolvePython } from "../../../util/python.js";
import type {
  BatchDeploymentState,
  BatchEndpointService,
  BatchEndpointState,
  BatchInvocation,
  BatchJobRecord,
  DatasetStore,
  NewBatchDeployment,
  WaitOptions,
} from "../../workspace.js";
import { refuseOtherKind } from "../endpoint-names.js";
import { processAlive } from "../lock.js";
import { exists, listDir, mkdirDurable, newStagingDir, readJson, withLock, writeJson } from "../store.js";
import { copyCode, snapshotName } from "./code-snapshot.js";
import { listInputFiles } from "./input-files.js";
import {
  type BatchDeploymentRecord,
  type BatchEndpointRecord,
  DEFAULT_RETRY,
  defaultOutputPath,
  deploymentDir,
  ENDPOINTS_DIR,
  endpointDir,
  endpointFile,
  isTerminal,
  jobDir,
  jobFile,
  type LocalBatchJobRecord,
} from "./records.js";
import { runBatchJob } from "./run-job.js";

interface Running {
  done: Promise<LocalBatchJobRecord>;
  controller: AbortController;
  cancelReason?: string;
}

export interface LocalBatchOptions {
  /** The Python that runs the scoring code (default: MLOPS_PYTHON, else python3). */
  python?: string;
}

const POLL_MS = 500;

export class LocalBatchEndpoints implements BatchEndpointService {
  private readonly root: string;
  private readonly running = new Map<string, Running>();

  constructor(
    root: string,
    private readonly datasets: DatasetStore,
    private readonly options: LocalBatchOptions = {},
  ) {
    // Workers run in other folders: every path they get must be absolute.
    this.root = resolve(root);
  }

  private read(name: string): Promise<BatchEndpointRecord | undefined> {
    return readJson<BatchEndpointRecord>(endpointFile(this.root, name));
  }

  private async state(rec: BatchEndpointRecord): Promise<BatchEndpointState> {
    const deployments = await Promise.all(
      Object.values(rec.deployments).map(async (d): Promise<BatchDeploymentState> => {
        const problem = await deploymentProblem(d);
        return problem
          ? { name: d.name, model: d.model, status: "Failed", error: problem }
          : { name: d.name, model: d.model, status: "Succeeded" };
      }),
    );
    return {
      name: rec.name,
      ...(rec.defaultDeployment ? { defaultDeployment: rec.defaultDeployment } : {}),
      deployments,
      scoringUri: endpointFile(this.root, rec.name),
    };
  }

  async get(name: string): Promise<BatchEndpointState | undefined> {
    if (!isPlainName(name)) return undefined;
    const rec = await this.read(name);
    return rec ? this.state(rec) : undefined;
  }

  async list(): Promise<BatchEndpointState[]> {
    const out: BatchEndpointState[] = [];
    for (const f of await listDir(join(this.root, ENDPOINTS_DIR))) {
      if (!f.endsWith(".json")) continue;
      const state = await this.get(f.slice(0, -5));
      if (state) out.push(state);
    }
    return out;
  }

  async ensure(name: string, log: Log): Promise<BatchEndpointState> {
    checkName("endpoint", name, "endpoint");
    const rec = await withLock(this.root, async () => {
      const found = await this.read(name);
      if (found) return found;
      await refuseOtherKind(this.root, name, "batch");
      const rec: BatchEndpointRecord = { name, createdAt: new Date().toISOString(), deployments: {} };
      await writeJson(endpointFile(this.root, name), rec);
      log.info(`Created local batch endpoint ${name}`);
      return rec;
    });
    return this.state(rec);
  }

  async createDeployment(endpoint: string, deployment: NewBatchDeployment, log: Log): Promise<BatchDeploymentState> {
    const { name } = deployment;
    checkName("deployment", name, "deployment");
    const settings = checkSettings(deployment);
    const sourceDir = resolve(deployment.codeDir);
    const scriptPath = resolve(deployment.scoringScript);
    const script = relative(sourceDir, scriptPath);
    if (script.startsWith("..") || isAbsolute(script)) {
      throw new UserError(
        `scoring script ${deployment.scoringScript} is outside the code folder ${sourceDir}`,
        { subject: "scoringScript" },
        "Put the scoring script inside the folder shipped with it",
      );
    }
    if (!(await stat(scriptPath).catch(() => undefined))?.isFile()) {
      throw new UserError(
        `scoring script ${scriptPath} does not exist`,
        { subject: "scoringScript" },
        "Give the path of a score.py with init() and run(mini_batch)",
      );
    }
    const modelDir = await modelFolder(deployment.model);
    const modelRef = `${deployment.model.name}:${deployment.model.version}`;
    if (!(await this.read(endpoint))) throw new Error(`batch endpoint ${endpoint} does not exist; ensure it first`);
    // The copy is made outside the lock (it may be large); publishing it is one rename under it.
    const staged = await newStagingDir(this.root);
    try {
      const copied = await copyCode(sourceDir, join(staged, "code"), this.root);
      const snapshot = snapshotName();
      const replaced = await withLock(this.root, async () => {
        const rec = await this.read(endpoint);
        if (!rec) throw new Error(`batch endpoint ${endpoint} was deleted while deployment ${name} was created`);
        const dir = deploymentDir(this.root, endpoint, name);
        await mkdirDurable(dir);
        await rename(join(staged, "code"), join(dir, snapshot));
        await syncDir(dir);
        crashPoint("batch-deployment.placed");
        const previous = rec.deployments[name];
        rec.deployments[name] = {
          name,
          model: modelRef,
          modelDir,
          codeDir: join(dir, snapshot),
          script,
          sourceDir,
          ...settings,
          createdAt: new Date().toISOString(),
        };
        await writeJson(endpointFile(this.root, endpoint), rec);
        return previous;
      });
      // The snapshot the replaced deployment used is no longer referenced.
      if (replaced && replaced.codeDir !== join(deploymentDir(this.root, endpoint, name), snapshot)) {
        await rm(replaced.codeDir, { recursive: true, force: true });
      }
      log.info(
        `${replaced ? "Replaced" : "Created"} batch deployment ${name} of ${modelRef} on ${endpoint} (${copied} code file(s) from ${sourceDir}, AZUREML_MODEL_DIR=${modelDir})`,
      );
      return { name, model: modelRef, status: "Succeeded" };
    } finally {
      await rm(staged, { recursive: true, force: true });
    }
  }

  async setDefault(endpoint: string, deployment: string, log: Log): Promise<BatchEndpointState> {
    const rec = await withLock(this.root, async () => {
      const rec = await this.read(endpoint);
      if (!rec) throw new Error(`batch endpoint ${endpoint} does not exist`);
      const dep = rec.deployments[deployment];
      if (!dep) throw new Error(`batch endpoint ${endpoint} has no deployment ${deployment}`);
      const problem = await deploymentProblem(dep);
      if (problem) throw new Error(`deployment ${deployment} cannot be the default: ${problem}`);
      rec.defaultDeployment = deployment;
      await writeJson(endpointFile(this.root, endpoint), rec);
      return rec;
    });
    log.info(`Batch endpoint ${endpoint}: default deployment is now ${deployment}`);
    return this.state(rec);
  }

  async deleteDeployment(endpoint: string, deployment: string, log: Log): Promise<void> {
    const removed = await withLock(this.root, async () => {
      const rec = await this.read(endpoint);
      const dep = rec?.deployments[deployment];
      if (!rec || !dep) return false;
      if (rec.defaultDeployment === deployment) {
        throw new Error(
          `deployment ${deployment} is the default of batch endpoint ${endpoint}; make another deployment the default first`,
        );
      }
      delete rec.deployments[deployment];
      await writeJson(endpointFile(this.root, endpoint), rec);
      await rm(deploymentDir(this.root, endpoint, deployment), { recursive: true, force: true });
      return true;
    });
    if (removed) log.info(`Deleted batch deployment ${deployment} from ${endpoint}`);
  }

  async delete(name: string, log: Log): Promise<void> {
    if (!isPlainName(name)) return;
    const rec = await withLock(this.root, async () => {
      const rec = await this.read(name);
      if (!rec) return undefined;
      // The record goes first: a folder without its record is an orphan the next run removes.
      await rm(endpointFile(this.root, name), { force: true });
      await rm(endpointDir(this.root, name), { recursive: true, force: true });
      return rec;
    });
    if (rec) log.info(`Deleted batch endpoint ${name} and its ${Object.keys(rec.deployments).length} deployment(s)`);
  }

  async invoke(
    endpoint: string,
    invocation: BatchInvocation,
    options: { log: Log; signal: AbortSignal },
  ): Promise<string> {
    const { log } = options;
    const rec = isPlainName(endpoint) ? await this.read(endpoint) : undefined;
    if (!rec) {
      throw new UserError(
        `there is no batch endpoint '${endpoint}' in the local workspace ${this.root}`,
        { subject: "endpoint" },
        "Create it with deploy-endpoint (endpointType: batch); `mlops endpoints list` shows the ones there are",
      );
    }
    const name = invocation.deployment ?? rec.defaultDeployment;
    if (!name) {
      throw new UserError(
        `batch endpoint ${endpoint} has no default deployment`,
        { subject: "deployment" },
        "Name the deployment to run, or make one the default",
      );
    }
    const deployment = rec.deployments[name];
    if (!deployment) {
      throw new UserError(
        `batch endpoint ${endpoint} has no deployment '${name}'`,
        { subject: "deployment" },
        `Use one of: ${Object.keys(rec.deployments).join(", ") || "(none)"}`,
      );
    }
    const problem = await deploymentProblem(deployment);
    if (problem) throw new UserError(`deployment ${name} of batch endpoint ${endpoint} cannot score: ${problem}`);
    const outputFile = invocation.outputFile ?? deployment.outputFile;
    checkOutputFile(outputFile);
    if (invocation.outputPath && isRemoteUri(invocation.outputPath)) {
      throw new UserError(
        `output path '${invocation.outputPath}' is not a folder on this disk`,
        { subject: "outputPath" },
        "Give a local folder for the local backend (azureml:// paths are for Azure ML)",
      );
    }
    const { files, label } = await listInputFiles(invocation.input, this.datasets, log);
    const python = this.options.python ?? (await resolvePython());
    const job = newBatchJobName(endpoint);
    const record: LocalBatchJobRecord = {
      name: job,
      endpoint,
      deployment: name,
      status: "Running",
      outputPath: invocation.outputPath ? resolve(invocation.outputPath) : defaultOutputPath(this.root, job),
      outputFile,
      files: { total: files.length, failed: 0 },
      rows: 0,
      pid: process.pid,
      host: hostname(),
      createdAt: new Date().toISOString(),
      input: label,
      miniBatchSize: deployment.miniBatchSize,
      maxConcurrency: deployment.maxConcurrency ?? availableParallelism(),
      retry: deployment.retry ?? DEFAULT_RETRY,
      workers: [],
      // Its folder holds the workers' logs: what a reader of a failed job opens next.
      studioUrl: pathToFileURL(jobDir(this.root, job)).href,
    };
    const file = jobFile(this.root, job);
    await withLock(this.root, () => writeJson(file, record));
    await mkdirDurable(jobDir(this.root, job));
    crashPoint("batch-job.recorded");
    log.info(
      `Batch job ${job}: ${deployment.name} of ${endpoint} scores ${label} in mini-batches of ${record.miniBatchSize}, ${record.maxConcurrency} worker(s), ${record.retry?.timeoutSeconds} s and ${record.retry?.maxRetries} retries per mini-batch`,
    );
    const controller = new AbortController();
    const entry: Running = { controller, done: Promise.resolve(record) };
    const onAbort = () => {
      entry.cancelReason ??= "canceled (the run was cancelled)";
      controller.abort();
    };
    options.signal.addEventListener("abort", onAbort, { once: true });
    if (options.signal.aborted) onAbort();
    // Progress saves one after another, so an older snapshot never lands after a newer one.
    let saving: Promise<void> = Promise.resolve();
    const save = () => {
      saving = saving.then(() => writeJson(file, record)).catch(() => {});
      return saving;
    };
    entry.done = (async () => {
      try {
        await runBatchJob({
          record,
          deployment,
          files,
          python,
          logDir: jobDir(this.root, job),
          log,
          signal: controller.signal,
          cancelReason: () => entry.cancelReason,
          save,
        });
      } catch (error) {
        record.status = "Failed";
        record.error = error instanceof Error ? error.message : String(error);
      } finally {
        options.signal.removeEventListener("abort", onAbort);
      }
      record.endedAt = new Date().toISOString();
      await saving;
      await withLock(this.root, () => writeJson(file, record));
      return record;
    })();
    this.running.set(job, entry);
    return job;
  }

  async wait(job: string, options: WaitOptions): Promise<BatchJobRecord> {
    const entry = this.running.get(job);
    if (!entry) return this.waitElsewhere(job, options);
    const cancel = (why: string) => {
      entry.cancelReason ??= why;
      entry.controller.abort();
    };
    const onAbort = () => cancel("canceled (the run was cancelled)");
    options.signal.addEventListener("abort", onAbort, { once: true });
    if (options.signal.aborted) onAbort();
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => {
            options.log.warning(`Batch job ${job} ran longer than ${formatMs(options.timeoutMs ?? 0)}: cancelling it.`);
            cancel(`canceled: the timeout of ${formatMs(options.timeoutMs ?? 0)} was reached`);
          }, options.timeoutMs)
        : undefined;
    try {
      return publicRecord(await entry.done);
    } finally {
      if (timer) clearTimeout(timer);
      options.signal.removeEventListener("abort", onAbort);
    }
  }

  /** A job another process runs: its record, polled until it ends or its process is gone. */
  private async waitElsewhere(job: string, options: WaitOptions): Promise<BatchJobRecord> {
    const started = Date.now();
    for (;;) {
      const rec = await this.readJob(job);
      if (!rec) {
        throw new UserError(`there is no batch job '${job}' in the local workspace ${this.root}`, { subject: "job" });
      }
      if (isTerminal(rec.status)) return publicRecord(rec);
      if (rec.host === hostname() && rec.pid !== process.pid && !processAlive(rec.pid)) {
        const closed = await withLock(this.root, async () => {
          const now = await this.readJob(job);
          if (!now || isTerminal(now.status)) return now;
          now.status = "Failed";
          now.error = `the process running it (pid ${now.pid}) exited before the job finished`;
          now.endedAt = new Date().toISOString();
          await writeJson(jobFile(this.root, job), now);
          return now;
        });
        if (closed) return publicRecord(closed);
      }
      const over = options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs;
      if (options.signal.aborted || over) {
        throw new UserError(
          `batch job ${job} runs in another process (pid ${rec.pid}); stopped waiting for it`,
          { subject: "job" },
          "Stop that process to cancel the job",
        );
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private readJob(job: string): Promise<LocalBatchJobRecord | undefined> {
    if (!isPlainName(job)) return Promise.resolve(undefined);
    return readJson<LocalBatchJobRecord>(jobFile(this.root, job));
  }

  async getJob(job: string): Promise<BatchJobRecord | undefined> {
    const rec = await this.readJob(job);
    return rec ? publicRecord(rec) : undefined;
  }

  /** The output file where the job wrote it: nothing is copied, `dir` stays empty. */
  async readOutput(job: BatchJobRecord, _dir?: string, _log?: Log): Promise<string | undefined> {
    const file = join(job.outputPath, job.outputFile);
    return (await exists(file)) ? file : undefined;
  }
}

/** The port's fields plus what a reader of the local record may use (where, times). */
function publicRecord(rec: LocalBatchJobRecord): BatchJobRecord {
  const { schemaVersion: _, ...rest } = rec as LocalBatchJobRecord & { schemaVersion?: number };
  return rest;
}

function isPlainName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) && !name.includes("..");
}

/** Why a deployment cannot score (its code snapshot or model files are gone), or undefined. */
async function deploymentProblem(d: BatchDeploymentRecord): Promise<string | undefined> {
  if (!(await exists(join(d.codeDir, d.script)))) return `its code snapshot ${d.codeDir} is gone`;
  if (!(await exists(d.modelDir))) return `the files of model ${d.model} are gone from ${d.modelDir}`;
  return undefined;
}

/** The folder holding a model's files (a file model's parent), as Azure ML's AZUREML_MODEL_DIR. */
async function modelFolder(model: NewBatchDeployment["model"]): Promise<string> {
  if (isRemoteUri(model.uri)) {
    throw new UserError(
      `model ${model.name}:${model.version} is at ${model.uri}, not on this disk`,
      {},
      "Register the model in the local workspace (or a local registry) to deploy it locally",
    );
  }
  const path = resolve(model.uri);
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new UserError(
      `the files of model ${model.name}:${model.version} are gone from ${path}`,
      {},
      "Run mlops workspace check, or register the model again",
    );
  }
  return info.isFile() ? dirname(path) : path;
}

function checkSettings(
  d: NewBatchDeployment,
): Pick<BatchDeploymentRecord, "miniBatchSize" | "maxConcurrency" | "errorThreshold" | "outputFile" | "retry"> {
  if (!Number.isInteger(d.miniBatchSize) || d.miniBatchSize < 1) {
    throw new UserError(`miniBatchSize must be a whole number of files, 1 or more; got ${d.miniBatchSize}`);
  }
  if (d.maxConcurrency !== undefined && (!Number.isInteger(d.maxConcurrency) || d.maxConcurrency < 1)) {
    throw new UserError(`maxConcurrency must be a whole number of workers, 1 or more; got ${d.maxConcurrency}`);
  }
  if (!Number.isInteger(d.errorThreshold) || d.errorThreshold < -1) {
    throw new UserError(
      `errorThreshold must be a whole number of files, or -1 to tolerate any number; got ${d.errorThreshold}`,
    );
  }
  checkOutputFile(d.outputFile);
  const retry = d.retry ?? DEFAULT_RETRY;
  if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
    throw new UserError(`maxRetries must be a whole number of retries, 0 or more; got ${retry.maxRetries}`);
  }
  if (!Number.isInteger(retry.timeoutSeconds) || retry.timeoutSeconds < 1) {
    throw new UserError(
      `the mini-batch timeout must be a whole number of seconds, 1 or more; got ${retry.timeoutSeconds}`,
    );
  }
  return {
    miniBatchSize: d.miniBatchSize,
    ...(d.maxConcurrency !== undefined ? { maxConcurrency: d.maxConcurrency } : {}),
    errorThreshold: d.errorThreshold,
    outputFile: d.outputFile,
    // Stored, so a later `mlops endpoints invoke` retries as the deployment was told to.
    retry: { maxRetries: retry.maxRetries, timeoutSeconds: retry.timeoutSeconds },
  };
}

function checkOutputFile(name: string): void {
  if (!name || name === "." || name === ".." || /[/\\\0]/.test(name)) {
    throw new UserError(
      `output file '${name}' is not a file name`,
      {},
      "Give a plain file name such as predictions.csv (the folder goes in outputPath)",
    );
  }
}

/** Azure-ML-like job names: the endpoint, a time, a random suffix. */
function newBatchJobName(endpoint: string): string {
  const t = new Date().toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
  return `${endpoint.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${t}_${randomBytes(3).toString("hex")}`;
}

function formatMs(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} minute(s)` : `${Math.round(ms / 1000)} s`;
}
