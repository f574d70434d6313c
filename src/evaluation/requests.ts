/**
 * How a batch of rows becomes the body run(raw_data) receives: the three shapes scoring scripts
 * are written for, as strategies chosen by the `requestFormat` input.
 */
import type { Cell } from "./evaluation-data.js";

export interface RequestFormat {
  /** One line for the docs and messages: what run() gets. */
  shape: string;
  body(columns: readonly string[], rows: readonly Cell[][]): unknown;
}

export const REQUEST_FORMATS = {
  rows: {
    shape: '{"data": [[v1, v2, ...], ...]}',
    body: (_columns, rows) => ({ data: rows }),
  },
  records: {
    shape: '{"data": [{"column": value, ...}, ...]}',
    body: (columns, rows) => ({ data: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))) }),
  },
  mlflow: {
    shape: '{"input_data": {"columns": [...], "data": [[...], ...]}}',
    body: (columns, rows) => ({ input_data: { columns, data: rows } }),
  },
} satisfies Record<string, RequestFormat>;

export type RequestFormatName = keyof typeof REQUEST_FORMATS;
export const REQUEST_FORMAT_NAMES = Object.keys(REQUEST_FORMATS) as RequestFormatName[];

/** The request body as one line of JSON (JSON.stringify never writes a raw line break). */
export function requestBody(format: RequestFormatName, columns: readonly string[], rows: readonly Cell[][]): string {
  return JSON.stringify(REQUEST_FORMATS[format].body(columns, rows));
}
