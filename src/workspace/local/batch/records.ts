/**
 * What the local workspace keeps about batch endpoints and their scoring jobs, and where:
 *
 *   batch-endpoints/<endpoint>.json                    the endpoint, its default and its deployments
 *   batch-endpoints/<endpoint>/<deployment>/<snapshot>/ the deployment's code, copied when it was created
 *   batch-jobs/<job>.json                              one scoring job (status, counts, where its output is)
 *   batch-jobs/<job>/score/                            its output folder when the invocation names none
 *   batch-jobs/<job>/worker-<n>.log                    what each worker process printed
 *
 * Records are schema-versioned JSON written atomically (store.ts); endpoint records change only
 * under the workspace lock.
 */
import { join } from "node:path";
import type { BatchJobRecord, JobStatus } from "../../workspace.js";
import { insideWorkspace } from "../inside.js";

export const ENDPOINTS_DIR = "batch-endpoints";
export const JOBS_DIR = "batch-jobs";

export interface BatchDeploymentRecord {
  name: string;
  /** `name:version` of the model. */
  model: string;
  /** The folder holding the model's files (AZUREML_MODEL_DIR). */
  modelDir: string;
  /** The code snapshot inside the workspace, the workers' working folder. */
  codeDir: string;
  /** The scoring script, relative to codeDir. */
  script: string;
  /** The folder the snapshot was copied from, to name the user's own file in a failure. */
  sourceDir: string;
  miniBatchSize: number;
  maxConcurrency?: number;
  errorThreshold: number;
  outputFile: string;
  /** Absent in records written before retries existed: DEFAULT_RETRY applies. */
  retry?: BatchRetry;
  createdAt: string;
}

export interface BatchRetry {
  maxRetries: number;
  timeoutSeconds: number;
}

/**
 * Azure ML's defaults for a batch deployment's retry_settings: 3 retries, 30 s per mini-batch (the
 * batch deployment YAML reference, learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-batch;
 * azure.ai.ml.entities.BatchRetrySettings; the REST spec's BatchRetrySettings, maxRetries 3, timeout PT30S).
 */
export const DEFAULT_RETRY: BatchRetry = { maxRetries: 3, timeoutSeconds: 30 };

export interface BatchEndpointRecord {
  name: string;
  createdAt: string;
  defaultDeployment?: string;
  deployments: Record<string, BatchDeploymentRecord>;
}

export interface LocalBatchJobRecord extends BatchJobRecord {
  /** The process running the job (a dead one on this host means the job was killed). */
  pid: number;
  host: string;
  createdAt: string;
  endedAt?: string;
  /** What was scored, for people. */
  input: string;
  miniBatchSize: number;
  maxConcurrency: number;
  /** The deployment's retry settings the job ran with. */
  retry?: BatchRetry;
  /** The worker processes' pids. */
  workers: number[];
}

export function endpointFile(root: string, endpoint: string): string {
  return insideWorkspace(root, ENDPOINTS_DIR, `${endpoint}.json`);
}

export function endpointDir(root: string, endpoint: string): string {
  return insideWorkspace(root, ENDPOINTS_DIR, endpoint);
}

export function deploymentDir(root: string, endpoint: string, deployment: string): string {
  return insideWorkspace(endpointDir(root, endpoint), deployment);
}

export function jobFile(root: string, job: string): string {
  return insideWorkspace(root, JOBS_DIR, `${job}.json`);
}

export function jobDir(root: string, job: string): string {
  return insideWorkspace(root, JOBS_DIR, job);
}

export function defaultOutputPath(root: string, job: string): string {
  return join(jobDir(root, job), "score");
}

export function isTerminal(status: JobStatus): boolean {
  return status === "Completed" || status === "Failed" || status === "Canceled";
}
