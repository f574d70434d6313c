/**
 * The body of a batch endpoint invocation: the data-plane BatchJobResource azure-ai-ml POSTs to
 * the endpoint's scoring URI (BatchEndpointOperations.invoke, BatchJobSchema). With
 * `invoke(input=Input(...))` the one input is keyed by its type, `UriFolder` or `UriFile` ("MFE
 * expects a dictionary as input_data", says the SDK), serialised as a UriFolderJobInput /
 * UriFileJobInput (`jobInputType`, `uri`; no mode). An output location is the model deployment's
 * one output, `score`, as a UriFileJobOutput naming the file the rows are appended to.
 */

export type BatchInputType = "UriFolder" | "UriFile";

export interface BatchInvocationWire {
  input: { type: BatchInputType; uri: string };
  /** `azureml://datastores/<name>/paths/<folder>/<file>`: where the output file goes. */
  outputFileUri?: string;
}

/** The name of a model deployment's output (Azure ML's batch endpoint docs: `outputs={"score": ...}`). */
export const BATCH_OUTPUT = "score";

export function batchInvocationBody(w: BatchInvocationWire): { properties: Record<string, unknown> } {
  const properties: Record<string, unknown> = {
    inputData: { [w.input.type]: { jobInputType: w.input.type, uri: w.input.uri } },
  };
  if (w.outputFileUri) properties.outputData = { [BATCH_OUTPUT]: { jobOutputType: "UriFile", uri: w.outputFileUri } };
  return { properties };
}
