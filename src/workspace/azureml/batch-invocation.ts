/**
 * Invoking a batch endpoint as azure-ai-ml does: the input resolved to what the service reads (a
 * local path uploaded to the default datastore, a data asset by its ARM id, a URI as given), the
 * output location checked, and the batch job POSTed to the endpoint's scoring URI, a data-plane
 * URL the service hands back, with a token for Azure ML's audience (not ARM's), a
 * `repeatability_request-id` and, for a named deployment, `azureml-model-deployment`.
 */
import { randomUUID } from "node:crypto";
import { createHttpHeaders, createPipelineRequest } from "@azure/core-rest-pipeline";
import { UserError } from "../../errors.js";
import type { Log } from "../../run-context.js";
import type { BatchInput } from "../workspace.js";
import type { AzureMlClient } from "./client.js";
import type { BatchJobResponse } from "./contract/responses.js";
import type { BatchInputType, batchInvocationBody } from "./contract/wire/batch-job.js";
import type { DataPlane } from "./data-plane.js";
import { uploadLocalPath } from "./local-upload.js";
import { type DatastoreAccess, parseDatastoreUri } from "./storage.js";

/** Entra ID's name for Azure Machine Learning's data plane, by cloud (the SDK's `aml_resource_id`). */
const ML_AUDIENCE: Record<string, string> = {
  AzureCloud: "https://ml.azure.com",
  AzureChinaCloud: "https://ml.azure.cn",
  AzureUSGovernment: "https://ml.azure.us",
};

export function mlScope(cloud: string): string {
  return `${ML_AUDIENCE[cloud] ?? ML_AUDIENCE.AzureCloud}/.default`;
}

/** What the service reads the input from, and whether it is one file or a folder. */
export async function resolveBatchInput(
  client: AzureMlClient,
  storage: DatastoreAccess,
  input: BatchInput,
  log: Log,
  signal: AbortSignal,
): Promise<{ type: BatchInputType; uri: string }> {
  switch (input.kind) {
    case "path": {
      const up = await log.group(`Upload ${input.path} to the workspace's default datastore`, () =>
        uploadLocalPath(storage, input.path, log, signal, "batchInput"),
      );
      return { type: up.isFile ? "UriFile" : "UriFolder", uri: up.uri };
    }
    case "dataset": {
      const d = input.dataset;
      if (d.type === "mltable") {
        throw new UserError(
          `data asset ${d.name}:${d.version} is an mltable; a batch deployment scores files`,
          { subject: "batchInput" },
          "Give a uri_folder or uri_file data asset, or its folder",
        );
      }
      // The SDK names a registered data asset by its ARM id (remove_aml_prefix, then get_asset_arm_id).
      return {
        type: d.type === "uri_file" ? "UriFile" : "UriFolder",
        uri: client.id("dataVersions.get", { name: d.name, version: d.version }),
      };
    }
    case "uri": {
      if (!/^(azureml|https?|abfss?|wasbs?):\/\//.test(input.uri)) {
        throw new UserError(
          `'${input.uri}' is not a URI the service can read`,
          { subject: "batchInput" },
          "Give azureml://datastores/<name>/paths/<path>, an https:// URL, a data asset or a local path",
        );
      }
      const last =
        input.uri
          .replace(/[?#].*$/, "")
          .split("/")
          .at(-1) ?? "";
      return { type: input.uri.endsWith("/") || !last.includes(".") ? "UriFolder" : "UriFile", uri: input.uri };
    }
  }
}

/**
 * `azureml://datastores/<name>/paths/<folder>` (any datastore of the workspace, ADLS Gen2 included)
 * and the file name, as the URI of the one output file.
 */
export function outputFileUri(outputPath: string, outputFile: string): string {
  const parsed = parseDatastoreUri(outputPath);
  if (!parsed || !/^azureml:\/\/datastores\//i.test(outputPath)) {
    throw new UserError(
      `'${outputPath}' is not a datastore path`,
      { subject: "outputPath" },
      "On Azure ML give azureml://datastores/<name>/paths/<folder>",
    );
  }
  if (!outputFile || /[/\\]/.test(outputFile)) {
    throw new UserError(
      `'${outputFile}' is not a file name`,
      { subject: "outputPath" },
      "Give a file name such as predictions.csv",
    );
  }
  const folder = parsed.path.replace(/\/+$/, "");
  return `azureml://datastores/${parsed.datastore}/paths/${folder ? `${folder}/` : ""}${outputFile}`;
}

/**
 * POSTs the batch job; answers the job's name. In plan mode the request is recorded and not sent,
 * and the answer is a placeholder name.
 */
export async function postBatchJob(
  client: AzureMlClient,
  dataPlane: DataPlane,
  scoringUri: string,
  body: ReturnType<typeof batchInvocationBody>,
  deployment: string | undefined,
  what: string,
  signal: AbortSignal,
): Promise<string> {
  if (client.dryRun) {
    const path = URL.canParse(scoringUri) ? new URL(scoringUri).pathname : scoringUri;
    client.plan.push({ method: "POST", path, body });
    return "batch-job-planned";
  }
  let token: string;
  try {
    token = (await client.credential.getToken(mlScope(client.cloud.name), { abortSignal: signal }))?.token ?? "";
  } catch (error) {
    throw client.toUserError(what, error);
  }
  const headers = createHttpHeaders({
    "content-type": "application/json",
    accept: "application/json",
    authorization: `Bearer ${token}`,
    // One id for every retry of this POST: the service starts one job however often it arrives.
    "repeatability_request-id": randomUUID(),
  });
  if (deployment) headers.set("azureml-model-deployment", deployment);
  const { pipeline, http } = dataPlane.plainPipeline();
  const request = createPipelineRequest({
    url: scoringUri,
    method: "POST",
    headers,
    body: JSON.stringify(body),
    abortSignal: signal,
    tlsSettings: client.tlsOptions,
  });
  let status: number;
  let text: string;
  try {
    const r = await pipeline.sendRequest(http, request);
    status = r.status;
    text = r.bodyAsText ?? "";
  } catch (error) {
    throw client.toUserError(what, error);
  }
  let answer: (BatchJobResponse & { error?: { code?: string; message?: string } }) | undefined;
  try {
    answer = text ? JSON.parse(text) : undefined;
  } catch {
    answer = undefined;
  }
  if (status >= 400 || !answer?.name) {
    const reason = answer?.error?.message ?? (text.slice(0, 300) || `HTTP ${status}`);
    throw new UserError(
      `${what} failed: HTTP ${status}${answer?.error?.code ? ` ${answer.error.code}` : ""}: ${reason}`,
      { subject: "endpoint" },
      status === 401 || status === 403
        ? "Grant the identity a role that may invoke batch endpoints (AzureML Data Scientist) on the workspace"
        : "Check the endpoint, its default deployment and the input, then re-run",
    );
  }
  return answer.name;
}
