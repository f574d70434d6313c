/**
 * Where a job's named output lives in a datastore, for a model registered from a job
 * (`azureml://jobs/<job>/outputs/<output>[/paths/<path>]`): its files are read from there to
 * evaluate or publish it. The job's own record says so when the output was given a path; else the
 * files are at Azure ML's default output location,
 * `azureml://datastores/<default datastore>/paths/azureml/<job>/<output>/`.
 */
import type { AzureMlClient } from "./client.js";

const JOB_OUTPUT = /^azureml:\/\/jobs\/([^/]+)\/outputs\/([^/]+)(?:\/paths\/(.*))?$/;

export function isJobOutputUri(uri: string): boolean {
  return JOB_OUTPUT.test(uri);
}

/** The datastore URI of a job output, or undefined when `uri` is not one. */
export async function jobOutputDatastoreUri(
  client: AzureMlClient,
  uri: string,
  defaultDatastore: () => Promise<string>,
): Promise<string | undefined> {
  const m = JOB_OUTPUT.exec(uri);
  if (!m) return undefined;
  const [, job, output, inner] = m;
  const record = await client.send("jobs.get", { name: job }, { allow404: true, what: `read job ${job}` });
  const given = record?.body?.properties.outputs?.[output]?.uri;
  const base = given?.startsWith("azureml://")
    ? given.replace(/\/+$/, "")
    : `azureml://datastores/${await defaultDatastore()}/paths/azureml/${job}/${output}`;
  return inner ? `${base}/${inner}` : `${base}/`;
}
