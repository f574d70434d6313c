/**
 * Pipeline jobs on Azure ML: code folders uploaded once per content hash, the job PUT as written
 * (hand-written request, newer api-version, so no node or setting is dropped), then a wait that
 * polls with backoff, prints each step's status changes and new log lines, reads metrics through
 * MLflow, and cancels the job on timeout or when the CI run is cancelled.
 */
import { randomBytes } from "node:crypto";
import { isAbsolute, resolve } from "node:path";
import { TaskFailure, UserError } from "../../errors.js";
import { missingDataPaths } from "../../pipeline/local-data.js";
import type { PipelineJob } from "../../pipeline/model.js";
import { isRemoteCode } from "../../references.js";
import type { Log } from "../../run-context.js";
import { failureReason } from "../../util/failure-reason.js";
import type {
  JobPreview,
  JobRecord,
  JobService,
  JobStatus,
  StepRecord,
  SubmitOptions,
  WaitOptions,
} from "../workspace.js";
import { TERMINAL_STATUSES } from "../workspace.js";
import { type AzureMlClient, sleep } from "./client.js";
import type { CodeUploader } from "./code.js";
import type { JobResource as ArmJob, HistoryRun as RunDto } from "./contract/responses.js";
import { studioJobUrl } from "./contract/routes.js";
import { compileForAzure } from "./contract/wire/pipeline-job.js";
import type { DataPlane } from "./data-plane.js";
import { ComputeResolver, EnvironmentRegistry, type InlineEnvironment } from "./environments.js";
import { uploadLocalPath } from "./local-upload.js";
import { datastorePathForSasUrl } from "./sas-datastore.js";
import { replaceSasUris } from "./sas-inputs.js";
import type { DatastoreAccess } from "./storage.js";

/** The REST body of a pipeline job. */
export interface CompiledJob {
  body: { properties: Record<string, unknown> & { jobs?: Record<string, Record<string, unknown>> } };
}

const silentLog: Log = { info() {}, warning() {}, error() {}, debug() {}, group: (_t, fn) => fn(), secret() {} };

function isLocalPath(code: unknown): code is string {
  return typeof code === "string" && !isRemoteCode(code);
}

export class AzureJobs implements JobService {
  constructor(
    private readonly client: AzureMlClient,
    private readonly code: CodeUploader,
    private readonly dataPlane: DataPlane,
    private readonly storage: DatastoreAccess,
    private readonly studio: string,
    private readonly environments = new EnvironmentRegistry(client, (dir, log) =>
      code.uploadContext(dir, log ?? silentLog),
    ),
    private readonly computes = new ComputeResolver(client),
  ) {}

  /**
   * Compiles the parsed YAML (contract/wire/pipeline-job.ts, a pure function) once to learn the
   * local code folders and data paths, uploads them (code once per content hash), compiles again
   * with their ids, registers the components the job references, then PUTs the job.
   */
  async submit(job: PipelineJob, options: SubmitOptions): Promise<string> {
    const [missing] = await missingDataPaths(job);
    if (missing) throw new UserError(missing.message, { subject: "pipeline", ...missing.where }, missing.fix);
    const first = compileForAzure(job);
    const codeIds = new Map<string, string>();
    for (const folder of first.codeFolders) codeIds.set(folder, await this.code.upload(folder, options.log));
    const dataUris = new Map<string, string>();
    for (const path of first.dataPaths) dataUris.set(path, await this.uploadData(path, options.log, options.signal));
    const compiled = compileForAzure(job, {
      codeId: (folder) => codeIds.get(folder) ?? folder,
      codeUri: (folder) => this.code.uriOf(folder) ?? folder,
      dataUri: (path) => dataUris.get(path) ?? path,
      componentId: (name, version) => this.client.id("componentVersions.createOrUpdate", { name, version }),
    });
    // A SAS URL never reaches the job body: its datastore path instead, or a refusal naming the datastore to create.
    await replaceSasUris(
      [
        { label: "job", value: compiled.properties },
        ...compiled.components.map((c) => ({ label: `component ${c.name}`, value: c.spec })),
      ],
      (uri, where) =>
        datastorePathForSasUrl(this.client, uri, options.log, {
          subject: "pipeline",
          keptBy: `the job would keep in plain text (${where}, readable by anyone who can read the workspace)`,
        }),
      (value) => options.log.secret(value),
    );
    for (const c of compiled.components) {
      if (c.spec.environment && typeof c.spec.environment === "object") {
        c.spec.environment = `azureml:${await this.environments.register(c.spec.environment as InlineEnvironment, `component ${c.name}`, options.log)}`;
      }
    }
    await this.resolveComputes(compiled.properties);
    // Nodes inside pipeline components name computes too; the SDK sends them as ARM ids.
    for (const c of compiled.components) {
      for (const [name, node] of Object.entries((c.spec.jobs ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof node.computeId === "string")
          node.computeId = await this.computes.resolve(node.computeId, `job ${name} of a pipeline component`);
      }
    }
    // AutoML nodes name theirs `compute` (the SDK's AutoML schema), resolved the same way.
    for (const [name, node] of Object.entries(
      (compiled.properties.jobs ?? {}) as Record<string, Record<string, unknown>>,
    )) {
      if (node.type === "automl" && typeof node.compute === "string")
        node.compute = await this.computes.resolve(node.compute, `job ${name}`);
    }
    for (const c of compiled.components) {
      await this.client.must(
        "componentVersions.createOrUpdate",
        { name: c.name, version: c.version },
        {
          // The SDK's component version body: description and tags beside the spec, nothing archived.
          body: {
            properties: clean({
              description: typeof c.spec.description === "string" ? c.spec.description : undefined,
              properties: {},
              tags: isRecord(c.spec.tags) ? c.spec.tags : {},
              isAnonymous: c.name === "azureml_anonymous",
              isArchived: false,
              componentSpec: c.spec,
            }),
          },
          what: `register component ${c.name}:${c.version.slice(0, 12)}`,
          signal: options.signal,
        },
      );
    }
    return this.submitCompiled({ body: { properties: compiled.properties } }, options);
  }

  /**
   * Dry run: what submit would upload. In plan mode the whole submission runs with every change
   * recorded instead of sent, so the plan file holds the component, code and job requests.
   */
  async preview(job: PipelineJob, options: SubmitOptions): Promise<JobPreview> {
    const first = compileForAzure(job);
    if (this.client.dryRun) await this.submit(job, options);
    return { reused: [], refused: [], uploads: [...first.codeFolders, ...first.dataPaths] };
  }

  /** `azureml:<name>` computes (job default and per node) become checked ARM ids. */
  private async resolveComputes(props: Record<string, unknown>): Promise<void> {
    if (typeof props.computeId === "string")
      props.computeId = await this.computes.resolve(props.computeId, "the pipeline's compute");
    const settings = props.settings as Record<string, unknown> | undefined;
    if (settings && typeof settings.default_compute === "string") {
      settings.default_compute = await this.computes.resolve(settings.default_compute, "settings.default_compute");
    }
    for (const [name, node] of Object.entries((props.jobs ?? {}) as Record<string, Record<string, unknown>>)) {
      if (typeof node.computeId === "string")
        node.computeId = await this.computes.resolve(node.computeId, `job ${name}`);
    }
  }

  /** A local data input: uploaded under its fingerprint; the same content is not sent twice. */
  private async uploadData(path: string, log: Log, signal: AbortSignal): Promise<string> {
    // Job inputs name the datastore path in the short form the SDK sends (azureml://datastores/<name>/paths/...).
    return (await uploadLocalPath(this.storage, path, log, signal)).uri;
  }

  /**
   * Uploads the local code folders the body names (`code:` of nodes and of inline components),
   * replaces them with code version ids, and PUTs the job. Nothing else in the body is touched.
   */
  async submitCompiled(compiled: CompiledJob, options: SubmitOptions): Promise<string> {
    const body = structuredClone(compiled.body);
    const props = body.properties;
    props.experimentName ??= options.experimentName;
    props.jobType ??= "Pipeline";
    for (const node of Object.values(props.jobs ?? {})) {
      for (const holder of [
        node,
        node.component as Record<string, unknown> | undefined,
        node.trial as Record<string, unknown> | undefined,
      ]) {
        if (holder && typeof holder === "object" && isLocalPath(holder.code)) {
          const dir = isAbsolute(holder.code) ? holder.code : resolve(options.baseDir, holder.code);
          holder.code = await this.code.upload(dir, options.log);
        }
      }
    }
    if (options.forceRerun) {
      const settings = { ...((props.settings as Record<string, unknown> | undefined) ?? {}) };
      settings.force_rerun ??= true;
      props.settings = settings;
    }
    const slug = String(props.displayName ?? props.experimentName ?? "pipeline")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 30);
    const name = `${slug || "pipeline"}_${randomBytes(5).toString("hex")}`;
    // Like the SDK, a job with no display name is shown by its generated name.
    props.displayName ??= name;
    const r = await this.client.must(
      "jobs.createOrUpdate",
      { name },
      {
        body,
        what: `submit pipeline job ${name}`,
        signal: options.signal,
        // A client request id lets Azure support trace one submission.
        headers: { "x-ms-client-request-id": randomBytes(16).toString("hex") },
      },
    );
    const studio = r.body?.properties?.services?.Studio?.endpoint ?? this.studioUrl(name);
    options.log.info(`${this.client.dryRun ? "Plan: would submit" : "Submitted"} pipeline job ${name}: ${studio}`);
    return name;
  }

  private studioUrl(name: string): string {
    return studioJobUrl(this.studio, this.client.ref, name);
  }

  private async read(name: string, signal?: AbortSignal): Promise<ArmJob | undefined> {
    return (
      await this.client.send(
        "jobs.get",
        { name },
        {
          allow404: true,
          what: `read job ${name}`,
          signal,
        },
      )
    )?.body;
  }

  async get(name: string): Promise<JobRecord | undefined> {
    const job = await this.read(name);
    if (!job) return undefined;
    const { steps, runs } = await this.steps(job).catch(() => ({ steps: [] as StepRecord[], runs: [] as RunDto[] }));
    // A finished job's metrics are final: read them, so a later task (compare-models) can use them.
    const done = TERMINAL_STATUSES.includes(job.properties.status ?? "NotStarted");
    return this.record(job, steps, done ? await this.metrics(runs, silentLog) : {});
  }

  private async steps(job: ArmJob, signal?: AbortSignal): Promise<{ steps: StepRecord[]; runs: RunDto[] }> {
    const runs = await this.dataPlane.childRuns(job.name, job.properties.experimentName ?? "Default", signal);
    const steps = runs.map((r) => ({
      name: r.properties?.["azureml.nodeid"] ?? r.displayName ?? r.name ?? r.runId,
      status: r.status,
      startedAt: r.startTimeUtc ?? undefined,
      endedAt: r.endTimeUtc ?? undefined,
      reused: r.properties?.["azureml.isreused"] === "true" || undefined,
      ...serviceReason(r.error?.error?.message),
    }));
    return { steps, runs };
  }

  private record(job: ArmJob, s: { steps?: StepRecord[] } | StepRecord[], metrics: Record<string, number>): JobRecord {
    const steps = Array.isArray(s) ? s : (s.steps ?? []);
    const outputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(job.properties.outputs ?? {}))
      outputs[k] = v?.uri ?? `azureml://jobs/${job.name}/outputs/${k}`;
    const status = job.properties.status ?? "NotStarted";
    const failed = steps.find((st) => st.status === "Failed");
    return {
      name: job.name,
      displayName: job.properties.displayName,
      experimentName: job.properties.experimentName ?? "Default",
      status,
      createdAt: job.systemData?.createdAt ?? "",
      endedAt: TERMINAL_STATUSES.includes(status) ? new Date().toISOString() : undefined,
      metrics,
      outputs,
      steps,
      studioUrl: job.properties.services?.Studio?.endpoint ?? this.studioUrl(job.name),
      error:
        status === "Failed"
          ? failed
            ? `step ${failed.name} failed: ${failed.error ?? "see its logs"}`
            : (job.properties.error?.message ?? "the job failed")
          : undefined,
    };
  }

  async wait(name: string, options: WaitOptions): Promise<JobRecord> {
    const { log, signal } = options;
    if (this.client.dryRun) {
      log.info(`Plan: would wait for job ${name}.`);
      return { name, experimentName: "", status: "NotStarted", createdAt: "", metrics: {}, outputs: {}, steps: [] };
    }
    const started = Date.now();
    let interval = this.client.timing.pollMs;
    const seen = new Map<string, JobStatus>();
    const logOffsets = new Map<string, number>();
    let lastParent: JobStatus | undefined;
    let timedOut = false;
    for (;;) {
      if (signal.aborted) {
        await this.cancelQuietly(name, log, "the CI run was cancelled");
        throw signal.reason instanceof Error ? signal.reason : new TaskFailure("cancelled");
      }
      if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs && !timedOut) {
        timedOut = true;
        log.warning(`Job ${name} ran longer than ${Math.round(options.timeoutMs / 60000)} minute(s): cancelling it.`);
        await this.cancelQuietly(name, log, "timeout");
      }
      const job = await this.read(name, signal);
      if (!job)
        throw new UserError(
          `no job '${name}' in workspace ${this.client.ref.workspaceName}`,
          { subject: "job" },
          "Give the jobName a previous submit-pipeline printed",
        );
      const status = job.properties.status ?? "NotStarted";
      if (status !== lastParent) {
        log.info(`Job ${name}: ${status}`);
        lastParent = status;
      }
      const { steps, runs } = await this.steps(job, signal).catch((error) => {
        log.debug(`run history unavailable: ${error instanceof Error ? error.message : String(error)}`);
        return { steps: [] as StepRecord[], runs: [] as RunDto[] };
      });
      for (const st of steps) {
        if (seen.get(st.name) !== st.status) {
          log.info(`  step ${st.name}: ${st.status}${st.error ? ` (${st.error})` : ""}`);
          seen.set(st.name, st.status);
        }
      }
      for (const run of runs.filter((r) => r.status !== "NotStarted")) {
        await this.streamLogs(run, logOffsets, log, signal);
      }
      if (TERMINAL_STATUSES.includes(status)) {
        const metrics = await this.metrics(runs, log);
        const record = this.record(job, steps, metrics);
        if (timedOut && status === "Canceled")
          record.error = `canceled: the timeout of ${Math.round((options.timeoutMs ?? 0) / 60000)} minute(s) was reached`;
        return record;
      }
      await sleep(interval, signal).catch(() => {});
      interval = Math.min(interval * 1.5, this.client.timing.maxPollMs);
    }
  }

  private async streamLogs(run: RunDto, offsets: Map<string, number>, log: Log, signal: AbortSignal): Promise<void> {
    const step = run.properties?.["azureml.nodeid"] ?? run.displayName ?? run.runId;
    try {
      const files = await this.dataPlane.logFiles(run.runId, signal);
      for (const [file, url] of Object.entries(files)) {
        if (!/std_log|stdout|stderr/.test(file)) continue;
        const key = `${run.runId}/${file}`;
        const text = await this.dataPlane.fetchText(url, signal);
        const from = offsets.get(key) ?? 0;
        if (text.length <= from) continue;
        for (const line of text.slice(from).split(/\r?\n/)) if (line) log.info(`  [${step}] ${line}`);
        offsets.set(key, text.length);
      }
    } catch (error) {
      log.debug(`logs of ${step} unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Every step's latest metrics from MLflow, as `step.metric`, and `metric` when only one step logs it. */
  private async metrics(runs: RunDto[], log: Log): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    const count = new Map<string, number>();
    const plain: Record<string, number> = {};
    for (const run of runs) {
      const step = run.properties?.["azureml.nodeid"] ?? run.displayName ?? run.runId;
      try {
        for (const [k, v] of Object.entries(await this.dataPlane.runMetrics(run.runId))) {
          out[`${step}.${k}`] = v;
          plain[k] = v;
          count.set(k, (count.get(k) ?? 0) + 1);
        }
      } catch (error) {
        log.warning(
          `Could not read the metrics of step ${step}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    for (const [k, n] of count) if (n === 1) out[k] = plain[k];
    return out;
  }

  private async cancelQuietly(name: string, log: Log, why: string): Promise<void> {
    try {
      await this.cancel(name);
      log.info(`Cancelled job ${name} (${why}).`);
    } catch (error) {
      log.warning(`Could not cancel job ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async cancel(name: string): Promise<void> {
    const r = await this.client.must(
      "jobs.cancel",
      { name },
      {
        what: `cancel job ${name}`,
      },
    );
    await this.client.waitLro(r, `cancel job ${name}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Drops undefined members so the body holds only what is known. */
function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * The reason inside a failed step's service error: Azure ML wraps the user's stderr in a header
 * ("Execution failed. User process 'python' exited with status code 1. Please check log file
 * ..."). The step's code runs in the job's working folder (`.../exe/wd/`), so a frame there is the
 * user's file, named relative to the step's code folder.
 */
export function serviceReason(message: string | undefined): { error?: string; where?: StepRecord["where"] } {
  if (!message) return {};
  const stderr = message.replace(/^[^\n]*?for error details\.\s*(?:Error:\s*)?/, "");
  const reason = failureReason(stderr, (path) => /(?:^|\/)wd\/(.+)$/.exec(path)?.[1]);
  if (!reason) return { error: message };
  return { error: reason.message, ...(reason.file ? { where: { file: reason.file, line: reason.line } } : {}) };
}
