import { Frequent, type FrequentState } from "./sketches/frequent.js";
import { hashA, hashBytesA, hashBytesAB, hashTextBytes, second, text } from "./sketches/hash.js";
import { HyperLogLog } from "./sketches/hll.js";
import { Kll, type KllState } from "./sketches/kll.js";
import { Reservoir, type ReservoirState } from "./sketches/reservoir.js";
import { type ColumnType, classify, classifyBytes, inferType, Kind, type KindCounts, parsed } from "./values.js";

/** The profile format version; readers refuse newer ones. Documented in docs/profile.schema.json. */
export const PROFILE_FORMAT = "mlops-action/profile";
export const PROFILE_VERSION = 1;

/** A rule evaluated on every value while streaming, so its first violation has a line number. */
export interface ValueRule {
  name: string;
  /** True when the value breaks the rule. `num` is NaN for non-numbers. */
  broken(raw: string, kind: Kind, num: number): boolean;
}

export interface RuleHit {
  count: number;
  /** Physical line (1-based) of the first violating value, and the value. */
  line: number;
  example: string;
}

export interface NumericJson {
  count: number;
  mean: number;
  /** Sum of squared deviations from the mean (Welford), kept so profiles merge exactly. */
  m2: number;
  std: number;
  min: number;
  max: number;
  quantiles: Record<string, number>;
  histogram: { edges: number[]; counts: number[] };
  kll: KllState;
  sample: ReservoirState;
}

export interface ColumnJson {
  name: string;
  /** Values seen, nulls included. */
  count: number;
  nulls: number;
  nullShare: number;
  type: ColumnType;
  /** Non-null values that do not read as `type`. */
  violations: number;
  kinds: KindCounts;
  /** First line holding a value of each kind: where a violation can be found. */
  firstLines: Partial<Record<keyof KindCounts, number>>;
  numeric?: NumericJson;
  distinct: { estimate: number; hll: { p: number; registers: string } };
  top: FrequentState;
  lengths: { min: number; max: number; mean: number };
  /** For values that read as free text: mean word count. */
  text?: { values: number; meanWords: number };
  dates?: { min: string; max: string };
  rules?: Record<string, RuleHit>;
}

export interface ProfileJson {
  format: typeof PROFILE_FORMAT;
  version: number;
  createdAt: string;
  source: { files: string[]; dataset?: { name: string; version: string } };
  rows: number;
  /** Rows skipped as malformed (badRows: skip). */
  badRows: number;
  columns: ColumnJson[];
  labelColumn?: string;
}

const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const HISTOGRAM_BINS = 20;
/** Rows a ProfileBuilder gathers before profiling them column by column. */
const BATCH_ROWS = 1024;
/** Numbers a column buffers before folding them into its moments and sketches. */
const NUMBER_BATCH = 1024;

const EMPTY_KINDS = (): KindCounts => ({ integer: 0, number: 0, boolean: 0, date: 0, string: 0 });
const KIND_NAMES: (keyof KindCounts | undefined)[] = [undefined, "integer", "number", "boolean", "date", "string"];

/** Streams one column: every statistic is mergeable with another shard's. */
export class ColumnProfiler {
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
  kll = new Kll();
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
  private dateMinBytes?: Buffer;
  private dateMaxBytes?: Buffer;
  rules: ValueRule[] = [];
  ruleHits: Record<string, RuleHit> = {};

  constructor(readonly name: string) {}

  add(raw: string, line: number): void {
    this.count++;
    const kind = classify(raw);
    if (kind === Kind.Null) {
      this.nulls++;
      return;
    }
    if (this.kindCounts[kind]++ === 0) this.kindFirst[kind] = line;
    let num = Number.NaN;
    if (kind === Kind.Integer || kind === Kind.Number) {
      num = parsed.value;
      this.addNumber(num);
    } else if (kind === Kind.Date) {
      if (this.dateMin === "" || raw < this.dateMin) this.setDates(raw, true);
      if (raw > this.dateMax) this.setDates(raw, false);
    } else if (kind === Kind.String) {
      this.textValues++;
      this.wordSum += countWords(raw);
    }
    const len = raw.length;
    if (len < this.lenMin) this.lenMin = len;
    if (len > this.lenMax) this.lenMax = len;
    this.lenSum += len;
    const a = hashA(raw);
    if (!this.top.exact) this.hll.addHash(a);
    this.top.addString(a, raw);
    if (this.rules.length > 0) this.checkRules(raw, kind, num, line);
  }

  /** Field `offset` of each of `n` rows gathered by ProfileBuilder.addRowBytes (`width` fields a row). */
  addColumn(
    buf: Buffer,
    starts: Int32Array,
    ends: Int32Array,
    escaped: string[],
    lines: Float64Array,
    n: number,
    width: number,
    offset: number,
  ): void {
    for (let r = 0, i = offset; r < n; r++, i += width) {
      const s = starts[i];
      if (s < 0) this.add(escaped[i], lines[r]);
      else this.addBytes(buf, s, ends[i], lines[r]);
    }
  }

  /** add() for an ASCII byte range of a CSV chunk: no string unless the value needs one. */
  addBytes(buf: Buffer, start: number, end: number, line: number): void {
    this.count++;
    const kind = classifyBytes(buf, start, end);
    if (kind === Kind.Null) {
      this.nulls++;
      return;
    }
    if (this.kindCounts[kind]++ === 0) this.kindFirst[kind] = line;
    let num = Number.NaN;
    if (kind === Kind.Integer || kind === Kind.Number) {
      num = parsed.value;
      this.addNumber(num);
    } else if (kind === Kind.Date) {
      // Compared as bytes (ASCII order is string order); a string only when the min or max moves.
      const min = this.dateMinBytes;
      if (min === undefined || compareBytes(buf, start, end, min) < 0)
        this.setDates(buf.toString("latin1", start, end), true);
      const max = this.dateMaxBytes;
      if (max === undefined || compareBytes(buf, start, end, max) > 0)
        this.setDates(buf.toString("latin1", start, end), false);
    }
    const len = end - start;
    if (len < this.lenMin) this.lenMin = len;
    if (len > this.lenMax) this.lenMax = len;
    this.lenSum += len;
    const top = this.top;
    if (kind === Kind.String) {
      // Free text is hashed and its words counted in one pass.
      const a = hashTextBytes(buf, start, end);
      this.textValues++;
      this.wordSum += text.words;
      if (!top.exact) this.hll.addHash(a);
      top.addBytes(a, buf, start, end);
    } else if (top.stride === 1) {
      // Every value is counted: both hashes in one pass.
      const a = hashBytesAB(buf, start, end);
      if (!top.exact) this.hll.addHash(a);
      top.addBytesHashed(a, second.b, buf, start, end);
    } else {
      // A sampled column: the second hash only for the values counted.
      const a = hashBytesA(buf, start, end);
      this.hll.addHash(a);
      top.addBytes(a, buf, start, end);
    }
    if (this.rules.length > 0) this.checkRules(buf.toString("latin1", start, end), kind, num, line);
  }

  /** Keeps the date bounds as text and as bytes (the byte path compares bytes). */
  private setDates(value: string, min: boolean): void {
    if (min) {
      this.dateMin = value;
      this.dateMinBytes = Buffer.from(value, "latin1");
    } else {
      this.dateMax = value;
      this.dateMaxBytes = Buffer.from(value, "latin1");
    }
  }

  /** A missing value (a JSON null or an absent key). */
  addNull(): void {
    this.count++;
    this.nulls++;
  }

  /** Numbers wait in a small buffer and are folded in by the batch (settle()): one tight loop per sketch. */
  private nums = new Float64Array(NUMBER_BATCH);
  private pendingNums = 0;

  private addNumber(x: number): void {
    this.nums[this.pendingNums++] = x;
    if (this.pendingNums === NUMBER_BATCH) this.settle();
  }

  /** Folds the buffered numbers into the moments and sketches; called before anything reads them. */
  settle(): void {
    const k = this.pendingNums;
    if (k === 0) return;
    this.pendingNums = 0;
    const v = this.nums;
    let sum = 0;
    let min = this.min;
    let max = this.max;
    for (let i = 0; i < k; i++) {
      const x = v[i];
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
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

  private checkRules(raw: string, kind: Kind, num: number, line: number): void {
    for (const rule of this.rules) {
      if (!rule.broken(raw, kind, num)) continue;
      const hit = this.ruleHits[rule.name];
      if (hit) {
        hit.count++;
        if (line < hit.line) {
          hit.line = line;
          hit.example = raw;
        }
      } else this.ruleHits[rule.name] = { count: 1, line, example: raw.slice(0, 200) };
    }
  }

  merge(o: ColumnProfiler): void {
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
    if (o.dateMin && (!this.dateMin || o.dateMin < this.dateMin)) this.setDates(o.dateMin, true);
    if (o.dateMax > this.dateMax) this.setDates(o.dateMax, false);
    for (const [name, hit] of Object.entries(o.ruleHits)) {
      const mine = this.ruleHits[name];
      if (!mine) this.ruleHits[name] = { ...hit };
      else {
        mine.count += hit.count;
        if (hit.line < mine.line) {
          mine.line = hit.line;
          mine.example = hit.example;
        }
      }
    }
  }

  get kinds(): KindCounts {
    const k = EMPTY_KINDS();
    for (let i = 1; i < 6; i++) k[KIND_NAMES[i] as keyof KindCounts] = this.kindCounts[i];
    return k;
  }

  get firstLines(): Partial<Record<keyof KindCounts, number>> {
    const f: Partial<Record<keyof KindCounts, number>> = {};
    for (let i = 1; i < 6; i++) if (this.kindCounts[i] > 0) f[KIND_NAMES[i] as keyof KindCounts] = this.kindFirst[i];
    return f;
  }

  toJSON(): ColumnJson {
    this.settle();
    this.top.syncDistinct();
    const { type, violations } = inferType(this.kinds);
    const nonNull = this.count - this.nulls;
    const col: ColumnJson = {
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
    if (this.textValues > 0) col.text = { values: this.textValues, meanWords: this.wordSum / this.textValues };
    if (this.dateMin) col.dates = { min: this.dateMin, max: this.dateMax };
    if (Object.keys(this.ruleHits).length > 0) col.rules = structuredClone(this.ruleHits);
    return col;
  }

  static fromJSON(c: ColumnJson): ColumnProfiler {
    const p = new ColumnProfiler(c.name);
    p.count = c.count;
    p.nulls = c.nulls;
    for (let i = 1; i < 6; i++) {
      const name = KIND_NAMES[i] as keyof KindCounts;
      p.kindCounts[i] = c.kinds[name] ?? 0;
      p.kindFirst[i] = c.firstLines[name] ?? 0;
    }
    if (c.numeric) {
      p.n = c.numeric.count;
      p.mean = c.numeric.mean;
      p.m2 = c.numeric.m2;
      p.min = c.numeric.min;
      p.max = c.numeric.max;
      p.kll = Kll.from(c.numeric.kll);
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
    if (c.rules) p.ruleHits = structuredClone(c.rules);
    return p;
  }
}

/** buf[start, end) against b, in byte order; a loop beats a native call for short values. */
function compareBytes(buf: Buffer, start: number, end: number, b: Buffer): number {
  const n = Math.min(end - start, b.length);
  for (let i = 0; i < n; i++) {
    const d = buf[start + i] - b[i];
    if (d !== 0) return d;
  }
  return end - start - b.length;
}

function countWords(s: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Control characters count as spaces, as in hashTextBytes().
    const space = c <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Equal-width bins over [min, max], counts read from the quantile sketch's CDF. */
function histogram(kll: Kll, min: number, max: number, n: number): { edges: number[]; counts: number[] } {
  if (min === max) return { edges: [min, max], counts: [n] };
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => min + ((max - min) * i) / HISTOGRAM_BINS);
  edges[HISTOGRAM_BINS] = max;
  const cdf = kll.cdf(edges);
  const counts = edges.slice(1).map((_, i) => Math.round(n * (cdf[i + 1] - (i === 0 ? 0 : cdf[i]))));
  return { edges, counts };
}

/** A whole table's profile under construction: columns by position, mergeable with another shard's. */
export class ProfileBuilder {
  rows = 0;
  badRows = 0;
  readonly columns: ColumnProfiler[];
  private readonly byName = new Map<string, ColumnProfiler>();
  files: string[] = [];

  constructor(
    names: string[] = [],
    private readonly rulesFor?: (column: string) => ValueRule[],
  ) {
    this.columns = [];
    for (const n of names) this.column(n);
  }

  /** Tells the columns how many rows the whole data is expected to hold (see Kll.scale). */
  expectRows(total: number): void {
    if (this.rows === 0) return;
    const scale = Math.max(1, total / this.rows);
    for (const c of this.columns) c.kll.scale = scale;
  }

  /** The column with this name, created (with nulls for the rows before it) when new. */
  column(name: string): ColumnProfiler {
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
  addRow(fields: string[], line: number): void {
    // Batched byte rows come first: first lines and samples follow the order of the file.
    this.flushBatch();
    this.rows++;
    const cols = this.columns;
    for (let i = 0; i < cols.length; i++) cols[i].add(fields[i], line);
  }

  /**
   * One CSV row as byte ranges (see CsvRowSink.rowBytes). Rows are gathered into a batch and
   * profiled column by column (flushBatch): one column's sketches then stay in the CPU cache for
   * a whole batch instead of eight columns' taking turns on every row.
   */
  addRowBytes(buf: Buffer, starts: Int32Array, ends: Int32Array, escaped: string[], line: number): void {
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
      if (s < 0) this.batchEscaped[base + i] = escaped[i];
    }
    this.batchLines[this.batchRows++] = line;
    if (this.batchRows === BATCH_ROWS) this.flushBatch();
  }

  private batchBuf: Buffer | undefined;
  private batchRows = 0;
  private batchStarts = new Int32Array(0);
  private batchEnds = new Int32Array(0);
  private readonly batchEscaped: string[] = [];
  private readonly batchLines = new Float64Array(BATCH_ROWS);

  /** Profiles the gathered rows, column by column. Called before anything reads the columns. */
  flushBatch(): void {
    const n = this.batchRows;
    const buf = this.batchBuf;
    if (n === 0 || buf === undefined) return;
    const cols = this.columns;
    for (let c = 0; c < cols.length; c++)
      cols[c].addColumn(buf, this.batchStarts, this.batchEnds, this.batchEscaped, this.batchLines, n, cols.length, c);
    this.batchRows = 0;
  }

  merge(o: ProfileBuilder): void {
    this.flushBatch();
    o.flushBatch();
    for (const c of o.columns) {
      const mine = this.byName.get(c.name);
      if (mine) mine.merge(c);
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
    for (const f of o.files) if (!this.files.includes(f)) this.files.push(f);
  }

  toJSON(extra: Partial<ProfileJson> = {}): ProfileJson {
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

  static fromJSON(p: ProfileJson): ProfileBuilder {
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
export function mergeProfiles(profiles: ProfileJson[]): ProfileJson {
  if (profiles.length === 0) throw new Error("no profiles to merge");
  const b = ProfileBuilder.fromJSON(profiles[0]);
  for (const p of profiles.slice(1)) b.merge(ProfileBuilder.fromJSON(p));
  return b.toJSON({
    source: { files: b.files, dataset: profiles[0].source.dataset },
    labelColumn: profiles[0].labelColumn,
  });
}
