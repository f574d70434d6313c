// An in-memory BatchEndpointService for the batch rollout's unit tests: it records every call in
// order, and each invocation's outcome comes from `outcome` (per deployment), so tests can produce
// what a local process cannot (a provisioning that ends Failed, a job Azure ML reports Canceled).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type {
  ArtifactStore,
  BatchDeploymentState,
  BatchEndpointService,
  BatchEndpointState,
  BatchInvocation,
  BatchJobRecord,
  NewBatchDeployment,
  WaitOptions,
} from "../../src/workspace/workspace.js";

export interface JobOutcome {
  status?: BatchJobRecord["status"];
  files?: { total: number; failed: number };
  rows?: number;
  error?: string;
  /** The output file's text; undefined: the job wrote none. */
  output?: string;
}

export class MemoryArtifacts implements ArtifactStore {
  files = new Map<string, string>();
  async write(path: string, content: string | Buffer): Promise<string> {
    this.files.set(path, content.toString());
    return path;
  }
  async read(path: string): Promise<Buffer | undefined> {
    const v = this.files.get(path);
    return v === undefined ? undefined : Buffer.from(v);
  }
  async append(path: string, line: string): Promise<string> {
    this.files.set(path, `${this.files.get(path) ?? ""}${line}\n`);
    return path;
  }
}

export class MemoryBatch implements BatchEndpointService {
  calls: string[] = [];
  endpoints = new Map<string, { defaultDeployment?: string; deployments: Map<string, BatchDeploymentState> }>();
  jobs = new Map<string, BatchJobRecord & { output?: string }>();
  createStatus: BatchDeploymentState["status"] = "Succeeded";
  /** What a job of each deployment ends with; default: completed, 3 files, 3 rows. */
  outcome: (deployment: string) => JobOutcome = () => ({ output: "a.csv 1\nb.csv 2\nc.csv 3\n" });
  /** Throw from these calls (by name), to test a rollback that cannot finish. */
  failing = new Set<string>();
  invocations: BatchInvocation[] = [];

  private check(call: string): void {
    if (this.failing.has(call)) throw new Error(`${call} failed (injected)`);
  }

  private state(name: string): BatchEndpointState | undefined {
    const e = this.endpoints.get(name);
    if (!e) return undefined;
    return {
      name,
      ...(e.defaultDeployment ? { defaultDeployment: e.defaultDeployment } : {}),
      deployments: [...e.deployments.values()].map((d) => ({ ...d })),
      scoringUri: `https://${name}.example/jobs`,
    };
  }

  async get(name: string) {
    return this.state(name);
  }
  async list() {
    return [...this.endpoints.keys()].map((n) => this.state(n) as BatchEndpointState);
  }
  async ensure(name: string) {
    this.calls.push(`ensure ${name}`);
    if (!this.endpoints.has(name)) this.endpoints.set(name, { deployments: new Map() });
    return this.state(name) as BatchEndpointState;
  }
  async createDeployment(endpoint: string, d: NewBatchDeployment) {
    this.calls.push(`create ${d.name}`);
    this.check("create");
    const state: BatchDeploymentState = {
      name: d.name,
      model: `${d.model.name}:${d.model.version}`,
      status: this.createStatus,
      ...(this.createStatus === "Failed" ? { error: "image build failed" } : {}),
    };
    this.endpoints.get(endpoint)?.deployments.set(d.name, state);
    return state;
  }
  async setDefault(endpoint: string, deployment: string) {
    this.calls.push(`default ${deployment}`);
    this.check("setDefault");
    const e = this.endpoints.get(endpoint);
    if (!e?.deployments.has(deployment)) throw new Error(`no deployment ${deployment}`);
    e.defaultDeployment = deployment;
    return this.state(endpoint) as BatchEndpointState;
  }
  async deleteDeployment(endpoint: string, deployment: string) {
    this.calls.push(`delete ${deployment}`);
    this.check("deleteDeployment");
    const e = this.endpoints.get(endpoint);
    if (e?.defaultDeployment === deployment) throw new Error(`${deployment} is the default`);
    e?.deployments.delete(deployment);
  }
  async delete(name: string) {
    this.calls.push(`delete endpoint ${name}`);
    this.endpoints.delete(name);
  }
  async invoke(endpoint: string, invocation: BatchInvocation, options: { signal: AbortSignal }) {
    const deployment = invocation.deployment ?? this.endpoints.get(endpoint)?.defaultDeployment ?? "";
    this.calls.push(`invoke ${deployment}`);
    this.invocations.push(invocation);
    const name = `job-${this.jobs.size + 1}`;
    const o = this.outcome(deployment);
    const rows = o.output?.split("\n").filter((l) => l.trim()).length;
    this.jobs.set(name, {
      name,
      endpoint,
      deployment,
      status: options.signal.aborted ? "Canceled" : (o.status ?? "Completed"),
      outputPath: invocation.outputPath ?? `/jobs/${name}`,
      outputFile: invocation.outputFile ?? "predictions.csv",
      files: o.files ?? { total: 3, failed: 0 },
      ...(o.rows !== undefined ? { rows: o.rows } : rows !== undefined ? { rows } : {}),
      ...(o.error ? { error: o.error } : {}),
      output: o.output,
    });
    return name;
  }
  async wait(job: string, options: WaitOptions) {
    this.calls.push(`wait ${job}`);
    const record = this.jobs.get(job) as BatchJobRecord & { output?: string };
    if (options.signal.aborted) record.status = "Canceled";
    const { output: _, ...rest } = record;
    return rest;
  }
  async getJob(job: string) {
    return this.jobs.get(job);
  }
  async readOutput(job: BatchJobRecord, dir: string) {
    const text = this.jobs.get(job.name)?.output;
    if (text === undefined) return undefined;
    const path = join(dir, job.outputFile);
    await writeFile(path, text);
    return path;
  }
}
