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

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/**
 * classify() over an ASCII byte range, reading numbers straight from the bytes. A decimal of up to
 * 15 significant digits with a power of ten up to 22 is m / 10^k or m · 10^k of two exact doubles,
 * which IEEE division and multiplication round correctly (Clinger's fast path), so the value equals
 * Number()'s; anything else goes through Number().
 */
export function classifyBytes(buf: Uint8Array, start: number, end: number): Kind {
  const len = end - start;
  if (len === 0) return Kind.Null;
  let c = buf[start];
  if ((c === 78 || c === 110 || c === 35) && len <= 4 && NULLS.has(latin1(buf, start, end))) return Kind.Null;
  let i = start;
  let negative = false;
  if (c === 45 || c === 43) {
    if (len === 1) return Kind.String;
    negative = c === 45;
    i++;
  }
  let digits = 0;
  let mantissa = 0;
  let fraction = 0;
  let dot = false;
  for (; i < end; i++) {
    c = buf[i];
    if (c >= 48 && c <= 57) {
      digits++;
      mantissa = mantissa * 10 + (c - 48);
      if (dot) fraction++;
    } else if (c === 46 && !dot) dot = true;
    else break;
  }
  if (digits === 0) return classifyText(buf, start, end);
  let exponent = 0;
  let hasExp = false;
  if (i < end && (c === 101 || c === 69)) {
    hasExp = true;
    i++;
    let expNeg = false;
    if (i < end && (buf[i] === 45 || buf[i] === 43)) {
      expNeg = buf[i] === 45;
      i++;
    }
    let expDigits = 0;
    for (; i < end; i++) {
      c = buf[i];
      if (c < 48 || c > 57) break;
      expDigits++;
      exponent = exponent * 10 + (c - 48);
      if (exponent > 1e6) exponent = 1e6;
    }
    if (expDigits === 0) return classifyText(buf, start, end);
    if (expNeg) exponent = -exponent;
  }
  if (i !== end) return classifyText(buf, start, end);
  const scale = exponent - fraction;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    const v = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
    parsed.value = negative ? -v : v;
  } else {
    // The text, sign included, through Number().
    const v = Number(latin1(buf, start, end));
    if (!Number.isFinite(v)) return Kind.String;
    parsed.value = v;
  }
  return dot || hasExp ? Kind.Number : Kind.Integer;
}

/** Dates and booleans need the text; only values that may be one get sliced. */
function classifyText(buf: Uint8Array, start: number, end: number): Kind {
  const len = end - start;
  const c0 = buf[start];
  if (len === 10 && isPlainDate(buf, start)) return Kind.Date;
  if (len > 10 && c0 >= 48 && c0 <= 57 && buf[start + 4] === 45 && DATE.test(latin1(buf, start, end))) return Kind.Date;
  if (len <= 5 && (c0 === 116 || c0 === 102 || c0 === 84 || c0 === 70) && BOOLS.has(latin1(buf, start, end)))
    return Kind.Boolean;
  return Kind.String;
}

/** YYYY-MM-DD, checked byte by byte (the common case needs no string and no regular expression). */
function isPlainDate(b: Uint8Array, s: number): boolean {
  for (let i = 0; i < 10; i++) {
    const c = b[s + i];
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

function latin1(buf: Uint8Array, start: number, end: number): string {
  return Buffer.prototype.toString.call(buf, "latin1", start, end);
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
