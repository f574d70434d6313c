/**
 * Managed online endpoints: hand-written requests (routes and api-version in contract/routes.ts),
 * because traffic can only be changed by PUTting the whole endpoint (the SDK's PATCH model has no
 * `traffic`) and newer deployment settings would be dropped by the 2022-10-01 models. Every change
 * is a long-running operation that is followed to its end. Keys come through the SDK (listKeys).
 */
import { relative, sep } from "node:path";
import {
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type Pipeline,
} from "@azure/core-rest-pipeline";
import { UserError } from "../../errors.js";
import { parseRegisteredRef } from "../../references.js";
import type { Log } from "../../run-context.js";
import type {
  DeploymentState,
  EndpointService,
  EndpointState,
  NewDeployment,
  PlatformMetrics,
  ScoreResponse,
} from "../workspace.js";
import type { AzureMlClient } from "./client.js";
import type { CodeUploader } from "./code.js";
import type { OnlineEndpointResource } from "./contract/responses.js";
import type { DataPlane } from "./data-plane.js";
import { EnvironmentRegistry } from "./environments.js";
import { readEndpointMetrics } from "./monitor-metrics.js";

/** A deployment's provisioning state (online or batch: the same words) as the port's status. */
export function deploymentStatus(state: string | undefined): DeploymentState["status"] {
  switch (state) {
    case "Succeeded":
      return "Succeeded";
    case "Failed":
    case "Canceled":
      return "Failed";
    case "Deleting":
      return "Deleting";
    default:
      return "Creating";
  }
}

export class AzureEndpoints implements EndpointService {
  private readonly keys = new Map<string, string>();

  /** For measured requests: one attempt each, so a failure is counted, not retried away. */
  private singleAttempt?: Pipeline;

  private readonly scoringUris = new Map<string, string>();

  constructor(
    private readonly client: AzureMlClient,
    private readonly code: CodeUploader,
    private readonly dataPlane: DataPlane,
    private readonly location: () => Promise<string>,
    private readonly log: Log,
    private readonly environments = new EnvironmentRegistry(client),
  ) {}

  /** The endpoint, for a change that needs it to exist already. */
  private async mustReadEndpoint(name: string): Promise<OnlineEndpointResource> {
    const ep = await this.readEndpoint(name);
    if (!ep)
      throw new UserError(
        `online endpoint '${name}' does not exist`,
        { subject: "endpoint" },
        "Create it first (deploy-endpoint creates it when absent)",
      );
    return ep;
  }

  private async readEndpoint(name: string): Promise<OnlineEndpointResource | undefined> {
    return (
      await this.client.send(
        "onlineEndpoints.get",
        { endpoint: name },
        {
          allow404: true,
          what: `read online endpoint ${name}`,
        },
      )
    )?.body;
  }

  async get(name: string): Promise<EndpointState | undefined> {
    const ep = await this.readEndpoint(name);
    if (!ep) return undefined;
    const deps = await this.client.must(
      "onlineDeployments.list",
      { endpoint: name },
      { what: `list deployments of ${name}` },
    );
    return {
      name: ep.name,
      scoringUri: ep.properties.scoringUri ?? "",
      traffic: { ...(ep.properties.traffic ?? {}) },
      mirrorTraffic: { ...((ep.properties.mirrorTraffic as Record<string, number> | undefined) ?? {}) },
      deployments: (deps.body.value ?? []).map((d) => ({
        name: d.name,
        model: String(d.properties.model ?? ""),
        status: deploymentStatus(d.properties.provisioningState),
      })),
    };
  }

  async list(): Promise<EndpointState[]> {
    const r = await this.client.must("onlineEndpoints.list", {}, { what: "list online endpoints" });
    const out: EndpointState[] = [];
    for (const ep of r.body.value ?? []) {
      const state = await this.get(ep.name);
      if (state) out.push(state);
    }
    return out;
  }

  async ensure(name: string, log: Log): Promise<EndpointState> {
    const existing = await this.get(name);
    if (existing) return existing;
    log.info(`Creating online endpoint ${name}`);
    const r = await this.client.must(
      "onlineEndpoints.createOrUpdate",
      { endpoint: name },
      {
        what: `create online endpoint ${name}`,
        // The SDK's form: empty tags, properties and traffic maps; public access left to the service's default.
        body: {
          tags: {},
          location: await this.location(),
          identity: { type: "SystemAssigned" },
          properties: {
            authMode: "Key",
            description: "Managed by mlops-action deploy-endpoint",
            properties: {},
            mirrorTraffic: {},
            traffic: {},
          },
        },
      },
    );
    await this.client.waitLro(r, `create online endpoint ${name}`);
    if (this.client.dryRun) return { name, scoringUri: "", traffic: {}, deployments: [] };
    return (await this.get(name)) as EndpointState;
  }

  /** The ARM id of an environment: registered references pass through, an image becomes an anonymous environment. */
  private async environmentId(environment: string | undefined): Promise<string> {
    const env = environment ?? "mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest";
    const registered = parseRegisteredRef(env);
    if (registered && (registered.label ?? "latest") === "latest") {
      return this.client.id("environmentVersions.get", { name: registered.name, version: registered.version ?? "1" });
    }
    if (/^azureml:\/\//.test(env) || env.startsWith("/subscriptions/")) return env.replace(/^azureml:/, "");
    return this.environments.register({ image: env }, `environment ${env}`);
  }

  async createDeployment(endpoint: string, deployment: NewDeployment, log: Log): Promise<DeploymentState> {
    const codeId = await this.code.upload(deployment.codeDir, log);
    const scoringScript = relative(deployment.codeDir, deployment.scoringScript).split(sep).join("/");
    if (scoringScript.startsWith("..")) {
      throw new UserError(
        `scoring script ${deployment.scoringScript} is outside the code folder ${deployment.codeDir}`,
        { subject: "scoringScript" },
        "Put score.py inside the code folder",
      );
    }
    // A registry's version is named by its asset id (azureml://registries/...), a workspace's by its ARM id.
    const model =
      deployment.model.assetId ??
      this.client.id("modelVersions.get", {
        name: deployment.model.name,
        version: deployment.model.version,
      });
    // The SDK's form: empty tags, environment variables and properties; scale settings left to the service's default.
    const body = {
      tags: {},
      location: await this.location(),
      sku: { name: "Default", capacity: deployment.instanceCount ?? 1 },
      properties: {
        endpointComputeType: "Managed",
        model,
        codeConfiguration: { codeId, scoringScript },
        environmentId: await this.environmentId(deployment.environment),
        environmentVariables: {},
        properties: {},
        instanceType: deployment.instanceType ?? "Standard_DS3_v2",
        appInsightsEnabled: false,
      },
    };
    log.info(
      `Creating deployment ${endpoint}/${deployment.name} (${deployment.model.name}:${deployment.model.version}, ${body.properties.instanceType} × ${body.sku.capacity})`,
    );
    const r = await this.client.must(
      "onlineDeployments.createOrUpdate",
      { endpoint, deployment: deployment.name },
      {
        body,
        what: `create deployment ${endpoint}/${deployment.name}`,
      },
    );
    try {
      await this.client.waitLro(r, `create deployment ${endpoint}/${deployment.name}`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      log.error(error.describe());
      return { name: deployment.name, model, status: "Failed" };
    }
    if (this.client.dryRun) return { name: deployment.name, model, status: "Succeeded" };
    const d = await this.client.must(
      "onlineDeployments.get",
      { endpoint, deployment: deployment.name },
      {
        what: `read deployment ${endpoint}/${deployment.name}`,
      },
    );
    return { name: deployment.name, model, status: deploymentStatus(d.body.properties.provisioningState) };
  }

  async setTraffic(endpoint: string, traffic: Record<string, number>, log: Log): Promise<EndpointState> {
    const ep = await this.mustReadEndpoint(endpoint);
    const body = trafficUpdate(ep, traffic);
    log.info(`Traffic of ${endpoint}: ${shares(traffic)}`);
    const r = await this.client.must(
      "onlineEndpoints.createOrUpdate",
      { endpoint },
      {
        body,
        what: `set traffic of ${endpoint}`,
      },
    );
    await this.client.waitLro(r, `set traffic of ${endpoint}`);
    if (this.client.dryRun)
      return { name: endpoint, scoringUri: ep.properties.scoringUri ?? "", traffic, deployments: [] };
    return (await this.get(endpoint)) as EndpointState;
  }

  /**
   * Mirrored traffic is a property of the endpoint, like traffic: the whole endpoint is PUT again
   * with the new `mirrorTraffic` map (deployment → percent, at most 50 in all) and its traffic
   * unchanged, as `az ml online-endpoint update --mirror-traffic green=10` does.
   */
  async setMirror(endpoint: string, mirror: Record<string, number>, log: Log): Promise<EndpointState> {
    const ep = await this.mustReadEndpoint(endpoint);
    const body = trafficUpdate(ep, (ep.properties.traffic as Record<string, number> | undefined) ?? {}, mirror);
    log.info(`Mirrored traffic of ${endpoint}: ${shares(mirror)}`);
    const r = await this.client.must(
      "onlineEndpoints.createOrUpdate",
      { endpoint },
      { body, what: `set mirrored traffic of ${endpoint}` },
    );
    await this.client.waitLro(r, `set mirrored traffic of ${endpoint}`);
    if (this.client.dryRun)
      return {
        name: endpoint,
        scoringUri: ep.properties.scoringUri ?? "",
        traffic: {},
        mirrorTraffic: mirror,
        deployments: [],
      };
    return (await this.get(endpoint)) as EndpointState;
  }

  async deleteDeployment(endpoint: string, deployment: string, log: Log): Promise<void> {
    log.info(`Deleting deployment ${endpoint}/${deployment}`);
    const r = await this.client.send(
      "onlineDeployments.delete",
      { endpoint, deployment },
      {
        allow404: true,
        what: `delete deployment ${endpoint}/${deployment}`,
      },
    );
    if (r) await this.client.waitLro(r, `delete deployment ${endpoint}/${deployment}`);
  }

  private async key(endpoint: string): Promise<string> {
    let key = this.keys.get(endpoint);
    if (!key) {
      try {
        const keys = await this.client.sdk.onlineEndpoints.listKeys(
          this.client.ref.resourceGroup,
          this.client.ref.workspaceName,
          endpoint,
        );
        key = keys.primaryKey ?? "";
      } catch (error) {
        throw this.client.toUserError(`read the keys of endpoint ${endpoint}`, error);
      }
      if (!key)
        throw new UserError(
          `endpoint ${endpoint} has no key`,
          { subject: "endpoint" },
          "Use an endpoint with authMode Key",
        );
      this.log.secret(key);
      this.keys.set(endpoint, key);
    }
    return key;
  }

  async invoke(
    endpoint: string,
    body: string,
    deployment?: string,
    options: { once?: boolean } = {},
  ): Promise<ScoreResponse> {
    // An endpoint's scoring URI does not change: read once, so a measured request is only the request.
    let uri = this.scoringUris.get(endpoint);
    if (!uri) {
      uri = (await this.readEndpoint(endpoint))?.properties.scoringUri;
      if (!uri)
        throw new UserError(
          `online endpoint '${endpoint}' has no scoring URI`,
          { subject: "endpoint" },
          "Wait until the endpoint is provisioned",
        );
      this.scoringUris.set(endpoint, uri);
    }
    const key = await this.key(endpoint);
    const headers = createHttpHeaders({ "content-type": "application/json", authorization: `Bearer ${key}` });
    if (deployment) headers.set("azureml-model-deployment", deployment);
    const plain = this.dataPlane.plainPipeline();
    const http = plain.http;
    this.singleAttempt ??= createPipelineFromOptions({
      retryOptions: { maxRetries: 0 },
      tlsOptions: this.client.tlsOptions,
    });
    const pipeline = options.once ? this.singleAttempt : plain.pipeline;
    const request = createPipelineRequest({
      url: uri,
      method: "POST",
      headers,
      body,
      tlsSettings: this.client.tlsOptions,
      timeout: 90_000,
    });
    const r = await pipeline.sendRequest(http, request);
    return {
      status: r.status,
      body: r.bodyAsText ?? "",
      deployment: r.headers.get("azureml-model-deployment") ?? deployment,
    };
  }

  platformMetrics(
    endpoint: string,
    window: { start: Date; end: Date },
    signal?: AbortSignal,
  ): Promise<PlatformMetrics> {
    return readEndpointMetrics(this.client, endpoint, window, signal);
  }

  async delete(name: string, log: Log): Promise<void> {
    log.info(`Deleting online endpoint ${name}`);
    this.scoringUris.delete(name);
    this.keys.delete(name);
    const r = await this.client.send(
      "onlineEndpoints.delete",
      { endpoint: name },
      {
        allow404: true,
        what: `delete online endpoint ${name}`,
      },
    );
    if (r) await this.client.waitLro(r, `delete online endpoint ${name}`);
  }
}

/**
 * The endpoint PUT that sets traffic, in the SDK's form: what the user can set on an endpoint (tags,
 * location, identity type, auth mode, description, properties, mirror traffic) and the new traffic;
 * nothing the service generated (identity principal, provisioning state, URIs, its own properties).
 */
function trafficUpdate(
  ep: OnlineEndpointResource,
  traffic: Record<string, number>,
  mirror?: Record<string, number>,
): Record<string, unknown> {
  const p = ep.properties;
  const identity = ep.identity as { type?: string; userAssignedIdentities?: Record<string, unknown> } | undefined;
  const userAssigned = identity?.userAssignedIdentities
    ? Object.fromEntries(Object.keys(identity.userAssignedIdentities).map((k) => [k, {}]))
    : undefined;
  const own = Object.fromEntries(
    Object.entries((p.properties as Record<string, string> | undefined) ?? {}).filter(
      ([k]) => !k.startsWith("azureml.") && k !== "AzureAsyncOperationUri",
    ),
  );
  const properties: Record<string, unknown> = { authMode: p.authMode ?? "Key" };
  if (typeof p.description === "string") properties.description = p.description;
  properties.properties = own;
  properties.mirrorTraffic = mirror ?? (p.mirrorTraffic as Record<string, number> | undefined) ?? {};
  properties.traffic = traffic;
  return {
    tags: ep.tags ?? {},
    location: ep.location,
    identity: identity?.type
      ? { type: identity.type, ...(userAssigned ? { userAssignedIdentities: userAssigned } : {}) }
      : undefined,
    properties,
  };
}

/** `blue 90%, green 10%`, or `none`, for a log line. */
function shares(map: Record<string, number>): string {
  return (
    Object.entries(map)
      .map(([d, p]) => `${d} ${p}%`)
      .join(", ") || "none"
  );
}
