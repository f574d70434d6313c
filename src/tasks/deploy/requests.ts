/**
 * The bake load's requests from `evaluationData`: one request per row (the label column left
 * out), encoded in `requestFormat` by the same encoder compare-models scores with, so a bake sends
 * what users send: many different rows, not one request over and over. The first rows only
 * (MAX_ROWS), read streaming: a large file is not read whole.
 */
import { UserError } from "../../errors.js";
import { readRowBatches } from "../../evaluation/evaluation-data.js";
import { REQUEST_FORMAT_NAMES, type RequestFormatName, requestBody } from "../../evaluation/requests.js";
import type { ResolvedData } from "../data-input.js";

/** Rows kept for the load; it cycles through them. */
export const MAX_ROWS = 1000;

const input = "evaluationData";

export function parseRequestFormat(value: string | undefined): RequestFormatName {
  const format = value || "rows";
  if (!(REQUEST_FORMAT_NAMES as string[]).includes(format)) {
    throw new UserError(
      `'${format}' is not a request format`,
      { input: "requestFormat" },
      `Use one of: ${REQUEST_FORMAT_NAMES.join(", ")}`,
    );
  }
  return format as RequestFormatName;
}

/** One request body per row of the first MAX_ROWS rows, the label column dropped. */
export async function rowRequests(
  data: ResolvedData,
  labelColumn: string | undefined,
  format: RequestFormatName,
): Promise<string[]> {
  const { files, label: value } = data;
  const batches = readRowBatches(files, { batchSize: MAX_ROWS, input });
  const first = await batches.next();
  await batches.return(undefined);
  if (first.done || first.value.rows.length === 0) {
    throw new UserError("holds no rows", { input }, "Give rows to send during the bake");
  }
  const { columns, rows } = first.value;
  const drop = labelColumn === undefined ? -1 : columns.indexOf(labelColumn);
  if (labelColumn !== undefined && drop < 0) {
    throw new UserError(
      `'${labelColumn}' is not a column of ${value}`,
      { input: "labelColumn" },
      `Use one of: ${columns.join(", ")}`,
    );
  }
  const features = columns.filter((_, i) => i !== drop);
  return rows.map((row) => requestBody(format, features, [row.filter((_, i) => i !== drop)]));
}
