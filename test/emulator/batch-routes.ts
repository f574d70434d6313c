/**
 * Batch endpoints in the emulator: the ARM routes (batchEndpoints, their deployments) with the
 * service's checks and long-running operations (Azure-AsyncOperation + Location + Retry-After +
 * x-ms-async-operation-timeout, as recorded in azure-ai-ml's test_batch_endpoint sessions), the
 * data-plane invocation at the endpoint's scoring URI (its body checked against the shape the SDK
 * sends, its token against Azure ML's audience), and the scoring job the invocation starts.
 *
 * The job runs like a compute would: the code, model and input files are fetched from Azurite, the
 * deployment's score.py runs with python3 over mini-batches (batch_scoring.py), and the output file
 * is written to Azurite where the invocation said. The job is then an ordinary workspace job: its
 * GET, cancel, run-history child ("batchscoring"), log file and MLflow run are answered here.
 * ARM bodies are checked against the REST spec by the server before they get here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BlobServiceClient, type ContainerClient, StorageSharedKeyCredential } from "@azure/storage-blob";
import type { RegistryRoutes } from "./registry-routes.js";
import type { RecordedRequest, Reply } from "./server.js";
import type { ArmState } from "./state.js";

const PROVIDER = "Microsoft.MachineLearningServices";
const SCORER = join(import.meta.dirname, "batch_scoring.py");
/** Whole seconds of an ISO 8601 duration as the spec validator accepts it (P1DT2H3M4S), at least 1. */
function durationSeconds(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) return 30;
  const [d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0));
  return Math.max(1, Math.ceil(d * 86_400 + h * 3_600 + min * 60 + s));
}

/** Where the scoring step's code runs on a compute, as tracebacks in service errors show it. */
const WORKING_DIR = "/mnt/azureml/cr/j/batchscoring/exe/wd";

interface Resource {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
  systemData: Record<string, string>;
}

type Operation = Parameters<ArmState["operations"]["set"]>[1];

export interface BatchJobSim {
  name: string;
  endpoint: string;
  deployment: string;
  childRunId: string;
  resource: Resource;
  /** The invocation as received. */
  body: { properties: Record<string, unknown> };
  status: "NotStarted" | "Queued" | "Running" | "Completed" | "Failed" | "Canceled";
  log: string;
  error?: string;
  files?: { total: number; failed: number; rows: number };
  process?: ChildProcess;
  /** Settles when the scoring ends. */
  done: Promise<void>;
}

function now(): string {
  return new Date().toISOString();
}

function armError(status: number, code: string, message: string, target?: string): Reply {
  return { status, body: { error: { code, message, ...(target ? { target } : {}), details: [], additionalInfo: [] } } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export class BatchRoutes {
  readonly endpoints = new Map<string, Resource>();
  readonly deployments = new Map<string, Resource>();
  readonly jobs = new Map<string, BatchJobSim>();
  /** Access tokens issued for Azure ML's audience (ml.azure.com): the only ones an invocation takes. */
  readonly mlTokens = new Set<string>();
  /** Invocations whose body or headers left the shape azure-ai-ml sends (each answered 400). */
  readonly invocationViolations: string[] = [];
  /** The next scoring job fails with this reason before the script runs (a compute that cannot start). */
  failNextJob?: string;

  constructor(
    private readonly state: ArmState,
    /** The registries a deployment's model may come from (registry-routes.ts). */
    private readonly registries?: () => RegistryRoutes,
  ) {}

  /** Ends scoring jobs still running (a test that stops early leaves no python behind). */
  async stop(): Promise<void> {
    for (const sim of this.jobs.values()) {
      if (sim.status === "Running" || sim.status === "Queued") {
        sim.process?.kill("SIGTERM");
        this.finish(sim, "Canceled");
      }
    }
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  private get wsPath(): string {
    return this.state.wsPath;
  }

  /** A reply for the requests this module owns; undefined for every other request. */
  async route(req: RecordedRequest): Promise<Reply | undefined> {
    const p = req.path;
    if (/\/oauth2\/v2\.0\/token$/.test(p)) return this.token(req);
    if (/^\/batch\/[^/]+\/jobs$/.test(p)) return this.authorized(req, () => this.invoke(req), this.mlTokens);
    if (p.startsWith("/batch-logs/")) return this.logFile(p);
    const ws = this.wsPath.toLowerCase();
    const lower = p.toLowerCase();
    if (lower.startsWith(`${ws}/batchendpoints`)) return this.authorized(req, () => this.arm(req));
    if (lower.startsWith(`${ws}/jobs/`)) {
      const [name, action] = p.slice(ws.length + "/jobs/".length).split("/");
      if (this.jobs.has(decodeURIComponent(name)) && (action === undefined || action === "cancel"))
        return this.authorized(req, () => this.job(req));
    }
    if (p.startsWith("/history/v1.0/")) return this.authorized(req, () => this.history(req), undefined, true);
    if (p.startsWith("/mlflow/v1.0/") && this.childRun(req.query.run_id ?? ""))
      return this.authorized(req, () => this.mlflow(req));
    return undefined;
  }

  /** Runs `fn` for a caller with a token the emulator issued (of `audience` when given). */
  private async authorized(
    req: RecordedRequest,
    fn: () => Reply | undefined | Promise<Reply | undefined>,
    audience?: Set<string>,
    optional = false,
  ): Promise<Reply | undefined> {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!this.state.tokens.has(token)) return optional ? undefined : unauthorized("The access token is invalid.");
    if (audience && !audience.has(token))
      return unauthorized("The access token's audience is not https://ml.azure.com (Azure Machine Learning).");
    return fn();
  }

  // ---- tokens -------------------------------------------------------------------------------

  /** Issued by the workspace state; a token asked for Azure ML's audience is remembered as one. */
  private token(req: RecordedRequest): Reply {
    const reply = this.state.route(req);
    const scope = new URLSearchParams(typeof req.body === "string" ? req.body : "").get("scope") ?? "";
    const token = (reply.body as { access_token?: string } | undefined)?.access_token;
    if (reply.status === 200 && token && /^https:\/\/ml\.azure\.(com|cn|us)\/\.default$/.test(scope))
      this.mlTokens.add(token);
    return reply;
  }

  // ---- ARM: endpoints and deployments ---------------------------------------------------------

  private arm(req: RecordedRequest): Reply {
    if (!req.query["api-version"])
      return armError(
        400,
        "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.",
      );
    if (this.state.config.deniedWrites && req.method !== "GET")
      return armError(403, "AuthorizationFailed", `The client does not have authorization to change '${req.path}'.`);
    const rest = req.path.slice(this.wsPath.length).split("/").filter(Boolean).map(decodeURIComponent);
    const [, endpoint, sub, deployment, more] = rest;
    if (!endpoint) {
      if (req.method !== "GET") return armError(405, "MethodNotAllowed", "Not supported");
      return { status: 200, body: { value: [...this.endpoints.values()].map((e) => this.publicEndpoint(e)) } };
    }
    if (sub === "deployments" && !more) return this.deployment(req, endpoint, deployment);
    if (sub)
      return armError(404, "NoRegisteredProviderFound", `No route for '${req.method} ${req.path}' in the emulator.`);
    return this.endpoint(req, endpoint);
  }

  private endpointPath(name: string): string {
    return `${this.wsPath}/batchEndpoints/${name}`;
  }

  private notFound(name: string): Reply {
    return armError(
      404,
      "UserError",
      `An endpoint with the name '${name}' does not exist in the workspace '${this.state.config.workspace}'. Please check the endpoint name and also ensure the current user has access to it.`,
    );
  }

  private resource(path: string, type: string, name: string, properties: Record<string, unknown>): Resource {
    return {
      id: path,
      name,
      type,
      properties,
      systemData: {
        createdAt: now(),
        createdBy: "emulator@example.com",
        createdByType: "User",
        lastModifiedAt: now(),
        lastModifiedBy: "emulator@example.com",
        lastModifiedByType: "User",
      },
    };
  }

  private publicEndpoint(r: Resource): Resource {
    return structuredClone(r);
  }

  private endpoint(req: RecordedRequest, name: string): Reply {
    const key = name.toLowerCase();
    const ep = this.endpoints.get(key);
    const m = req.method;
    if (m === "GET") return ep ? { status: 200, body: this.publicEndpoint(ep) } : this.notFound(name);
    if (m === "PUT") {
      const body = req.body as {
        location?: string;
        tags?: Record<string, string>;
        properties?: Record<string, unknown>;
      };
      if (!body?.location)
        return armError(400, "LocationRequired", "The location property is required for this definition.", "location");
      const props = body.properties ?? {};
      if (!/^aadtoken$/i.test(String(props.authMode ?? "")))
        return armError(
          400,
          "BadArgument",
          `Batch endpoints support only AADToken authentication, not '${String(props.authMode)}'.`,
          "properties.authMode",
        );
      const defaults = isRecord(props.defaults) ? props.defaults : undefined;
      const wanted = typeof defaults?.deploymentName === "string" ? defaults.deploymentName : undefined;
      if (wanted) {
        const dep = this.deployments.get(`${key}/${wanted.toLowerCase()}`);
        if (!dep)
          return armError(
            400,
            "BadArgument",
            `Deployment '${wanted}' does not exist on batch endpoint '${name}'.`,
            "properties.defaults.deploymentName",
          );
        if (dep.properties.provisioningState !== "Succeeded")
          return armError(
            400,
            "BadArgument",
            `Deployment '${wanted}' is ${String(dep.properties.provisioningState)}: only a deployment that succeeded can be the default.`,
            "properties.defaults.deploymentName",
          );
      }
      const path = this.endpointPath(name);
      const r = this.resource(path, `${PROVIDER}/workspaces/batchEndpoints`, name, {
        description: props.description ?? null,
        properties: {
          ...(isRecord(props.properties) ? props.properties : {}),
          BatchEndpointCreationApiVersion: req.query["api-version"],
          "azureml.onlineendpointid": path,
        },
        scoringUri: ep ? ep.properties.scoringUri : null,
        swaggerUri: null,
        authMode: "AADToken",
        defaults: { deploymentName: wanted ?? null },
        provisioningState: ep ? "Updating" : "Creating",
      });
      if (ep) r.systemData.createdAt = ep.systemData.createdAt;
      r.location = body.location;
      r.tags = body.tags ?? {};
      this.endpoints.set(key, r);
      return this.accepted(
        `bebes:${this.state.workspaceId}`,
        () => {
          r.properties.provisioningState = "Succeeded";
          r.properties.scoringUri = `${this.state.url}/batch/${encodeURIComponent(name)}/jobs`;
        },
        ep ? 200 : 201,
        this.publicEndpoint(r),
        () => {
          r.properties.provisioningState = "Failed";
        },
        `${path}?api-version=${req.query["api-version"]}`,
      );
    }
    if (m === "DELETE") {
      if (!ep) return { status: 204 };
      ep.properties.provisioningState = "Deleting";
      return this.accepted(`bebes:${this.state.workspaceId}`, () => {
        this.endpoints.delete(key);
        for (const k of [...this.deployments.keys()]) if (k.startsWith(`${key}/`)) this.deployments.delete(k);
      });
    }
    return armError(405, "MethodNotAllowed", "Not supported");
  }

  private deployment(req: RecordedRequest, endpoint: string, name: string | undefined): Reply {
    const epKey = endpoint.toLowerCase();
    const ep = this.endpoints.get(epKey);
    if (!ep) return this.notFound(endpoint);
    const m = req.method;
    if (!name) {
      if (m !== "GET") return armError(405, "MethodNotAllowed", "Not supported");
      return {
        status: 200,
        body: {
          value: [...this.deployments.entries()].filter(([k]) => k.startsWith(`${epKey}/`)).map(([, d]) => d),
        },
      };
    }
    const key = `${epKey}/${name.toLowerCase()}`;
    const dep = this.deployments.get(key);
    if (m === "GET")
      return dep
        ? { status: 200, body: dep }
        : armError(404, "UserError", `Deployment '${name}' not found on batch endpoint '${endpoint}'.`);
    if (m === "PUT") {
      const body = req.body as {
        location?: string;
        tags?: Record<string, string>;
        properties?: Record<string, unknown>;
      };
      if (!body?.location)
        return armError(400, "LocationRequired", "The location property is required for this definition.", "location");
      const bad = this.checkDeployment(body.properties ?? {});
      if (bad) return bad;
      const path = `${this.endpointPath(endpoint)}/deployments/${name}`;
      const r = this.resource(path, `${PROVIDER}/workspaces/batchEndpoints/deployments`, name, {
        ...structuredClone(body.properties ?? {}),
        provisioningState: "Creating",
      });
      r.location = body.location;
      r.tags = body.tags ?? {};
      this.deployments.set(key, r);
      return this.accepted(
        `bebds:${this.state.workspaceId}`,
        () => {
          r.properties.provisioningState = "Succeeded";
        },
        dep ? 200 : 201,
        r,
        () => {
          r.properties.provisioningState = "Failed";
        },
        `${path}?api-version=${req.query["api-version"]}`,
      );
    }
    if (m === "DELETE") {
      if (!dep) return { status: 204 };
      const defaults = ep.properties.defaults as { deploymentName?: string | null } | undefined;
      if (defaults?.deploymentName?.toLowerCase() === name.toLowerCase())
        return armError(
          400,
          "BadArgument",
          `Deployment '${name}' is the default deployment of batch endpoint '${endpoint}'; make another deployment the default first.`,
          name,
        );
      dep.properties.provisioningState = "Deleting";
      return this.accepted(`bebds:${this.state.workspaceId}`, () => {
        this.deployments.delete(key);
      });
    }
    return armError(405, "MethodNotAllowed", "Not supported");
  }

  /** What the service refuses in a model deployment that the spec alone lets through. */
  private checkDeployment(p: Record<string, unknown>): Reply | undefined {
    const ws = this.wsPath.toLowerCase();
    const compute = typeof p.compute === "string" ? p.compute : "";
    if (!compute)
      return armError(400, "BadArgument", "A compute target is required for a batch deployment.", "properties.compute");
    const computeName = new RegExp(`^${escapeRegExp(ws)}/computes/([^/]+)$`).exec(compute.toLowerCase())?.[1];
    const computes = this.state.config.computes ?? ["cpu-cluster", "gpu-cluster"];
    if (!computeName || !computes.map((c) => c.toLowerCase()).includes(computeName))
      return armError(400, "BadArgument", `Compute '${compute}' was not found in the workspace.`, "properties.compute");
    const model = isRecord(p.model) ? p.model : undefined;
    const assetId = typeof model?.assetId === "string" ? model.assetId : "";
    if (!assetId)
      return armError(400, "BadArgument", "A model is required for a model batch deployment.", "properties.model");
    if (assetId.startsWith("/subscriptions/") && !this.state.resources.has(assetId.toLowerCase()))
      return armError(400, "BadArgument", `Model '${assetId}' was not found.`, "properties.model.assetId");
    const code = isRecord(p.codeConfiguration) ? p.codeConfiguration : undefined;
    const codeId = typeof code?.codeId === "string" ? code.codeId : "";
    if (codeId && !this.state.resources.has(codeId.toLowerCase()))
      return armError(400, "BadArgument", `Code '${codeId}' was not found.`, "properties.codeConfiguration.codeId");
    if (p.outputAction !== "SummaryOnly" && !p.outputFileName)
      return armError(
        400,
        "BadArgument",
        "outputFileName is required with outputAction AppendRow.",
        "properties.outputFileName",
      );
    if (typeof p.miniBatchSize === "number" && p.miniBatchSize < 1)
      return armError(400, "BadArgument", "miniBatchSize must be at least 1.", "properties.miniBatchSize");
    if (typeof p.errorThreshold === "number" && p.errorThreshold < -1)
      return armError(400, "BadArgument", "errorThreshold must be -1 or more.", "properties.errorThreshold");
    return undefined;
  }

  // ---- long-running operations (polled through the workspace state's status routes) ------------

  private opUrls(id: string, apiVersion = "2024-04-01"): { status: string; result: string } {
    const base = `${this.state.url}/subscriptions/${this.state.config.subscriptionId}/providers/${PROVIDER}/locations/${this.state.location}`;
    return {
      status: `${base}/mfeOperationsStatus/${id}?api-version=${apiVersion}`,
      result: `${base}/mfeOperationResults/${id}?api-version=${apiVersion}`,
    };
  }

  /**
   * Starts an operation the state's mfeOperationsStatus route ticks; answers with the recorded
   * headers: Azure-AsyncOperation, Location (the resource for a PUT, the operation result for a
   * DELETE), Retry-After and x-ms-async-operation-timeout.
   */
  private accepted(
    prefix: string,
    done: () => void,
    status = 202,
    body?: unknown,
    failed?: () => void,
    location?: string,
  ): Reply {
    const id = `${prefix}:${randomUUID()}`;
    const op: Operation = { id, polls: 0, done, failed, fail: this.state.failNextLro };
    this.state.failNextLro = undefined;
    this.state.operations.set(id, op);
    const urls = this.opUrls(id);
    return {
      status,
      headers: {
        "azure-asyncoperation": urls.status,
        location: location ? `${this.state.url}${location}` : urls.result,
        "retry-after": String(this.state.config.lroRetryAfter ?? 0),
        "x-ms-async-operation-timeout": "PT30M",
      },
      body: body ?? null,
    };
  }

  // ---- the invocation -------------------------------------------------------------------------

  /** The shape azure-ai-ml's `invoke(input=..., outputs={"score": ...})` sends; the first departure, if any. */
  private invocationProblem(req: RecordedRequest): string | undefined {
    if (!req.headers["repeatability_request-id"]) return "header repeatability_request-id is missing";
    if (!/^application\/json/.test(req.headers["content-type"] ?? "")) return "content-type is not application/json";
    const body = req.body;
    if (!isRecord(body) || Object.keys(body).join() !== "properties" || !isRecord(body.properties))
      return "the body must be { properties: {...} }";
    const props = body.properties;
    const known = new Set([
      "inputData",
      "outputData",
      "name",
      "properties",
      "compute",
      "errorThreshold",
      "retrySettings",
      "miniBatchSize",
      "outputFileName",
      "outputDataset",
      "dataset",
      "description",
      "tags",
    ]);
    const unknown = Object.keys(props).filter((k) => !known.has(k));
    if (unknown.length) return `unknown properties ${unknown.join(", ")}`;
    const inputs = props.inputData;
    if (!isRecord(inputs) || Object.keys(inputs).length !== 1) return "properties.inputData must hold one input";
    const [[kind, input]] = Object.entries(inputs);
    if (kind !== "UriFolder" && kind !== "UriFile") return `input key '${kind}' is not UriFolder or UriFile`;
    if (!isRecord(input) || input.jobInputType !== kind || typeof input.uri !== "string" || !input.uri)
      return `inputData.${kind} must be { jobInputType: "${kind}", uri }`;
    const extra = Object.keys(input).filter((k) => !["jobInputType", "uri", "mode", "description"].includes(k));
    if (extra.length) return `inputData.${kind} has unknown fields ${extra.join(", ")}`;
    if (props.outputData !== undefined) {
      const out = props.outputData;
      if (!isRecord(out) || Object.keys(out).join() !== "score")
        return "properties.outputData must hold one output, score";
      const score = out.score;
      if (!isRecord(score) || !["UriFile", "UriFolder"].includes(String(score.jobOutputType)))
        return "outputData.score.jobOutputType must be UriFile or UriFolder";
      if (typeof score.uri !== "string" || !/^azureml:\/\/datastores\/[^/]+\/paths\/.+/.test(score.uri))
        return "outputData.score.uri must be azureml://datastores/<name>/paths/<path>";
    }
    return undefined;
  }

  private invoke(req: RecordedRequest): Reply {
    const endpointName = decodeURIComponent(req.path.split("/")[2]);
    const ep = this.endpoints.get(endpointName.toLowerCase());
    if (!ep || ep.properties.provisioningState !== "Succeeded") return this.notFound(endpointName);
    const problem = this.invocationProblem(req);
    if (problem) {
      this.invocationViolations.push(problem);
      return armError(400, "BadRequest", `The batch job request is not valid: ${problem}.`);
    }
    const defaults = ep.properties.defaults as { deploymentName?: string | null };
    const depName = req.headers["azureml-model-deployment"] ?? defaults.deploymentName ?? undefined;
    if (!depName)
      return armError(400, "BadArgument", `Batch endpoint '${endpointName}' has no default deployment to route to.`);
    const dep = this.deployments.get(`${endpointName.toLowerCase()}/${depName.toLowerCase()}`);
    if (!dep || dep.properties.provisioningState !== "Succeeded")
      return armError(404, "UserError", `Deployment '${depName}' not found on batch endpoint '${endpointName}'.`);
    const body = req.body as { properties: Record<string, unknown> };
    const name = `batchjob-${randomUUID()}`;
    const outputFile = String(dep.properties.outputFileName ?? "predictions.csv");
    const score = (body.properties.outputData as Record<string, { uri: string }> | undefined)?.score;
    const jobPath = `${this.wsPath}/jobs/${name}`;
    const resource = this.resource(jobPath, `${PROVIDER}/workspaces/jobs`, name, {
      jobType: "Pipeline",
      displayName: name,
      experimentName: endpointName,
      status: "Queued",
      properties: { "azureml.batchrun": "true" },
      tags: {},
      inputs: {},
      outputs: {
        score: score
          ? { jobOutputType: "uri_file", uri: score.uri, mode: "ReadWriteMount" }
          : {
              jobOutputType: "uri_folder",
              uri: `azureml://datastores/workspaceblobstore/paths/azureml/${name}/score/`,
              mode: "ReadWriteMount",
            },
      },
      services: {
        Studio: {
          jobServiceType: "Studio",
          endpoint: `https://ml.azure.com/runs/${name}?wsid=${this.wsPath}&tid=${this.state.config.tenantId}`,
        },
      },
    });
    const sim: BatchJobSim = {
      name,
      endpoint: endpointName,
      deployment: dep.name,
      childRunId: randomUUID(),
      resource,
      body,
      status: "Queued",
      log: "",
      done: Promise.resolve(),
    };
    this.jobs.set(name, sim);
    sim.done = this.score(sim, dep, outputFile).catch((error) => {
      this.finish(sim, "Failed", `Execution failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    return {
      status: 200,
      body: {
        id: `${this.endpointPath(endpointName)}/jobs/${name}`,
        name,
        type: `${PROVIDER}/workspaces/batchEndpoints/jobs`,
        properties: {
          ...structuredClone(body.properties),
          status: "NotStarted",
          provisioningState: "InProgress",
          outputFileName: outputFile,
          interactionEndpoints: {
            Studio: {
              endpoint: (resource.properties.services as Record<string, { endpoint: string }>).Studio.endpoint,
            },
          },
        },
        systemData: resource.systemData,
      },
    };
  }

  // ---- the scoring job ------------------------------------------------------------------------

  private container(name: string): ContainerClient {
    const s = this.state.config.storage;
    const service = new BlobServiceClient(
      `${s.protocol ?? "http"}://${s.host}/${s.account}`,
      new StorageSharedKeyCredential(s.account, s.key),
    );
    return service.getContainerClient(name);
  }

  /** The container and blob path an `azureml://datastores/<name>/paths/<path>` URI names. */
  private datastorePath(uri: string): { container: ContainerClient; path: string } {
    const m =
      /^azureml:\/\/(?:subscriptions\/[^/]+\/resourcegroups\/[^/]+\/workspaces\/[^/]+\/)?datastores\/([^/]+)\/paths\/(.*)$/i.exec(
        uri,
      );
    if (!m) throw new Error(`'${uri}' is not a datastore URI the emulator can read`);
    const ds = this.state.resources.get(`${this.wsPath}/datastores/${m[1]}`.toLowerCase());
    if (!ds) throw new Error(`datastore '${m[1]}' does not exist`);
    const container = String(ds.properties.containerName ?? ds.properties.filesystem);
    return { container: this.container(container), path: m[2] };
  }

  /** Downloads every blob under `prefix` into `dir`; answers the local files, sorted. */
  private async download(container: ContainerClient, prefix: string, dir: string): Promise<string[]> {
    const names: string[] = [];
    for await (const b of container.listBlobsFlat({ prefix })) names.push(b.name);
    const single = names.length === 1 && names[0] === prefix;
    const base = single ? `${dirname(prefix)}/` : prefix.replace(/\/?$/, "/");
    const out: string[] = [];
    for (const name of names.sort()) {
      const local = join(dir, name.slice(base === "./" ? 0 : base.length));
      await mkdir(dirname(local), { recursive: true });
      await container.getBlobClient(name).downloadToFile(local);
      out.push(local);
    }
    return out;
  }

  /** A registry's model version (`azureml://registries/<r>/models/<m>/versions/<v>`): its files in the registry's storage. */
  private registryModel(assetId: string): { container: ContainerClient; path: string } | undefined {
    const m = /^azureml:\/\/registries\/([^/]+)\/models\/([^/]+)\/versions\/([^/]+)$/i.exec(assetId);
    const routes = this.registries?.();
    if (!m || !routes) return undefined;
    const registry = routes.registries.get(m[1].toLowerCase());
    const version = routes.version(m[1], m[2], m[3]);
    if (!registry || !version) return undefined;
    const base = `${routes.containerUrl(registry)}/`;
    const uri = String(version.properties.modelUri ?? "");
    if (!uri.startsWith(base)) return undefined;
    return {
      container: routes.storage(registry.name),
      path: decodeURIComponent(uri.slice(base.length)).replace(/\/+$/, ""),
    };
  }

  /** A data input's files: a datastore path, or a data asset's (by ARM id). */
  private async inputFiles(uri: string, dir: string): Promise<string[]> {
    let where = uri;
    if (uri.startsWith("/subscriptions/")) {
      const data = this.state.resources.get(uri.toLowerCase());
      if (!data) throw new Error(`data asset '${uri}' does not exist`);
      where = String(data.properties.dataUri);
    }
    const { container, path } = this.datastorePath(where);
    return this.download(container, path, dir);
  }

  private async score(sim: BatchJobSim, dep: Resource, outputFile: string): Promise<void> {
    const work = await mkdtemp(join(tmpdir(), "emu-batch-"));
    try {
      if (this.failNextJob) {
        const reason = this.failNextJob;
        this.failNextJob = undefined;
        this.finish(sim, "Failed", reason);
        return;
      }
      const p = dep.properties;
      const code = p.codeConfiguration as { codeId: string; scoringScript: string };
      const codeRes = this.state.resources.get(code.codeId.toLowerCase());
      const codeUri = String(codeRes?.properties.codeUri ?? "");
      const container = this.state.config.storage.container;
      const at = codeUri.indexOf(`/${container}/`);
      if (at < 0) throw new Error(`code '${code.codeId}' has no blob folder`);
      const codeDir = join(work, "code");
      await this.download(
        this.container(container),
        decodeURIComponent(codeUri.slice(at + container.length + 2)),
        codeDir,
      );
      const modelDir = join(work, "model");
      await mkdir(modelDir, { recursive: true });
      const modelId = String((p.model as { assetId: string }).assetId);
      const model = this.state.resources.get(modelId.toLowerCase());
      if (model?.properties.modelUri) {
        const { container: c, path } = this.datastorePath(String(model.properties.modelUri));
        await this.download(c, path, modelDir);
      } else {
        const registryModel = this.registryModel(modelId);
        if (registryModel) await this.download(registryModel.container, registryModel.path, modelDir);
      }
      const [input] = Object.values(sim.body.properties.inputData as Record<string, { uri: string }>);
      const files = await this.inputFiles(input.uri, join(work, "input"));
      const list = join(work, "files.txt");
      await writeFile(list, files.map((f) => `${f}\n`).join(""));
      const out = join(work, "out", outputFile);
      // Cancelled while its files were fetched: it never starts.
      if ((sim.status as BatchJobSim["status"]) === "Canceled") return;
      sim.status = "Running";
      sim.resource.properties.status = "Running";
      const {
        code: exit,
        stdout,
        stderr,
      } = await this.run(
        sim,
        [
          SCORER,
          codeDir,
          code.scoringScript,
          list,
          String(p.miniBatchSize ?? 10),
          String(p.errorThreshold ?? -1),
          out,
          // The deployment's retry settings, the REST spec's defaults (3, PT30S) when absent.
          String((p.retrySettings as { maxRetries?: number } | undefined)?.maxRetries ?? 3),
          String(durationSeconds((p.retrySettings as { timeout?: string } | undefined)?.timeout ?? "PT30S")),
        ],
        { AZUREML_MODEL_DIR: modelDir },
      );
      if ((sim.status as BatchJobSim["status"]) === "Canceled") return;
      const shown = (text: string) => text.split(codeDir).join(WORKING_DIR);
      sim.log = shown(`${stdout}${stderr}`);
      const counts = /files: (\d+) failed: (\d+) rows: (\d+)/.exec(stdout);
      if (counts) sim.files = { total: Number(counts[1]), failed: Number(counts[2]), rows: Number(counts[3]) };
      const written = await stat(out).catch(() => undefined);
      if (written) {
        const score = (sim.resource.properties.outputs as Record<string, { uri: string; jobOutputType: string }>).score;
        const target = this.datastorePath(score.uri);
        const blob =
          score.jobOutputType === "uri_file" ? target.path : `${target.path.replace(/\/?$/, "/")}${outputFile}`;
        await target.container.getBlockBlobClient(blob).uploadData(await readFile(out));
      }
      if (exit !== 0) {
        this.finish(
          sim,
          "Failed",
          `Execution failed. User process 'python' exited with status code ${exit}. Please check log file 'user_logs/std_log.txt' for error details. Error: ${shown(stderr).trim()}`,
        );
      } else this.finish(sim, "Completed");
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private run(
    sim: BatchJobSim,
    args: string[],
    env: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn("python3", args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
      sim.process = child;
      let stdout = "";
      let stderr = "";
      child.stdout?.on("data", (c: Buffer) => {
        stdout += c.toString();
      });
      child.stderr?.on("data", (c: Buffer) => {
        stderr += c.toString();
      });
      child.once("error", reject);
      child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
  }

  private finish(sim: BatchJobSim, status: "Completed" | "Failed" | "Canceled", error?: string): void {
    if (sim.status === "Canceled") return;
    sim.status = status;
    sim.error = error;
    sim.resource.properties.status = status;
    if (error) sim.resource.properties.error = { message: error };
  }

  // ---- the job as a workspace job ---------------------------------------------------------------

  private job(req: RecordedRequest): Reply {
    const parts = req.path.split("/");
    const cancel = parts.at(-1) === "cancel";
    const name = decodeURIComponent(cancel ? (parts.at(-2) as string) : (parts.at(-1) as string));
    const sim = this.jobs.get(name) as BatchJobSim;
    if (cancel && req.method === "POST") {
      if (!["Completed", "Failed", "Canceled"].includes(sim.status)) {
        sim.process?.kill("SIGTERM");
        this.finish(sim, "Canceled");
      }
      return this.accepted(`jc:${name}`, () => {});
    }
    if (req.method === "GET") return { status: 200, body: sim.resource };
    if (req.method === "PUT") return armError(409, "UserError", `A job named '${name}' already exists.`, name);
    return armError(405, "MethodNotAllowed", "Not supported");
  }

  private childRun(runId: string): BatchJobSim | undefined {
    return [...this.jobs.values()].find((j) => j.childRunId === runId);
  }

  private runDto(sim: BatchJobSim): Record<string, unknown> {
    const status = sim.status === "Queued" ? "NotStarted" : sim.status;
    const ended = ["Completed", "Failed", "Canceled"].includes(status);
    return {
      runId: sim.childRunId,
      parentRunId: sim.name,
      rootRunId: sim.name,
      displayName: "batchscoring",
      name: "batchscoring",
      status,
      properties: { "azureml.nodeid": "batchscoring", "azureml.pipeline": sim.name },
      tags: {},
      startTimeUtc: status === "NotStarted" ? null : now(),
      endTimeUtc: ended ? now() : null,
      error: sim.status === "Failed" ? { error: { code: "UserError", message: sim.error ?? "failed" } } : null,
    };
  }

  /** Run history for batch jobs: the parent's one child, its details with a log file. */
  private history(req: RecordedRequest): Reply | undefined {
    const m = /\/runs\/([^/]+)(\/children|\/details)?$/.exec(req.path);
    if (!m) return undefined;
    const [, runId, what] = m;
    if (what === "/children") {
      const sim = this.jobs.get(decodeURIComponent(runId));
      if (!sim) return undefined;
      return { status: 200, body: { value: [this.runDto(sim)], continuationToken: null, nextLink: null } };
    }
    const sim = this.childRun(runId);
    if (!sim) return undefined;
    const dto = this.runDto(sim);
    if (what === "/details") {
      const logFiles =
        dto.status === "NotStarted"
          ? {}
          : {
              "user_logs/std_log.txt": `${this.state.url}/batch-logs/${runId}/user_logs/std_log.txt?sv=2021-08-06&sig=emulated`,
            };
      return { status: 200, body: { ...dto, logFiles } };
    }
    return { status: 200, body: dto };
  }

  private logFile(p: string): Reply {
    const sim = this.childRun(p.split("/")[2]);
    if (!sim) return { status: 404, text: "" };
    return { status: 200, headers: { "content-type": "text/plain" }, text: sim.log };
  }

  private mlflow(req: RecordedRequest): Reply {
    const runId = req.query.run_id ?? "";
    if (req.path.endsWith("/runs/get"))
      return {
        status: 200,
        body: {
          run: {
            info: { run_id: runId, run_uuid: runId, experiment_id: "1", status: "FINISHED" },
            data: { metrics: [], params: [], tags: [] },
          },
        },
      };
    return { status: 200, body: { metrics: [] } };
  }
}

function unauthorized(message: string): Reply {
  return {
    status: 401,
    headers: { "www-authenticate": 'Bearer authorization_uri="https://login.microsoftonline.com/common"' },
    body: { error: { code: "InvalidAuthenticationToken", message } },
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
