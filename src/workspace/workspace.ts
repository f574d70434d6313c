/**
 * The Workspace port: everything a task may ask of an ML workspace. Two backends implement it,
 * `local/` (a folder) and `azureml/` (Azure Machine Learning). Tasks only see this file.
 */
import type { Readable } from "node:stream";
import type { PipelineJob } from "../pipeline/model.js";
import type { Log } from "../run-context.js";

export type DataType = "uri_file" | "uri_folder" | "mltable";
export type Tags = Record<string, string>;

export interface DatasetVersion {
  name: string;
  version: string;
  type: DataType;
  /** Where the data lives: a local path for the local backend, an azureml:// URI on Azure. */
  uri: string;
  fingerprint: string;
  description?: string;
  tags: Tags;
  createdAt: string;
}

export interface NewDataset {
  name: string;
  type: DataType;
  /** A local file or folder to copy in, or a URI already in storage (registered without copying). */
  source: string;
  fingerprint: string;
  /** The files behind the fingerprint, when the caller already hashed them (saves a second pass). */
  files?: { path: string; size: number; sha256: string }[];
  description?: string;
  tags: Tags;
}

/** One file of a dataset, read by streaming byte ranges (never a full download first). */
export interface DatasetFile {
  /** Path inside the dataset, with forward slashes (the file's own name for a uri_file). */
  path: string;
  size: number;
  /** The file's path on this disk, when it is on this disk. */
  local?: string;
  /** Bytes [start, end) as a stream (to the end when `end` is absent). */
  open(start?: number, end?: number): Promise<Readable>;
}

export interface DatasetStore {
  /** `version` may be "latest". Undefined when there is no such dataset or version. */
  get(name: string, version: string): Promise<DatasetVersion | undefined>;
  list(name: string): Promise<DatasetVersion[]>;
  create(dataset: NewDataset, log: Log): Promise<DatasetVersion>;
  /** A local path holding the dataset's files, for readers. */
  localPath(dataset: DatasetVersion, log: Log): Promise<string>;
  /** The dataset's files, for readers that stream them where they are (optional per backend). */
  openFiles?(dataset: DatasetVersion, log: Log): Promise<DatasetFile[]>;
}

export interface ModelVersion {
  name: string;
  version: string;
  uri: string;
  description?: string;
  tags: Tags;
  /** Evaluation metrics recorded with the model (from the job that produced it). */
  metrics: Record<string, number>;
  createdAt: string;
  /**
   * The id a deployment in another workspace names this version by, where the backend has one:
   * on Azure ML a registry's `azureml://registries/<r>/models/<m>/versions/<v>`. Absent locally
   * and for a workspace's own models (deployments there name them by `name:version`).
   */
  assetId?: string;
}

export interface NewModel {
  name: string;
  /** Local file or folder holding the model, or a job output URI on Azure. */
  source: string;
  description?: string;
  tags: Tags;
  metrics: Record<string, number>;
}

export interface ModelStore {
  /** `version` may be "latest". */
  get(name: string, version: string): Promise<ModelVersion | undefined>;
  list(name: string): Promise<ModelVersion[]>;
  register(model: NewModel, log: Log): Promise<ModelVersion>;
  /** Sets tags on a version; a value of null removes the tag. */
  setTags(name: string, version: string, tags: Record<string, string | null>): Promise<ModelVersion>;
  /** A local path holding the model files (downloads on Azure). */
  localPath(model: ModelVersion, log: Log): Promise<string>;
  /**
   * The folder holding a model's files on this disk, to run its scoring script against: on Azure
   * the files are downloaded into `dir` (a fresh folder the caller removes); a backend whose files
   * are already on this disk answers their own folder and writes nothing. `model.uri` may also be
   * a job's model output that is not registered yet.
   */
  download(model: ModelFiles, dir: string, log: Log): Promise<string>;
}

/** What `download` needs: how to name the model in messages, and where its files are. */
export type ModelFiles = Pick<ModelVersion, "name" | "version" | "uri">;

/** Azure ML's job status words. */
export type JobStatus =
  | "NotStarted"
  | "Queued"
  | "Preparing"
  | "Running"
  | "Finalizing"
  | "CancelRequested"
  | "Completed"
  | "Failed"
  | "Canceled";

export const TERMINAL_STATUSES: readonly JobStatus[] = ["Completed", "Failed", "Canceled"];

export interface StepRecord {
  name: string;
  status: JobStatus;
  reused?: boolean;
  startedAt?: string;
  endedAt?: string;
  /** Why it failed: the reason itself (the exception, the error line), not a header or an exit code alone. */
  error?: string;
  /** The user's file and line the failure points at, when known (for the annotation). */
  where?: { file: string; line?: number };
}

export interface JobRecord {
  name: string;
  displayName?: string;
  experimentName: string;
  status: JobStatus;
  createdAt: string;
  endedAt?: string;
  /** Metrics logged by the job's steps, as `step.metric` and, for unique names, `metric`. */
  metrics: Record<string, number>;
  /** Pipeline outputs: output name → local path or URI. */
  outputs: Record<string, string>;
  steps: StepRecord[];
  studioUrl?: string;
  error?: string;
}

export interface SubmitOptions {
  experimentName: string;
  /** Folder relative paths in the pipeline YAML resolve against. */
  baseDir: string;
  maxParallel?: number;
  forceRerun?: boolean;
  log: Log;
  signal: AbortSignal;
}

export interface WaitOptions {
  log: Log;
  signal: AbortSignal;
  /** Cancel the job when this many milliseconds pass. */
  timeoutMs?: number;
}

/** What a submit would do, for a dry run (`dryRun: true`). */
export interface JobPreview {
  /** Steps that would be reused from earlier runs instead of running. */
  reused: string[];
  /** One line per feature this backend cannot run (the submit would be refused). */
  refused: string[];
  /** Local code folders and data that would be uploaded (Azure) or read (local). */
  uploads: string[];
}

export interface JobService {
  /** Submits (or, locally, starts) a pipeline job and returns its name. */
  submit(job: PipelineJob, options: SubmitOptions): Promise<string>;
  /** Dry run: what `submit` would do, without running or uploading anything. Optional per backend. */
  preview?(job: PipelineJob, options: SubmitOptions): Promise<JobPreview>;
  /** Waits for a terminal status, streaming step status and logs. Cancels on abort or timeout. */
  wait(name: string, options: WaitOptions): Promise<JobRecord>;
  get(name: string): Promise<JobRecord | undefined>;
  cancel(name: string): Promise<void>;
}

export interface DeploymentState {
  name: string;
  model: string;
  status: "Creating" | "Succeeded" | "Failed" | "Deleting";
  /** Direct address of this deployment when the backend has one. */
  url?: string;
  /** Why the deployment is not serving (failed to start, process gone, health failing). */
  error?: string;
}

export interface EndpointState {
  name: string;
  scoringUri: string;
  /** deployment name → percent; sums to 100 or is empty. */
  traffic: Record<string, number>;
  /** deployment name → percent of live requests copied to it, answers discarded (at most 50 in all). */
  mirrorTraffic?: Record<string, number>;
  deployments: DeploymentState[];
  /** Why the endpoint itself is not serving (its router is gone or not answering). */
  error?: string;
}

export interface NewDeployment {
  name: string;
  model: ModelVersion;
  /** The score.py with init() and run(raw_data). */
  scoringScript: string;
  /** Folder shipped with the scoring script (defaults to the script's folder). */
  codeDir: string;
  environment?: string;
  instanceType?: string;
  instanceCount?: number;
  /**
   * How long a local deployment may take to answer its health check after start, init()
   * included; past it the server is stopped and the deployment fails. Default 120 s.
   */
  startTimeoutMs?: number;
}

export interface ScoreResponse {
  status: number;
  body: string;
  /** Which deployment answered, when the backend says. */
  deployment?: string;
}

export interface EndpointService {
  get(name: string): Promise<EndpointState | undefined>;
  list(): Promise<EndpointState[]>;
  /** Creates the endpoint when absent. */
  ensure(name: string, log: Log): Promise<EndpointState>;
  /** Creates a deployment at 0 % traffic and waits until it is ready or failed. */
  createDeployment(endpoint: string, deployment: NewDeployment, log: Log): Promise<DeploymentState>;
  setTraffic(endpoint: string, traffic: Record<string, number>, log: Log): Promise<EndpointState>;
  deleteDeployment(endpoint: string, deployment: string, log: Log): Promise<void>;
  /**
   * Sends a scoring request; to one deployment directly when `deployment` is given. `once`: a
   * single attempt, no retries (a measurement counts what one request got).
   */
  invoke(endpoint: string, body: string, deployment?: string, options?: { once?: boolean }): Promise<ScoreResponse>;
  /** Deletes the endpoint and all its deployments. */
  delete(name: string, log: Log): Promise<void>;
  /**
   * Mirrored (shadow) traffic: the share of live requests copied to each deployment, whose answers
   * are discarded. Absent where the backend cannot mirror.
   */
  setMirror?(endpoint: string, mirror: Record<string, number>, log: Log): Promise<EndpointState>;
  /**
   * The requests the endpoint itself recorded after `since` (a sequence number from an earlier
   * call; 0 for all it keeps). Absent where the endpoint keeps no such record: callers measure
   * from their own requests then.
   */
  served?(endpoint: string, since?: number): Promise<ServedLog>;
  /**
   * The endpoint's own platform metrics for a past window, per deployment (Azure Monitor on Azure
   * ML). Absent where the backend has none. Never throws for a missing permission or missing
   * data: the answer says why there are none.
   */
  platformMetrics?(
    endpoint: string,
    window: { start: Date; end: Date },
    signal?: AbortSignal,
  ): Promise<PlatformMetrics>;
}

/** One deployment's platform metrics over a window: requests, and the worst 1-minute p95/p99 in ms. */
export interface PlatformDeploymentMetrics {
  requests?: number;
  p95?: number;
  p99?: number;
}

export type PlatformMetrics =
  | {
      available: true;
      /** Where they come from, for people ("Azure Monitor"). */
      source: string;
      /** The span asked for (whole minutes: the metrics' grain), as `start/end`. */
      timespan: string;
      /** Keyed by deployment. */
      deployments: Record<string, PlatformDeploymentMetrics>;
    }
  | {
      available: false;
      /** Why there are none, and what would allow them. */
      reason: string;
      /** True when asking again will not help (no permission): callers stop asking. */
      final?: boolean;
    };

/** One request an endpoint served, as its router recorded it. */
export interface ServedRequest {
  seq: number;
  deployment: string;
  /** `live`: routed by the traffic map; `direct`: sent to a named deployment; `mirror`: a copy, answer discarded. */
  kind: "live" | "direct" | "mirror";
  status: number;
  /** 2xx with a JSON body. */
  ok: boolean;
  ms: number;
  /** Why no answer came (a timeout, a refused connection). */
  error?: string;
}

export interface ServedLog {
  /** Which recorder: a different value means it restarted and the numbering began again. */
  source: string;
  /** The last sequence number handed out. */
  seq: number;
  /** Mirrored copies still awaiting their answer. */
  inflight: number;
  /** False when records after `since` have already been dropped. */
  complete: boolean;
  records: ServedRequest[];
}

/**
 * Batch endpoints: a named endpoint whose default deployment scores files in mini-batches as a
 * job (Azure ML's batch endpoints; local worker processes on the local backend).
 */
export interface BatchDeploymentState {
  name: string;
  /** The model it scores with: `name:version` or an asset id. */
  model: string;
  status: "Creating" | "Succeeded" | "Failed" | "Deleting";
  /** Why it cannot score (provisioning failed, its files are gone). */
  error?: string;
}

export interface BatchEndpointState {
  name: string;
  /** The deployment an invocation without a named deployment runs; absent until one is set. */
  defaultDeployment?: string;
  deployments: BatchDeploymentState[];
  /** Where invocations go: Azure ML's scoring URI; locally, the endpoint's record file. */
  scoringUri: string;
}

export interface NewBatchDeployment {
  name: string;
  model: ModelVersion;
  /** A score.py with init() and run(mini_batch), Azure ML's batch contract. */
  scoringScript: string;
  /** Folder shipped with the scoring script (defaults to the script's folder). */
  codeDir: string;
  /** Files per mini-batch (run() gets a list of this many paths). */
  miniBatchSize: number;
  /** Parallel workers (per instance on Azure ML). Default: the local cores; Azure ML's own default. */
  maxConcurrency?: number;
  /** Failed files an invocation tolerates before it fails; -1 tolerates any number (Azure ML's rule). */
  errorThreshold: number;
  /** File the returned rows are appended to (`append_row`), such as predictions.csv. */
  outputFile: string;
  /**
   * Azure ML's retry_settings: a mini-batch whose run() raises or outlives `timeoutSeconds` is
   * retried up to `maxRetries` times before its files count as failed. Default: Azure's 3 and 30 s.
   */
  retry?: { maxRetries: number; timeoutSeconds: number };
  environment?: string;
  /** Azure ML compute cluster the scoring job runs on. */
  compute?: string;
  instanceCount?: number;
}

/** What a batch invocation scores. */
export type BatchInput =
  /** A file or folder on this disk (uploaded to the default datastore on Azure ML). */
  | { kind: "path"; path: string }
  | { kind: "dataset"; dataset: DatasetVersion }
  /** A URI the backend reads where it is (`azureml://datastores/...`, `https://...`). */
  | { kind: "uri"; uri: string };

export interface BatchInvocation {
  /** Default: the endpoint's default deployment. */
  deployment?: string;
  input: BatchInput;
  /** A folder, or `azureml://datastores/<name>/paths/<path>` on Azure ML. Default: the backend's place for the job's outputs. */
  outputPath?: string;
  /** Default: the deployment's outputFile. */
  outputFile?: string;
}

export interface BatchJobRecord {
  name: string;
  endpoint: string;
  deployment: string;
  status: JobStatus;
  /** Where the output file was written: a folder, or an azureml:// URI. */
  outputPath: string;
  outputFile: string;
  /** Files scored and files that failed, where the backend reports them. */
  files?: { total: number; failed: number };
  /** Rows appended to the output file, where the backend reports them. */
  rows?: number;
  error?: string;
  /** The user's scoring-code file and line the first failure points at, where the backend knows it. */
  where?: { file: string; line?: number };
  studioUrl?: string;
}

export interface BatchEndpointService {
  get(name: string): Promise<BatchEndpointState | undefined>;
  list(): Promise<BatchEndpointState[]>;
  /** Creates the endpoint when absent. */
  ensure(name: string, log: Log): Promise<BatchEndpointState>;
  /** Creates (or replaces) a deployment without making it the default, and waits until it is ready or failed. */
  createDeployment(endpoint: string, deployment: NewBatchDeployment, log: Log): Promise<BatchDeploymentState>;
  /** Makes a deployment the endpoint's default. */
  setDefault(endpoint: string, deployment: string, log: Log): Promise<BatchEndpointState>;
  deleteDeployment(endpoint: string, deployment: string, log: Log): Promise<void>;
  /** Deletes the endpoint and all its deployments. */
  delete(name: string, log: Log): Promise<void>;
  /** Starts a scoring job and returns its name. */
  invoke(endpoint: string, invocation: BatchInvocation, options: { log: Log; signal: AbortSignal }): Promise<string>;
  /** Waits for the job's terminal status, streaming progress and logs. Cancels on abort or timeout. */
  wait(job: string, options: WaitOptions): Promise<BatchJobRecord>;
  getJob(job: string): Promise<BatchJobRecord | undefined>;
  /**
   * The job's output file on this disk: its own path locally; on Azure ML a copy downloaded into
   * `dir` (a fresh folder the caller removes). Undefined when the job wrote none.
   */
  readOutput(job: BatchJobRecord, dir: string, log: Log): Promise<string | undefined>;
}

/**
 * A registry: model versions shared between workspaces (an Azure ML registry, or a local registry
 * folder with the local workspace's layout rules), so a model trained in one workspace can be
 * deployed from another.
 */
export interface ModelRegistry {
  /**
   * The registry's name: Azure ML's, or the one a local registry folder records (its folder's name
   * when created). An `azureml://registries/<name>/...` reference must name it.
   */
  readonly name: string;
  readonly description: string;
  readonly models: Pick<ModelStore, "get" | "list" | "setTags" | "localPath" | "download">;
  /**
   * Copies a workspace's model version into the registry as a version of the same name, tagged
   * with `tags`. Idempotent: when a version with the same files is already there, that version
   * is answered (its tags updated), so a re-run after an interruption publishes nothing twice.
   */
  publish(model: ModelVersion, tags: Tags, log: Log): Promise<ModelVersion>;
  close(): Promise<void>;
}

/** Small files the workspace keeps beside its assets: profiles, reports, summaries. */
export interface ArtifactStore {
  write(path: string, content: string | Buffer): Promise<string>;
  read(path: string): Promise<Buffer | undefined>;
  /**
   * Appends a line (for CSV histories); creates the file when absent, starting with `header` when
   * given, in the same atomic step (so two first writers never both write a header).
   */
  append(path: string, line: string, header?: string): Promise<string>;
}

/**
 * What a backend does differently, stated as behaviour, so tasks ask what they need instead of
 * which backend they have.
 */
export interface WorkspaceCapabilities {
  /**
   * Writes change a workspace others share, with this pipeline's credentials: a fork's pull
   * request must not make them. A local workspace is a folder on this runner.
   */
  readonly sharedWrites: boolean;
  /**
   * With dryRun the backend records the requests it would send as a plan (`planSummary`), so a task
   * calls it as usual; without this, a task in dryRun must not call anything that writes.
   */
  readonly plansDryRun: boolean;
  /** A submitted job runs on without this process, so a task may return before it finishes. */
  readonly detachedJobs: boolean;
  /** Deployments run on managed compute chosen by `environment` and `instanceType`. */
  readonly managedCompute: boolean;
}

export interface Workspace {
  /** The backend's name, for messages only: decide on `capabilities`. */
  readonly backend: "local" | "azureml";
  readonly capabilities: WorkspaceCapabilities;
  /** One line for the start of every task's log: which backend and workspace. */
  readonly description: string;
  readonly datasets: DatasetStore;
  readonly models: ModelStore;
  readonly jobs: JobService;
  readonly endpoints: EndpointService;
  /** Absent where the backend has no batch endpoints. */
  readonly batchEndpoints?: BatchEndpointService;
  readonly artifacts: ArtifactStore;
  /**
   * Opens a registry by name with this workspace's sign-in (Azure ML registries). Absent where
   * registries are not named through the workspace: a local registry is a folder that
   * `openRegistry` in open.ts opens itself.
   */
  openRegistry?(name: string, log: Log): Promise<ModelRegistry>;
  /** Plan mode: Markdown listing the requests that would have changed the workspace (none sent). */
  planSummary?(): string | undefined;
  close(): Promise<void>;
}
