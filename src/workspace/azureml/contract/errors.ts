/**
 * Service errors are `RestError`s (@azure/core-rest-pipeline), the type the SDK, @azure/storage-blob
 * and our hand-written requests all raise: one `isRestError` check reads the status, the code and
 * the response body, instead of guessing at an error's fields. The one-line message a user sees
 * is built from it in ../arm-error.ts.
 */
import { isRestError, type PipelineRequest, type PipelineResponse, RestError } from "@azure/core-rest-pipeline";
import { type ArmErrorBody, parseArmError } from "../arm-error.js";

/** A RestError for an answer of 400 or more, with the service's error code and message when the body has them. */
export function restErrorFrom(request: PipelineRequest, response: PipelineResponse): RestError {
  const body = parseArmError(response.bodyAsText ?? undefined);
  return new RestError(body?.message ?? bareStatus(response.status), {
    code: body?.code,
    statusCode: response.status,
    request,
    response,
  });
}

/**
 * The HTTP status of a service error: of the error itself, or of the RestError a UserError was
 * built from (its `cause`). Undefined for anything else (network, sign-in, our own errors).
 */
export function serviceStatus(error: unknown): number | undefined {
  if (isRestError(error)) return error.statusCode;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return isRestError(cause) ? cause.statusCode : undefined;
}

export function isNotFound(error: unknown): boolean {
  return serviceStatus(error) === 404;
}

function bareStatus(status: number): string {
  return `HTTP ${status}`;
}

/**
 * The ARM error object of a RestError's response, else its code and message; undefined when the
 * answer had no error body at all (armUserError then says "HTTP <status>: no message").
 */
export function armErrorOf(error: RestError): ArmErrorBody | undefined {
  const parsed = parseArmError(error.response?.bodyAsText ?? undefined);
  if (parsed) return parsed;
  if (error.code === undefined && error.statusCode !== undefined && error.message === bareStatus(error.statusCode))
    return undefined;
  return { code: error.code, message: error.message };
}

export { isRestError, RestError };
