import { isAscii, isUtf8 } from "node:buffer";
import { UserError } from "../errors.js";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A line longer than this is an error (or a skipped row): memory stays bounded whatever the file. */
export const MAX_ROW_BYTES = 8 * 1024 * 1024;

export interface CsvRowSink {
  /** `line` is the physical line (1-based) the row starts on. */
  row(fields: string[], line: number): void;
  /**
   * The same row as byte ranges of `buf`, offered for all-ASCII chunks so the profiler can read
   * numbers and hash values without making a string of each field. A field whose `starts` entry
   * is -1 had doubled quotes: its unescaped text is in `escaped` at the same index.
   */
  rowBytes?(buf: Buffer, starts: Int32Array, ends: Int32Array, escaped: string[], n: number, line: number): void;
}

export interface BadRow {
  message: string;
  line: number;
  column?: number;
  fix?: string;
}

/**
 * A streaming RFC 4180 parser over bytes: quoted fields with doubled quotes, delimiters and line
 * breaks inside quotes, CRLF or LF line ends. Feed it chunks; it keeps only the unfinished row
 * between chunks. Fields are decoded as UTF-8 after the chunk was checked to be valid UTF-8.
 */
export class CsvParser {
  private pending: Buffer | undefined;
  /** Physical line the next row starts on. */
  line: number;
  /** Bytes consumed so far (rows fully parsed), relative to the first byte fed. */
  consumed = 0;
  /** Newlines consumed so far. */
  newlines = 0;
  private readonly fields: string[] = [];
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private readonly escaped: string[] = [];

  constructor(
    readonly file: string,
    readonly delimiter: number,
    private readonly onBadRow: (bad: BadRow) => void,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /**
   * Parses every complete row in `chunk` (after what was pending). With `last`, the end of input
   * ends the final row. `stopAt` (bytes from the first byte fed) stops before the first row that
   * starts at or after it; returns true when it stopped there.
   */
  feed(chunk: Buffer, last: boolean, sink: CsvRowSink, stopAt = Number.POSITIVE_INFINITY): boolean {
    if (this.skipping) {
      // Dropping the rest of an over-long line: resume after its line feed.
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        this.consumed += chunk.length;
        return false;
      }
      this.consumed += nl + 1;
      this.line++;
      this.newlines++;
      this.skipping = false;
      chunk = chunk.subarray(nl + 1);
    }
    const buf = this.pending && this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    const base = this.consumed;
    const len = buf.length;
    const delim = this.delimiter;
    let pos = 0;
    // An all-ASCII chunk (the common case) decodes byte for byte, faster than UTF-8.
    const ascii = isAscii(buf);
    const slice = ascii ? latin1 : utf8;
    // Byte ranges instead of strings when the sink takes them and every byte is one character.
    const bytes = ascii && sink.rowBytes !== undefined;
    // Only the part up to the last line feed holds complete characters; check it once per chunk.
    let checkedUpTo = 0;
    while (pos < len) {
      if (base + pos >= stopAt) {
        this.pending = undefined;
        this.consumed = base + pos;
        return true;
      }
      const rowStart = pos;
      const rowLine = this.line;
      const fields = this.fields;
      // The byte path never fills `fields`: skip the length store, a runtime call, per row.
      if (fields.length !== 0) fields.length = 0;
      let nf = 0;
      let rowNewlines = 0;
      let complete = false;
      let quoteError: BadRow | undefined;
      let stuffAfterQuote: BadRow | undefined;
      while (true) {
        // One field.
        if (pos < len && buf[pos] === QUOTE) {
          const startLine = rowLine + rowNewlines;
          const fieldStart = pos + 1;
          let p = fieldStart;
          let hasEscapes = false;
          let closed = false;
          while (p < len) {
            const q = buf.indexOf(QUOTE, p);
            if (q < 0) {
              p = len;
              break;
            }
            for (let i = buf.indexOf(LF, p); i >= 0 && i < q; i = buf.indexOf(LF, i + 1)) rowNewlines++;
            if (q + 1 < len && buf[q + 1] === QUOTE) {
              hasEscapes = true;
              p = q + 2;
              continue;
            }
            if (q + 1 >= len && !last) {
              p = len;
              break;
            }
            closed = true;
            p = q;
            break;
          }
          if (!closed) {
            if (!last) break; // need more bytes
            quoteError = {
              message: `unterminated quoted field (opened at line ${startLine})`,
              line: startLine,
              column: nf + 1,
              fix: 'Close the quote, or double each quote inside a quoted field ("")',
            };
            complete = true;
            pos = len;
            break;
          }
          if (bytes && !hasEscapes) this.push(nf++, fieldStart, p);
          else {
            let value = slice(buf, fieldStart, p);
            if (hasEscapes) value = value.replaceAll('""', '"');
            if (bytes) {
              this.escaped[nf] = value;
              this.push(nf++, -1, -1);
            } else {
              fields.push(value);
              nf++;
            }
          }
          pos = p + 1;
          if (pos >= len) {
            if (!last) break;
            complete = true;
            break;
          }
          const c = buf[pos];
          if (c === delim) {
            pos++;
            continue;
          }
          if (c === LF || (c === CR && pos + 1 < len && buf[pos + 1] === LF)) {
            pos += c === CR ? 2 : 1;
            rowNewlines++;
            complete = true;
            break;
          }
          if (c === CR && pos + 1 >= len && !last) break;
          // RFC 4180 allows nothing between a closing quote and the delimiter.
          stuffAfterQuote ??= {
            message: "unexpected text after a closing quote",
            line: rowLine + rowNewlines,
            column: nf,
            fix: "Quote the whole field and double the quotes inside it",
          };
          // Skip to the next delimiter or line end so the rest of the row still parses.
          while (pos < len && buf[pos] !== delim && buf[pos] !== LF) pos++;
          if (pos < len && buf[pos] === delim) {
            pos++;
            continue;
          }
          if (pos < len) {
            pos++;
            rowNewlines++;
            complete = true;
            break;
          }
          if (!last) break;
          complete = true;
          break;
        }
        // Unquoted field: up to the delimiter or the end of the line.
        let p = pos;
        while (p < len) {
          const c = buf[p];
          if (c === delim || c === LF) break;
          p++;
        }
        if (p >= len && !last) break;
        let end = p;
        if (end > pos && buf[end - 1] === CR && (p >= len || buf[p] === LF)) end--;
        if (bytes) this.push(nf++, pos, end);
        else {
          fields.push(end === pos ? "" : slice(buf, pos, end));
          nf++;
        }
        if (p >= len) {
          pos = len;
          complete = true;
          break;
        }
        if (buf[p] === delim) {
          pos = p + 1;
          if (pos >= len && last) {
            if (bytes) this.push(nf, pos, pos);
            else fields.push("");
            nf++;
            complete = true;
            break;
          }
          continue;
        }
        pos = p + 1;
        rowNewlines++;
        complete = true;
        break;
      }
      if (!complete) {
        // An unfinished row: keep its bytes for the next chunk, unless it is already too long.
        if (len - rowStart > MAX_ROW_BYTES) {
          const bad: BadRow = {
            message: `line is longer than ${MAX_ROW_BYTES / 1024 / 1024} MiB`,
            line: rowLine,
            fix: "Check the delimiter and quoting (an unterminated quote makes the rest of the file one field), or split the value",
          };
          this.onBadRow(bad);
          // Skipping: drop this line's bytes; the next feed resumes after its line feed.
          const lf = countLf(buf, rowStart, len);
          this.line = rowLine + lf;
          this.newlines += lf;
          this.consumed = base + len;
          this.skipping = true;
          return false;
        }
        this.pending = buf.subarray(rowStart);
        this.consumed = base + rowStart;
        return false;
      }
      if (pos > checkedUpTo) {
        const lastLf = buf.lastIndexOf(LF, len - 1);
        const end = last ? len : Math.max(pos, lastLf + 1);
        if (!isUtf8(buf.subarray(rowStart, end))) {
          this.badEncoding(buf, rowStart, end, rowLine);
        }
        checkedUpTo = end;
      }
      this.line = rowLine + rowNewlines;
      this.newlines += rowNewlines;
      if (quoteError) {
        this.onBadRow(quoteError);
        continue;
      }
      if (stuffAfterQuote) {
        this.onBadRow(stuffAfterQuote);
        continue;
      }
      // A blank line is not a row (RFC 4180 has none; many writers end with one).
      if (nf === 1 && (bytes ? this.starts[0] === this.ends[0] : fields[0] === "")) continue;
      if (bytes)
        (sink.rowBytes as NonNullable<CsvRowSink["rowBytes"]>)(buf, this.starts, this.ends, this.escaped, nf, rowLine);
      else sink.row(fields, rowLine);
    }
    this.consumed = base + len;
    return false;
  }

  private push(i: number, start: number, end: number): void {
    if (i >= this.starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[i] = start;
    this.ends[i] = end;
  }

  /** Set after an over-long row was skipped: the next bytes up to a line feed are dropped. */
  private skipping = false;

  private badEncoding(buf: Buffer, from: number, to: number, line: number): void {
    // Find the first line (and field) that is not UTF-8, for the message.
    let l = line;
    let start = from;
    for (let i = from; i <= to; i++) {
      if (i === to || buf[i] === LF) {
        const segment = buf.subarray(start, i);
        if (!isUtf8(segment)) {
          let col = 1;
          let fieldStart = 0;
          for (let j = 0; j <= segment.length; j++) {
            if (j === segment.length || segment[j] === this.delimiter) {
              if (!isUtf8(segment.subarray(fieldStart, j))) break;
              col++;
              fieldStart = j + 1;
            }
          }
          throw new UserError(
            "is not valid UTF-8",
            { file: this.file, line: l, column: col },
            "Save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)",
          );
        }
        l++;
        start = i + 1;
      }
    }
  }
}

type Slicer = (buf: Buffer, start: number, end: number) => string;
// Buffer's own slicers skip toString()'s argument checks; fall back where they are absent.
const proto = Buffer.prototype as unknown as {
  latin1Slice?: (s: number, e: number) => string;
  utf8Slice?: (s: number, e: number) => string;
};
const latin1: Slicer = proto.latin1Slice
  ? (b, s, e) => (b as unknown as Required<typeof proto>).latin1Slice(s, e)
  : (b, s, e) => b.toString("latin1", s, e);
const utf8: Slicer = proto.utf8Slice
  ? (b, s, e) => (b as unknown as Required<typeof proto>).utf8Slice(s, e)
  : (b, s, e) => b.toString("utf8", s, e);

function countLf(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1)) n++;
  return n;
}

const CANDIDATES = [",", "\t", ";", "|"];

/**
 * Guesses the delimiter from the first lines: the candidate that appears (outside quotes) the same
 * non-zero number of times on most lines, preferring more occurrences. Falls back to a comma.
 */
export function sniffDelimiter(sample: string): string {
  const lines = splitSampleLines(sample).slice(0, 50);
  let best = ",";
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeLines = 0;
    for (const [c, n] of freq) if (n > modeLines || (n === modeLines && c > mode)) [mode, modeLines] = [c, n];
    if (mode === 0) continue;
    const consistency = modeLines / lines.length;
    const score = consistency * 1000 + Math.min(mode, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Lines of a sample, not splitting inside quotes; the last (maybe cut) line is dropped when more followed. */
function splitSampleLines(sample: string): string[] {
  const lines: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === "\n" && !inQuote) {
      lines.push(sample.slice(start, i).replace(/\r$/, ""));
      start = i + 1;
    }
  }
  if (start < sample.length && lines.length === 0) lines.push(sample.slice(start));
  return lines.filter((l) => l !== "");
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuote = false;
  for (const c of line) {
    if (c === '"') inQuote = !inQuote;
    else if (c === d && !inQuote) n++;
  }
  return n;
}

export function delimiterName(d: string): string {
  return d === "\t" ? "tab" : d === "," ? "comma" : d === ";" ? "semicolon" : d === "|" ? "pipe" : `'${d}'`;
}
