/**
 * What run() answered, as predictions for the rows sent: a list of values, a list of
 * class-probability lists, or an object holding them under `predictions` / `probabilities`;
 * a JSON string of any of these (score.py often returns json.dumps(...)) is read the same way.
 */
import { UserError } from "../errors.js";

export type Label = number | string | boolean;

export interface Answer {
  /** One predicted value (a number, or a class label) per row. */
  values?: Label[];
  /** One list of class probabilities per row, all of one width. */
  probabilities?: number[][];
}

export interface AnswerContext {
  /** `champion lin:1`. */
  label: string;
  script: string;
  /** `rows 1–1000 of evaluationData`. */
  rows: string;
}

const SHAPES =
  'Return a list with one value per row, a list of class-probability lists, or {"predictions": [...]} / {"probabilities": [[...]]}';

function bad(ctx: AnswerContext, why: string): UserError {
  return new UserError(
    `run() for ${ctx.label} ${why} on ${ctx.rows}`,
    { input: "scoringScript", file: ctx.script },
    SHAPES,
  );
}

function describe(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** Reads run()'s answer for `n` rows, strictly: every row answered, every value usable. */
export function parseAnswer(result: unknown, n: number, ctx: AnswerContext): Answer {
  let value = result;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw bad(ctx, `answered a string that is not JSON (${describe(result)})`);
    }
  }
  if (Array.isArray(value)) return fromList(value, n, ctx);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const predictions = record.predictions;
    const probabilities = record.probabilities;
    if (predictions === undefined && probabilities === undefined) {
      const keys = Object.keys(record);
      throw bad(
        ctx,
        `answered an object without "predictions" or "probabilities" (keys: ${keys.join(", ") || "none"})`,
      );
    }
    const out: Answer = {};
    if (predictions !== undefined) {
      if (!Array.isArray(predictions))
        throw bad(ctx, `answered "predictions" that is not a list (${describe(predictions)})`);
      Object.assign(out, fromList(predictions, n, ctx));
    }
    if (probabilities !== undefined) {
      if (!Array.isArray(probabilities))
        throw bad(ctx, `answered "probabilities" that is not a list (${describe(probabilities)})`);
      const p = fromList(probabilities, n, ctx);
      if (!p.probabilities) throw bad(ctx, 'answered "probabilities" that are not lists of numbers, one per row');
      out.probabilities = p.probabilities;
    }
    return out;
  }
  throw bad(ctx, `answered ${describe(value)}, not a list`);
}

function fromList(list: unknown[], n: number, ctx: AnswerContext): Answer {
  if (list.length !== n) throw bad(ctx, `answered ${list.length} value(s) for ${n} row(s)`);
  if (n > 0 && Array.isArray(list[0]) && (list[0] as unknown[]).length !== 1)
    return { probabilities: rowsOf(list, ctx) };
  const values: Label[] = new Array(n);
  for (let i = 0; i < n; i++) {
    // A one-element list per row ([[3.2], [4.1]], a Keras regression's shape) is that value.
    const v = Array.isArray(list[i]) && (list[i] as unknown[]).length === 1 ? (list[i] as unknown[])[0] : list[i];
    if (typeof v === "number" ? !Number.isFinite(v) : typeof v !== "string" && typeof v !== "boolean")
      throw bad(
        ctx,
        `answered ${v === null ? "null (or NaN)" : describe(v)} for row ${i + 1} of the batch, not a number or a label`,
      );
    values[i] = v as Label;
  }
  return { values };
}

function rowsOf(list: unknown[], ctx: AnswerContext): number[][] {
  const width = (list[0] as unknown[]).length;
  for (let i = 0; i < list.length; i++) {
    const row = list[i];
    if (!Array.isArray(row) || row.length !== width)
      throw bad(
        ctx,
        `answered ${describe(row)} for row ${i + 1} of the batch; rows before it had ${width} class probabilities`,
      );
    for (const p of row)
      if (typeof p !== "number" || !Number.isFinite(p))
        throw bad(ctx, `answered a probability ${describe(p)} for row ${i + 1} of the batch, not a finite number`);
  }
  return list as number[][];
}
