/**
 * The emulator's workspace: ARM resources held in memory, answered in the REST API's shapes
 * (resource envelopes with id/name/type/properties/systemData, ARM error bodies, long-running
 * operations with Azure-AsyncOperation + Location + Retry-After).
 */
import { randomUUID } from "node:crypto";
import {
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from "@azure/storage-blob";
import type { RecordedRequest, Reply } from "./server.js";

export interface EmulatorConfig {
  url: string;
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
  tenantId: string;
  location?: string;
  /** The storage account behind the default datastore (Azurite). */
  storage: { host: string; account: string; key: string; container: string; protocol?: "http" | "https" };
  /** Client secrets the token endpoint accepts, by client id. */
  clients?: Record<string, string>;
  /** Seconds sent in Retry-After on long-running operations (0 keeps tests fast). */
  lroRetryAfter?: number;
  /** How many polls an operation answers InProgress before it ends. */
  lroPolls?: number;
  /**
   * What listSecrets returns for the default datastore: the account key (default) or a container SAS.
   * "None" makes the datastore identity-based (credentialsType None); listSecrets then answers 400.
   */
  datastoreSecrets?: "AccountKey" | "Sas" | "None";
  /** Seconds an access token lives (default 3599); a short life makes clients sign in again. */
  tokenLifetime?: number;
  /** Refuse every write with AuthorizationFailed (to test the error line). */
  deniedWrites?: boolean;
  /** Compute clusters the workspace has (default: cpu-cluster, gpu-cluster). */
  computes?: string[];
}

export interface JobScript {
  /** The step (node) that fails; the pipeline then fails. */
  failStep?: string;
  /** The failed step's error message (default: a short one); Azure ML embeds the user's stderr in it. */
  failMessage?: string;
  /** Metrics each step logs through MLflow. */
  metrics?: Record<string, Record<string, number>>;
  /** Keep the job running until cancelled. */
  hold?: boolean;
}

interface Resource {
  id: string;
  name: string;
  type: string;
  location?: string;
  identity?: unknown;
  sku?: unknown;
  kind?: string;
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
  systemData: Record<string, string>;
}

interface Operation {
  id: string;
  polls: number;
  fail?: { code: string; message: string };
  /** Runs when the operation ends well. */
  done: () => void;
  /** Runs when it ends Failed. */
  failed?: () => void;
  ended?: "Succeeded" | "Failed";
}

interface JobSim {
  ticks: number;
  nodes: string[];
  script: JobScript;
  cancelled: boolean;
  runIds: Record<string, string>;
}

const PROVIDER = "Microsoft.MachineLearningServices";
const ASSET_KINDS = ["data", "codes", "models", "components", "environments"] as const;

function armError(status: number, code: string, message: string, target?: string): Reply {
  return { status, body: { error: { code, message, ...(target ? { target } : {}), details: [], additionalInfo: [] } } };
}

/** The storage audience a token request's scope names (storage.azure.com or an account's blob host), if any. */
function storageAudience(scope: string): string | undefined {
  for (const s of scope.split(/\s+/)) {
    const resource = s.replace(/\/\.default$/, "");
    if (/^https:\/\/(storage\.azure\.com|[a-z0-9]+\.blob\.core\.[a-z.]+)\/?$/.test(resource)) return resource;
  }
  return undefined;
}

function now(): string {
  return new Date().toISOString();
}

export class ArmState {
  readonly resources = new Map<string, Resource>();
  readonly operations = new Map<string, Operation>();
  readonly jobs = new Map<string, JobSim>();
  readonly tokens = new Map<string, { clientId: string; grant: string }>();
  /** Storage tokens issued (JWTs for Azurite), by whom and for which audience. */
  readonly storageTokens: { clientId: string; grant: string; audience: string }[] = [];
  /** What the next pipeline job does. */
  jobScript: JobScript = {};
  /** Long-running operations created from now on end Failed with this error. */
  failNextLro?: { code: string; message: string };
  /** Deployments whose scoring answers 500. */
  readonly brokenDeployments = new Set<string>();
  /** Deployments that answer this many scoring requests (a smoke test), then fail every one with 500. */
  readonly failingAfter = new Map<string, number>();
  private readonly scored = new Map<string, number>();
  /** Audience asked of the GitHub OIDC stand-in, and how many tokens it issued. */
  readonly oidcRequests: string[] = [];
  readonly wsPath: string;
  readonly workspaceId = randomUUID();
  private seq = 0;
  /** Every scoring request the endpoints served: the source of the Azure Monitor metrics they answer. */
  readonly scoringLog: { endpoint: string; deployment: string; status: number; at: number; ms: number }[] = [];
  /** Client ids without a role that may read Azure Monitor metrics: their metrics GET answers 403. */
  readonly metricsDenied = new Set<string>();
  /** Copies of live scoring requests the endpoint's mirrorTraffic sent to each deployment (answers discarded). */
  readonly mirrored = new Map<string, number>();
  private mirrorSlot = 0;

  constructor(
    readonly url: string,
    readonly config: EmulatorConfig,
  ) {
    const c = config;
    this.wsPath = `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/${PROVIDER}/workspaces/${c.workspace}`;
    const host = new URL(url).host;
    this.put(this.wsPath, "Microsoft.MachineLearningServices/workspaces", c.workspace, {
      friendlyName: c.workspace,
      workspaceId: this.workspaceId,
      discoveryUrl: `${url}/discovery/workspaces/${this.workspaceId}`,
      mlFlowTrackingUri: `azureml://${host}/mlflow/v1.0${this.wsPath}`,
      provisioningState: "Succeeded",
      storageAccount: `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${c.storage.account}`,
      hbiWorkspace: false,
      publicNetworkAccess: "Enabled",
    }).location = this.location;
    this.put(
      `${this.wsPath}/datastores/workspaceblobstore`,
      "Microsoft.MachineLearningServices/workspaces/datastores",
      "workspaceblobstore",
      {
        datastoreType: "AzureBlob",
        accountName: c.storage.account,
        containerName: c.storage.container,
        endpoint: c.storage.host,
        protocol: c.storage.protocol ?? "http",
        isDefault: true,
        credentials: { credentialsType: c.datastoreSecrets === "None" ? "None" : "AccountKey" },
        serviceDataAccessAuthIdentity: "None",
        description: "The workspace's default blob store",
        tags: {},
        properties: {},
      },
    );
  }

  get location(): string {
    return this.config.location ?? "eastus";
  }

  private put(path: string, type: string, name: string, properties: Record<string, unknown>): Resource {
    const key = path.toLowerCase();
    const prior = this.resources.get(key);
    const created = prior?.systemData.createdAt ?? now();
    const r: Resource = {
      id: path,
      name,
      type,
      properties,
      systemData: {
        createdAt: created,
        createdBy: "emulator@example.com",
        createdByType: "User",
        lastModifiedAt: now(),
        lastModifiedBy: "emulator@example.com",
        lastModifiedByType: "User",
      },
    };
    this.resources.set(key, r);
    return r;
  }

  private get(path: string): Resource | undefined {
    return this.resources.get(path.toLowerCase());
  }

  private children(prefix: string): Resource[] {
    const p = `${prefix.toLowerCase()}/`;
    return [...this.resources.entries()]
      .filter(([k]) => k.startsWith(p) && !k.slice(p.length).includes("/"))
      .map(([, r]) => r);
  }

  route(req: RecordedRequest): Reply {
    const p = req.path;
    if (/\/oauth2\/v2\.0\/token$/.test(p)) return this.token(req);
    if (/\/v2\.0\/\.well-known\/openid-configuration$/.test(p)) return this.openid(p);
    if (p === "/common/discovery/instance") return this.instanceDiscovery(req);
    if (p === "/github-oidc") {
      this.oidcRequests.push(req.query.audience ?? "");
      return {
        status: 200,
        body: {
          value: `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ aud: req.query.audience, n: this.oidcRequests.length })).toString("base64url")}.`,
        },
      };
    }
    if (p === "/ado-oidc" && req.method === "POST") {
      // Azure DevOps' OIDC token service for a service connection (System.AccessToken as bearer).
      if (!/^Bearer .+/.test(req.headers.authorization ?? "")) return { status: 401, text: "no System.AccessToken" };
      this.oidcRequests.push(`ado:${req.query.serviceConnectionId ?? ""}`);
      return {
        status: 200,
        body: {
          oidcToken: `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ sc: req.query.serviceConnectionId })).toString("base64url")}.`,
        },
      };
    }
    if (p.startsWith("/score/")) return this.score(req);
    if (p.startsWith("/logs/")) return this.log(p);

    const auth = req.headers.authorization ?? "";
    const token = auth.replace(/^Bearer /, "");
    if (!this.tokens.has(token)) {
      return {
        status: 401,
        headers: { "www-authenticate": 'Bearer authorization_uri="https://login.microsoftonline.com/common"' },
        body: { error: { code: "InvalidAuthenticationToken", message: "The access token is invalid." } },
      };
    }
    if (p.startsWith("/discovery/")) return this.discovery();
    if (p.startsWith("/history/v1.0/")) return this.history(req);
    if (p.startsWith("/mlflow/v1.0/")) return this.mlflow(req);
    if (/\/mfeOperationsStatus\//.test(p)) return this.operationStatus(p);
    if (/\/mfeOperationResults\//.test(p)) return this.operationResult(p);
    if (!req.query["api-version"])
      return armError(
        400,
        "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.",
      );
    if (!p.toLowerCase().startsWith(this.wsPath.toLowerCase())) {
      return armError(404, "ResourceNotFound", `The Resource '${p}' was not found.`);
    }
    if (this.config.deniedWrites && req.method !== "GET" && !/\/(listSecrets|listKeys)$/.test(p)) {
      return armError(
        403,
        "AuthorizationFailed",
        `The client '${this.tokens.get(token)?.clientId}' with object id '${randomUUID()}' does not have authorization to perform action '${this.action(p, req.method)}' over scope '${p}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    }
    if (/\/providers\/Microsoft\.Insights\/metrics$/i.test(p)) {
      const client = this.tokens.get(token)?.clientId ?? "";
      if (this.metricsDenied.has(client))
        return armError(
          403,
          "AuthorizationFailed",
          `The client '${client}' with object id '${randomUUID()}' does not have authorization to perform action 'microsoft.insights/metrics/read' over scope '${p.replace(/\/providers\/Microsoft\.Insights\/metrics$/i, "")}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
        );
    }
    const rest = p.slice(this.wsPath.length).split("/").filter(Boolean);
    return this.workspaceRoute(req, rest);
  }

  /** The ARM action a request needs: the resource types along the path, then write/delete/action. */
  private action(p: string, method: string): string {
    const parts = p.slice(p.indexOf("/providers/") + "/providers/".length).split("/");
    const types = [parts[0], ...parts.slice(1).filter((_, i) => i % 2 === 0)];
    const verb = method === "DELETE" ? "delete" : method === "POST" ? "action" : "write";
    return `${types.join("/")}/${verb}`;
  }

  // ---- identity ---------------------------------------------------------------------------

  private openid(p: string): Reply {
    const tenant = p.split("/")[1];
    const base = `${this.url}/${tenant}`;
    return {
      status: 200,
      body: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        issuer: `${base}/v2.0`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        response_types_supported: ["code", "id_token", "code id_token", "token id_token", "token"],
        token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
      },
    };
  }

  private instanceDiscovery(req: RecordedRequest): Reply {
    const host = new URL(this.url).host;
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint:
          req.query.authorization_endpoint ?? `${this.url}/common/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  }

  private token(req: RecordedRequest): Reply {
    const form = new URLSearchParams(typeof req.body === "string" ? req.body : "");
    const clientId = form.get("client_id") ?? "";
    const tenant = req.path.split("/")[1];
    const bad = (description: string): Reply => ({
      status: 401,
      body: { error: "invalid_client", error_description: description, error_codes: [7000215], timestamp: now() },
    });
    if (tenant !== this.config.tenantId) {
      return {
        status: 400,
        body: { error: "invalid_request", error_description: `AADSTS90002: Tenant '${tenant}' not found.` },
      };
    }
    let grant: string;
    if (form.get("client_assertion")) {
      if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") {
        return bad("AADSTS700023: client_assertion_type is invalid.");
      }
      grant = "federated";
    } else if (form.get("client_secret") !== undefined && form.get("client_secret") !== null) {
      if (this.config.clients?.[clientId] !== form.get("client_secret"))
        return bad("AADSTS7000215: Invalid client secret provided.");
      grant = "secret";
    } else return bad("AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required.");
    const storage = storageAudience(form.get("scope") ?? "");
    if (storage) {
      // A storage token is a JWT Azurite (--oauth basic) accepts: storage's audience, an Entra ID
      // STS issuer, iat/nbf/exp. Unsigned, as Azurite does not check signatures. ARM refuses it.
      const iat = Math.floor(Date.now() / 1000);
      const claims = {
        aud: storage,
        iss: `https://sts.windows.net/${tenant}/`,
        iat,
        nbf: iat,
        exp: iat + 3599,
        tid: tenant,
        appid: clientId,
        oid: randomUUID(),
      };
      const jwt = [{ alg: "none", typ: "JWT" }, claims].map((p) =>
        Buffer.from(JSON.stringify(p)).toString("base64url"),
      );
      this.storageTokens.push({ clientId, grant, audience: storage });
      return {
        status: 200,
        body: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: `${jwt.join(".")}.` },
      };
    }
    const access = `emu-${randomUUID()}`;
    this.tokens.set(access, { clientId, grant });
    return {
      status: 200,
      body: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: access },
    };
  }

  // ---- workspace and its resources -----------------------------------------------------------

  private workspaceRoute(req: RecordedRequest, rest: string[]): Reply {
    const m = req.method;
    if (rest.length === 0)
      return m === "GET" ? this.found(this.get(this.wsPath)) : armError(405, "MethodNotAllowed", "Not supported here");
    const [kind, name, sub, subName, subSub] = rest;
    if (kind === "datastores") {
      if (!name && m === "GET") return this.list(`${this.wsPath}/datastores`, req);
      if (sub === "listSecrets" && m === "POST") {
        if (!this.get(`${this.wsPath}/datastores/${name}`)) return this.notFound("datastores", name);
        // The message is the service's as quoted in issue 9; the code is a guess: neither the REST spec
        // nor the SDK's recordings hold this answer (the SDK never asks a None datastore for secrets).
        if (this.config.datastoreSecrets === "None")
          return armError(400, "UserError", "No secrets for credentials of type None.");
        if (this.config.datastoreSecrets === "Sas") {
          const { account, key, container } = this.config.storage;
          const sas = generateBlobSASQueryParameters(
            {
              containerName: container,
              permissions: ContainerSASPermissions.parse("racwdl"),
              expiresOn: new Date(Date.now() + 3600_000),
              protocol: SASProtocol.HttpsAndHttp,
            },
            new StorageSharedKeyCredential(account, key),
          ).toString();
          return { status: 200, body: { secretsType: "Sas", sasToken: `?${sas}` } };
        }
        return { status: 200, body: { secretsType: "AccountKey", key: this.config.storage.key } };
      }
      if (!sub && m === "GET") return this.found(this.get(`${this.wsPath}/datastores/${name}`), "datastores", name);
    }
    if ((ASSET_KINDS as readonly string[]).includes(kind)) return this.asset(req, kind, name, sub, subName);
    if (kind === "jobs") return this.job(req, name, sub);
    if (kind === "computes" && req.method === "GET" && name && !sub) {
      if (!(this.config.computes ?? ["cpu-cluster", "gpu-cluster"]).includes(name))
        return this.notFound("compute", name);
      return {
        status: 200,
        body: {
          id: `${this.wsPath}/computes/${name}`,
          name,
          type: "Microsoft.MachineLearningServices/workspaces/computes",
          location: this.location,
          properties: {
            computeType: "AmlCompute",
            provisioningState: "Succeeded",
            properties: { vmSize: "STANDARD_NC6S_V3", scaleSettings: { minNodeCount: 0, maxNodeCount: 4 } },
          },
        },
      };
    }
    if (kind === "onlineEndpoints") return this.endpoint(req, name, sub, subName, subSub);
    return armError(404, "NoRegisteredProviderFound", `No route for '${req.method} ${req.path}' in the emulator.`);
  }

  private notFound(kind: string, name: string): Reply {
    return armError(404, "UserError", `${kind} '${name}' not found in workspace '${this.config.workspace}'.`, name);
  }

  private found(r: Resource | undefined, kind = "resource", name = ""): Reply {
    return r ? { status: 200, body: r } : this.notFound(kind, name);
  }

  private list(prefix: string, req: RecordedRequest, filter: (r: Resource) => boolean = () => true): Reply {
    let items = this.children(prefix).filter(filter);
    const order = req.query.$orderBy ?? req.query.orderBy;
    if (order && /createdtime desc/i.test(order)) {
      items = items.sort((a, b) => (a.systemData.createdAt < b.systemData.createdAt ? 1 : -1));
    }
    if (req.query.isDefault === "true") items = items.filter((r) => r.properties.isDefault === true);
    const top = Number(req.query.$top ?? req.query.top ?? 0);
    if (top > 0) items = items.slice(0, top);
    return { status: 200, body: { value: items } };
  }

  private asset(
    req: RecordedRequest,
    kind: string,
    name: string | undefined,
    sub: string | undefined,
    version: string | undefined,
  ): Reply {
    const m = req.method;
    const containerPath = `${this.wsPath}/${kind}/${name}`;
    const type = `Microsoft.MachineLearningServices/workspaces/${kind}`;
    if (!name)
      return m === "GET"
        ? this.list(`${this.wsPath}/${kind}`, req)
        : armError(405, "MethodNotAllowed", "Not supported");
    if (!sub) {
      if (m === "GET") return this.found(this.get(containerPath), kind, name);
      if (m === "PUT") {
        const props = ((req.body as { properties?: Record<string, unknown> })?.properties ?? {}) as Record<
          string,
          unknown
        >;
        const prior = this.get(containerPath);
        const r = this.put(containerPath, type, name, { ...prior?.properties, ...props, isArchived: false });
        return { status: prior ? 200 : 201, body: r };
      }
    }
    if (sub !== "versions") return armError(404, "NoRegisteredProviderFound", `No route for ${req.path}`);
    if (!version) {
      if (m === "GET") return this.list(`${containerPath}/versions`, req);
      return armError(405, "MethodNotAllowed", "Not supported");
    }
    const versionPath = `${containerPath}/versions/${version}`;
    if (m === "GET") return this.found(this.get(versionPath), `${kind} version`, `${name}:${version}`);
    if (m === "PUT") {
      const props = (req.body as { properties?: Record<string, unknown> })?.properties;
      if (!props) return armError(400, "UserError", "The request body must carry 'properties'.", "properties");
      const prior = this.get(versionPath);
      if (prior && kind !== "codes") {
        // Asset versions are immutable except for description and tags.
        const same = ["dataUri", "modelUri", "dataType"].every((k) => prior.properties[k] === props[k]);
        if (!same) {
          return armError(
            409,
            "UserError",
            `${kind} ${name}:${version} already exists with different content; asset versions are immutable.`,
            version,
          );
        }
      }
      if (kind === "data" && !props.dataUri)
        return armError(400, "UserError", "dataUri is required.", "properties.dataUri");
      if (kind === "models" && !props.modelUri)
        return armError(400, "UserError", "modelUri is required.", "properties.modelUri");
      const r = this.put(versionPath, `${type}/versions`, version, {
        isArchived: false,
        isAnonymous: false,
        ...props,
        // Data versions have no provisioningState in the REST spec (code, model, environment and
        // component versions have one from 2023 on).
        ...(kind === "data" ? {} : { provisioningState: "Succeeded" }),
      });
      if (prior) r.systemData.createdAt = prior.systemData.createdAt;
      const container =
        this.get(containerPath) ??
        this.put(containerPath, type, name, {
          isArchived: false,
          ...(kind === "data" ? { dataType: props.dataType } : {}),
        });
      const versions = this.children(`${containerPath}/versions`).map((v) => v.name);
      const numeric = versions.filter((v) => /^\d+$/.test(v)).map(Number);
      container.properties.latestVersion = version;
      container.properties.nextVersion = String((numeric.length ? Math.max(...numeric) : 0) + 1);
      return { status: prior ? 200 : 201, body: r };
    }
    if (m === "DELETE") {
      this.resources.delete(versionPath.toLowerCase());
      return { status: 200 };
    }
    return armError(405, "MethodNotAllowed", "Not supported");
  }

  // ---- jobs ------------------------------------------------------------------------------------

  private job(req: RecordedRequest, name: string | undefined, sub: string | undefined): Reply {
    const path = `${this.wsPath}/jobs/${name}`;
    if (!name) {
      if (req.method !== "GET") return armError(405, "MethodNotAllowed", "Not supported");
      return this.list(`${this.wsPath}/jobs`, req);
    }
    if (sub === "cancel" && req.method === "POST") {
      const sim = this.jobs.get(name);
      if (!sim) return this.notFound("job", name);
      sim.cancelled = true;
      const r = this.get(path);
      if (r) r.properties.status = "CancelRequested";
      return this.accepted(`jc:${name}`, () => {});
    }
    if (req.method === "PUT") {
      if (this.get(path)) return armError(409, "UserError", `A job named '${name}' already exists.`, name);
      const props = (req.body as { properties?: Record<string, unknown> })?.properties;
      if (!props?.jobType) return armError(400, "UserError", "properties.jobType is required.", "properties.jobType");
      const r = this.put(path, "Microsoft.MachineLearningServices/workspaces/jobs", name, {
        ...structuredClone(props),
        status: "NotStarted",
        services: {
          Tracking: {
            jobServiceType: "Tracking",
            endpoint: `azureml://${new URL(this.url).host}/mlflow/v1.0${this.wsPath}?`,
          },
          Studio: {
            jobServiceType: "Studio",
            endpoint: `https://ml.azure.com/runs/${name}?wsid=${this.wsPath}&tid=${this.config.tenantId}`,
          },
        },
      });
      const nodes = Object.keys((props.jobs as Record<string, unknown>) ?? {});
      this.jobs.set(name, {
        ticks: 0,
        nodes,
        script: this.jobScript,
        cancelled: false,
        runIds: Object.fromEntries(nodes.map((n) => [n, randomUUID()])),
      });
      return { status: 201, body: r };
    }
    if (req.method === "GET") {
      const r = this.get(path);
      if (!r) return this.notFound("job", name);
      this.advance(name, r);
      return { status: 200, body: r };
    }
    return armError(405, "MethodNotAllowed", "Not supported");
  }

  /** A job moves one step each time its parent is read: deterministic, no clocks. */
  private advance(name: string, r: Resource): void {
    const sim = this.jobs.get(name);
    if (!sim) return;
    if (["Completed", "Failed", "Canceled"].includes(r.properties.status as string)) return;
    if (sim.cancelled) {
      r.properties.status = "Canceled";
      return;
    }
    sim.ticks += 1;
    const n = sim.nodes.length;
    const failAt = sim.script.failStep ? sim.nodes.indexOf(sim.script.failStep) : -1;
    if (sim.script.hold) {
      r.properties.status = "Running";
      return;
    }
    if (failAt >= 0 && sim.ticks > failAt + 2) {
      r.properties.status = "Failed";
      return;
    }
    r.properties.status =
      sim.ticks === 1 ? "Queued" : sim.ticks <= n + 2 ? "Running" : sim.ticks === n + 3 ? "Finalizing" : "Completed";
  }

  /** The status of step i at the parent's current tick. */
  stepStatus(sim: JobSim, i: number, parentStatus: string): string {
    const node = sim.nodes[i];
    const startTick = i + 2;
    if (sim.script.hold) return i === 0 ? "Running" : "NotStarted";
    if (sim.script.failStep === node && sim.ticks > startTick) return "Failed";
    const failAt = sim.script.failStep ? sim.nodes.indexOf(sim.script.failStep) : -1;
    if (failAt >= 0 && i > failAt) return parentStatus === "Failed" ? "Canceled" : "NotStarted";
    if (parentStatus === "Canceled" && sim.ticks <= startTick) return "Canceled";
    if (sim.ticks < startTick) return "NotStarted";
    if (sim.ticks === startTick) return "Running";
    return "Completed";
  }

  // ---- run history, logs, MLflow --------------------------------------------------------------

  private discovery(): Reply {
    const api = this.url;
    return {
      status: 200,
      body: {
        api,
        catalog: api,
        experimentation: api,
        gallery: api,
        history: api,
        hyperdrive: api,
        labeling: api,
        modelmanagement: api,
        pipelines: api,
        studio: "https://ml.azure.com",
      },
    };
  }

  private runDto(jobName: string, i: number): Record<string, unknown> {
    const sim = this.jobs.get(jobName) as JobSim;
    const parent = this.get(`${this.wsPath}/jobs/${jobName}`) as Resource;
    const node = sim.nodes[i];
    const status = this.stepStatus(sim, i, parent.properties.status as string);
    return {
      runId: sim.runIds[node],
      parentRunId: jobName,
      rootRunId: jobName,
      displayName: node,
      name: node,
      status,
      experimentId: randomUUID(),
      properties: { "azureml.nodeid": node, "azureml.pipeline": jobName },
      tags: {},
      startTimeUtc: status === "NotStarted" ? null : now(),
      endTimeUtc: ["Completed", "Failed", "Canceled"].includes(status) ? now() : null,
      error:
        status === "Failed"
          ? {
              error: {
                code: "UserError",
                message: sim.script.failMessage ?? `Execution failed in step ${node}: exit code 1`,
              },
            }
          : null,
    };
  }

  private findRun(runId: string): { job: string; index: number } | undefined {
    for (const [job, sim] of this.jobs) {
      const index = sim.nodes.findIndex((n) => sim.runIds[n] === runId);
      if (index >= 0) return { job, index };
    }
    return undefined;
  }

  private history(req: RecordedRequest): Reply {
    const m = /\/runs\/([^/]+)(\/children|\/details)?$/.exec(req.path);
    if (!m) return armError(404, "NotFound", `No run history route ${req.path}`);
    const [, runId, what] = m;
    if (what === "/children") {
      const sim = this.jobs.get(runId);
      if (!sim) return armError(404, "RunNotFound", `Run ${runId} was not found`);
      return {
        status: 200,
        body: { value: sim.nodes.map((_, i) => this.runDto(runId, i)), continuationToken: null, nextLink: null },
      };
    }
    const found = this.findRun(runId);
    if (!found) return armError(404, "RunNotFound", `Run ${runId} was not found`);
    const dto = this.runDto(found.job, found.index);
    if (what === "/details") {
      const logs =
        dto.status === "NotStarted"
          ? {}
          : { "user_logs/std_log.txt": `${this.url}/logs/${runId}/user_logs/std_log.txt?sv=2021-08-06&sig=emulated` };
      return { status: 200, body: { ...dto, logFiles: logs } };
    }
    return { status: 200, body: dto };
  }

  private log(p: string): Reply {
    const runId = p.split("/")[2];
    const found = this.findRun(runId);
    if (!found) return { status: 404, text: "" };
    const node = (this.jobs.get(found.job) as JobSim).nodes[found.index];
    return { status: 200, headers: { "content-type": "text/plain" }, text: `[${node}] starting\n[${node}] working\n` };
  }

  private mlflow(req: RecordedRequest): Reply {
    const runId = req.query.run_id ?? "";
    const found = this.findRun(runId);
    if (!found)
      return { status: 404, body: { error_code: "RESOURCE_DOES_NOT_EXIST", message: `Run '${runId}' not found` } };
    const sim = this.jobs.get(found.job) as JobSim;
    const node = sim.nodes[found.index];
    const metrics = Object.entries(sim.script.metrics?.[node] ?? {}).map(([key, value]) => ({
      key,
      value,
      timestamp: Date.now(),
      step: 0,
    }));
    if (req.path.endsWith("/runs/get")) {
      return {
        status: 200,
        body: {
          run: {
            info: { run_id: runId, run_uuid: runId, experiment_id: "1", status: "FINISHED" },
            data: { metrics, params: [], tags: [] },
          },
        },
      };
    }
    if (req.path.endsWith("/metrics/get-history")) {
      return { status: 200, body: { metrics: metrics.filter((x) => x.key === req.query.metric_key) } };
    }
    return { status: 404, body: { error_code: "ENDPOINT_NOT_FOUND", message: req.path } };
  }

  // ---- long-running operations -------------------------------------------------------------

  private opUrls(id: string): { status: string; result: string } {
    const base = `${this.url}/subscriptions/${this.config.subscriptionId}/providers/${PROVIDER}/locations/${this.location}`;
    return {
      status: `${base}/mfeOperationsStatus/${id}?api-version=2024-04-01`,
      result: `${base}/mfeOperationResults/${id}?api-version=2024-04-01`,
    };
  }

  /** Starts an operation and answers 202 with both polling headers. */
  private accepted(prefix: string, done: () => void, status = 202, body?: unknown, failed?: () => void): Reply {
    const id = `${prefix}:${randomUUID()}`;
    const op: Operation = { id, polls: 0, done, failed, fail: this.failNextLro };
    this.failNextLro = undefined;
    this.operations.set(id, op);
    const urls = this.opUrls(id);
    return {
      status,
      headers: {
        "azure-asyncoperation": urls.status,
        location: urls.result,
        "retry-after": String(this.config.lroRetryAfter ?? 0),
      },
      body,
    };
  }

  private tick(op: Operation): void {
    if (op.ended) return;
    op.polls += 1;
    if (op.polls > (this.config.lroPolls ?? 1)) {
      op.ended = op.fail ? "Failed" : "Succeeded";
      if (!op.fail) op.done();
      else op.failed?.();
    }
  }

  private operationStatus(p: string): Reply {
    const id = decodeURIComponent(p.split("/").at(-1) as string);
    const op = this.operations.get(id);
    if (!op) return armError(404, "NotFound", `Operation ${id} not found`);
    this.tick(op);
    const status = op.ended ?? "InProgress";
    return {
      status: 200,
      headers: status === "InProgress" ? { "retry-after": String(this.config.lroRetryAfter ?? 0) } : {},
      body: {
        id: this.opUrls(id).status,
        name: id,
        status,
        startTime: now(),
        ...(op.ended ? { endTime: now() } : {}),
        ...(op.ended === "Failed" ? { error: { ...op.fail, details: [] } } : {}),
      },
    };
  }

  private operationResult(p: string): Reply {
    const id = decodeURIComponent(p.split("/").at(-1) as string);
    const op = this.operations.get(id);
    if (!op) return armError(404, "NotFound", `Operation ${id} not found`);
    this.tick(op);
    if (!op.ended)
      return {
        status: 202,
        headers: { location: this.opUrls(id).result, "retry-after": String(this.config.lroRetryAfter ?? 0) },
      };
    if (op.ended === "Failed") return armError(400, op.fail?.code ?? "Failed", op.fail?.message ?? "failed");
    return { status: 200 };
  }

  // ---- online endpoints -----------------------------------------------------------------------

  private endpoint(
    req: RecordedRequest,
    name: string | undefined,
    sub: string | undefined,
    depName: string | undefined,
    depSub: string | undefined,
  ): Reply {
    const m = req.method;
    const base = `${this.wsPath}/onlineEndpoints`;
    if (!name) return m === "GET" ? this.list(base, req) : armError(405, "MethodNotAllowed", "Not supported");
    const path = `${base}/${name}`;
    const ep = this.get(path);
    if (sub === "listKeys" && m === "POST") {
      if (!ep) return this.notFound("online endpoint", name);
      return { status: 200, body: { primaryKey: ep.properties._key, secondaryKey: `${ep.properties._key}-2` } };
    }
    if (sub === "deployments") return this.deployment(req, name, ep, depName, depSub);
    if (sub === "providers" && depName?.toLowerCase() === "microsoft.insights" && depSub === "metrics" && m === "GET")
      return ep ? this.metrics(req, name) : this.notFound("online endpoint", name);
    if (sub) return armError(404, "NoRegisteredProviderFound", `No route ${req.path}`);
    if (m === "GET")
      return ep ? { status: 200, body: this.publicEndpoint(ep) } : this.notFound("online endpoint", name);
    if (m === "PUT" || m === "PATCH") {
      const body = req.body as {
        location?: string;
        identity?: unknown;
        properties?: Record<string, unknown>;
        tags?: Record<string, string>;
      };
      if (m === "PUT" && !body?.location)
        return armError(400, "LocationRequired", "The location property is required for this definition.", "location");
      if (m === "PATCH" && !ep) return this.notFound("online endpoint", name);
      const traffic = (body?.properties?.traffic ?? ep?.properties.traffic ?? {}) as Record<string, number>;
      const mirror = (body?.properties?.mirrorTraffic ?? ep?.properties.mirrorTraffic ?? {}) as Record<string, number>;
      const bad = this.checkTraffic(name, traffic) ?? this.checkMirror(name, mirror, traffic);
      if (bad) return bad;
      const props = { ...(ep?.properties ?? {}), ...(body?.properties ?? {}) };
      const r = this.put(path, "Microsoft.MachineLearningServices/workspaces/onlineEndpoints", name, {
        ...props,
        authMode: props.authMode ?? "Key",
        traffic: ep ? (ep.properties.traffic as Record<string, number>) : {},
        scoringUri: `${this.url}/score/${name}`,
        swaggerUri: `${this.url}/score/${name}/swagger.json`,
        provisioningState: ep ? "Updating" : "Creating",
        _key: ep?.properties._key ?? `key-${randomUUID()}`,
      });
      r.location = body?.location ?? ep?.location ?? this.location;
      r.identity = body?.identity ??
        ep?.identity ?? { type: "SystemAssigned", principalId: randomUUID(), tenantId: this.config.tenantId };
      r.kind = "Managed";
      const fresh = !ep;
      return this.accepted(
        `oe:${name}`,
        () => {
          r.properties.provisioningState = "Succeeded";
          r.properties.traffic = traffic;
        },
        fresh ? 201 : 200,
        this.publicEndpoint(r),
      );
    }
    if (m === "DELETE") {
      if (!ep) return { status: 204 };
      ep.properties.provisioningState = "Deleting";
      return this.accepted(`oed:${name}`, () => {
        for (const k of [...this.resources.keys()])
          if (k === path.toLowerCase() || k.startsWith(`${path.toLowerCase()}/`)) this.resources.delete(k);
      });
    }
    return armError(405, "MethodNotAllowed", "Not supported");
  }

  private checkTraffic(name: string, traffic: Record<string, number>): Reply | undefined {
    const total = Object.values(traffic).reduce((a, b) => a + b, 0);
    if (Object.keys(traffic).length > 0 && total !== 100) {
      return armError(
        400,
        "BadArgument",
        `Traffic for endpoint ${name} must add up to 100 (it adds up to ${total}).`,
        "properties.traffic",
      );
    }
    for (const d of Object.keys(traffic)) {
      if (!this.get(`${this.wsPath}/onlineEndpoints/${name}/deployments/${d}`)) {
        return armError(
          400,
          "BadArgument",
          `Deployment '${d}' does not exist on endpoint ${name}.`,
          "properties.traffic",
        );
      }
    }
    return undefined;
  }

  /**
   * Mirrored traffic as the service documents it: deployments of this endpoint, percents that add
   * up to at most 50, and no deployment taking live and mirrored traffic at once.
   */
  private checkMirror(
    name: string,
    mirror: Record<string, number>,
    traffic: Record<string, number>,
  ): Reply | undefined {
    const total = Object.values(mirror).reduce((a, b) => a + b, 0);
    if (total > 50)
      return armError(
        400,
        "BadArgument",
        `Mirror traffic for endpoint ${name} must add up to at most 50 (it adds up to ${total}).`,
        "properties.mirrorTraffic",
      );
    for (const [d, pct] of Object.entries(mirror)) {
      if (!this.get(`${this.wsPath}/onlineEndpoints/${name}/deployments/${d}`))
        return armError(
          400,
          "BadArgument",
          `Deployment '${d}' does not exist on endpoint ${name}.`,
          "properties.mirrorTraffic",
        );
      if (pct > 0 && (traffic[d] ?? 0) > 0)
        return armError(
          400,
          "BadArgument",
          `Deployment '${d}' cannot receive live and mirrored traffic at the same time.`,
          "properties.mirrorTraffic",
        );
    }
    return undefined;
  }

  private publicEndpoint(r: Resource): Resource {
    const { _key, ...properties } = r.properties;
    void _key;
    return { ...r, properties };
  }

  private deployment(
    req: RecordedRequest,
    endpoint: string,
    ep: Resource | undefined,
    name: string | undefined,
    sub: string | undefined,
  ): Reply {
    const m = req.method;
    if (!ep) return this.notFound("online endpoint", endpoint);
    const base = `${this.wsPath}/onlineEndpoints/${endpoint}/deployments`;
    if (!name) return m === "GET" ? this.list(base, req) : armError(405, "MethodNotAllowed", "Not supported");
    if (sub) return armError(404, "NoRegisteredProviderFound", `No route ${req.path}`);
    const path = `${base}/${name}`;
    const dep = this.get(path);
    if (m === "GET") return this.found(dep, "deployment", name);
    if (m === "PUT") {
      const body = req.body as { location?: string; sku?: unknown; properties?: Record<string, unknown> };
      if (!body?.location)
        return armError(400, "LocationRequired", "The location property is required for this definition.", "location");
      const props = body.properties ?? {};
      if (!props.model)
        return armError(400, "BadArgument", "A model is required for a managed online deployment.", "properties.model");
      if (props.endpointComputeType === "Managed" && !props.instanceType)
        return armError(400, "BadArgument", "instanceType is required.", "properties.instanceType");
      const r = this.put(path, "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments", name, {
        ...props,
        provisioningState: "Creating",
      });
      r.location = body.location;
      r.sku = body.sku ?? { name: "Default", capacity: 1 };
      return this.accepted(
        `od:${endpoint}:${name}`,
        () => {
          r.properties.provisioningState = "Succeeded";
        },
        dep ? 200 : 201,
        r,
        () => {
          r.properties.provisioningState = "Failed";
        },
      );
    }
    if (m === "DELETE") {
      if (!dep) return { status: 204 };
      const traffic = (ep.properties.traffic ?? {}) as Record<string, number>;
      if ((traffic[name] ?? 0) > 0) {
        return armError(
          400,
          "BadArgument",
          `Deployment '${name}' still receives ${traffic[name]}% of traffic; set it to 0 first.`,
          name,
        );
      }
      const mirror = (ep.properties.mirrorTraffic ?? {}) as Record<string, number>;
      if ((mirror[name] ?? 0) > 0) {
        return armError(
          400,
          "BadArgument",
          `Deployment '${name}' still receives ${mirror[name]}% of mirrored traffic; set it to 0 first.`,
          name,
        );
      }
      dep.properties.provisioningState = "Deleting";
      return this.accepted(`odd:${endpoint}:${name}`, () => {
        this.resources.delete(path.toLowerCase());
        // The service drops a deleted deployment from the endpoint's traffic maps (it had 0 % there).
        // New maps: the old ones may be a recorded request's body.
        for (const key of ["traffic", "mirrorTraffic"]) {
          const map = ep.properties[key] as Record<string, number> | undefined;
          if (map && name in map)
            ep.properties[key] = Object.fromEntries(Object.entries(map).filter(([d]) => d !== name));
        }
      });
    }
    return armError(405, "MethodNotAllowed", "Not supported");
  }

  /**
   * Azure Monitor's metrics GET for an endpoint (metrics_API.json 2018-01-01), computed from the
   * scoring requests it served in the timespan, 1-minute buckets, split by deployment when the
   * filter asks (`deployment eq '*'`). Latency is 0: the emulator answers at once.
   */
  private metrics(req: RecordedRequest, endpoint: string): Reply {
    const q = req.query;
    if (q["api-version"] !== "2018-01-01")
      return armError(400, "InvalidApiVersionParameter", `api-version '${q["api-version"]}' is not 2018-01-01`);
    const [from, to] = (q.timespan ?? "").split("/").map((t) => Date.parse(t));
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from)
      return armError(400, "BadRequest", `timespan '${q.timespan}' is not 'start/end' in ISO 8601`);
    const interval = q.interval ?? "PT1M";
    if (interval !== "PT1M")
      return armError(400, "BadRequest", `the emulator serves interval PT1M only, not ${interval}`);
    const known = ["RequestsPerMinute", "RequestLatency_P95", "RequestLatency_P99"];
    const names = (q.metricnames ?? "").split(",").filter(Boolean);
    const unknown = names.find((n) => !known.includes(n));
    if (unknown || names.length === 0)
      return armError(
        400,
        "BadRequest",
        `Failed to find metric configuration for provider: Microsoft.MachineLearningServices, resource Type: workspaces/onlineEndpoints, metric: ${unknown ?? "(none)"}`,
      );
    const split = /\bdeployment eq '\*'/i.test(q.$filter ?? "");
    const served = this.scoringLog.filter((r) => r.endpoint === endpoint && r.at >= from && r.at < to);
    const groups = new Map<string, typeof served>();
    for (const r of served) {
      const key = split ? r.deployment : "";
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const minute = 60_000;
    const nearestRank = (sorted: number[], q: number) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
    const series = (name: string) =>
      [...groups.entries()].map(([deployment, rows]) => {
        const data = [];
        for (let t = from; t < to; t += minute) {
          const inMinute = rows.filter((r) => r.at >= t && r.at < t + minute);
          const timeStamp = new Date(t).toISOString();
          if (inMinute.length === 0) {
            data.push({ timeStamp });
            continue;
          }
          const ms = inMinute.map((r) => r.ms).sort((a, b) => a - b);
          const average =
            name === "RequestsPerMinute"
              ? inMinute.length
              : nearestRank(ms, name === "RequestLatency_P95" ? 0.95 : 0.99);
          data.push({ timeStamp, average });
        }
        return {
          ...(split
            ? { metadatavalues: [{ name: { value: "deployment", localizedValue: "deployment" }, value: deployment }] }
            : {}),
          data,
        };
      });
    const resource = `${this.wsPath}/onlineEndpoints/${endpoint}`;
    return {
      status: 200,
      body: {
        cost: names.length,
        timespan: q.timespan,
        interval,
        namespace: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
        resourceregion: this.location,
        value: names.map((name) => ({
          id: `${resource}/providers/Microsoft.Insights/metrics/${name}`,
          type: "Microsoft.Insights/metrics",
          name: { value: name, localizedValue: name.replace(/_/g, " ") },
          displayDescription: "",
          errorCode: "Success",
          // The spec's Unit enum spells it MilliSeconds.
          unit: name === "RequestsPerMinute" ? "Count" : "MilliSeconds",
          timeseries: series(name),
        })),
      },
    };
  }

  private score(req: RecordedRequest): Reply {
    const name = req.path.split("/")[2];
    const ep = this.get(`${this.wsPath}/onlineEndpoints/${name}`);
    if (!ep) return { status: 404, text: "endpoint not found" };
    if ((req.headers.authorization ?? "") !== `Bearer ${ep.properties._key}`)
      return { status: 401, text: "Unauthorized" };
    const traffic = (ep.properties.traffic ?? {}) as Record<string, number>;
    let target = req.headers["azureml-model-deployment"];
    if (!target) {
      // Deterministic split: the request sequence number picks the slot.
      const slot = this.seq++ % 100;
      let acc = 0;
      for (const [d, pct] of Object.entries(traffic)) {
        acc += pct;
        if (slot < acc) {
          target = d;
          break;
        }
      }
    }
    if (!req.headers["azureml-model-deployment"]) {
      // Deterministic mirroring: of every 100 live requests, the first `pct` are copied.
      const slot = this.mirrorSlot++ % 100;
      let acc = 0;
      for (const [d, pct] of Object.entries((ep.properties.mirrorTraffic ?? {}) as Record<string, number>)) {
        if (slot >= acc && slot < acc + pct) this.mirrored.set(d, (this.mirrored.get(d) ?? 0) + 1);
        acc += pct;
      }
    }
    if (!target || !this.get(`${this.wsPath}/onlineEndpoints/${name}/deployments/${target}`)) {
      return { status: 404, text: `No deployment to route to (${target ?? "no traffic"})` };
    }
    const served = (this.scored.get(target) ?? 0) + 1;
    this.scored.set(target, served);
    const broken =
      this.brokenDeployments.has(target) || served > (this.failingAfter.get(target) ?? Number.POSITIVE_INFINITY);
    this.scoringLog.push({
      endpoint: name,
      deployment: target,
      status: broken ? 500 : 200,
      at: Date.now(),
      // The emulator answers at once: it has no server-side latency to report.
      ms: 0,
    });
    if (broken) {
      return {
        status: 500,
        headers: { "azureml-model-deployment": target },
        text: "An unexpected error occurred in scoring script.",
      };
    }
    let input: unknown = req.body;
    if (typeof input === "string") {
      try {
        input = JSON.parse(input);
      } catch {
        /* keep the text */
      }
    }
    return { status: 200, headers: { "azureml-model-deployment": target }, body: { deployment: target, input } };
  }
}
