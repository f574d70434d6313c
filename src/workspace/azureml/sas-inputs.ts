/**
 * A SAS URL given as a pipeline input (in the YAML, or by `set: inputs.x=https://…?…&sig=…`) must
 * not reach the job: the job body is kept by the service and shown to anyone who can read the
 * workspace, for as long as the job exists. A data input or output whose `uri` carries a SAS becomes
 * the path in the workspace's datastore for that account and container (sas-datastore.ts), so the
 * datastore's own credentials read the data; a SAS anywhere else in the body (a literal input, an
 * environment variable, a component default) is refused. Every SAS found is registered as a
 * secret first, so no log line can show it.
 */
import { UserError } from "../../errors.js";
import { redactSas, registerSas, sasQuery } from "../../util/sas.js";

const IO_TYPE_KEYS = ["jobInputType", "job_input_type", "jobOutputType", "job_output_type"];

/** Where a value sits in the body, for the refusal: `jobs.train.inputs.data.value`. */
type Where = string[];

/**
 * Rewrites, in place, every data input or output `uri` with a SAS in the given job body parts
 * (the job's properties, the specs of the components it registers) to `toDatastore(uri)`.
 */
export async function replaceSasUris(
  parts: { label: string; value: unknown }[],
  toDatastore: (uri: string, where: string) => Promise<string>,
  secret: (value: string) => void,
): Promise<void> {
  for (const { value } of parts) forEachString(value, [], (s) => registerSasIn(s, secret));
  for (const { label, value } of parts) await visit(value, [label], toDatastore);
}

/** Registers every SAS in a text (a URL may sit inside a longer string, such as a command). */
function registerSasIn(text: string, secret: (value: string) => void): void {
  if (!/sig=/i.test(text)) return;
  for (const m of text.matchAll(/https?:\/\/[^\s'"`<>]+/gi)) registerSas(m[0], secret);
}

async function visit(
  value: unknown,
  where: Where,
  toDatastore: (uri: string, where: string) => Promise<string>,
): Promise<void> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) await visit(v, [...where, String(i)], toDatastore);
    return;
  }
  if (!value || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  const isData = IO_TYPE_KEYS.some((k) => typeof record[k] === "string" && record[k] !== "literal");
  for (const [key, v] of Object.entries(record)) {
    const here = [...where, key];
    if (typeof v === "string") {
      if (isData && key === "uri" && sasQuery(v) !== undefined) {
        record[key] = await toDatastore(v, here.join("."));
      } else if (redactSas(v) !== v) {
        throw new UserError(
          `${here.join(".")} holds a SAS URL ('${redactSas(v)}'), which the job would keep in plain text for anyone who can read the workspace`,
          { subject: "pipeline" },
          "Pass the data as a uri_file or uri_folder input (it is then read through the workspace's datastore for that account and container), not as text",
        );
      }
    } else {
      await visit(v, here, toDatastore);
    }
  }
}

function forEachString(value: unknown, where: Where, fn: (s: string) => void): void {
  if (typeof value === "string") fn(value);
  else if (Array.isArray(value)) for (const v of value) forEachString(v, where, fn);
  else if (value && typeof value === "object") for (const v of Object.values(value)) forEachString(v, where, fn);
}
