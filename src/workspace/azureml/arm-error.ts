import { UserError } from "../../errors.js";

export interface ArmErrorBody {
  code?: string;
  message?: string;
  target?: string;
  details?: ArmErrorBody[];
}

/** The `error` object of an ARM error response, or of an MLflow / Entra ID error, when the body holds one. */
export function parseArmError(text: string | undefined): ArmErrorBody | undefined {
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as {
      error?: ArmErrorBody | string;
      error_code?: string;
      message?: string;
      error_description?: string;
    };
    if (body.error && typeof body.error === "object") return body.error;
    if (typeof body.error === "string") return { code: body.error, message: body.error_description };
    if (body.error_code) return { code: body.error_code, message: body.message };
  } catch {
    /* not JSON */
  }
  return undefined;
}

/** The built-in role that grants an ARM action on a workspace, for the AuthorizationFailed hint. */
function roleFor(action: string): string {
  // Creating or deleting the workspace itself, or its computes, is beyond the data scientist role.
  if (/\/workspaces\/(write|delete)$/i.test(action)) return "Contributor";
  if (/\/computes\//i.test(action)) return "AzureML Compute Operator";
  // Jobs, data, models, code, environments, endpoints, datastore secrets.
  return "AzureML Data Scientist";
}

/**
 * One line from an ARM error: what was asked, the service's code, message and target, and what
 * the user can do about it.
 */
export function armUserError(
  what: string,
  status: number | undefined,
  error: ArmErrorBody | undefined,
  scope: { workspace: string; resourceId: string },
  retry?: RetryHint,
): UserError {
  const code = error?.code ?? (status ? `HTTP ${status}` : "Error");
  const message = (error?.message ?? "no message").replace(/\s+/g, " ").trim();
  const target = error?.target ? ` (target: ${error.target})` : "";
  const detail = error?.details?.[0]?.message ? ` ${error.details[0].message}` : "";
  const text = `${what} failed: ${code}: ${message}${target}${detail}`.replace(/\.\s*$/, "");
  const throttled = throttling(what, code, message, status, retry);
  if (throttled) return throttled;
  let fix: string;
  if (code === "AuthorizationFailed") {
    const action = /action '([^']+)'/.exec(message)?.[1] ?? "";
    const role = roleFor(action);
    const principal = /client '([^']+)'/.exec(message)?.[1] ?? "<clientId>";
    fix = `Grant the signed-in identity the '${role}' role on the workspace: az role assignment create --assignee ${principal} --role "${role}" --scope ${scope.resourceId}`;
  } else if (status === 401 || /InvalidAuthenticationToken|ExpiredAuthenticationToken/.test(code)) {
    fix = "Sign in again and check that tenantId and the cloud match the subscription";
  } else if (/ResourceGroupNotFound/.test(code)) {
    fix = "Check the input 'resourceGroup'";
  } else if (/SubscriptionNotFound|InvalidSubscriptionId/.test(code)) {
    fix = "Check the input 'subscriptionId' and that the identity can see that subscription";
  } else if (
    /ResourceNotFound|WorkspaceNotFound/.test(code) &&
    /workspaces\/[^/]+$/i.test(scope.resourceId) &&
    /workspace/i.test(what)
  ) {
    fix = `Check the inputs 'subscriptionId', 'resourceGroup' and 'workspaceName' (workspace '${scope.workspace}')`;
  } else if (/Quota/i.test(code)) {
    fix = "Request more quota for the VM family in this region, or use a smaller instance type or count";
  } else if (status === 409) {
    fix = "Another run changed the same resource; re-run the task";
  } else if (status !== undefined && status >= 500) {
    fix = "Azure ML had a service error after retries; re-run the task later";
  } else {
    fix = "Correct the request described above and re-run";
  }
  return new UserError(text, {}, fix);
}

/** What the retry policy saw of the last answer: how long the service asked to wait, and how often we retried. */
export interface RetryHint {
  /** The last answer's Retry-After (seconds or an HTTP date) or retry-after-ms / x-ms-retry-after-ms, in ms. */
  retryAfterMs?: number;
  retries?: number;
}

/**
 * A 429, or a 503 that came with Retry-After, is the service throttling, not a bad request: the
 * request is right and will pass later or with fewer requests at once. Said so, with the wait
 * the service asked for and the retries already made.
 */
function throttling(
  what: string,
  code: string,
  message: string,
  status: number | undefined,
  retry?: RetryHint,
): UserError | undefined {
  if (!(status === 429 || (status === 503 && retry?.retryAfterMs !== undefined))) return undefined;
  const said = `HTTP ${status} ${code}: ${message.replace(/\.\s*$/, "")}`;
  const n = retry?.retries;
  const tried = n !== undefined ? ` after ${n} ${n === 1 ? "retry" : "retries"}` : " after retries";
  const wait = retry?.retryAfterMs !== undefined ? `; it asked to wait ${seconds(retry.retryAfterMs)} more` : "";
  return new UserError(
    `${what} failed: the Azure ML service is throttling requests (${said}), still${tried}${wait}`,
    {},
    "This is not a problem with the request: re-run later, or lower the concurrency (fewer jobs, tasks or parallel uploads against this workspace at the same time)",
  );
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return s < 120 ? `${Number.isInteger(s) ? s : s.toFixed(1)} s` : `${Math.round(s / 60)} min`;
}
