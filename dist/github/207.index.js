export const id = 207;
export const ids = [207];
export const modules = {

/***/ 96102:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ CsvParser),
/* harmony export */   Re: () => (/* binding */ delimiterName),
/* harmony export */   mb: () => (/* binding */ MAX_ROW_BYTES),
/* harmony export */   yM: () => (/* binding */ sniffDelimiter)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91746);


const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** A line longer than this is an error (or a skipped row): memory stays bounded whatever the file. */
const MAX_ROW_BYTES = 8 * 1024 * 1024;
/**
 * A streaming RFC 4180 parser over bytes: quoted fields with doubled quotes, delimiters and line
 * breaks inside quotes, CRLF or LF line ends. Feed it chunks; it keeps only the unfinished row
 * between chunks. Fields are decoded as UTF-8 after the chunk was checked to be valid UTF-8.
 */
class CsvParser {
    file;
    delimiter;
    onBadRow;
    pending;
    /** Physical line the next row starts on. */
    line;
    /** Bytes consumed so far (rows fully parsed), relative to the first byte fed. */
    consumed = 0;
    /** Newlines consumed so far. */
    newlines = 0;
    fields = [];
    starts = new Int32Array(64);
    ends = new Int32Array(64);
    escaped = [];
    constructor(file, delimiter, onBadRow, firstLine = 1) {
        this.file = file;
        this.delimiter = delimiter;
        this.onBadRow = onBadRow;
        this.line = firstLine;
    }
    /**
     * Parses every complete row in `chunk` (after what was pending). With `last`, the end of input
     * ends the final row. `stopAt` (bytes from the first byte fed) stops before the first row that
     * starts at or after it; returns true when it stopped there.
     */
    feed(chunk, last, sink, stopAt = Number.POSITIVE_INFINITY) {
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
        const ascii = (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isAscii)(buf);
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
            if (fields.length !== 0)
                fields.length = 0;
            let nf = 0;
            let rowNewlines = 0;
            let complete = false;
            let quoteError;
            let stuffAfterQuote;
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
                        for (let i = buf.indexOf(LF, p); i >= 0 && i < q; i = buf.indexOf(LF, i + 1))
                            rowNewlines++;
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
                        if (!last)
                            break; // need more bytes
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
                    if (bytes && !hasEscapes)
                        this.push(nf++, fieldStart, p);
                    else {
                        let value = slice(buf, fieldStart, p);
                        if (hasEscapes)
                            value = value.replaceAll('""', '"');
                        if (bytes) {
                            this.escaped[nf] = value;
                            this.push(nf++, -1, -1);
                        }
                        else {
                            fields.push(value);
                            nf++;
                        }
                    }
                    pos = p + 1;
                    if (pos >= len) {
                        if (!last)
                            break;
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
                    if (c === CR && pos + 1 >= len && !last)
                        break;
                    // RFC 4180 allows nothing between a closing quote and the delimiter.
                    stuffAfterQuote ??= {
                        message: "unexpected text after a closing quote",
                        line: rowLine + rowNewlines,
                        column: nf,
                        fix: "Quote the whole field and double the quotes inside it",
                    };
                    // Skip to the next delimiter or line end so the rest of the row still parses.
                    while (pos < len && buf[pos] !== delim && buf[pos] !== LF)
                        pos++;
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
                    if (!last)
                        break;
                    complete = true;
                    break;
                }
                // Unquoted field: up to the delimiter or the end of the line.
                let p = pos;
                while (p < len) {
                    const c = buf[p];
                    if (c === delim || c === LF)
                        break;
                    p++;
                }
                if (p >= len && !last)
                    break;
                let end = p;
                if (end > pos && buf[end - 1] === CR && (p >= len || buf[p] === LF))
                    end--;
                if (bytes)
                    this.push(nf++, pos, end);
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
                        if (bytes)
                            this.push(nf, pos, pos);
                        else
                            fields.push("");
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
                    const bad = {
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
                if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(buf.subarray(rowStart, end))) {
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
            if (nf === 1 && (bytes ? this.starts[0] === this.ends[0] : fields[0] === ""))
                continue;
            if (bytes)
                sink.rowBytes(buf, this.starts, this.ends, this.escaped, nf, rowLine);
            else
                sink.row(fields, rowLine);
        }
        this.consumed = base + len;
        return false;
    }
    push(i, start, end) {
        if (i >= this.starts.length) {
            const grow = (a) => {
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
    skipping = false;
    badEncoding(buf, from, to, line) {
        // Find the first line (and field) that is not UTF-8, for the message.
        let l = line;
        let start = from;
        for (let i = from; i <= to; i++) {
            if (i === to || buf[i] === LF) {
                const segment = buf.subarray(start, i);
                if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(segment)) {
                    let col = 1;
                    let fieldStart = 0;
                    for (let j = 0; j <= segment.length; j++) {
                        if (j === segment.length || segment[j] === this.delimiter) {
                            if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(segment.subarray(fieldStart, j)))
                                break;
                            col++;
                            fieldStart = j + 1;
                        }
                    }
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("is not valid UTF-8", { file: this.file, line: l, column: col }, "Save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)");
                }
                l++;
                start = i + 1;
            }
        }
    }
}
// Buffer's own slicers skip toString()'s argument checks; fall back where they are absent.
const proto = Buffer.prototype;
const latin1 = proto.latin1Slice
    ? (b, s, e) => b.latin1Slice(s, e)
    : (b, s, e) => b.toString("latin1", s, e);
const utf8 = proto.utf8Slice
    ? (b, s, e) => b.utf8Slice(s, e)
    : (b, s, e) => b.toString("utf8", s, e);
function countLf(buf, from, to) {
    let n = 0;
    for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1))
        n++;
    return n;
}
const CANDIDATES = [",", "\t", ";", "|"];
/**
 * Guesses the delimiter from the first lines: the candidate that appears (outside quotes) the same
 * non-zero number of times on most lines, preferring more occurrences. Falls back to a comma.
 */
function sniffDelimiter(sample) {
    const lines = splitSampleLines(sample).slice(0, 50);
    let best = ",";
    let bestScore = 0;
    for (const d of CANDIDATES) {
        const counts = lines.map((l) => countOutsideQuotes(l, d));
        const freq = new Map();
        for (const c of counts)
            if (c > 0)
                freq.set(c, (freq.get(c) ?? 0) + 1);
        let mode = 0;
        let modeLines = 0;
        for (const [c, n] of freq)
            if (n > modeLines || (n === modeLines && c > mode))
                [mode, modeLines] = [c, n];
        if (mode === 0)
            continue;
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
function splitSampleLines(sample) {
    const lines = [];
    let inQuote = false;
    let start = 0;
    for (let i = 0; i < sample.length; i++) {
        const c = sample[i];
        if (c === '"')
            inQuote = !inQuote;
        else if (c === "\n" && !inQuote) {
            lines.push(sample.slice(start, i).replace(/\r$/, ""));
            start = i + 1;
        }
    }
    if (start < sample.length && lines.length === 0)
        lines.push(sample.slice(start));
    return lines.filter((l) => l !== "");
}
function countOutsideQuotes(line, d) {
    let n = 0;
    let inQuote = false;
    for (const c of line) {
        if (c === '"')
            inQuote = !inQuote;
        else if (c === d && !inQuote)
            n++;
    }
    return n;
}
function delimiterName(d) {
    return d === "\t" ? "tab" : d === "," ? "comma" : d === ";" ? "semicolon" : d === "|" ? "pipe" : `'${d}'`;
}


/***/ }),

/***/ 88256:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ selectDatasetFiles)
/* harmony export */ });
/* unused harmony export globToRegExp */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91746);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60140);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82881);




/** MLTable's `pattern` glob (`*`, `**`) as a regular expression over relative paths. */
function globToRegExp(pattern) {
    return new RegExp(`^${pattern
        .replace(/^\.\//, "")
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*\*\/?/g, "(.*/)?")
        .replace(/\*/g, "[^/]*")}$`);
}
/**
 * The data files among a dataset's files, the way a local folder is read: a single file as it is,
 * an MLTable's `paths:` when the dataset has an MLTable file, else every data file in path order.
 */
async function selectDatasetFiles(entries, label, input) {
    if (entries.length === 1 && entries[0].rel !== "MLTable")
        return [entries[0].file];
    const sorted = [...entries].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    const isData = (e) => _read_js__WEBPACK_IMPORTED_MODULE_2__/* .DATA_EXTENSIONS */ .GE.includes((0,_read_js__WEBPACK_IMPORTED_MODULE_2__/* .dataExt */ .AB)(e.rel)) && !e.rel.split("/").some((s) => s.startsWith("."));
    const mltable = sorted.find((e) => e.rel === "MLTable");
    let chosen;
    if (mltable) {
        const text = (await (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .readRange */ .qX)(mltable.file, 0, mltable.file.size)).toString("utf8");
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
        if (!doc?.paths?.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("MLTable has no `paths:`", { input, file: mltable.file.path }, "List the data files under paths: (- file: ./data.csv)");
        }
        chosen = [];
        for (const entry of doc.paths) {
            const target = (entry.file ?? entry.folder ?? entry.pattern ?? "").replace(/^\.\//, "").replace(/\/$/, "");
            if (!target || /^[a-z]+:\/\//i.test(target)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`MLTable path '${JSON.stringify(entry)}' is not a file, folder or pattern inside the dataset`, { input, file: mltable.file.path }, "Use paths relative to the MLTable file");
            }
            const re = entry.pattern ? globToRegExp(target) : undefined;
            for (const e of sorted) {
                const hit = re
                    ? re.test(e.rel) && isData(e)
                    : entry.file
                        ? e.rel === target
                        : e.rel.startsWith(`${target}/`) && isData(e);
                if (hit && !chosen.includes(e.file))
                    chosen.push(e.file);
            }
        }
    }
    else
        chosen = sorted.filter(isData).map((e) => e.file);
    if (chosen.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`dataset ${label} holds no CSV, JSON Lines or Parquet files`, { input }, `Register files ending in ${_read_js__WEBPACK_IMPORTED_MODULE_2__/* .DATA_EXTENSIONS */ .GE.join(", ")} (optionally .gz)`);
    }
    return chosen;
}


/***/ }),

/***/ 73610:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O$: () => (/* binding */ unreadable),
/* harmony export */   jz: () => (/* binding */ asyncBuffer),
/* harmony export */   mU: () => (/* binding */ profileParquetFile),
/* harmony export */   nE: () => (/* binding */ PARSERS),
/* harmony export */   vZ: () => (/* binding */ COMPRESSORS)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var fzstd__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68339);
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96367);
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(43720);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91746);
/* harmony import */ var _profile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35840);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82881);
/**
 * Parquet through hyparquet (pure JavaScript, no dependencies, reads byte ranges of any
 * AsyncBuffer, so a blob in storage is read by range requests). Snappy is built in; gzip and
 * brotli come from node:zlib, zstd from fzstd (pure JavaScript: Node 20 has no zstd).
 *
 * Memory stays bounded by one column chunk of one row group: each row group is read one column at
 * a time and fed to that column's profiler. Values are turned into the text a CSV writer would
 * give (dates as YYYY-MM-DD, timestamps as ISO 8601), so the profile of a Parquet file equals the
 * profile of the same data as CSV.
 */






const COMPRESSORS = {
    GZIP: (input) => (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync)(input),
    BROTLI: (input) => (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.brotliDecompressSync)(input),
    ZSTD: (input, outputLength) => (0,fzstd__WEBPACK_IMPORTED_MODULE_4__/* .decompress */ .mF)(input, new Uint8Array(outputLength)),
};
const iso = (ms) => new Date(ms).toISOString();
/** Dates and times as text: the form a CSV of the same data holds, so both profile alike. */
const PARSERS = {
    dateFromDays: (days) => iso(days * 86400000).slice(0, 10),
    timestampFromMilliseconds: (v) => iso(Number(v)),
    timestampFromMicroseconds: (v) => iso(Number(v / 1000n)),
    timestampFromNanoseconds: (v) => iso(Number(v / 1000000n)),
};
/** A DataFile as hyparquet's AsyncBuffer: every slice is one ranged read. */
function asyncBuffer(file) {
    return {
        byteLength: file.size,
        async slice(start, end) {
            const b = await (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .readRange */ .qX)(file, start, end ?? file.size);
            // A standalone copy: Node may hand out views of a shared pool.
            return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
        },
    };
}
function unreadable(file, error) {
    const message = error instanceof Error ? error.message : String(error);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`is not a Parquet file this reader can read (${message})`, { file }, /compression|codec/i.test(message)
        ? "Write it with snappy, gzip, brotli or zstd compression"
        : "Check that the file is complete Parquet (it ends with PAR1), or give it a .csv/.jsonl name if it is not Parquet");
}
function toText(v) {
    switch (typeof v) {
        case "string":
            return v;
        case "number":
            return Number.isNaN(v) ? undefined : String(v);
        case "bigint":
            return String(v);
        case "boolean":
            return v ? "true" : "false";
        case "undefined":
            return undefined;
        default:
            if (v === null)
                return undefined;
            if (v instanceof Date)
                return v.toISOString();
            if (v instanceof Uint8Array)
                return Buffer.from(v.buffer, v.byteOffset, v.length).toString("base64");
            return JSON.stringify(v, (_, x) => (typeof x === "bigint" ? String(x) : x));
    }
}
function feed(col, values, firstRow) {
    for (let i = 0; i < values.length; i++) {
        const text = toText(values[i]);
        if (text === undefined)
            col.addNull();
        else
            col.add(text, firstRow + i);
    }
}
/** Profiles a Parquet file row group by row group, column by column. */
async function profileParquetFile(src, opts) {
    const file = asyncBuffer(src);
    let metadata;
    try {
        // 64 KiB from the end holds the footer of most files: one request on a blob.
        metadata = await (0,hyparquet__WEBPACK_IMPORTED_MODULE_5__/* .parquetMetadataAsync */ .Ei)(file, { parsers: PARSERS, initialFetchSize: 1 << 16 });
    }
    catch (error) {
        throw unreadable(src.path, error);
    }
    const children = (0,hyparquet__WEBPACK_IMPORTED_MODULE_5__/* .parquetSchema */ .YR)(metadata).children;
    const names = children.map((c) => c.element.name);
    if (names.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("has no columns", { file: src.path }, "Give a Parquet file with columns");
    const builder = new _profile_js__WEBPACK_IMPORTED_MODULE_2__/* .ProfileBuilder */ .bZ(names, opts.rulesFor);
    builder.files.push(src.path);
    let rowStart = 0;
    for (const group of metadata.row_groups) {
        const rows = Number(group.num_rows);
        if (rows === 0)
            continue;
        for (let c = 0; c < names.length; c++) {
            let values = [];
            // A flat column arrives as one typed or plain array per chunk; a nested one needs assembling.
            const flat = children[c].children.length === 0;
            const parts = [];
            try {
                await (0,hyparquet__WEBPACK_IMPORTED_MODULE_6__/* .parquetRead */ .bA)({
                    file,
                    metadata,
                    columns: [names[c]],
                    rowStart,
                    rowEnd: rowStart + rows,
                    compressors: COMPRESSORS,
                    parsers: PARSERS,
                    onChunk: flat
                        ? (chunk) => {
                            if (chunk.columnName === names[c])
                                parts.push(chunk.columnData);
                        }
                        : undefined,
                    onComplete: flat
                        ? undefined
                        : (out) => {
                            values = out.map((r) => r[0]);
                        },
                });
                if (flat)
                    values = parts.length === 1 ? parts[0] : parts.flatMap((p) => Array.from(p));
            }
            catch (error) {
                throw unreadable(src.path, error);
            }
            if (values.length !== rows) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`row group at row ${rowStart + 1}: column '${names[c]}' has ${values.length} values for ${rows} rows`, { file: src.path }, "Write the file again; it is damaged");
            }
            // "Line" in messages is the 1-based row number for Parquet.
            feed(builder.columns[c], values, rowStart + 1);
            if (opts.signal?.aborted)
                throw opts.signal.reason;
        }
        rowStart += rows;
        builder.rows += rows;
    }
    if (builder.rows === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("has no rows", { file: src.path }, "Give a Parquet file with at least one row");
    }
    return builder;
}


/***/ }),

/***/ 35840:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y6: () => (/* binding */ PROFILE_FORMAT),
  PL: () => (/* binding */ PROFILE_VERSION),
  bZ: () => (/* binding */ ProfileBuilder)
});

// UNUSED EXPORTS: ColumnProfiler, mergeProfiles

// EXTERNAL MODULE: ./build/bundle/data/sketches/hash.js
var hash = __webpack_require__(15795);
// EXTERNAL MODULE: ./build/bundle/data/sketches/random.js
var random = __webpack_require__(34472);
;// CONCATENATED MODULE: ./build/bundle/data/sketches/frequent.js


/**
 * Frequent values: exact counts while a column has at most `k` distinct values (so chi-square and
 * Jensen–Shannon on categorical columns see every category), then Misra–Gries pruning, which keeps
 * every value more frequent than n/k with counts low by at most `error`. Mergeable (Agarwal et al.
 * 2012): add the counters, then prune. Counts of a sampled column (stride 64: one value in 64 on
 * average, weighted 64) are estimates.
 * Counters are keyed by the value's hashes so the CSV reader can count a value without making a
 * string of it; the string is made once, when a value is first seen.
 *
 * While the counts are exact the table holds every distinct value, so the column's HyperLogLog
 * (`distinct`) need not see each occurrence: it is fed the table's hashes, once per value, when
 * exactness ends or on syncDistinct(). Low-cardinality columns then skip a register update per value.
 */
/** 2^20: a counter's key is its first hash times this plus the top 20 bits of its second, plus 1. */
const SHIFT = 1048576;
/** Slots a table starts with; it doubles while more than half full, up to 16k for k = 1000. */
const FIRST_SLOTS = 64;
/** Every how many values a high-cardinality column is counted (with that weight). */
const STRIDE = 64;
/** log(1 − 1/STRIDE): turns a uniform draw into a geometric gap between sampled values. */
const LOG_KEEP = Math.log(1 - 1 / STRIDE);
class Frequent {
    distinct;
    k;
    n = 0;
    error = 0;
    stride = 1;
    skipped = 0;
    random = new random/* Random */.o(17);
    /**
     * Counters in an open-addressing table (linear probing from the first hash's low bits):
     * slot i holds its key at 2i (0 = empty) and its count at 2i + 1, so counting a value reads
     * one cache line, with no object to follow; a Map of entry objects took two dependent loads
     * per value, the most frequent memory access of profiling. The key (52 bits of the two hashes,
     * the whole first hash included) tells values apart; their text is in `names`.
     */
    slots = new Float64Array(2 * FIRST_SLOTS);
    names = new Array(FIRST_SLOTS).fill("");
    mask = FIRST_SLOTS - 1;
    size = 0;
    constructor(k = 1000, distinct) {
        this.distinct = distinct;
        this.k = k;
    }
    static from(state, distinct) {
        const f = new Frequent(state.k, distinct);
        f.n = state.n;
        f.error = state.error;
        f.stride = state.stride ?? 1;
        for (const [v, c] of state.items)
            f.setName(f.bump((0,hash/* hashA */.QX)(v), (0,hash/* hashB */.J0)(v), c), v);
        return f;
    }
    toJSON() {
        this.prune(this.k);
        const items = [];
        // A sampled value seen once (count up to one stride) may well occur once: it is not reported,
        // so a count above the stride always means two sightings in different rows.
        const floor = this.stride > 1 ? this.stride : 0;
        for (let i = 0; i <= this.mask; i++)
            if (this.slots[2 * i] !== 0 && this.slots[2 * i + 1] > floor)
                items.push([this.names[i], this.slots[2 * i + 1]]);
        items.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        return { k: this.k, n: this.n, error: this.error, stride: this.stride, items };
    }
    get exact() {
        return this.error === 0;
    }
    /** Feeds the distinct-count sketch every value counted so far (needed only while exact). */
    syncDistinct() {
        const hll = this.distinct;
        if (hll === undefined || !this.exact)
            return;
        const s = this.slots;
        for (let i = 0; 2 * i < s.length; i++)
            if (s[2 * i] !== 0)
                hll.addHash(Math.floor((s[2 * i] - 1) / SHIFT));
    }
    /**
     * Adds `count` to the value with hashes (a, b). Returns the slot when the value is new (the
     * caller then names it with setName()), else -1.
     */
    bump(a, b, count) {
        const key = (a >>> 0) * SHIFT + (b >>> 12) + 1;
        const slots = this.slots;
        const mask = this.mask;
        let i = a & mask;
        while (true) {
            const k = slots[2 * i];
            if (k === key) {
                slots[2 * i + 1] += count;
                return -1;
            }
            if (k === 0) {
                slots[2 * i] = key;
                slots[2 * i + 1] = count;
                return i;
            }
            i = (i + 1) & mask;
        }
    }
    /** Names a new counter, then grows or prunes the table. */
    setName(slot, name) {
        if (slot < 0)
            return;
        this.names[slot] = name;
        // Prune at 8k so each sort is amortized over 7k inserts.
        if (++this.size > 8 * this.k)
            this.prune(this.k);
        else if (2 * this.size > this.mask + 1)
            this.rebuild(2 * (this.mask + 1), 0);
    }
    /** Puts a counter known to be absent into the table. */
    place(key, count, name) {
        const mask = this.mask;
        let i = Math.floor((key - 1) / SHIFT) & mask;
        while (this.slots[2 * i] !== 0)
            i = (i + 1) & mask;
        this.slots[2 * i] = key;
        this.slots[2 * i + 1] = count;
        this.names[i] = name;
        this.size++;
    }
    /** Re-places every counter above `cut` (less `cut`) into a table of `slots` slots. */
    rebuild(slots, cut) {
        const old = this.slots;
        const oldNames = this.names;
        this.slots = new Float64Array(2 * slots);
        this.names = new Array(slots).fill("");
        this.mask = slots - 1;
        this.size = 0;
        for (let i = 0; 2 * i < old.length; i++) {
            const count = old[2 * i + 1] - cut;
            if (old[2 * i] !== 0 && count > 0)
                this.place(old[2 * i], count, oldNames[i]);
        }
    }
    /**
     * A high-cardinality column is sampled: true when this value is skipped. A column with more
     * than 8k distinct values is not categorical; its frequent values only matter when one
     * dominates, and counting one value in 64 on average (weight 64) finds those at a fraction of
     * the cost. The gaps are random (geometric, seeded), not every 64th value, so data that repeats
     * with a period cannot alias with the sampling.
     */
    skip() {
        if (this.stride === 1)
            return false;
        if (this.skipped > 0) {
            this.skipped--;
            return true;
        }
        this.skipped = Math.floor(Math.log(1 - this.random.next()) / LOG_KEEP);
        return false;
    }
    /** Counts the ASCII value in buf[start, end) whose first hash is `a` (sliced to a string only when new). */
    addBytes(a, buf, start, end) {
        this.n++;
        if (this.skip())
            return;
        const slot = this.bump(a, (0,hash/* hashBytesB */.GF)(buf, start, end), this.stride);
        if (slot >= 0)
            this.setName(slot, buf.toString("latin1", start, end));
    }
    /** addBytes() when the caller has both hashes. */
    addBytesHashed(a, b, buf, start, end) {
        this.n++;
        if (this.skip())
            return;
        const slot = this.bump(a, b, this.stride);
        if (slot >= 0)
            this.setName(slot, buf.toString("latin1", start, end));
    }
    /** Counts `value`, whose first hash is `a`. */
    addString(a, value, count = 1) {
        this.n += count;
        if (this.skip())
            return;
        this.setName(this.bump(a, (0,hash/* hashB */.J0)(value), count * this.stride), value);
    }
    add(value, count = 1) {
        this.addString((0,hash/* hashA */.QX)(value), value, count);
    }
    merge(other) {
        this.stride = Math.max(this.stride, other.stride);
        const o = other.slots;
        for (let i = 0; 2 * i < o.length; i++) {
            const key = o[2 * i];
            if (key === 0)
                continue;
            // Back to the two hashes: b's low 12 bits are not part of the key, so 0 stands in for them.
            const a = Math.floor((key - 1) / SHIFT);
            const b = ((key - 1 - a * SHIFT) * 4096) >>> 0;
            this.setName(this.bump(a, b, o[2 * i + 1]), other.names[i]);
        }
        this.n += other.n;
        this.error += other.error;
        this.prune(this.k);
    }
    /** Keeps at most `k` counters: subtracts the (k+1)-th largest count from all (Misra–Gries). */
    prune(k) {
        if (this.size <= k)
            return;
        // The table is about to lose values: the distinct sketch must have seen them first.
        this.syncDistinct();
        const counts = new Float64Array(this.size);
        let n = 0;
        for (let i = 0; 2 * i < this.slots.length; i++)
            if (this.slots[2 * i] !== 0)
                counts[n++] = this.slots[2 * i + 1];
        counts.sort();
        // The (k+1)-th largest count.
        const cut = counts[n - 1 - k];
        // Rebuilt rather than deleted from, so no probe chain is broken; in place, since the full
        // table is large enough to be allocated outside the young generation.
        const keys = [];
        const kept = [];
        const names = [];
        for (let i = 0; 2 * i < this.slots.length; i++) {
            const count = this.slots[2 * i + 1] - cut;
            if (this.slots[2 * i] === 0 || count <= 0)
                continue;
            keys.push(this.slots[2 * i]);
            kept.push(count);
            names.push(this.names[i]);
        }
        this.slots.fill(0);
        this.names.fill("");
        this.size = 0;
        for (let j = 0; j < keys.length; j++)
            this.place(keys[j], kept[j], names[j]);
        this.error += cut;
        if (this.stride === 1 && this.error > 0)
            this.stride = STRIDE;
    }
    /** The most frequent values, highest first. */
    top(limit) {
        return this.toJSON().items.slice(0, limit);
    }
}

;// CONCATENATED MODULE: ./build/bundle/data/sketches/hll.js

/**
 * HyperLogLog distinct counter (Flajolet et al. 2007, with the small-range correction): 2^p
 * one-byte registers (4 KiB at p = 12, standard error 1.04/√4096 ≈ 1.6 %); merging is the
 * register-wise maximum, so shards merge in any order. Small enough to write and serialize
 * (base64 registers) here rather than depend on an unmaintained package.
 */
class HyperLogLog {
    p;
    registers;
    constructor(p = 12, registers) {
        this.p = p;
        this.registers = registers ?? new Uint8Array(1 << p);
    }
    static from(state) {
        return new HyperLogLog(state.p, new Uint8Array(Buffer.from(state.registers, "base64")));
    }
    toJSON() {
        return { p: this.p, registers: Buffer.from(this.registers).toString("base64") };
    }
    addHash(hash) {
        const idx = hash >>> (32 - this.p);
        const rest = (hash << this.p) | (1 << (this.p - 1));
        const rank = Math.clz32(rest) + 1;
        if (rank > this.registers[idx])
            this.registers[idx] = rank;
    }
    add(value) {
        this.addHash((0,hash/* hashString */.YZ)(value));
    }
    merge(other) {
        if (other.p !== this.p)
            throw new Error(`cannot merge HyperLogLog p=${other.p} into p=${this.p}`);
        for (let i = 0; i < this.registers.length; i++) {
            if (other.registers[i] > this.registers[i])
                this.registers[i] = other.registers[i];
        }
    }
    estimate() {
        const m = this.registers.length;
        let sum = 0;
        let zeros = 0;
        for (const r of this.registers) {
            sum += 2 ** -r;
            if (r === 0)
                zeros++;
        }
        const alpha = 0.7213 / (1 + 1.079 / m);
        const raw = (alpha * m * m) / sum;
        if (raw <= 2.5 * m && zeros > 0)
            return Math.round(m * Math.log(m / zeros));
        // Large-range correction for a 32-bit hash.
        const two32 = 2 ** 32;
        if (raw > two32 / 30)
            return Math.round(-two32 * Math.log(1 - raw / two32));
        return Math.round(raw);
    }
}

// EXTERNAL MODULE: ./build/bundle/data/sketches/kll.js
var kll = __webpack_require__(33950);
;// CONCATENATED MODULE: ./build/bundle/data/sketches/reservoir.js

/**
 * A uniform random sample of bounded size (Algorithm L, Li 1994: one random draw per kept item,
 * not per item seen). The KS test needs raw values; with a reference of up to `capacity` rows
 * the sample is the whole column, so the test on a stored baseline profile is exact.
 */
class Reservoir {
    capacity;
    seen = 0;
    values = [];
    random;
    w = 0;
    nextIndex = 0;
    constructor(capacity = 2000, seed = 7) {
        this.capacity = capacity;
        this.random = new random/* Random */.o(seed);
    }
    static from(state, seed = 7) {
        const r = new Reservoir(state.capacity, seed);
        r.seen = state.seen;
        r.values = state.values.slice();
        if (r.values.length >= r.capacity)
            r.startSkipping();
        return r;
    }
    toJSON() {
        return { capacity: this.capacity, seen: this.seen, values: this.values.slice() };
    }
    startSkipping() {
        this.w = Math.exp(Math.log(this.random.next() || 1e-12) / this.capacity);
        this.nextIndex = this.seen + Math.floor(Math.log(this.random.next() || 1e-12) / Math.log(1 - this.w)) + 1;
    }
    add(value) {
        if (this.values.length < this.capacity) {
            this.values.push(value);
            this.seen++;
            if (this.values.length === this.capacity)
                this.startSkipping();
            return;
        }
        this.seen++;
        if (this.seen - 1 < this.nextIndex)
            return;
        this.values[this.random.int(this.capacity)] = value;
        this.w *= Math.exp(Math.log(this.random.next() || 1e-12) / this.capacity);
        this.nextIndex = this.seen + Math.floor(Math.log(this.random.next() || 1e-12) / Math.log(1 - this.w));
    }
    /** add() for the first `count` values of `values`: jumps from one kept value to the next. */
    addMany(values, count) {
        let i = 0;
        while (i < count && this.values.length < this.capacity)
            this.add(values[i++]);
        while (i < count) {
            // seen + (nextIndex - seen) is the next value kept; everything before it is skipped.
            const skip = this.nextIndex - this.seen;
            if (skip >= count - i) {
                this.seen += count - i;
                return;
            }
            this.seen += skip;
            i += skip;
            this.add(values[i++]);
        }
    }
    /** Merges two uniform samples into one uniform sample of the union. */
    merge(other) {
        const total = this.seen + other.seen;
        if (total <= this.capacity) {
            this.values.push(...other.values);
            this.seen = total;
            return;
        }
        const a = this.values.slice();
        const b = other.values.slice();
        const out = [];
        const target = Math.min(this.capacity, a.length + b.length);
        let na = this.seen;
        let nb = other.seen;
        // Draw without replacement, each side in proportion to the population it stands for.
        while (out.length < target && (a.length > 0 || b.length > 0)) {
            const pickA = b.length === 0 || (a.length > 0 && this.random.next() * (na + nb) < na);
            const src = pickA ? a : b;
            const i = this.random.int(src.length);
            out.push(src[i]);
            src[i] = src[src.length - 1];
            src.pop();
            if (pickA)
                na--;
            else
                nb--;
        }
        this.values = out;
        this.seen = total;
        if (this.values.length >= this.capacity)
            this.startSkipping();
    }
}

// EXTERNAL MODULE: ./build/bundle/data/values.js
var values = __webpack_require__(39530);
;// CONCATENATED MODULE: ./build/bundle/data/profile.js






/** The profile format version; readers refuse newer ones. Documented in docs/profile.schema.json. */
const PROFILE_FORMAT = "mlops-action/profile";
const PROFILE_VERSION = 1;
const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const HISTOGRAM_BINS = 20;
/** Rows a ProfileBuilder gathers before profiling them column by column. */
const BATCH_ROWS = 1024;
/** Numbers a column buffers before folding them into its moments and sketches. */
const NUMBER_BATCH = 1024;
const EMPTY_KINDS = () => ({ integer: 0, number: 0, boolean: 0, date: 0, string: 0 });
const KIND_NAMES = [undefined, "integer", "number", "boolean", "date", "string"];
/** Streams one column: every statistic is mergeable with another shard's. */
class ColumnProfiler {
    name;
    count = 0;
    nulls = 0;
    /** Counts and first lines by Kind (index), kept in typed arrays: add() is the hot path. */
    kindCounts = new Float64Array(6);
    kindFirst = new Float64Array(6);
    // Welford / Chan et al. running moments of the numeric values.
    n = 0;
    mean = 0;
    m2 = 0;
    min = Number.POSITIVE_INFINITY;
    max = Number.NEGATIVE_INFINITY;
    kll = new kll/* Kll */.O();
    sample = new Reservoir();
    hll = new HyperLogLog();
    /** Feeds `hll` itself while its counts are exact (see Frequent). */
    top = new Frequent(1000, this.hll);
    lenMin = Number.POSITIVE_INFINITY;
    lenMax = 0;
    lenSum = 0;
    textValues = 0;
    wordSum = 0;
    dateMin = "";
    dateMax = "";
    dateMinBytes;
    dateMaxBytes;
    rules = [];
    ruleHits = {};
    constructor(name) {
        this.name = name;
    }
    add(raw, line) {
        this.count++;
        const kind = (0,values/* classify */.L8)(raw);
        if (kind === values/* Kind */.b8.Null) {
            this.nulls++;
            return;
        }
        if (this.kindCounts[kind]++ === 0)
            this.kindFirst[kind] = line;
        let num = Number.NaN;
        if (kind === values/* Kind */.b8.Integer || kind === values/* Kind */.b8.Number) {
            num = values/* parsed */.Yz.value;
            this.addNumber(num);
        }
        else if (kind === values/* Kind */.b8.Date) {
            if (this.dateMin === "" || raw < this.dateMin)
                this.setDates(raw, true);
            if (raw > this.dateMax)
                this.setDates(raw, false);
        }
        else if (kind === values/* Kind */.b8.String) {
            this.textValues++;
            this.wordSum += countWords(raw);
        }
        const len = raw.length;
        if (len < this.lenMin)
            this.lenMin = len;
        if (len > this.lenMax)
            this.lenMax = len;
        this.lenSum += len;
        const a = (0,hash/* hashA */.QX)(raw);
        if (!this.top.exact)
            this.hll.addHash(a);
        this.top.addString(a, raw);
        if (this.rules.length > 0)
            this.checkRules(raw, kind, num, line);
    }
    /** Field `offset` of each of `n` rows gathered by ProfileBuilder.addRowBytes (`width` fields a row). */
    addColumn(buf, starts, ends, escaped, lines, n, width, offset) {
        for (let r = 0, i = offset; r < n; r++, i += width) {
            const s = starts[i];
            if (s < 0)
                this.add(escaped[i], lines[r]);
            else
                this.addBytes(buf, s, ends[i], lines[r]);
        }
    }
    /** add() for an ASCII byte range of a CSV chunk: no string unless the value needs one. */
    addBytes(buf, start, end, line) {
        this.count++;
        const kind = (0,values/* classifyBytes */.E)(buf, start, end);
        if (kind === values/* Kind */.b8.Null) {
            this.nulls++;
            return;
        }
        if (this.kindCounts[kind]++ === 0)
            this.kindFirst[kind] = line;
        let num = Number.NaN;
        if (kind === values/* Kind */.b8.Integer || kind === values/* Kind */.b8.Number) {
            num = values/* parsed */.Yz.value;
            this.addNumber(num);
        }
        else if (kind === values/* Kind */.b8.Date) {
            // Compared as bytes (ASCII order is string order); a string only when the min or max moves.
            const min = this.dateMinBytes;
            if (min === undefined || compareBytes(buf, start, end, min) < 0)
                this.setDates(buf.toString("latin1", start, end), true);
            const max = this.dateMaxBytes;
            if (max === undefined || compareBytes(buf, start, end, max) > 0)
                this.setDates(buf.toString("latin1", start, end), false);
        }
        const len = end - start;
        if (len < this.lenMin)
            this.lenMin = len;
        if (len > this.lenMax)
            this.lenMax = len;
        this.lenSum += len;
        const top = this.top;
        if (kind === values/* Kind */.b8.String) {
            // Free text is hashed and its words counted in one pass.
            const a = (0,hash/* hashTextBytes */.$v)(buf, start, end);
            this.textValues++;
            this.wordSum += hash/* text */.Qq.words;
            if (!top.exact)
                this.hll.addHash(a);
            top.addBytes(a, buf, start, end);
        }
        else if (top.stride === 1) {
            // Every value is counted: both hashes in one pass.
            const a = (0,hash/* hashBytesAB */.b)(buf, start, end);
            if (!top.exact)
                this.hll.addHash(a);
            top.addBytesHashed(a, hash/* second */.Rc.b, buf, start, end);
        }
        else {
            // A sampled column: the second hash only for the values counted.
            const a = (0,hash/* hashBytesA */.Nh)(buf, start, end);
            this.hll.addHash(a);
            top.addBytes(a, buf, start, end);
        }
        if (this.rules.length > 0)
            this.checkRules(buf.toString("latin1", start, end), kind, num, line);
    }
    /** Keeps the date bounds as text and as bytes (the byte path compares bytes). */
    setDates(value, min) {
        if (min) {
            this.dateMin = value;
            this.dateMinBytes = Buffer.from(value, "latin1");
        }
        else {
            this.dateMax = value;
            this.dateMaxBytes = Buffer.from(value, "latin1");
        }
    }
    /** A missing value (a JSON null or an absent key). */
    addNull() {
        this.count++;
        this.nulls++;
    }
    /** Numbers wait in a small buffer and are folded in by the batch (settle()): one tight loop per sketch. */
    nums = new Float64Array(NUMBER_BATCH);
    pendingNums = 0;
    addNumber(x) {
        this.nums[this.pendingNums++] = x;
        if (this.pendingNums === NUMBER_BATCH)
            this.settle();
    }
    /** Folds the buffered numbers into the moments and sketches; called before anything reads them. */
    settle() {
        const k = this.pendingNums;
        if (k === 0)
            return;
        this.pendingNums = 0;
        const v = this.nums;
        let sum = 0;
        let min = this.min;
        let max = this.max;
        for (let i = 0; i < k; i++) {
            const x = v[i];
            sum += x;
            if (x < min)
                min = x;
            if (x > max)
                max = x;
        }
        // Two-pass moments of the batch (with the rounding correction), then Chan et al.'s pairwise
        // update into the running ones: as stable as Welford, without a division per value.
        const bm = sum / k;
        let dev = 0;
        let sq = 0;
        for (let i = 0; i < k; i++) {
            const d = v[i] - bm;
            dev += d;
            sq += d * d;
        }
        const bmean = bm + dev / k;
        const bm2 = sq - (dev * dev) / k;
        const n = this.n + k;
        const d = bmean - this.mean;
        this.mean += (d * k) / n;
        this.m2 += bm2 + (d * d * this.n * k) / n;
        this.n = n;
        this.min = min;
        this.max = max;
        this.kll.addMany(v, k);
        this.sample.addMany(v, k);
    }
    checkRules(raw, kind, num, line) {
        for (const rule of this.rules) {
            if (!rule.broken(raw, kind, num))
                continue;
            const hit = this.ruleHits[rule.name];
            if (hit) {
                hit.count++;
                if (line < hit.line) {
                    hit.line = line;
                    hit.example = raw;
                }
            }
            else
                this.ruleHits[rule.name] = { count: 1, line, example: raw.slice(0, 200) };
        }
    }
    merge(o) {
        this.settle();
        o.settle();
        this.top.syncDistinct();
        o.top.syncDistinct();
        this.count += o.count;
        this.nulls += o.nulls;
        for (let k = 1; k < 6; k++) {
            if (o.kindCounts[k] > 0 && (this.kindCounts[k] === 0 || o.kindFirst[k] < this.kindFirst[k]))
                this.kindFirst[k] = o.kindFirst[k];
            this.kindCounts[k] += o.kindCounts[k];
        }
        if (o.n > 0) {
            // Chan, Golub and LeVeque's pairwise update: exact for mean and M2.
            const n = this.n + o.n;
            const d = o.mean - this.mean;
            this.mean += (d * o.n) / n;
            this.m2 += o.m2 + (d * d * this.n * o.n) / n;
            this.n = n;
            this.min = Math.min(this.min, o.min);
            this.max = Math.max(this.max, o.max);
        }
        this.kll.merge(o.kll);
        this.sample.merge(o.sample);
        this.hll.merge(o.hll);
        this.top.merge(o.top);
        this.lenMin = Math.min(this.lenMin, o.lenMin);
        this.lenMax = Math.max(this.lenMax, o.lenMax);
        this.lenSum += o.lenSum;
        this.textValues += o.textValues;
        this.wordSum += o.wordSum;
        if (o.dateMin && (!this.dateMin || o.dateMin < this.dateMin))
            this.setDates(o.dateMin, true);
        if (o.dateMax > this.dateMax)
            this.setDates(o.dateMax, false);
        for (const [name, hit] of Object.entries(o.ruleHits)) {
            const mine = this.ruleHits[name];
            if (!mine)
                this.ruleHits[name] = { ...hit };
            else {
                mine.count += hit.count;
                if (hit.line < mine.line) {
                    mine.line = hit.line;
                    mine.example = hit.example;
                }
            }
        }
    }
    get kinds() {
        const k = EMPTY_KINDS();
        for (let i = 1; i < 6; i++)
            k[KIND_NAMES[i]] = this.kindCounts[i];
        return k;
    }
    get firstLines() {
        const f = {};
        for (let i = 1; i < 6; i++)
            if (this.kindCounts[i] > 0)
                f[KIND_NAMES[i]] = this.kindFirst[i];
        return f;
    }
    toJSON() {
        this.settle();
        this.top.syncDistinct();
        const { type, violations } = (0,values/* inferType */.nS)(this.kinds);
        const nonNull = this.count - this.nulls;
        const col = {
            name: this.name,
            count: this.count,
            nulls: this.nulls,
            nullShare: this.count === 0 ? 0 : this.nulls / this.count,
            type,
            violations,
            kinds: this.kinds,
            firstLines: this.firstLines,
            distinct: { estimate: Math.min(this.hll.estimate(), nonNull), hll: this.hll.toJSON() },
            top: this.top.toJSON(),
            lengths: {
                min: nonNull === 0 ? 0 : this.lenMin,
                max: this.lenMax,
                mean: nonNull === 0 ? 0 : this.lenSum / nonNull,
            },
        };
        if (this.n > 0) {
            const q = this.kll.quantiles(QUANTILES);
            col.numeric = {
                count: this.n,
                mean: this.mean,
                m2: this.m2,
                std: this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 0,
                min: this.min,
                max: this.max,
                quantiles: Object.fromEntries(QUANTILES.map((p, i) => [`p${Math.round(p * 100)}`, q[i]])),
                histogram: histogram(this.kll, this.min, this.max, this.n),
                kll: this.kll.toJSON(),
                sample: this.sample.toJSON(),
            };
        }
        if (this.textValues > 0)
            col.text = { values: this.textValues, meanWords: this.wordSum / this.textValues };
        if (this.dateMin)
            col.dates = { min: this.dateMin, max: this.dateMax };
        if (Object.keys(this.ruleHits).length > 0)
            col.rules = structuredClone(this.ruleHits);
        return col;
    }
    static fromJSON(c) {
        const p = new ColumnProfiler(c.name);
        p.count = c.count;
        p.nulls = c.nulls;
        for (let i = 1; i < 6; i++) {
            const name = KIND_NAMES[i];
            p.kindCounts[i] = c.kinds[name] ?? 0;
            p.kindFirst[i] = c.firstLines[name] ?? 0;
        }
        if (c.numeric) {
            p.n = c.numeric.count;
            p.mean = c.numeric.mean;
            p.m2 = c.numeric.m2;
            p.min = c.numeric.min;
            p.max = c.numeric.max;
            p.kll = kll/* Kll */.O.from(c.numeric.kll);
            p.sample = Reservoir.from(c.numeric.sample);
        }
        p.hll = HyperLogLog.from(c.distinct.hll);
        p.top = Frequent.from(c.top, p.hll);
        const nonNull = c.count - c.nulls;
        p.lenMin = nonNull === 0 ? Number.POSITIVE_INFINITY : c.lengths.min;
        p.lenMax = c.lengths.max;
        p.lenSum = c.lengths.mean * nonNull;
        if (c.text) {
            p.textValues = c.text.values;
            p.wordSum = c.text.meanWords * c.text.values;
        }
        if (c.dates) {
            p.setDates(c.dates.min, true);
            p.setDates(c.dates.max, false);
        }
        if (c.rules)
            p.ruleHits = structuredClone(c.rules);
        return p;
    }
}
/** buf[start, end) against b, in byte order; a loop beats a native call for short values. */
function compareBytes(buf, start, end, b) {
    const n = Math.min(end - start, b.length);
    for (let i = 0; i < n; i++) {
        const d = buf[start + i] - b[i];
        if (d !== 0)
            return d;
    }
    return end - start - b.length;
}
function countWords(s) {
    let words = 0;
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        // Control characters count as spaces, as in hashTextBytes().
        const space = c <= 32;
        if (!space && !inWord)
            words++;
        inWord = !space;
    }
    return words;
}
/** Equal-width bins over [min, max], counts read from the quantile sketch's CDF. */
function histogram(kll, min, max, n) {
    if (min === max)
        return { edges: [min, max], counts: [n] };
    const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => min + ((max - min) * i) / HISTOGRAM_BINS);
    edges[HISTOGRAM_BINS] = max;
    const cdf = kll.cdf(edges);
    const counts = edges.slice(1).map((_, i) => Math.round(n * (cdf[i + 1] - (i === 0 ? 0 : cdf[i]))));
    return { edges, counts };
}
/** A whole table's profile under construction: columns by position, mergeable with another shard's. */
class ProfileBuilder {
    rulesFor;
    rows = 0;
    badRows = 0;
    columns;
    byName = new Map();
    files = [];
    constructor(names = [], rulesFor) {
        this.rulesFor = rulesFor;
        this.columns = [];
        for (const n of names)
            this.column(n);
    }
    /** Tells the columns how many rows the whole data is expected to hold (see Kll.scale). */
    expectRows(total) {
        if (this.rows === 0)
            return;
        const scale = Math.max(1, total / this.rows);
        for (const c of this.columns)
            c.kll.scale = scale;
    }
    /** The column with this name, created (with nulls for the rows before it) when new. */
    column(name) {
        let c = this.byName.get(name);
        if (!c) {
            c = new ColumnProfiler(name);
            c.rules = this.rulesFor?.(name) ?? [];
            c.count = this.rows;
            c.nulls = this.rows;
            this.byName.set(name, c);
            this.columns.push(c);
        }
        return c;
    }
    /** One CSV row whose fields line up with the columns. */
    addRow(fields, line) {
        // Batched byte rows come first: first lines and samples follow the order of the file.
        this.flushBatch();
        this.rows++;
        const cols = this.columns;
        for (let i = 0; i < cols.length; i++)
            cols[i].add(fields[i], line);
    }
    /**
     * One CSV row as byte ranges (see CsvRowSink.rowBytes). Rows are gathered into a batch and
     * profiled column by column (flushBatch): one column's sketches then stay in the CPU cache for
     * a whole batch instead of eight columns' taking turns on every row.
     */
    addRowBytes(buf, starts, ends, escaped, line) {
        // A batch refers to one buffer; the reader never reuses a buffer, so the old one is intact.
        if (buf !== this.batchBuf) {
            this.flushBatch();
            this.batchBuf = buf;
        }
        this.rows++;
        const width = this.columns.length;
        if (this.batchStarts.length < BATCH_ROWS * width) {
            this.batchStarts = new Int32Array(BATCH_ROWS * width);
            this.batchEnds = new Int32Array(BATCH_ROWS * width);
        }
        const bs = this.batchStarts;
        const be = this.batchEnds;
        const base = this.batchRows * width;
        for (let i = 0; i < width; i++) {
            const s = starts[i];
            bs[base + i] = s;
            be[base + i] = ends[i];
            if (s < 0)
                this.batchEscaped[base + i] = escaped[i];
        }
        this.batchLines[this.batchRows++] = line;
        if (this.batchRows === BATCH_ROWS)
            this.flushBatch();
    }
    batchBuf;
    batchRows = 0;
    batchStarts = new Int32Array(0);
    batchEnds = new Int32Array(0);
    batchEscaped = [];
    batchLines = new Float64Array(BATCH_ROWS);
    /** Profiles the gathered rows, column by column. Called before anything reads the columns. */
    flushBatch() {
        const n = this.batchRows;
        const buf = this.batchBuf;
        if (n === 0 || buf === undefined)
            return;
        const cols = this.columns;
        for (let c = 0; c < cols.length; c++)
            cols[c].addColumn(buf, this.batchStarts, this.batchEnds, this.batchEscaped, this.batchLines, n, cols.length, c);
        this.batchRows = 0;
    }
    merge(o) {
        this.flushBatch();
        o.flushBatch();
        for (const c of o.columns) {
            const mine = this.byName.get(c.name);
            if (mine)
                mine.merge(c);
            else {
                // A column the other shard has and this one lacks: this shard's rows were nulls there.
                const added = this.column(c.name);
                added.count = 0;
                added.nulls = 0;
                const pad = new ColumnProfiler(c.name);
                pad.count = this.rows;
                pad.nulls = this.rows;
                added.merge(pad);
                added.merge(c);
            }
        }
        for (const mine of this.columns) {
            if (!o.byName.has(mine.name) && o.rows > 0) {
                const pad = new ColumnProfiler(mine.name);
                pad.count = o.rows;
                pad.nulls = o.rows;
                mine.merge(pad);
            }
        }
        this.rows += o.rows;
        this.badRows += o.badRows;
        for (const f of o.files)
            if (!this.files.includes(f))
                this.files.push(f);
    }
    toJSON(extra = {}) {
        this.flushBatch();
        return {
            format: PROFILE_FORMAT,
            version: PROFILE_VERSION,
            createdAt: new Date().toISOString(),
            source: { files: this.files },
            rows: this.rows,
            badRows: this.badRows,
            columns: this.columns.map((c) => c.toJSON()),
            ...extra,
        };
    }
    static fromJSON(p) {
        const b = new ProfileBuilder();
        b.rows = p.rows;
        b.badRows = p.badRows;
        b.files = [...p.source.files];
        for (const c of p.columns) {
            const col = ColumnProfiler.fromJSON(c);
            b.byName.set(c.name, col);
            b.columns.push(col);
        }
        return b;
    }
}
/** Merges profiles of shards (files, byte ranges) into the profile of the whole. */
function mergeProfiles(profiles) {
    if (profiles.length === 0)
        throw new Error("no profiles to merge");
    const b = ProfileBuilder.fromJSON(profiles[0]);
    for (const p of profiles.slice(1))
        b.merge(ProfileBuilder.fromJSON(p));
    return b.toJSON({
        source: { files: b.files, dataset: profiles[0].source.dataset },
        labelColumn: profiles[0].labelColumn,
    });
}


/***/ }),

/***/ 60140:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ dataExt),
/* harmony export */   GE: () => (/* binding */ DATA_EXTENSIONS),
/* harmony export */   I5: () => (/* binding */ profileCsvFile),
/* harmony export */   SJ: () => (/* binding */ profileJsonlFile),
/* harmony export */   Tz: () => (/* binding */ detectFormat),
/* harmony export */   Xn: () => (/* binding */ byteChunksFrom),
/* harmony export */   bf: () => (/* binding */ isGzip),
/* harmony export */   lU: () => (/* binding */ byteChunks),
/* harmony export */   qy: () => (/* binding */ dataFiles),
/* harmony export */   v3: () => (/* binding */ readCsvHead)
/* harmony export */ });
/* unused harmony exports CHUNK, profileCsvRange */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91746);
/* harmony import */ var _csv_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96102);
/* harmony import */ var _profile_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(35840);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(82881);








const CHUNK = 1 << 20;
const MAX_LINE = _csv_js__WEBPACK_IMPORTED_MODULE_5__/* .MAX_ROW_BYTES */ .mb;
const DATA_EXTENSIONS = [".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"];
/** The data files behind a path: the file itself, a folder's data files, or an MLTable's paths. */
async function dataFiles(path, input = "data") {
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`'${path}' does not exist`, { input }, "Give a CSV, JSON Lines or Parquet file, a folder of them, or a dataset reference such as name@latest");
    }
    if (info.isFile())
        return [path];
    const mltable = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, "MLTable");
    const hasMltable = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(mltable).then((s) => s.isFile(), () => false);
    if (hasMltable)
        return mltableFiles(path, mltable, input);
    const files = [];
    const walk = async (dir) => {
        for (const e of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, e.name);
            if (e.isDirectory() && !e.name.startsWith("."))
                await walk(full);
            else if (e.isFile() && DATA_EXTENSIONS.includes(dataExt(e.name)))
                files.push(full);
        }
    };
    await walk(path);
    if (files.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`folder '${path}' holds no CSV, JSON Lines or Parquet files`, { input }, `Add files ending in ${DATA_EXTENSIONS.join(", ")} (optionally .gz)`);
    }
    return files;
}
/** The MLTable `paths:` entries (file, folder, pattern as a simple `*` glob). */
async function mltableFiles(root, mltable, input) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(mltable, "utf8"));
    if (!doc?.paths?.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo("MLTable has no `paths:`", { input, file: mltable }, "List the data files under paths: (- file: ./data.csv)");
    }
    const out = [];
    for (const entry of doc.paths) {
        const target = entry.file ?? entry.folder ?? entry.pattern;
        if (!target || /^[a-z]+:\/\//i.test(target)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`MLTable path '${JSON.stringify(entry)}' is not a local file, folder or pattern`, { input, file: mltable }, "Use relative paths for local data");
        }
        if (entry.pattern) {
            const re = new RegExp(`^${target
                .replace(/^\.\//, "")
                .replace(/[.+^${}()|[\]\\]/g, "\\$&")
                .replace(/\*\*\/?/g, "(.*/)?")
                .replace(/\*/g, "[^/]*")}$`);
            const all = await dataFiles(root, input).catch(() => []);
            out.push(...all.filter((f) => re.test((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, f).split("\\").join("/"))));
        }
        else
            out.push(...(await dataFiles((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, target), input)));
    }
    return out;
}
function dataExt(name) {
    const n = name.toLowerCase().replace(/\.gz$/, "");
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(n);
}
async function isGzip(file) {
    const b = await (0,_source_js__WEBPACK_IMPORTED_MODULE_7__/* .readRange */ .qX)(file, 0, Math.min(2, file.size));
    return b.length === 2 && b[0] === 0x1f && b[1] === 0x8b;
}
/**
 * The file's bytes from `start` (of the decompressed bytes when gzip). A gzip stream cannot seek,
 * so the bytes before `start` are dropped from its decompressed start instead.
 */
async function* byteChunksFrom(src, gzip, start) {
    let toSkip = gzip ? start : 0;
    for await (const chunk of byteChunks(src, gzip, gzip ? 0 : start)) {
        if (toSkip >= chunk.length) {
            toSkip -= chunk.length;
            continue;
        }
        yield toSkip > 0 ? chunk.subarray(toSkip) : chunk;
        toSkip = 0;
    }
}
/** The file's bytes as chunks: gunzipped when gzip, else from `start` to `end` (exclusive). */
async function* byteChunks(src, gzip, start = 0, end) {
    const file = src.path;
    const stream = await src.open(start, end);
    if (!gzip) {
        for await (const chunk of stream)
            yield chunk;
        return;
    }
    const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGunzip)({ chunkSize: CHUNK });
    stream.pipe(gunzip);
    try {
        for await (const chunk of gunzip)
            yield chunk;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`is not a valid gzip file (${error.message})`, { file }, "Recompress it with gzip, or remove the .gz ending");
    }
    finally {
        stream.destroy();
    }
}
async function detectFormat(file, gzip) {
    const ext = dataExt(file.path);
    if (ext === ".parquet" || ext === ".pq")
        return "parquet";
    if (ext === ".jsonl" || ext === ".ndjson" || ext === ".json")
        return "jsonl";
    if (ext === ".csv" || ext === ".tsv")
        return "csv";
    if (!gzip && file.size >= 12 && (await (0,_source_js__WEBPACK_IMPORTED_MODULE_7__/* .readRange */ .qX)(file, 0, 4)).toString("latin1") === "PAR1")
        return "parquet";
    for await (const chunk of byteChunks(file, gzip, 0, gzip ? undefined : Math.min(file.size, 4096))) {
        const text = chunk
            .toString("utf8", 0, Math.min(chunk.length, 1024))
            .replace(/^\uFEFF/, "")
            .trimStart();
        return text.startsWith("{") ? "jsonl" : "csv";
    }
    return "csv";
}
/** Reads the header row (after a BOM) and settles the delimiter. */
async function readCsvHead(src, opts) {
    const file = src.path;
    const gzip = await isGzip(src);
    let sample = Buffer.alloc(0);
    for await (const chunk of byteChunks(src, gzip, 0, gzip ? undefined : Math.min(src.size, 64 * 1024))) {
        sample = Buffer.concat([sample, chunk]);
        if (sample.length >= 64 * 1024)
            break;
    }
    let offset = 0;
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
        offset = 3;
    if (sample.length - offset === 0 || sample.subarray(offset).toString("utf8").trim() === "") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo("is empty", { file }, "Give a file with a header row and at least one data row");
    }
    const text = sample.toString("utf8", offset);
    const tsv = dataExt(file) === ".tsv";
    const delimiter = opts.delimiter ?? (tsv ? "\t" : (0,_csv_js__WEBPACK_IMPORTED_MODULE_5__/* .sniffDelimiter */ .yM)(text));
    let header;
    let headerLine = 1;
    const parser = new _csv_js__WEBPACK_IMPORTED_MODULE_5__/* .CsvParser */ .C2(file, delimiter.charCodeAt(0), (bad) => {
        // A bad data row after the header is the main pass's to report (or skip, with badRows: skip).
        if (header)
            return;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`header row: ${bad.message}`, { file, line: bad.line, column: bad.column }, bad.fix);
    });
    const more = gzip ? sample.length >= 64 * 1024 : src.size > sample.length;
    const head = sample.subarray(offset);
    parser.feed(head, !more, {
        row(fields, line) {
            if (header)
                return;
            header = fields.slice();
            headerLine = line;
        },
    });
    if (!header) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo("has no complete header row in its first 64 KiB", { file }, "Check the quoting of the header row");
    }
    const names = header;
    // Where the header ends: parse only the header row again to find its byte length.
    const end = headerEnd(head);
    const seen = new Map();
    names.forEach((raw, i) => {
        const name = raw.trim() === "" ? `column_${i + 1}` : raw.trim();
        const prev = seen.get(name);
        if (prev !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`column name '${name}' appears twice (columns ${prev + 1} and ${i + 1})`, { file, line: headerLine, column: i + 1 }, "Give every column a unique name");
        }
        seen.set(name, i);
        names[i] = name;
    });
    if (names.length === 1) {
        // One column is legal, but a header holding another common delimiter is more likely a miss.
        const other = [",", "\t", ";", "|"].find((d) => d !== delimiter && names[0].includes(d));
        if (other) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`the header has one column but contains ${(0,_csv_js__WEBPACK_IMPORTED_MODULE_5__/* .delimiterName */ .Re)(other)}s; the delimiter is probably ${(0,_csv_js__WEBPACK_IMPORTED_MODULE_5__/* .delimiterName */ .Re)(other)}`, { file, line: headerLine }, `Set input 'delimiter' to ${JSON.stringify(other)}, or fix the header`);
        }
    }
    return {
        file,
        local: src.local,
        gzip,
        delimiter,
        header: names,
        dataStart: offset + end,
        dataLine: headerLine + countLines(head.subarray(0, end)),
        size: src.size,
    };
}
function countLines(b) {
    let n = 0;
    for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1))
        n++;
    return n;
}
/** Byte length of the first row (with its line end), respecting quotes. */
function headerEnd(buf) {
    let inQuote = false;
    for (let i = 0; i < buf.length; i++) {
        const c = buf[i];
        if (c === 0x22)
            inQuote = !inQuote;
        else if (c === 0x0a && !inQuote)
            return i + 1;
    }
    return buf.length;
}
/**
 * Profiles the data rows of a CSV file from `start` (a row boundary) until the first row that
 * starts at or after `stop`. Line numbers count from `firstLine`.
 */
async function profileCsvRange(head, start, stop, firstLine, opts, reportBad, source = (0,_source_js__WEBPACK_IMPORTED_MODULE_7__/* .localFile */ .C1)(head.local ?? head.file, 0)) {
    const builder = new _profile_js__WEBPACK_IMPORTED_MODULE_6__/* .ProfileBuilder */ .bZ(head.header, opts.rulesFor);
    builder.files.push(head.file);
    const width = head.header.length;
    let badRows = 0;
    const fail = (bad) => {
        if (opts.badRows === "error")
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(bad.message, { file: head.file, line: bad.line, column: bad.column }, bad.fix);
        badRows++;
        reportBad(bad);
    };
    const parser = new _csv_js__WEBPACK_IMPORTED_MODULE_5__/* .CsvParser */ .C2(head.file, head.delimiter.charCodeAt(0), fail, firstLine);
    const ragged = (fields, line) => {
        const other = [",", "\t", ";", "|"].find((d) => d !== head.delimiter && fields.some((f) => f.includes(d)));
        fail({
            message: `row has ${fields.length} field(s); the header has ${width}`,
            line,
            column: Math.min(fields.length, width) + 1,
            fix: fields.length === 1 && other
                ? `The row looks ${(0,_csv_js__WEBPACK_IMPORTED_MODULE_5__/* .delimiterName */ .Re)(other)}-separated: set input 'delimiter' to ${JSON.stringify(other)}`
                : "Quote fields that contain the delimiter, or set badRows: skip to count and skip such rows",
        });
    };
    const sink = {
        row(fields, line) {
            if (fields.length !== width)
                ragged(fields, line);
            else
                builder.addRow(fields, line);
        },
        rowBytes(buf, starts, ends, escaped, n, line) {
            if (n === width)
                builder.addRowBytes(buf, starts, ends, escaped, line);
            else
                ragged(Array.from({ length: n }, (_, i) => starts[i] < 0 ? escaped[i] : buf.toString("latin1", starts[i], ends[i])), line);
        },
    };
    const rangeStop = stop - start;
    const dataBytes = head.size - head.dataStart;
    let stopped = false;
    let checks = 0;
    for await (const chunk of byteChunksFrom(source, head.gzip, start)) {
        if (parser.feed(chunk, false, sink, rangeStop)) {
            stopped = true;
            break;
        }
        // The rows the whole file will give, from the bytes per row so far: lets the quantile sketch
        // sample early (the merged profile of all ranges covers the whole file).
        if (!head.gzip && parser.consumed > 0)
            builder.expectRows((builder.rows * dataBytes) / parser.consumed);
        if ((++checks & 15) === 0 && opts.signal?.aborted)
            throw opts.signal.reason;
    }
    if (!stopped)
        parser.feed(Buffer.alloc(0), true, sink);
    builder.flushBatch();
    builder.badRows = badRows;
    return { builder, end: start + parser.consumed, newlines: parser.newlines, badRows };
}
/** Profiles one CSV file on this thread. */
async function profileCsvFile(head, opts, source) {
    const bad = (b) => opts.onBadRow?.(head.file, b);
    const result = await profileCsvRange(head, head.dataStart, Number.POSITIVE_INFINITY, head.dataLine, opts, bad, source);
    if (result.builder.rows === 0 && result.badRows === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo("has a header row but no data rows", { file: head.file, line: head.dataLine }, "Add data rows, or point 'data' at the right file");
    }
    return result.builder;
}
/** Profiles a JSON Lines file: one object per line; keys become columns. */
async function profileJsonlFile(src, opts) {
    const file = src.path;
    const gzip = await isGzip(src);
    const builder = new _profile_js__WEBPACK_IMPORTED_MODULE_6__/* .ProfileBuilder */ .bZ([], opts.rulesFor);
    builder.files.push(file);
    let line = 0;
    let pending;
    let sawAny = false;
    const fail = (bad) => {
        if (opts.badRows === "error")
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(bad.message, { file, line: bad.line, column: bad.column }, bad.fix);
        builder.badRows++;
        opts.onBadRow?.(file, bad);
    };
    const handle = (text) => {
        line++;
        if (line === 1 && text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        if (text.trim() === "")
            return;
        sawAny = true;
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            const m = /position (\d+)/.exec(error.message);
            fail({
                message: `is not valid JSON (${error.message})`,
                line,
                column: m ? Number(m[1]) + 1 : undefined,
                fix: "Write one JSON object per line",
            });
            return;
        }
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
            fail({
                message: "is not a JSON object",
                line,
                column: 1,
                fix: 'Write one JSON object per line, such as {"age": 42}',
            });
            return;
        }
        const record = value;
        for (const c of builder.columns)
            if (!(c.name in record))
                c.addNull();
        for (const [k, v] of Object.entries(record)) {
            const col = builder.column(k);
            if (v === null || v === undefined)
                col.addNull();
            else if (typeof v === "string")
                col.add(v, line);
            else if (typeof v === "number" || typeof v === "boolean")
                col.add(String(v), line);
            else
                col.add(JSON.stringify(v), line);
        }
        builder.rows++;
    };
    let dropping = false;
    for await (let chunk of byteChunks(src, gzip)) {
        if (dropping) {
            // Skipping an over-long line: resume after its line feed.
            const nl = chunk.indexOf(0x0a);
            if (nl < 0)
                continue;
            chunk = chunk.subarray(nl + 1);
            dropping = false;
        }
        const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
        let start = 0;
        for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
            handle(decode(buf, start, nl, file, line + 1));
            start = nl + 1;
        }
        pending = buf.subarray(start);
        if (pending.length > MAX_LINE) {
            line++;
            fail({
                message: `line is longer than ${MAX_LINE / 1024 / 1024} MiB`,
                line,
                fix: "Split the record, or check that lines end with a line feed",
            });
            pending = undefined;
            dropping = true;
        }
        if (opts.signal?.aborted)
            throw opts.signal.reason;
    }
    if (pending && pending.length > 0)
        handle(decode(pending, 0, pending.length, file, line + 1));
    if (!sawAny)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo("is empty", { file }, "Give a file with one JSON object per line");
    if (builder.rows === 0 && builder.badRows === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo("holds no JSON objects", { file }, "Write one JSON object per line");
    return builder;
}
const decoder = new TextDecoder("utf-8", { fatal: true });
function decode(buf, start, end, file, line) {
    try {
        return decoder.decode(buf.subarray(start, end));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo("is not valid UTF-8", { file, line }, "Save the file as UTF-8");
    }
}


/***/ }),

/***/ 15795:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ hashTextBytes),
/* harmony export */   GF: () => (/* binding */ hashBytesB),
/* harmony export */   J0: () => (/* binding */ hashB),
/* harmony export */   Nh: () => (/* binding */ hashBytesA),
/* harmony export */   QX: () => (/* binding */ hashA),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   Rc: () => (/* binding */ second),
/* harmony export */   YZ: () => (/* binding */ hashString),
/* harmony export */   b: () => (/* binding */ hashBytesAB)
/* harmony export */ });
/**
 * Hashes of values for the distinct-count and frequent-value sketches.
 *
 * Two independent 32-bit hashes of a value (MurmurHash3 x86_32 with two seeds): `hashA` feeds
 * HyperLogLog and is computed for every value; `hashB` is computed only when the frequent-value
 * counters look a value up, to tell apart values whose `hashA` collides. A string hashes its
 * UTF-16 code units and a byte range its bytes: the same for ASCII, so both readers agree.
 * Hashes are signed 32-bit integers.
 */
const SEED_A = 0x811c9dc5;
const SEED_B = 0x9747b28c;
function mixK(k) {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    return Math.imul(k, 0x1b873593);
}
function mixH(h, k) {
    h ^= k;
    h = (h << 13) | (h >>> 19);
    return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
function finish(h, len) {
    h ^= len;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    // A signed 32-bit integer stays a small integer in V8; an unsigned one above 2^31 would be
    // boxed as a heap number on every return, a garbage allocation per value hashed.
    return h | 0;
}
function murmurChars(s, seed) {
    const len = s.length;
    let h = seed;
    let i = 0;
    for (; i + 4 <= len; i += 4)
        h = mixH(h, mixK(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 8) | (s.charCodeAt(i + 2) << 16) | (s.charCodeAt(i + 3) << 24)));
    let t = 0;
    for (let shift = 0; i < len; i++, shift += 8)
        t |= s.charCodeAt(i) << shift;
    if (len % 4 !== 0)
        h ^= mixK(t);
    return finish(h, len);
}
function murmurBytes(buf, start, end, seed) {
    let h = seed;
    let i = start;
    for (; i + 4 <= end; i += 4)
        h = mixH(h, mixK(buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)));
    let t = 0;
    for (let shift = 0; i < end; i++, shift += 8)
        t |= buf[i] << shift;
    if ((end - start) % 4 !== 0)
        h ^= mixK(t);
    return finish(h, end - start);
}
/** The second hash of the value last hashed by hashBytesAB(). */
const second = { b: 0 };
/** hashBytesA(), returned, and hashBytesB(), left in `second.b`, computed in one pass. */
function hashBytesAB(buf, start, end) {
    let h1 = SEED_A;
    let h2 = SEED_B;
    let i = start;
    for (; i + 4 <= end; i += 4) {
        const k = mixK(buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24));
        h1 = mixH(h1, k);
        h2 = mixH(h2, k);
    }
    let t = 0;
    for (let shift = 0; i < end; i++, shift += 8)
        t |= buf[i] << shift;
    if ((end - start) % 4 !== 0) {
        const k = mixK(t);
        h1 ^= k;
        h2 ^= k;
    }
    second.b = finish(h2, end - start);
    return finish(h1, end - start);
}
const hashA = (s) => murmurChars(s, SEED_A);
const hashB = (s) => murmurChars(s, SEED_B);
const hashBytesA = (buf, start, end) => murmurBytes(buf, start, end, SEED_A);
const hashBytesB = (buf, start, end) => murmurBytes(buf, start, end, SEED_B);
/** The 32-bit hash HyperLogLog uses. */
const hashString = hashA;
/** Words in the value last hashed by hashTextBytes(). */
const text = { words: 0 };
/**
 * hashBytesA() of ASCII free text that also counts its words (runs of bytes above space) in the
 * same pass: each 4-byte block's non-space bytes are found at once (adding 0x5F sets bit 7 of
 * every byte above 0x20, without carries since ASCII is below 0x80), so the text is read once.
 */
function hashTextBytes(buf, start, end) {
    let h = SEED_A;
    let i = start;
    let words = 0;
    // Bit 7 set: the byte before the next block was a space (the value's start counts as one).
    let prevSpace = 0x80;
    for (; i + 4 <= end; i += 4) {
        const k = buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
        h = mixH(h, mixK(k));
        const nonSpace = (k + 0x5f5f5f5f) & 0x80808080;
        const space = ~nonSpace & 0x80808080;
        // A word starts at a non-space byte whose previous byte is a space.
        const starts = nonSpace & ((space << 8) | prevSpace);
        words += Math.imul((starts >>> 7) & 0x01010101, 0x01010101) >>> 24;
        prevSpace = space >>> 24;
    }
    let t = 0;
    for (let shift = 0; i < end; i++, shift += 8) {
        const c = buf[i];
        t |= c << shift;
        const space = c <= 32 ? 0x80 : 0;
        if (space === 0 && prevSpace !== 0)
            words++;
        prevSpace = space;
    }
    if ((end - start) % 4 !== 0)
        h ^= mixK(t);
    text.words = words;
    return finish(h, end - start);
}


/***/ }),

/***/ 33950:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ Kll)
/* harmony export */ });
/* harmony import */ var _random_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34472);

/**
 * KLL quantile sketch (Karnin, Lang, Liberty 2016): bounded memory (about 3k + 1024 items), mergeable
 * in any order, rank error about 1.7/k·n with high probability (k = 200 gives under 1 %).
 * Written here rather than taken from npm because the packages there either lack merging, lack a
 * plain JSON state we can document in the profile schema, or are unmaintained; compaction uses a
 * seeded PRNG so the same data always gives the same sketch.
 *
 * With the paper's sampler: once a column is long, values enter in blocks of w = 2^base, one
 * value per block chosen at random and weighted w. Each value is otherwise sorted once at the
 * bottom level, the largest cost of the sketch; the sampler adds a rank error of standard
 * deviation at most √(n·w)/2, which w ≤ 1.6·10⁻⁵·n keeps under 0.2 % of n, well inside the
 * compactors' own error.
 */
/** Extra room for the bottom level between compactions: each sort then handles a larger batch. */
const SLACK = 1024;
/** w ≤ SAMPLER_RATE · n keeps the sampler's rank error below 0.2 % of n (see above). */
const SAMPLER_RATE = 1.6e-5;
class Kll {
    k;
    n = 0;
    /** Sorted items per level; level h's items weigh 2^h. The incoming buffer is not in here. */
    levels = [[]];
    random;
    /** Incoming items at level `base`, unsorted: adding one is a single store. */
    buf = new Float64Array(2048);
    nb = 0;
    base = 0;
    /** Sampler: position in the current block of 2^base values, and the position kept. */
    blockPos = 0;
    pick = 0;
    /** Items held, the buffer included. */
    items = 0;
    constructor(k = 200, seed = 1) {
        this.k = k;
        this.random = new _random_js__WEBPACK_IMPORTED_MODULE_0__/* .Random */ .o(seed);
    }
    static from(state, seed = 1) {
        const s = new Kll(state.k, seed);
        s.n = state.n;
        // Levels are kept sorted (see compress()); a stored state is not trusted to be.
        s.levels = state.levels.map((l, h) => (h === 0 ? [] : sortedCopy(l)));
        if (s.levels.length === 0)
            s.levels.push([]);
        for (const v of state.levels[0] ?? [])
            s.push(v);
        s.items = s.size();
        return s;
    }
    toJSON() {
        return { k: this.k, n: this.n, levels: this.allLevels() };
    }
    /** Copies of every level, the buffer included. */
    allLevels() {
        const out = this.levels.map((l) => l.slice());
        for (let i = 0; i < this.nb; i++)
            out[this.base].push(this.buf[i]);
        return out;
    }
    push(v) {
        if (this.nb === this.buf.length)
            this.grow(this.nb + 1);
        this.buf[this.nb++] = v;
    }
    grow(room) {
        let size = this.buf.length;
        while (size < room)
            size *= 2;
        const b = new Float64Array(size);
        b.set(this.buf.subarray(0, this.nb));
        this.buf = b;
    }
    // Capacities depend only on the number of levels: cached, since add() is on the hot path.
    caps = [];
    capsFor = -1;
    total = 0;
    capacity(level) {
        if (this.capsFor !== this.levels.length) {
            const h = this.levels.length;
            this.caps = Array.from({ length: h }, (_, l) => Math.max(2, Math.ceil(this.k * (2 / 3) ** (h - l - 1))));
            this.total = this.caps.reduce((a, b) => a + b, 0);
            this.capsFor = h;
        }
        return this.caps[level];
    }
    size() {
        let s = this.nb;
        for (const l of this.levels)
            s += l.length;
        return s;
    }
    totalCapacity() {
        this.capacity(0);
        return this.total;
    }
    add(value) {
        this.one[0] = value;
        this.addMany(this.one, 1);
    }
    one = new Float64Array(1);
    /**
     * The count the sketch will hold in the end, as a multiple of its count so far, as its reader
     * expects it (1: nothing beyond what it has seen).
     * The sampler's error bound is relative to the final count, so a reader that knows the data's
     * size lets the sampler start early. Half the expectation is used, so an estimate up to twice too
     * high still keeps the bound; a worse one only loosens it by √(overestimate / 2).
     */
    scale = 1;
    expected() {
        return Math.max(this.n, (this.n * this.scale) / 2);
    }
    /** add() for the first `count` values of `values`. */
    addMany(values, count) {
        let i = 0;
        while (i < count) {
            if (this.base === 0) {
                // Every value kept: copied in runs between compactions. Lazy compaction (as in Ivkin
                // et al.'s KLL code): only when the whole sketch is full, so the buffer takes many
                // values between compactions.
                const room = Math.max(1, this.totalCapacity() + SLACK - this.items);
                const take = Math.min(room, count - i);
                if (this.nb + take > this.buf.length)
                    this.grow(this.nb + take);
                this.buf.set(values.subarray(i, i + take), this.nb);
                this.nb += take;
                this.n += take;
                this.items += take;
                i += take;
            }
            else {
                // One value per block of w: jump to the kept one, then to the block's end.
                const w = 2 ** this.base;
                if (this.blockPos <= this.pick) {
                    const skip = this.pick - this.blockPos;
                    if (skip >= count - i) {
                        this.blockPos += count - i;
                        this.n += count - i;
                        return;
                    }
                    i += skip;
                    this.push(values[i++]);
                    this.items++;
                    this.n += skip + 1;
                    this.blockPos = this.pick + 1;
                }
                const rest = Math.min(w - this.blockPos, count - i);
                i += rest;
                this.n += rest;
                this.blockPos += rest;
                if (this.blockPos < w)
                    return;
                this.blockPos = 0;
                this.pick = this.random.int(w);
            }
            if (this.items >= this.totalCapacity() + SLACK)
                this.compress();
            // Between blocks, the block may grow with n.
            if (this.blockPos === 0 && SAMPLER_RATE * this.expected() >= 2 ** (this.base + 1))
                this.raiseBase();
        }
    }
    /** Doubles the sampler's block (or more, for a merged sketch): the buffer joins its level first. */
    raiseBase() {
        this.flushBuffer();
        this.base = Math.floor(Math.log2(SAMPLER_RATE * this.expected()));
        while (this.levels.length < this.base + 2)
            this.levels.push([]);
        this.pick = this.random.int(2 ** this.base);
    }
    /** Sorts the buffer into its level. */
    flushBuffer() {
        if (this.nb === 0)
            return;
        const sorted = this.buf.subarray(0, this.nb).sort();
        this.levels[this.base] = mergeSorted(this.levels[this.base], Array.from(sorted));
        this.nb = 0;
    }
    merge(other) {
        const theirs = other.allLevels();
        while (this.levels.length < theirs.length)
            this.levels.push([]);
        for (let h = 0; h < theirs.length; h++) {
            if (h === this.base)
                for (const v of theirs[h])
                    this.push(v);
            else
                this.levels[h] = mergeSorted(this.levels[h], sortedCopy(theirs[h]));
        }
        this.n += other.n;
        this.items = this.size();
        this.compress();
    }
    compress() {
        while (this.items >= this.totalCapacity()) {
            let h = 0;
            while (h < this.levels.length && this.levels[h].length + (h === this.base ? this.nb : 0) < this.capacity(h))
                h++;
            if (h === this.levels.length)
                return;
            if (h + 1 === this.levels.length)
                this.levels.push([]);
            let level = this.levels[h];
            if (h === this.base && this.nb > 0) {
                // The buffer sorts in place; it joins the level's sorted items only when there are any.
                const sorted = this.buf.subarray(0, this.nb).sort();
                level = this.levels[h].length === 0 ? sorted : mergeSorted(this.levels[h], Array.from(sorted));
                this.nb = 0;
            }
            // Levels are always sorted: each receives sorted halves merged in (linear), so only the
            // buffer is ever sorted, instead of every level at every compaction.
            // An odd item stays behind so the weight kept equals the weight removed.
            const odd = level.length % 2 === 1;
            const end = odd ? level.length - 1 : level.length;
            const offset = this.random.bit();
            this.levels[h + 1] = mergeSorted(this.levels[h + 1], halve(level, offset, end));
            const left = level[end];
            this.levels[h] = [];
            // The buffer's odd item waits in the buffer, so the level's array stays empty.
            if (odd && h === this.base)
                this.buf[this.nb++] = left;
            else if (odd)
                this.levels[h] = [left];
            this.items -= end / 2;
        }
    }
    /** The items with their weights, sorted by value. */
    weighted() {
        const items = [];
        this.allLevels().forEach((level, h) => {
            const w = 2 ** h;
            for (const v of level)
                items.push([v, w]);
        });
        items.sort((a, b) => a[0] - b[0]);
        return {
            values: Float64Array.from(items, (i) => i[0]),
            weights: Float64Array.from(items, (i) => i[1]),
        };
    }
    /** The value at rank q·n (0 ≤ q ≤ 1). */
    quantiles(qs) {
        const { values, weights } = this.weighted();
        if (values.length === 0)
            return qs.map(() => Number.NaN);
        let total = 0;
        for (const w of weights)
            total += w;
        return qs.map((q) => {
            const target = q * total;
            let acc = 0;
            for (let i = 0; i < values.length; i++) {
                acc += weights[i];
                if (acc >= target)
                    return values[i];
            }
            return values[values.length - 1];
        });
    }
    /** Share of the weight at or below each value (the empirical CDF). */
    cdf(points) {
        const { values, weights } = this.weighted();
        let total = 0;
        for (const w of weights)
            total += w;
        if (total === 0)
            return points.map(() => Number.NaN);
        const cum = new Float64Array(values.length);
        let acc = 0;
        for (let i = 0; i < values.length; i++) {
            acc += weights[i];
            cum[i] = acc;
        }
        return points.map((p) => {
            // Last index with values[i] <= p.
            let lo = 0;
            let hi = values.length;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (values[mid] <= p)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo === 0 ? 0 : cum[lo - 1] / total;
        });
    }
}
/** Every other item of sorted `level[offset..end)`: the half a compaction promotes, still sorted. */
function halve(level, offset, end) {
    const out = new Array((end - offset + 1) >> 1);
    for (let i = offset, j = 0; i < end; i += 2, j++)
        out[j] = level[i];
    return out;
}
function sortedCopy(level) {
    return Array.from(Float64Array.from(level).sort());
}
/** The merge of two sorted arrays (a new array; either input may be returned when the other is empty). */
function mergeSorted(a, b) {
    if (a.length === 0)
        return b;
    if (b.length === 0)
        return a;
    const out = new Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < a.length && j < b.length)
        out[o++] = a[i] <= b[j] ? a[i++] : b[j++];
    while (i < a.length)
        out[o++] = a[i++];
    while (j < b.length)
        out[o++] = b[j++];
    return out;
}


/***/ }),

/***/ 34472:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ Random)
/* harmony export */ });
/**
 * A small seeded PRNG (mulberry32). Sketches use it instead of Math.random so that the same
 * data always gives the same profile, which keeps baselines diffable and tests deterministic.
 */
class Random {
    state;
    constructor(seed = 0x9e3779b9) {
        this.state = seed >>> 0;
    }
    /** Uniform in [0, 1). */
    next() {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** Uniform integer in [0, n). */
    int(n) {
        return Math.floor(this.next() * n);
    }
    bit() {
        return this.next() < 0.5 ? 0 : 1;
    }
    /** A standard normal deviate (Box–Muller). */
    normal() {
        let u = 0;
        while (u === 0)
            u = this.next();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
    }
}


/***/ }),

/***/ 82881:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ localFile),
/* harmony export */   Cg: () => (/* binding */ statLocalFile),
/* harmony export */   qX: () => (/* binding */ readRange)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);


function localFile(path, size) {
    return {
        path,
        size,
        local: path,
        open: (start = 0, end) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, { start, end: end === undefined ? undefined : end - 1, highWaterMark: 1 << 20 }),
    };
}
async function statLocalFile(path) {
    return localFile(path, (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path)).size);
}
/** Bytes [start, end) of a file, read whole (for small reads: headers, Parquet footers and chunks). */
async function readRange(file, start, end) {
    if (end <= start)
        return Buffer.alloc(0);
    const parts = [];
    let n = 0;
    for await (const chunk of await file.open(start, end)) {
        const b = chunk;
        parts.push(b);
        n += b.length;
        if (n >= end - start)
            break;
    }
    const all = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    return all.length > end - start ? all.subarray(0, end - start) : all;
}


/***/ }),

/***/ 39530:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ classifyBytes),
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   Yz: () => (/* binding */ parsed),
/* harmony export */   b8: () => (/* binding */ Kind),
/* harmony export */   nS: () => (/* binding */ inferType)
/* harmony export */ });
/** How a single raw text value reads: the building block of type inference. */
var Kind;
(function (Kind) {
    Kind[Kind["Null"] = 0] = "Null";
    Kind[Kind["Integer"] = 1] = "Integer";
    Kind[Kind["Number"] = 2] = "Number";
    Kind[Kind["Boolean"] = 3] = "Boolean";
    Kind[Kind["Date"] = 4] = "Date";
    Kind[Kind["String"] = 5] = "String";
})(Kind || (Kind = {}));
/** Tokens read as missing, the common subset of what pandas and R treat as NA. */
const NULLS = new Set(["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None", "none", "#N/A"]);
const BOOLS = new Set(["true", "false", "True", "False", "TRUE", "FALSE"]);
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** The number read by the last classify() that returned Integer or Number (saves a second parse). */
const parsed = { value: 0 };
/**
 * Classifies a raw value without regular expressions on the hot path: one scan of its characters
 * decides whether it may be a number (and reads a short integer on the way) before Number() is asked.
 */
function classify(s) {
    const len = s.length;
    if (len === 0)
        return Kind.Null;
    let c = s.charCodeAt(0);
    // Every null token starts with N, n or #: skip the set lookup for everything else.
    if ((c === 78 || c === 110 || c === 35) && len <= 4 && NULLS.has(s))
        return Kind.Null;
    let i = 0;
    let negative = false;
    if (c === 45 || c === 43) {
        if (len === 1)
            return Kind.String;
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
        }
        else if (c === 46 && !dot && !exp)
            dot = true;
        else if ((c === 101 || c === 69) && !exp && digits > 0) {
            exp = true;
            const n = s.charCodeAt(i + 1);
            if (n === 45 || n === 43)
                i++;
        }
        else
            break;
    }
    if (i === len && digits > 0) {
        // Up to 15 digits an integer is exact in a double, so the scan's value is the number.
        if (!dot && !exp && digits <= 15) {
            parsed.value = negative ? -int : int;
            return Kind.Integer;
        }
        const v = Number(s);
        if (!Number.isFinite(v))
            return Kind.String;
        parsed.value = v;
        return dot || exp ? Kind.Number : Kind.Integer;
    }
    if (c === 45 && i === 4 && len >= 10 && DATE.test(s))
        return Kind.Date;
    const c0 = s.charCodeAt(0);
    if (len <= 5 && (c0 === 116 || c0 === 102 || c0 === 84 || c0 === 70) && BOOLS.has(s))
        return Kind.Boolean;
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
function classifyBytes(buf, start, end) {
    const len = end - start;
    if (len === 0)
        return Kind.Null;
    let c = buf[start];
    if ((c === 78 || c === 110 || c === 35) && len <= 4 && NULLS.has(latin1(buf, start, end)))
        return Kind.Null;
    let i = start;
    let negative = false;
    if (c === 45 || c === 43) {
        if (len === 1)
            return Kind.String;
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
            if (dot)
                fraction++;
        }
        else if (c === 46 && !dot)
            dot = true;
        else
            break;
    }
    if (digits === 0)
        return classifyText(buf, start, end);
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
            if (c < 48 || c > 57)
                break;
            expDigits++;
            exponent = exponent * 10 + (c - 48);
            if (exponent > 1e6)
                exponent = 1e6;
        }
        if (expDigits === 0)
            return classifyText(buf, start, end);
        if (expNeg)
            exponent = -exponent;
    }
    if (i !== end)
        return classifyText(buf, start, end);
    const scale = exponent - fraction;
    if (digits <= 15 && scale >= -22 && scale <= 22) {
        const v = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
        parsed.value = negative ? -v : v;
    }
    else {
        // The text, sign included, through Number().
        const v = Number(latin1(buf, start, end));
        if (!Number.isFinite(v))
            return Kind.String;
        parsed.value = v;
    }
    return dot || hasExp ? Kind.Number : Kind.Integer;
}
/** Dates and booleans need the text; only values that may be one get sliced. */
function classifyText(buf, start, end) {
    const len = end - start;
    const c0 = buf[start];
    if (len === 10 && isPlainDate(buf, start))
        return Kind.Date;
    if (len > 10 && c0 >= 48 && c0 <= 57 && buf[start + 4] === 45 && DATE.test(latin1(buf, start, end)))
        return Kind.Date;
    if (len <= 5 && (c0 === 116 || c0 === 102 || c0 === 84 || c0 === 70) && BOOLS.has(latin1(buf, start, end)))
        return Kind.Boolean;
    return Kind.String;
}
/** YYYY-MM-DD, checked byte by byte (the common case needs no string and no regular expression). */
function isPlainDate(b, s) {
    for (let i = 0; i < 10; i++) {
        const c = b[s + i];
        if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57)
            return false;
    }
    return true;
}
function latin1(buf, start, end) {
    return Buffer.prototype.toString.call(buf, "latin1", start, end);
}
/**
 * The column's type and how many values violate it. A column is numeric when at least 95 % of
 * its non-null values are numbers (the rest are violations, a typo or a stray unit), so one bad
 * cell shows up as a violation rather than turning a numeric column into a string column.
 */
function inferType(k) {
    const total = k.integer + k.number + k.boolean + k.date + k.string;
    if (total === 0)
        return { type: "empty", violations: 0 };
    const numeric = k.integer + k.number;
    const share = 0.95;
    if (numeric >= share * total)
        return { type: k.number > 0 ? "number" : "integer", violations: total - numeric };
    if (k.boolean >= share * total)
        return { type: "boolean", violations: total - k.boolean };
    if (k.date >= share * total)
        return { type: "date", violations: total - k.date };
    return { type: "string", violations: 0 };
}


/***/ }),

/***/ 28613:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ checkName)
/* harmony export */ });
/* unused harmony exports nameProblem, isValidName, nameRule */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91746);

const ASSET = {
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
    max: 255,
    rule: "Use 1 to 255 letters, digits, '-' and '_', starting with a letter or digit (Azure ML's limit)",
};
const ONLINE = {
    pattern: /^[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]$/,
    max: 32,
    rule: "Use 3 to 32 letters, digits and '-', starting with a letter and not ending with '-' (Azure ML's limit for endpoints and deployments, online and batch)",
};
const RULES = {
    "data asset": ASSET,
    model: ASSET,
    environment: ASSET,
    component: ASSET,
    code: ASSET,
    job: ASSET,
    experiment: ASSET,
    endpoint: ONLINE,
    deployment: ONLINE,
};
const ONLINE_MIN = 3;
/** Why `name` is not a valid name of this kind, or undefined when it is. */
function nameProblem(kind, name) {
    const r = RULES[kind];
    const online = r === ONLINE;
    const min = online ? ONLINE_MIN : 1;
    if (name.length === 0)
        return "it is empty";
    if (name.length < min)
        return `it is ${name.length} characters, under the minimum of ${min}`;
    if (name.length > r.max)
        return `it is ${name.length} characters, over the limit of ${r.max}`;
    if (r.pattern.test(name))
        return undefined;
    const first = name[0];
    if (online ? !/[a-zA-Z]/.test(first) : !/[a-zA-Z0-9]/.test(first)) {
        return `it starts with ${JSON.stringify(first)}`;
    }
    const bad = [...name].find((c) => !(online ? /[a-zA-Z0-9-]/ : /[a-zA-Z0-9_-]/).test(c));
    if (bad !== undefined)
        return `it contains ${JSON.stringify(bad)}`;
    return `it ends with ${JSON.stringify(name.at(-1))}`;
}
function isValidName(kind, name) {
    return nameProblem(kind, name) === undefined;
}
/**
 * Throws a UserError naming the input and the limit when `name` is not valid. `input` is the
 * task input the name came from (for the annotation), `kind` picks the service's rule.
 */
function checkName(kind, name, input) {
    const problem = nameProblem(kind, name);
    if (problem) {
        const shown = name.length > 80 ? `${name.slice(0, 77)}...` : name;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${shown}' is not a valid ${kind} name: ${problem}`, { input }, RULES[kind].rule);
    }
    return name;
}
/** The rule's wording, for docs and messages that describe the limit without a name at hand. */
function nameRule(kind) {
    return RULES[kind].rule;
}


/***/ }),

/***/ 28239:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   KM: () => (/* binding */ sparkline),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/** Small Markdown builders shared by job summaries and PR comments. */
/**
 * Escapes a cell so data cannot break the table: a backslash first (so `a\|b` does not turn the
 * escape of its pipe into a literal backslash and a bare pipe), then pipes; a line break, which
 * would end the row, becomes `<br>`.
 */
function cell(value) {
    return String(value ?? "")
        .replace(/\\/g, "\\\\")
        .replace(/\|/g, "\\|")
        .replace(/\r\n|\r|\n/g, "<br>");
}
/** A Markdown table; every header and cell goes through `cell`. The one way tables are built. */
function table(header, rows) {
    const lines = [`| ${header.map(cell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
    for (const row of rows)
        lines.push(`| ${row.map(cell).join(" | ")} |`);
    return lines.join("\n");
}
/** A number for a report: up to 4 significant digits, no exponent for ordinary magnitudes. */
function num(value) {
    if (value === undefined || Number.isNaN(value))
        return "–";
    if (!Number.isFinite(value))
        return value > 0 ? "∞" : "-∞";
    if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3))
        return value.toExponential(2);
    return String(Number(value.toPrecision(4)));
}
const BARS = "▁▂▃▄▅▆▇█";
/** A one-line histogram (sparkline) of counts, for comparing distributions in a table cell. */
function sparkline(counts) {
    const max = Math.max(...counts, 0);
    if (max === 0)
        return "";
    return counts.map((c) => BARS[Math.min(BARS.length - 1, Math.floor((c / max) * (BARS.length - 1)))]).join("");
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}


/***/ })

};
