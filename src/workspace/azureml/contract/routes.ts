/**
 * Every route this backend uses on Azure Machine Learning, in one table: operation name → HTTP
 * method, path template and api-version. A change in the service's contract (a path, an
 * api-version) is one edit here. Operation names follow the REST spec's operationIds
 * (`Jobs_CreateOrUpdate` → `jobs.createOrUpdate`).
 *
 * Paths are built only by `routePath` / `resourceId`, which encode each `{parameter}` as one path
 * segment: a name holding `/`, `?`, `#`, spaces or unicode can never address another resource.
 * The parameter names come from the template's own text (template literal types), so a misspelled
 * operation or a missing parameter does not compile.
 */

/** The api-version @azure/arm-machinelearning 2.1.1 sends on every call (a constant inside the SDK; a test checks it). */
export const SDK_API_VERSION = "2022-10-01";
/**
 * The api-version of hand-written control-plane requests: job and component bodies whose nodes and
 * settings the SDK's typed models would drop, endpoint traffic (the SDK's PATCH model has none),
 * anonymous environments and compute lookups.
 */
export const CONTROL_API_VERSION = "2024-04-01";

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "PATCH";

/**
 * Where a path is rooted: `workspace` under the workspace's ARM id on the resource manager;
 * `history` and `mlflow` under the regional data-plane base URLs the workspace names (discovery
 * document, MLflow tracking URI).
 */
export type Plane = "workspace" | "history" | "mlflow" | "registry" | "registryManagement";

export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly plane: Plane;
  /** Absent for data-plane routes, which take none. */
  readonly apiVersion?: string;
  /** `sdk`: sent by @azure/arm-machinelearning, listed so its api-version is visible here. */
  readonly via: "sdk" | "client";
}

/** The workspace's ARM id; every `workspace` route is below it. */
export const WORKSPACE_SCOPE =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}";

/**
 * A registry's ARM id; `registry` routes are below it. Its subscription and group are the
 * registry's own (from its discovery document), not the workspace's.
 */
export const REGISTRY_SCOPE =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/registries/{registryName}";

/**
 * Azure Monitor's metrics API, below any ARM resource id (Microsoft.Insights/stable/2018-01-01,
 * metrics_API.json): the version `az monitor metrics list` sends.
 */
export const MONITOR_API_VERSION = "2018-01-01";

const SDK = SDK_API_VERSION;
const CONTROL = CONTROL_API_VERSION;

/** A route below the workspace's ARM id. */
function arm<const M extends HttpMethod, const P extends string, const V extends string, const W extends Route["via"]>(
  method: M,
  path: P,
  apiVersion: V,
  via: W,
) {
  return { method, path, plane: "workspace", apiVersion, via } as const;
}

/** A data-plane route: below a base URL the workspace names, without api-version. */
function dataPlane<const L extends Plane, const M extends HttpMethod, const P extends string>(
  plane: L,
  method: M,
  path: P,
) {
  return { method, path, plane, apiVersion: undefined, via: "client" } as const;
}

/** A route below a registry's ARM id (given as the base URL), at the control api-version. */
function registry<const M extends HttpMethod, const P extends string>(method: M, path: P) {
  return { method, path, plane: "registry", apiVersion: CONTROL, via: "client" } as const;
}

export const ROUTES = {
  // Sent by @azure/arm-machinelearning; listed so their api-version is visible here.
  "workspaces.get": arm("GET", "", SDK, "sdk"),
  "datastores.list": arm("GET", "/datastores", SDK, "sdk"),
  "datastores.get": arm("GET", "/datastores/{name}", SDK, "sdk"),
  "datastores.listSecrets": arm("POST", "/datastores/{name}/listSecrets", SDK, "sdk"),
  "dataVersions.list": arm("GET", "/data/{name}/versions", SDK, "sdk"),
  "dataVersions.get": arm("GET", "/data/{name}/versions/{version}", SDK, "sdk"),
  "dataVersions.createOrUpdate": arm("PUT", "/data/{name}/versions/{version}", SDK, "sdk"),
  "modelVersions.list": arm("GET", "/models/{name}/versions", SDK, "sdk"),
  "modelVersions.get": arm("GET", "/models/{name}/versions/{version}", SDK, "sdk"),
  "modelVersions.createOrUpdate": arm("PUT", "/models/{name}/versions/{version}", SDK, "sdk"),
  "codeVersions.get": arm("GET", "/codes/{name}/versions/{version}", SDK, "sdk"),
  "codeVersions.createOrUpdate": arm("PUT", "/codes/{name}/versions/{version}", SDK, "sdk"),
  "onlineEndpoints.listKeys": arm("POST", "/onlineEndpoints/{endpoint}/listKeys", SDK, "sdk"),

  // Hand-written, through the same pipeline (credential, retries, plan recorder).
  "jobs.get": arm("GET", "/jobs/{name}", CONTROL, "client"),
  "jobs.createOrUpdate": arm("PUT", "/jobs/{name}", CONTROL, "client"),
  "jobs.cancel": arm("POST", "/jobs/{name}/cancel", CONTROL, "client"),
  "componentVersions.createOrUpdate": arm("PUT", "/components/{name}/versions/{version}", CONTROL, "client"),
  "environmentVersions.get": arm("GET", "/environments/{name}/versions/{version}", CONTROL, "client"),
  "environmentVersions.createOrUpdate": arm("PUT", "/environments/{name}/versions/{version}", CONTROL, "client"),
  "computes.get": arm("GET", "/computes/{name}", CONTROL, "client"),
  "onlineEndpoints.list": arm("GET", "/onlineEndpoints", CONTROL, "client"),
  "onlineEndpoints.get": arm("GET", "/onlineEndpoints/{endpoint}", CONTROL, "client"),
  "onlineEndpoints.createOrUpdate": arm("PUT", "/onlineEndpoints/{endpoint}", CONTROL, "client"),
  "onlineEndpoints.delete": arm("DELETE", "/onlineEndpoints/{endpoint}", CONTROL, "client"),
  "onlineDeployments.list": arm("GET", "/onlineEndpoints/{endpoint}/deployments", CONTROL, "client"),
  "onlineDeployments.get": arm("GET", "/onlineEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
  "onlineDeployments.createOrUpdate": arm(
    "PUT",
    "/onlineEndpoints/{endpoint}/deployments/{deployment}",
    CONTROL,
    "client",
  ),
  "onlineDeployments.delete": arm("DELETE", "/onlineEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
  // Batch endpoints and deployments (the SDK sends 2023-10-01; the vendored 2024-04-01 spec has the same shapes).
  "batchEndpoints.list": arm("GET", "/batchEndpoints", CONTROL, "client"),
  "batchEndpoints.get": arm("GET", "/batchEndpoints/{endpoint}", CONTROL, "client"),
  "batchEndpoints.createOrUpdate": arm("PUT", "/batchEndpoints/{endpoint}", CONTROL, "client"),
  "batchEndpoints.delete": arm("DELETE", "/batchEndpoints/{endpoint}", CONTROL, "client"),
  "batchDeployments.list": arm("GET", "/batchEndpoints/{endpoint}/deployments", CONTROL, "client"),
  "batchDeployments.get": arm("GET", "/batchEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
  "batchDeployments.createOrUpdate": arm(
    "PUT",
    "/batchEndpoints/{endpoint}/deployments/{deployment}",
    CONTROL,
    "client",
  ),
  "batchDeployments.delete": arm("DELETE", "/batchEndpoints/{endpoint}/deployments/{deployment}", CONTROL, "client"),
  // Azure Monitor, below the endpoint's ARM id: its platform metrics (informational in a bake window).
  "metrics.list": arm(
    "GET",
    "/onlineEndpoints/{endpoint}/providers/Microsoft.Insights/metrics",
    MONITOR_API_VERSION,
    "client",
  ),

  // Data plane (no ARM API): run history under the discovery document's `history` URL, MLflow
  // under the tracking URI.
  "runHistory.listChildren": dataPlane(
    "history",
    "GET",
    `/history/v1.0${WORKSPACE_SCOPE}/experiments/{experiment}/runs/{run}/children`,
  ),
  "runHistory.getDetails": dataPlane("history", "GET", `/history/v1.0${WORKSPACE_SCOPE}/runs/{run}/details`),
  "mlflow.getRun": dataPlane("mlflow", "GET", "/api/2.0/mlflow/runs/get"),

  // Azure ML registries (issue 12): found by name through the regional registry-management
  // service (its discovery document names the registry's subscription and group, as the Python
  // SDK asks it), then through ARM below the registry's id. Model files go to the registry's own
  // storage through a pending upload's SAS and are read back through a data reference's SAS.
  "registryDiscovery.get": dataPlane(
    "registryManagement",
    "GET",
    "/registrymanagement/v1.0/registries/{registryName}/discovery",
  ),
  "registries.get": registry("GET", ""),
  "registryModelVersions.list": registry("GET", "/models/{name}/versions"),
  "registryModelVersions.get": registry("GET", "/models/{name}/versions/{version}"),
  "registryModelVersions.createOrUpdate": registry("PUT", "/models/{name}/versions/{version}"),
  "registryModelVersions.startPendingUpload": registry("POST", "/models/{name}/versions/{version}/startPendingUpload"),
  "registryDataReferences.getBlobReferenceSAS": registry("POST", "/datareferences/{name}/versions/{version}"),
} as const satisfies Record<string, Route>;

export type Operation = keyof typeof ROUTES;

/** The `{names}` in a path template. */
export type TemplateParams<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? K | TemplateParams<Rest>
  : never;

/** Filled from the workspace reference, never by callers. */
type ScopeParam = "subscriptionId" | "resourceGroupName" | "workspaceName";

/** The parameters an operation's path needs, each exactly once, by name. */
export type RouteParams<O extends Operation> = {
  readonly [K in Exclude<TemplateParams<(typeof ROUTES)[O]["path"]>, ScopeParam>]: string;
};

/** Operations whose path, below the workspace, names one resource: usable as ARM ids in bodies. */
export type ResourceOperation = {
  [O in Operation]: (typeof ROUTES)[O]["plane"] extends "workspace" ? O : never;
}[Operation];

export interface WorkspaceScope {
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
}

/**
 * One path segment. A value of `.` or `..` is a dot-segment URL parsers remove (it would address
 * the parent), and an empty one would address the collection: both are refused. Dots inside a
 * value (`1.0.2`) are ordinary characters and stay as they are.
 */
export function encodeSegment(name: string, value: unknown): string {
  if (typeof value !== "string" || value === "" || value === "." || value === "..") {
    throw new Error(`route parameter '${name}' is ${JSON.stringify(value)}: it cannot name a resource`);
  }
  return encodeURIComponent(value);
}

/** Fills a template's `{names}` from `values`, each encoded as one segment. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(name, values[name]));
}

function scopeValues(scope: WorkspaceScope): Record<ScopeParam, string> {
  return {
    subscriptionId: scope.subscriptionId,
    resourceGroupName: scope.resourceGroup,
    workspaceName: scope.workspaceName,
  };
}

/** The workspace's ARM id, its segments encoded. */
export function workspaceId(scope: WorkspaceScope): string {
  return fillTemplate(WORKSPACE_SCOPE, scopeValues(scope));
}

/**
 * The path of an operation: below the workspace's ARM id for `workspace` routes, below the plane's
 * base URL otherwise (with the workspace scope filled in).
 */
export function routePath<O extends Operation>(op: O, params: RouteParams<O>, scope: WorkspaceScope): string {
  return fillTemplate(ROUTES[op].path, { ...(params as Record<string, string>), ...scopeValues(scope) });
}

/**
 * The URL of an operation: the resource manager and workspace id for `workspace` routes, else the
 * data-plane base URL given; then the encoded path, the query asked for and the route's api-version.
 */
export function routeUrl<O extends Operation>(
  op: O,
  params: RouteParams<O>,
  scope: WorkspaceScope,
  where: { resourceManager: string; base?: string; query?: Readonly<Record<string, string>> },
): string {
  const route: Route = ROUTES[op];
  let base = `${where.resourceManager}${workspaceId(scope)}`;
  if (route.plane !== "workspace") {
    if (!where.base) throw new Error(`operation ${op} needs the base URL of the ${route.plane} service`);
    base = where.base.replace(/\/$/, "");
  }
  const url = new URL(`${base}${routePath(op, params, scope)}`);
  for (const [k, v] of Object.entries(where.query ?? {})) url.searchParams.set(k, v);
  if (route.apiVersion) url.searchParams.set("api-version", route.apiVersion);
  return url.toString();
}

/** A registry's ARM id, its segments encoded. */
export function registryId(scope: { subscriptionId: string; resourceGroup: string; registryName: string }): string {
  return fillTemplate(REGISTRY_SCOPE, {
    subscriptionId: scope.subscriptionId,
    resourceGroupName: scope.resourceGroup,
    registryName: scope.registryName,
  });
}

/** The full ARM id of the resource an operation addresses, as bodies reference it (`…/models/m/versions/3`). */
export function resourceId<O extends ResourceOperation>(op: O, params: RouteParams<O>, scope: WorkspaceScope): string {
  return `${workspaceId(scope)}${routePath(op, params, scope)}`;
}

/** The MLflow tracking base when the workspace names none: under the discovery document's `api` URL. */
export function mlflowTrackingBase(api: string, scope: WorkspaceScope): string {
  return `${api}/mlflow/v1.0${workspaceId(scope)}`;
}

/** The Studio page of a job (a link for people; the workspace id is a query value, left readable). */
export function studioJobUrl(studio: string, scope: WorkspaceScope, job: string): string {
  return `${studio}/runs/${encodeSegment("job", job)}?wsid=${workspaceId(scope)}`;
}
