/**
 * Batch endpoint bodies in the form azure-ai-ml sends (BatchEndpoint._to_rest_batch_endpoint; the
 * PUT recorded in test_batch_endpoint.py::test_batch_endpoint_create): tags, location, and
 * properties with `authMode: "aadToken"` (batch endpoints take Entra ID tokens only), a
 * description and the user's property bag. The default deployment is `defaults.deploymentName`,
 * set by PUTting the whole endpoint again, as `ml_client.batch_endpoints.begin_create_or_update`
 * does after `endpoint.defaults.deployment_name = ...`.
 */
import type { BatchEndpointResource } from "../responses.js";

export interface NewBatchEndpointWire {
  location: string;
  description: string;
}

export function batchEndpointBody(endpoint: NewBatchEndpointWire): Record<string, unknown> {
  return {
    tags: {},
    location: endpoint.location,
    properties: { authMode: "aadToken", description: endpoint.description, properties: {} },
  };
}

/**
 * Property keys the service adds to an endpoint (`BatchEndpointCreationApiVersion`,
 * `azureml.onlineendpointid`): not the user's, so not sent back.
 */
function ownProperties(p: Record<string, string | null> | null | undefined): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(p ?? {}).filter(([k]) => !k.startsWith("azureml.") && k !== "BatchEndpointCreationApiVersion"),
  );
}

/**
 * The endpoint PUT that makes `deployment` the default: what a user can set on the endpoint as it
 * was read (tags, location, auth mode, description, properties) and the new default; nothing the
 * service generated (scoring URI, provisioning state, its own properties).
 */
export function batchEndpointDefaultUpdate(ep: BatchEndpointResource, deployment: string): Record<string, unknown> {
  const p = ep.properties;
  const properties: Record<string, unknown> = { authMode: camelAuthMode(p.authMode) };
  if (typeof p.description === "string") properties.description = p.description;
  properties.properties = ownProperties(p.properties);
  properties.defaults = { deploymentName: deployment };
  return { tags: ep.tags ?? {}, location: ep.location, properties };
}

/** The service answers `AADToken`; the SDK sends its YAML value camel-cased (`aad_token` → `aadToken`). */
function camelAuthMode(mode: string | undefined): string {
  if (!mode || /^aadtoken$/i.test(mode)) return "aadToken";
  if (/^amltoken$/i.test(mode)) return "amlToken";
  return mode.charAt(0).toLowerCase() + mode.slice(1);
}
