/**
 * Azure ML batch endpoints: endpoints and deployments through hand-written requests (routes and
 * api-version in contract/routes.ts, bodies in contract/wire/batch-*.ts, in the SDK's form), each
 * change a long-running operation followed to its end; the default deployment set by PUTting the
 * endpoint with `defaults.deploymentName`. An invocation is a batch job POSTed to the endpoint's
 * scoring URI (batch-invocation.ts); the job is then an ordinary workspace job, waited for and
 * its logs streamed as pipeline jobs are (jobs.ts), and its output file read from the datastore.
 */
import { randomUUID } from "node:crypto";
import { join, relative, sep } from "node:path";
import { UserError } from "../../errors.js";
import { parseRegisteredRef } from "../../references.js";
import type { Log } from "../../run-context.js";
import type {
  BatchDeploymentState,
  BatchEndpointService,
  BatchEndpointState,
  BatchInvocation,
  BatchJobRecord,
  JobRecord,
  NewBatchDeployment,
  WaitOptions,
} from "../workspace.js";
import { outputFileUri, postBatchJob, resolveBatchInput } from "./batch-invocation.js";
import type { AzureMlClient } from "./client.js";
import type { CodeUploader } from "./code.js";
import type { BatchDeploymentResource, BatchEndpointResource, Page } from "./contract/responses.js";
import { batchDeploymentBody } from "./contract/wire/batch-deployment.js";
import { batchEndpointBody, batchEndpointDefaultUpdate } from "./contract/wire/batch-endpoint.js";
import { BATCH_OUTPUT, batchInvocationBody } from "./contract/wire/batch-job.js";
import type { DataPlane } from "./data-plane.js";
import { deploymentStatus } from "./endpoints.js";
import { ComputeResolver, EnvironmentRegistry } from "./environments.js";
import type { AzureJobs } from "./jobs.js";
import { DatastoreAccess, parseDatastoreUri } from "./storage.js";

/** Azure ML's rule for endpoint names (the SDK's EndpointConfigurations). */
const ENDPOINT_NAME = /^[a-zA-Z]([-a-zA-Z0-9]{1,30}[a-zA-Z0-9])$/;

/** The curated image the online deployments default to: Python with the inference server. */
const DEFAULT_IMAGE = "mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest";

/** Where an invocation's output went, kept for the jobs this process started. */
interface Invoked {
  endpoint: string;
  deployment: string;
  outputPath?: string;
  outputFile: string;
}

/** `name:version` for a workspace model's ARM id; any other id (a registry's) as it is. */
function modelLabel(assetId: string | undefined): string {
  const m = /\/models\/([^/]+)\/versions\/([^/]+)$/.exec(assetId ?? "");
  return m && assetId?.startsWith("/subscriptions/")
    ? `${decodeURIComponent(m[1])}:${decodeURIComponent(m[2])}`
    : (assetId ?? "");
}

export class AzureBatchEndpoints implements BatchEndpointService {
  private readonly invoked = new Map<string, Invoked>();

  constructor(
    private readonly client: AzureMlClient,
    private readonly code: CodeUploader,
    private readonly storage: DatastoreAccess,
    private readonly jobs: AzureJobs,
    private readonly dataPlane: DataPlane,
    private readonly location: () => Promise<string>,
    private readonly log: () => Log,
    private readonly environments = new EnvironmentRegistry(client),
    private readonly computes = new ComputeResolver(client),
  ) {}

  private async readEndpoint(name: string): Promise<BatchEndpointResource | undefined> {
    return (
      await this.client.send(
        "batchEndpoints.get",
        { endpoint: name },
        { allow404: true, what: `read batch endpoint ${name}` },
      )
    )?.body;
  }

  private async mustReadEndpoint(name: string): Promise<BatchEndpointResource> {
    const ep = await this.readEndpoint(name);
    if (!ep)
      throw new UserError(
        `batch endpoint '${name}' does not exist`,
        { subject: "endpoint" },
        "Create it first (deploy-endpoint with endpointType: batch creates it when absent)",
      );
    return ep;
  }

  private async deployments(endpoint: string): Promise<BatchDeploymentResource[]> {
    const what = `list deployments of batch endpoint ${endpoint}`;
    const first = await this.client.must("batchDeployments.list", { endpoint }, { what });
    const out = [...(first.body.value ?? [])];
    for (let next = first.body.nextLink; next; ) {
      const page = await this.client.mustUrl<Page<BatchDeploymentResource>>("GET", next, { what });
      out.push(...(page.body.value ?? []));
      next = page.body.nextLink;
    }
    return out;
  }

  private toState(ep: BatchEndpointResource, deps: BatchDeploymentResource[]): BatchEndpointState {
    return {
      name: ep.name,
      defaultDeployment: ep.properties.defaults?.deploymentName ?? undefined,
      scoringUri: ep.properties.scoringUri ?? "",
      deployments: deps.map((d) => ({
        name: d.name,
        model: modelLabel(d.properties.model?.assetId),
        status: deploymentStatus(d.properties.provisioningState),
      })),
    };
  }

  async get(name: string): Promise<BatchEndpointState | undefined> {
    const ep = await this.readEndpoint(name);
    return ep ? this.toState(ep, await this.deployments(name)) : undefined;
  }

  async list(): Promise<BatchEndpointState[]> {
    const what = "list batch endpoints";
    const first = await this.client.must("batchEndpoints.list", {}, { what });
    const eps = [...(first.body.value ?? [])];
    for (let next = first.body.nextLink; next; ) {
      const page = await this.client.mustUrl<Page<BatchEndpointResource>>("GET", next, { what });
      eps.push(...(page.body.value ?? []));
      next = page.body.nextLink;
    }
    const out: BatchEndpointState[] = [];
    for (const ep of eps) out.push(this.toState(ep, await this.deployments(ep.name)));
    return out;
  }

  async ensure(name: string, log: Log): Promise<BatchEndpointState> {
    if (!ENDPOINT_NAME.test(name)) {
      throw new UserError(
        `'${name}' is not a valid batch endpoint name`,
        { subject: "endpoint" },
        "Use 3 to 32 letters, digits and '-', starting with a letter and ending with a letter or digit",
      );
    }
    const existing = await this.get(name);
    if (existing) return existing;
    log.info(`Creating batch endpoint ${name}`);
    const what = `create batch endpoint ${name}`;
    const body = batchEndpointBody({
      location: await this.location(),
      description: "Managed by mlops-action deploy-endpoint",
    });
    const r = await this.client.must("batchEndpoints.createOrUpdate", { endpoint: name }, { body, what });
    await this.client.waitLro(r, what);
    if (this.client.dryRun) return { name, deployments: [], scoringUri: "" };
    return (await this.get(name)) as BatchEndpointState;
  }

  /** The ARM id of an environment: registered references pass through, an image becomes an anonymous environment. */
  private async environmentId(environment: string | undefined, log: Log): Promise<string> {
    const env = environment ?? DEFAULT_IMAGE;
    const registered = parseRegisteredRef(env);
    if (registered && (registered.label ?? "latest") === "latest") {
      return this.client.id("environmentVersions.get", { name: registered.name, version: registered.version ?? "1" });
    }
    if (/^azureml:\/\//.test(env) || env.startsWith("/subscriptions/")) return env.replace(/^azureml:/, "");
    return this.environments.register({ image: env }, `environment ${env}`, log);
  }

  /** The compute cluster's ARM id, after checking that the workspace has it. */
  private async computeId(compute: string | undefined): Promise<string> {
    if (!compute) {
      throw new UserError(
        "a batch deployment on Azure ML needs a compute cluster",
        { subject: "compute" },
        "Name one of the workspace's compute clusters, such as cpu-cluster",
      );
    }
    try {
      return await this.computes.resolve(compute, "batch deployment");
    } catch (error) {
      if (error instanceof UserError) throw new UserError(error.message, { subject: "compute" }, error.fix);
      throw error;
    }
  }

  async createDeployment(endpoint: string, deployment: NewBatchDeployment, log: Log): Promise<BatchDeploymentState> {
    const computeId = await this.computeId(deployment.compute);
    const scoringScript = relative(deployment.codeDir, deployment.scoringScript).split(sep).join("/");
    if (scoringScript.startsWith("..")) {
      throw new UserError(
        `scoring script ${deployment.scoringScript} is outside the code folder ${deployment.codeDir}`,
        { subject: "scoringScript" },
        "Put score.py inside the code folder",
      );
    }
    const codeId = await this.code.upload(deployment.codeDir, log);
    // A registry's model is named by its asset id; a workspace's own by its ARM id.
    const modelId =
      deployment.model.assetId ??
      this.client.id("modelVersions.get", { name: deployment.model.name, version: deployment.model.version });
    const body = batchDeploymentBody({
      location: await this.location(),
      description: "Managed by mlops-action deploy-endpoint",
      computeId,
      codeId,
      scoringScript,
      environmentId: await this.environmentId(deployment.environment, log),
      modelId,
      miniBatchSize: deployment.miniBatchSize,
      maxConcurrency: deployment.maxConcurrency,
      errorThreshold: deployment.errorThreshold,
      outputFile: deployment.outputFile,
      instanceCount: deployment.instanceCount,
      retry: deployment.retry,
    });
    const label = modelLabel(modelId);
    log.info(
      `Creating batch deployment ${endpoint}/${deployment.name} (${label}, ${deployment.compute} × ${deployment.instanceCount ?? 1}, ${deployment.miniBatchSize} file(s) per mini-batch)`,
    );
    const what = `create batch deployment ${endpoint}/${deployment.name}`;
    const r = await this.client.must(
      "batchDeployments.createOrUpdate",
      { endpoint, deployment: deployment.name },
      { body, what },
    );
    try {
      await this.client.waitLro(r, what);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      log.error(error.describe());
      return { name: deployment.name, model: label, status: "Failed", error: error.message };
    }
    if (this.client.dryRun) return { name: deployment.name, model: label, status: "Succeeded" };
    const d = await this.client.must(
      "batchDeployments.get",
      { endpoint, deployment: deployment.name },
      { what: `read batch deployment ${endpoint}/${deployment.name}` },
    );
    return { name: deployment.name, model: label, status: deploymentStatus(d.body.properties.provisioningState) };
  }

  async setDefault(endpoint: string, deployment: string, log: Log): Promise<BatchEndpointState> {
    // In plan mode the endpoint may itself be planned: the plan then holds its create with the default set.
    const ep = this.client.dryRun ? await this.readEndpoint(endpoint) : await this.mustReadEndpoint(endpoint);
    log.info(`Default deployment of batch endpoint ${endpoint}: ${deployment}`);
    const what = `set the default deployment of ${endpoint}`;
    const body = ep
      ? batchEndpointDefaultUpdate(ep, deployment)
      : batchEndpointDefaultUpdate(
          {
            name: endpoint,
            ...(batchEndpointBody({
              location: await this.location(),
              description: "Managed by mlops-action deploy-endpoint",
            }) as Pick<BatchEndpointResource, "location" | "tags" | "properties">),
          },
          deployment,
        );
    const r = await this.client.must("batchEndpoints.createOrUpdate", { endpoint }, { body, what });
    await this.client.waitLro(r, what);
    if (this.client.dryRun)
      return {
        name: endpoint,
        defaultDeployment: deployment,
        deployments: [],
        scoringUri: ep?.properties.scoringUri ?? "",
      };
    return (await this.get(endpoint)) as BatchEndpointState;
  }

  async deleteDeployment(endpoint: string, deployment: string, log: Log): Promise<void> {
    log.info(`Deleting batch deployment ${endpoint}/${deployment}`);
    const what = `delete batch deployment ${endpoint}/${deployment}`;
    const r = await this.client.send("batchDeployments.delete", { endpoint, deployment }, { allow404: true, what });
    if (r) await this.client.waitLro(r, what);
  }

  async delete(name: string, log: Log): Promise<void> {
    log.info(`Deleting batch endpoint ${name}`);
    const what = `delete batch endpoint ${name}`;
    const r = await this.client.send("batchEndpoints.delete", { endpoint: name }, { allow404: true, what });
    if (r) await this.client.waitLro(r, what);
  }

  async invoke(
    endpoint: string,
    invocation: BatchInvocation,
    options: { log: Log; signal: AbortSignal },
  ): Promise<string> {
    const { log, signal } = options;
    const dryRun = this.client.dryRun;
    // In plan mode the endpoint and deployment may be planned, not made: what exists is checked.
    const ep = dryRun ? await this.readEndpoint(endpoint) : await this.mustReadEndpoint(endpoint);
    const deployment = invocation.deployment ?? ep?.properties.defaults?.deploymentName ?? undefined;
    if (!deployment) {
      throw new UserError(
        `batch endpoint '${endpoint}' has no default deployment`,
        { subject: "endpoint" },
        "Name the deployment to invoke, or make one the default first",
      );
    }
    const dep = ep
      ? (
          await this.client.send(
            "batchDeployments.get",
            { endpoint, deployment },
            { allow404: true, what: `read batch deployment ${endpoint}/${deployment}` },
          )
        )?.body
      : undefined;
    if (!dep && !dryRun) {
      throw new UserError(
        `batch endpoint '${endpoint}' has no deployment '${deployment}'`,
        { subject: "deployment" },
        "Create the deployment first",
      );
    }
    const deploymentFile = dep?.properties.outputFileName ?? "predictions.csv";
    const outputFile = invocation.outputFile ?? deploymentFile;
    let outputPath = invocation.outputPath;
    if (!outputPath && outputFile !== deploymentFile) {
      // Another file name than the deployment's needs an output location: a fresh folder of the default datastore.
      const store = (await this.storage.defaultDatastore()).name;
      outputPath = `azureml://datastores/${store}/paths/azureml/batch-outputs/${endpoint}/${randomUUID()}`;
    }
    const input = await resolveBatchInput(this.client, this.storage, invocation.input, log, signal);
    const fileUri = outputPath ? outputFileUri(outputPath, outputFile) : undefined;
    const scoringUri = ep?.properties.scoringUri;
    if (!scoringUri && !dryRun) {
      throw new UserError(
        `batch endpoint '${endpoint}' has no scoring URI yet`,
        { subject: "endpoint" },
        "Wait until the endpoint is provisioned, then re-run",
      );
    }
    const name = await postBatchJob(
      this.client,
      this.dataPlane,
      // A planned endpoint has no URI yet: the plan names whose it will be.
      scoringUri ?? `<scoring URI of batch endpoint '${endpoint}'>`,
      batchInvocationBody({ input, outputFileUri: fileUri }),
      invocation.deployment,
      `invoke batch endpoint ${endpoint}`,
      signal,
    );
    this.invoked.set(name, { endpoint, deployment, outputPath, outputFile });
    log.info(
      `${dryRun ? "Plan: would start" : "Started"} batch scoring job ${name} on ${endpoint}/${deployment} over ${input.uri}`,
    );
    return name;
  }

  /** The batch view of a workspace job: where its output went, from this process's invocation or the job. */
  private toRecord(job: JobRecord): BatchJobRecord {
    const known = this.invoked.get(job.name);
    // Another process's job: where it wrote is its `score` output, a folder (the job's own) or,
    // when the invocation named one, the output file itself.
    const score = job.outputs[BATCH_OUTPUT];
    const fromJob = score && !/^azureml:\/\/jobs\//.test(score) ? score : "";
    const isFile = fromJob !== "" && !fromJob.endsWith("/") && /\.[^/]+$/.test(fromJob);
    const outputPath = known?.outputPath ?? (isFile ? fromJob.slice(0, fromJob.lastIndexOf("/")) : fromJob);
    const outputFile = known?.outputFile ?? (isFile ? fromJob.slice(fromJob.lastIndexOf("/") + 1) : "predictions.csv");
    const failedAt = job.steps.find((st) => st.status === "Failed" && st.where)?.where;
    return {
      name: job.name,
      // Azure ML files a batch job under an experiment named after its endpoint.
      endpoint: known?.endpoint ?? job.experimentName,
      deployment: known?.deployment ?? "",
      status: job.status,
      outputPath,
      outputFile,
      ...(job.error ? { error: job.error } : {}),
      // The user's file:line when the scoring step failed in their script (from its traceback).
      ...(failedAt ? { where: failedAt } : {}),
      ...(job.studioUrl ? { studioUrl: job.studioUrl } : {}),
    };
  }

  async wait(job: string, options: WaitOptions): Promise<BatchJobRecord> {
    if (this.client.dryRun) {
      options.log.info(`Plan: would wait for batch scoring job ${job}.`);
      const known = this.invoked.get(job);
      return {
        name: job,
        endpoint: known?.endpoint ?? "",
        deployment: known?.deployment ?? "",
        status: "NotStarted",
        outputPath: known?.outputPath ?? "",
        outputFile: known?.outputFile ?? "predictions.csv",
      };
    }
    return this.toRecord(await this.jobs.wait(job, options));
  }

  async getJob(job: string): Promise<BatchJobRecord | undefined> {
    const record = await this.jobs.get(job);
    return record ? this.toRecord(record) : undefined;
  }

  async readOutput(job: BatchJobRecord, dir: string, log: Log): Promise<string | undefined> {
    if (this.client.dryRun || !job.outputPath) return undefined;
    const parsed = parseDatastoreUri(job.outputPath);
    if (!parsed) {
      throw new UserError(
        `the output of batch job ${job.name} is at '${job.outputPath}', not in a datastore`,
        { subject: "outputPath" },
        "Give an azureml://datastores/<name>/paths/<folder> output path",
      );
    }
    const defaultName = (await this.storage.defaultDatastore()).name;
    const store =
      parsed.datastore === defaultName ? this.storage : new DatastoreAccess(this.client, this.log, parsed.datastore);
    const blob = `${parsed.path.replace(/\/+$/, "")}/${job.outputFile}`.replace(/^\/+/, "");
    const local = join(dir, job.outputFile);
    if (!(await store.downloadBlob(blob, local))) return undefined;
    log.info(`Read ${job.outputFile} of batch job ${job.name} from ${parsed.datastore}/${blob}`);
    return local;
  }
}
