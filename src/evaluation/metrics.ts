/**
 * Model-quality metrics computed from predictions, each equal to scikit-learn's for the same
 * inputs (the installed 1.2.1; test/fixtures/evaluation/make_fixture.py records the version and
 * the values the tests compare with to 1e-12).
 *
 * Weights are scikit-learn's `sample_weight`: a bootstrap sample is the original rows with a
 * count each, so no row is copied. Plain weights follow scikit-learn's sample_weight to the
 * letter (its label sets come from every row, zero-weighted ones included); the bootstrap asks
 * for `strict`, which reads the weights as copied rows (see ComputeOptions).
 *
 * Where scikit-learn raises or warns because a metric is not defined (ROC AUC with one class,
 * R² with fewer than two rows), the value is NaN here: a bootstrap sample where that happens is
 * skipped and counted (see bootstrap.ts), never a crash.
 */

export type ProblemType = "regression" | "classification";

/** The true values of the evaluation rows. Classification labels are indexes into `classes` (sorted as scikit-learn's np.unique sorts them). */
export interface Truth {
  problemType: ProblemType;
  values: Float64Array;
  classes?: string[];
}

/** One model's answers for the same rows, aligned with Truth.values. */
export interface Scored {
  /** regression: predicted values; classification: predicted class index into Truth.classes */
  predicted: Float64Array;
  /** classification, when run() answered probabilities: row-major n × classes.length, columns in Truth.classes order */
  probabilities?: Float64Array;
}

export const REGRESSION_METRICS: readonly string[] = ["rmse", "mae", "r2", "mape"];
export const CLASSIFICATION_METRICS: readonly string[] = [
  "accuracy",
  "f1",
  "precision",
  "recall",
  "roc_auc",
  "log_loss",
];
const NEED_PROBABILITIES = new Set(["roc_auc", "log_loss"]);

/** Which metrics can be computed for this truth and these answers (roc_auc/log_loss need probabilities). */
export function availableMetrics(truth: Truth, scored: Scored): string[] {
  if (truth.problemType === "regression") return [...REGRESSION_METRICS];
  return CLASSIFICATION_METRICS.filter((m) => scored.probabilities !== undefined || !NEED_PROBABILITIES.has(m));
}

/** Metric values; with `weights` (bootstrap counts per row, same length as values) each row counts that many times. */
export function computeMetrics(
  truth: Truth,
  scored: Scored,
  names: readonly string[],
  weights?: Float64Array,
): Record<string, number> {
  return prepareMetrics(truth, scored).compute(names, weights);
}

/** What `compute` may do beyond scikit-learn's rules. */
export interface ComputeOptions {
  /**
   * Evaluate as if each row were copied `weight` times, which is what a bootstrap sample is,
   * and call undefined what is undefined there:
   * - R² on rows whose true values are all equal is NaN (scikit-learn's force_finite answers 1
   *   or 0, which would read as evidence);
   * - the macro averages of precision, recall and F1 run over the classes with weight in the
   *   truth or the predictions, as scikit-learn does on copied rows (with sample_weight it keeps
   *   every row's classes, zero-weighted ones too, each adding a 0 to the mean).
   */
  strict?: boolean;
  /** The weights are counts the caller drew itself (the bootstrap): skip checking them again. */
  trustedWeights?: boolean;
}

/**
 * One model's answers checked and made ready once (per-row errors, score orders for ROC AUC), so
 * that each bootstrap sample costs one pass over the rows per metric.
 */
export interface PreparedMetrics {
  readonly rows: number;
  compute(names: readonly string[], weights?: Float64Array, options?: ComputeOptions): Record<string, number>;
}

/** Checks the answers against the truth and precomputes what every weighting shares. */
export function prepareMetrics(truth: Truth, scored: Scored): PreparedMetrics {
  const n = truth.values.length;
  if (scored.predicted.length !== n) {
    throw new Error(`${scored.predicted.length} predictions for ${n} evaluation rows; they must be aligned`);
  }
  return truth.problemType === "regression"
    ? new RegressionMetrics(truth.values, scored.predicted)
    : new ClassificationMetrics(truth, scored);
}

function unknownMetric(name: string, allowed: readonly string[]): Error {
  return new Error(`unknown metric '${name}'; one of ${allowed.join(", ")}`);
}

/** Weights must be finite, non-negative counts with a positive total (np.average refuses 0). */
function checkWeights(weights: Float64Array, n: number): void {
  if (weights.length !== n) throw new Error(`${weights.length} weights for ${n} rows`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || w === Number.POSITIVE_INFINITY)
      throw new Error(`weight ${w} at evaluation row ${i + 1} is not a count >= 0`);
    total += w;
  }
  if (total === 0) throw new Error("the weights sum to 0");
}

let ones = new Float64Array(0);
/** Unweighted means multiply by 1, which is exact: the unweighted and weighted paths are one code. */
function unitWeights(n: number): Float64Array {
  if (ones.length < n) ones = new Float64Array(n).fill(1);
  return ones.length === n ? ones : ones.subarray(0, n);
}

/** Messages count rows from 1, as a person reading the evaluation data does. */
function checkFinite(values: Float64Array, what: (i: number) => string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new Error(`${what(i)} is ${values[i]}, not a finite number`);
  }
}

// ---- regression ----

// mean_absolute_percentage_error divides by max(|y|, eps): a zero target gives a huge, finite error.
const F64_EPS = 2.220446049250313e-16;

class RegressionMetrics implements PreparedMetrics {
  readonly rows: number;
  private readonly squared: Float64Array;
  private readonly absolute: Float64Array;
  private readonly percentage: Float64Array;

  constructor(
    private readonly truth: Float64Array,
    predicted: Float64Array,
  ) {
    checkFinite(truth, (i) => `the true value at evaluation row ${i + 1}`);
    checkFinite(predicted, (i) => `the prediction at evaluation row ${i + 1}`);
    const n = truth.length;
    this.rows = n;
    this.squared = new Float64Array(n);
    this.absolute = new Float64Array(n);
    this.percentage = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const e = truth[i] - predicted[i];
      this.squared[i] = e * e;
      const a = Math.abs(predicted[i] - truth[i]);
      this.absolute[i] = a;
      this.percentage[i] = a / Math.max(Math.abs(truth[i]), F64_EPS);
    }
  }

  compute(names: readonly string[], weights?: Float64Array, options: ComputeOptions = {}): Record<string, number> {
    for (const name of names) if (!REGRESSION_METRICS.includes(name)) throw unknownMetric(name, REGRESSION_METRICS);
    const n = this.rows;
    if (weights && !options.trustedWeights) checkWeights(weights, n);
    const w = weights ?? unitWeights(n);
    const { truth: y, squared, absolute, percentage } = this;
    let total = 0;
    let sumSquared = 0;
    let sumAbsolute = 0;
    let sumPercentage = 0;
    let sumY = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      total += wi;
      sumSquared += wi * squared[i];
      sumAbsolute += wi * absolute[i];
      sumPercentage += wi * percentage[i];
      sumY += wi * y[i];
    }
    const out: Record<string, number> = {};
    for (const name of names) {
      if (name === "rmse") out.rmse = Math.sqrt(sumSquared / total);
      else if (name === "mae") out.mae = sumAbsolute / total;
      else if (name === "mape") out.mape = sumPercentage / total;
      else out.r2 = this.r2(w, total, sumSquared, sumY / total, options.strict === true);
    }
    return out;
  }

  /** r2_score: 1 − Σw(y−ŷ)² / Σw(y−ȳ_w)², with scikit-learn's force_finite answers unless strict. */
  private r2(w: Float64Array, total: number, numerator: number, mean: number, strict: boolean): number {
    // scikit-learn counts rows, not weight, for its "fewer than two samples" rule.
    if (this.rows < 2) return Number.NaN;
    let denominator = 0;
    const y = this.truth;
    for (let i = 0; i < this.rows; i++) {
      const d = y[i] - mean;
      denominator += w[i] * (d * d);
    }
    if (strict) {
      // Equal true values can leave a rounding residue in the mean (0.1 summed k times is not
      // k·0.1), so "constant" is a spread below 1e-12 of the values' size, not an exact 0.
      const spread = Math.sqrt(denominator / total);
      if (!(spread > 1e-12 * Math.abs(mean)) || denominator === 0) return Number.NaN;
    }
    if (denominator !== 0) return numerator === 0 ? 1 : 1 - numerator / denominator;
    return numerator === 0 ? 1 : 0;
  }
}

// ---- classification ----

/** Column order of roc_auc's one-vs-rest, sorted once: descending score, with the ends of tied runs. */
interface ScoreOrder {
  order: Uint32Array;
  /** positive[j] is 1 when the row at order[j] belongs to the class. */
  positive: Uint8Array;
  /** Exclusive ends, in `order`, of runs of equal scores (each run is one ROC threshold). */
  runEnds: Uint32Array;
}

class ClassificationMetrics implements PreparedMetrics {
  readonly rows: number;
  private readonly k: number;
  private readonly labels: Int32Array;
  private readonly predicted: Int32Array;
  /** Classes seen in the truth or the predictions of any row: scikit-learn's unique_labels. */
  private readonly present: number[];
  private readonly probabilities?: Float64Array;
  private correct?: Float64Array;
  private logLosses?: Float64Array;
  private orders?: ScoreOrder[];

  constructor(truth: Truth, scored: Scored) {
    const classes = truth.classes;
    if (!classes || classes.length === 0) throw new Error("classification truth needs its classes");
    const n = truth.values.length;
    const k = classes.length;
    this.rows = n;
    this.k = k;
    this.labels = toClassIndexes(truth.values, k, "the true class");
    this.predicted = toClassIndexes(scored.predicted, k, "the predicted class");
    const seen = new Uint8Array(k);
    for (let i = 0; i < n; i++) {
      seen[this.labels[i]] = 1;
      seen[this.predicted[i]] = 1;
    }
    this.present = [];
    for (let c = 0; c < k; c++) if (seen[c]) this.present.push(c);
    if (scored.probabilities) {
      if (scored.probabilities.length !== n * k) {
        throw new Error(`${scored.probabilities.length} probabilities for ${n} rows × ${k} classes`);
      }
      checkFinite(
        scored.probabilities,
        (i) => `the probability of class '${classes[i % k]}' at evaluation row ${Math.floor(i / k) + 1}`,
      );
      this.probabilities = scored.probabilities;
    }
  }

  compute(names: readonly string[], weights?: Float64Array, options: ComputeOptions = {}): Record<string, number> {
    for (const name of names) {
      if (!CLASSIFICATION_METRICS.includes(name)) throw unknownMetric(name, CLASSIFICATION_METRICS);
      if (NEED_PROBABILITIES.has(name) && !this.probabilities) {
        throw new Error(`${name} needs class probabilities, and the model answered classes only`);
      }
    }
    const n = this.rows;
    if (weights && !options.trustedWeights) checkWeights(weights, n);
    const w = weights ?? unitWeights(n);
    const out: Record<string, number> = {};
    let prf: { precision: number; recall: number; f1: number } | undefined;
    for (const name of names) {
      if (name === "accuracy") out.accuracy = this.accuracy(w);
      else if (name === "f1" || name === "precision" || name === "recall") {
        prf ??= this.macroPrecisionRecallF1(w, options.strict === true);
        out[name] = prf[name];
      } else if (name === "log_loss") out.log_loss = this.logLoss(w);
      else out.roc_auc = this.rocAuc(w);
    }
    return out;
  }

  private accuracy(w: Float64Array): number {
    if (!this.correct) {
      this.correct = new Float64Array(this.rows);
      for (let i = 0; i < this.rows; i++) this.correct[i] = this.labels[i] === this.predicted[i] ? 1 : 0;
    }
    let total = 0;
    let correct = 0;
    for (let i = 0; i < this.rows; i++) {
      total += w[i];
      correct += w[i] * this.correct[i];
    }
    return correct / total;
  }

  /**
   * precision_recall_fscore_support(average="macro") with the default zero_division ("warn",
   * which answers 0): a class never predicted has precision 0, a class never true has recall 0,
   * and F1 is 0 when precision + recall is 0. The mean runs over the classes seen in the truth
   * or the predictions of any row (strict: of any row with weight).
   */
  private macroPrecisionRecallF1(w: Float64Array, strict: boolean): { precision: number; recall: number; f1: number } {
    const tp = new Float64Array(this.k);
    const predictedSum = new Float64Array(this.k);
    const trueSum = new Float64Array(this.k);
    for (let i = 0; i < this.rows; i++) {
      const wi = w[i];
      const t = this.labels[i];
      const p = this.predicted[i];
      trueSum[t] += wi;
      predictedSum[p] += wi;
      if (t === p) tp[t] += wi;
    }
    let precision = 0;
    let recall = 0;
    let f1 = 0;
    let m = 0;
    for (const c of this.present) {
      if (strict && trueSum[c] === 0 && predictedSum[c] === 0) continue;
      m++;
      const pc = predictedSum[c] === 0 ? 0 : tp[c] / predictedSum[c];
      const rc = trueSum[c] === 0 ? 0 : tp[c] / trueSum[c];
      precision += pc;
      recall += rc;
      f1 += pc + rc === 0 ? 0 : (2 * pc * rc) / (pc + rc);
    }
    return { precision: precision / m, recall: recall / m, f1: f1 / m };
  }

  /**
   * log_loss(labels=classes) as scikit-learn 1.2 computes it: each probability clipped to
   * [eps, 1 − eps] (eps of float64), each row renormalised to sum 1, then the weighted mean of
   * −log p(true class).
   */
  private logLoss(w: Float64Array): number {
    // scikit-learn refuses a log loss over fewer than two labels.
    if (this.k < 2) return Number.NaN;
    if (!this.logLosses) {
      const p = this.probabilities as Float64Array;
      const k = this.k;
      const losses = new Float64Array(this.rows);
      for (let i = 0; i < this.rows; i++) {
        let sum = 0;
        for (let c = 0; c < k; c++) sum += clip(p[i * k + c]);
        losses[i] = -Math.log(clip(p[i * k + this.labels[i]]) / sum);
      }
      this.logLosses = losses;
    }
    let total = 0;
    let loss = 0;
    for (let i = 0; i < this.rows; i++) {
      total += w[i];
      loss += w[i] * this.logLosses[i];
    }
    return loss / total;
  }

  /**
   * roc_auc_score: binary on the probability of classes[1]; more classes one-vs-rest, macro
   * average. Each class's scores are sorted once; a weighting is then one pass adding the
   * trapezoid of each run of tied scores (one threshold), as roc_curve + auc do. NaN when a
   * class has no positive or no negative weight (scikit-learn raises or answers nan there).
   */
  private rocAuc(w: Float64Array): number {
    if (!this.orders) this.orders = this.scoreOrders();
    let sum = 0;
    for (const o of this.orders) sum += weightedAuc(o, w);
    return sum / this.orders.length;
  }

  private scoreOrders(): ScoreOrder[] {
    const p = this.probabilities as Float64Array;
    const k = this.k;
    if (k > 2) {
      // scikit-learn's check for multiclass roc_auc: np.allclose(1, row sums).
      for (let i = 0; i < this.rows; i++) {
        let sum = 0;
        for (let c = 0; c < k; c++) sum += p[i * k + c];
        if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) {
          throw new Error(
            `roc_auc for more than two classes needs probabilities that sum to 1 on every row; evaluation row ${i + 1} sums to ${sum}`,
          );
        }
      }
    }
    const columns = k === 2 ? [1] : Array.from({ length: k }, (_, c) => c);
    return columns.map((c) => {
      const score = new Float64Array(this.rows);
      for (let i = 0; i < this.rows; i++) score[i] = p[i * k + c];
      const order = new Uint32Array(this.rows);
      for (let i = 0; i < this.rows; i++) order[i] = i;
      order.sort((a, b) => score[b] - score[a]);
      const positive = new Uint8Array(this.rows);
      const ends: number[] = [];
      for (let j = 0; j < this.rows; j++) {
        positive[j] = this.labels[order[j]] === c ? 1 : 0;
        if (j > 0 && score[order[j]] !== score[order[j - 1]]) ends.push(j);
      }
      ends.push(this.rows);
      return { order, positive, runEnds: Uint32Array.from(ends) };
    });
  }
}

function clip(p: number): number {
  return p < F64_EPS ? F64_EPS : p > 1 - F64_EPS ? 1 - F64_EPS : p;
}

/** Area under the ROC curve of one sorted column under a weighting, trapezoids over distinct thresholds. */
function weightedAuc(o: ScoreOrder, w: Float64Array): number {
  let tp = 0;
  let fp = 0;
  let area = 0;
  let start = 0;
  for (let r = 0; r < o.runEnds.length; r++) {
    const end = o.runEnds[r];
    let runTp = 0;
    let runFp = 0;
    // Branch-free (which rows are positive is as unpredictable as the data), and exact: p is 0 or 1.
    for (let j = start; j < end; j++) {
      const wj = w[o.order[j]];
      const p = o.positive[j];
      runTp += wj * p;
      runFp += wj * (1 - p);
    }
    // Tied scores move the curve diagonally: the trapezoid of the run.
    area += runFp * (tp + runTp / 2);
    tp += runTp;
    fp += runFp;
    start = end;
  }
  if (tp === 0 || fp === 0) return Number.NaN;
  return area / (tp * fp);
}

function toClassIndexes(values: Float64Array, k: number, what: string): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v >= k) {
      throw new Error(`${what} at evaluation row ${i + 1} is ${v}, not an index into the ${k} classes`);
    }
    out[i] = v;
  }
  return out;
}
