/** How a single raw text value reads: the building block of type inference. */
export enum Kind {
  Null = 0,
  Integer = 1,
  Number = 2,
  Boolean = 3,
  Date = 4,
  String = 5,
}

/** Tokens read as missing, the common subset of what pandas and R treat as NA. */
const NULLS = new Set(["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None", "none", "#N/A"]);
const BOOLS = new Set(["true", "false", "True", "False", "TRUE", "FALSE"]);
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isNull(s: string): boolean {
  return s.length <= 4 ? NULLS.has(s) : false;
}

/** The number read by the last classify() that returned Integer or Number (saves a second parse). */
export const parsed = { value: 0 };

/**
 * Classifies a raw value without regular expressions on the hot path: one scan of its characters
 * decides whether it may be a number (and reads a short integer on the way) before Number() is asked.
 */
export function classify(s: string): Kind {
  const len = s.length;
  if (len === 0) return Kind.Null;
  let c = s.charCodeAt(0);
  // Every null token starts with N, n or #: skip the set lookup for everything else.
  if ((c === 78 || c === 110 || c === 35) && len <= 4 && NULLS.has(s)) return Kind.Null;
  let i = 0;
  let negative = false;
  if (c === 45 || c === 43) {
    if (len === 1) return Kind.String;
    negative = c === 45;
    i = 1;
  }
  let digits = 0;
  let dot = false;
  let exp = false;
  let int = 0;
  for (; i < len; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      int = int * 10 + (c - 48);
    } else if (c === 46 && !dot && !exp) dot = true;
    else if ((c === 101 || c === 69) && !exp && digits > 0) {
      exp = true;
      const n = s.charCodeAt(i + 1);
      if (n === 45 || n === 43) i++;
    } else break;
  }
  if (i === len && digits > 0) {
    // Up to 15 digits an integer is exact in a double, so the scan's value is the number.
    if (!dot && !exp && digits <= 15) {
      parsed.value = negative ? -int : int;
      return Kind.Integer;
    }
    const v = Number(s);
    if (!Number.isFinite(v)) return Kind.String;
    parsed.value = v;
    return dot || exp ? Kind.Number : Kind.Integer;
  }
  if (c === 45 && i === 4 && len >= 10 && DATE.test(s)) return Kind.Date;
  const c0 = s.charCodeAt(0);
  if (len <= 5 && (c0 === 116 || c0 === 102 || c0 === 84 || c0 === 70) && BOOLS.has(s)) return Kind.Boolean;
  return Kind.String;
}

export type ColumnType = "integer" | "number" | "boolean" | "date" | "string" | "empty";

/** Counts of each kind seen in a column (mergeable: add them). */
export interface KindCounts {
  integer: number;
  number: number;
  boolean: number;
  date: number;
  string: number;
}

/**
 * The column's type and how many values violate it. A column is numeric when at least 95 % of
 * its non-null values are numbers (the rest are violations, a typo or a stray unit), so one bad
 * cell shows up as a violation rather than turning a numeric column into a string column.
 */
export function inferType(k: KindCounts): { type: ColumnType; violations: number } {
  const total = k.integer + k.number + k.boolean + k.date + k.string;
  if (total === 0) return { type: "empty", violations: 0 };
  const numeric = k.integer + k.number;
  const share = 0.95;
  if (numeric >= share * total) return { type: k.number > 0 ? "number" : "integer", violations: total - numeric };
  if (k.boolean >= share * total) return { type: "boolean", violations: total - k.boolean };
  if (k.date >= share * total) return { type: "date", violations: total - k.date };
  return { type: "string", violations: 0 };
}
