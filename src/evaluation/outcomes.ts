/**
 * The true labels and both models' answers, gathered batch by batch as compact arrays (numbers
 * as Float64Array, class labels as codes into one dictionary), then turned into the Truth and
 * Scored that metrics.ts computes from. The rows themselves are never kept.
 */
import { UserError } from "../errors.js";
import type { Answer, Label } from "./answers.js";
import type { Cell } from "./evaluation-data.js";
import type { ProblemType, Scored, Truth } from "./metrics.js";

/** More distinct integer labels than this is a regression target when problemType is not given. */
export const MAX_INFERRED_CLASSES = 20;
/** More distinct answers than this cannot be class labels. */
const MAX_CLASSES = 50_000;

class Floats {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** One spelling per label, so the CSV's "1", JSON's 1 and Python's 1.0 are one class. */
export function labelKey(v: Label): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  if (NUMBER.test(v)) return String(Number(v));
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === "true" ? "True" : "False";
  return v;
}

function numeric(v: Label): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && NUMBER.test(v)) return Number(v);
  return Number.NaN;
}

interface ModelAnswers {
  numbers: Floats;
  codes?: Floats;
  probabilities?: Floats;
  width?: number;
  /** Rows answered with probabilities only (the class is their argmax). */
  onlyProbabilities: boolean;
  allIntegral: boolean;
  /** What the first batch's answer held; every later one must hold the same. */
  shape?: string;
}

export interface Gathered {
  truth: Truth;
  /** One per model, in the order the names were given. */
  scored: Scored[];
  /** What was inferred and why, when problemType was not given. */
  inferred?: string;
  /** Things the log should say (probabilities that could not be used). */
  notes: string[];
}

export class Outcomes {
  private readonly truth = new Floats();
  private truthCodes: Floats | undefined = new Floats();
  /** Label key → code, in order of first sight; dropped once the target is known to be continuous. */
  private dict: Map<string, number> | undefined = new Map();
  private truthDistinct = 0;
  private labelsNumeric = true;
  private labelsIntegral = true;
  private readonly models: ModelAnswers[];
  private decided: ProblemType | undefined;
  private why: string | undefined;

  constructor(
    problemType: ProblemType | undefined,
    private readonly labelColumn: string,
    /** The models, as messages name them: `champion lin:1`. */
    private readonly names: readonly string[],
  ) {
    this.decided = problemType;
    const fresh = (): ModelAnswers => ({
      numbers: new Floats(),
      codes: new Floats(),
      onlyProbabilities: false,
      allIntegral: true,
    });
    this.models = names.map(fresh);
    if (problemType === "regression") this.dropClasses();
  }

  get rows(): number {
    return this.truth.length;
  }

  private dropClasses(): void {
    this.dict = undefined;
    this.truthCodes = undefined;
    for (const m of this.models) m.codes = undefined;
  }

  private code(key: string): number {
    const dict = this.dict as Map<string, number>;
    let c = dict.get(key);
    if (c === undefined) {
      c = dict.size;
      dict.set(key, c);
      if (dict.size > MAX_CLASSES) this.tooManyClasses();
    }
    return c;
  }

  private tooManyClasses(): void {
    if (this.decided === undefined && this.labelsNumeric) {
      this.decided = "regression";
      this.why = `the answers hold more than ${MAX_CLASSES} distinct values`;
      this.dropClasses();
      return;
    }
    throw new UserError(
      `classification with more than ${MAX_CLASSES} distinct labels and answers`,
      { input: "problemType" },
      "Set problemType: regression for a continuous target, or return class labels from run()",
    );
  }

  /** The label column's values of one batch; `where(i)` names row i for messages. */
  addTruth(labels: Cell[], where: (i: number) => string): void {
    for (let i = 0; i < labels.length; i++) {
      const v = labels[i];
      if (v === null) {
        throw new UserError(
          `label column '${this.labelColumn}' is empty on ${where(i)}`,
          { input: "evaluationData" },
          "Give every evaluation row a true value, or drop the rows without one",
        );
      }
      const n = numeric(v);
      if (Number.isNaN(n)) {
        this.labelsNumeric = false;
        if (this.decided === "regression") {
          throw new UserError(
            `label column '${this.labelColumn}' holds ${JSON.stringify(v)} on ${where(i)}, not a number`,
            { input: "problemType" },
            "A regression target must be numeric: use problemType: classification for class labels",
          );
        }
      } else if (!Number.isInteger(n)) {
        this.labelsIntegral = false;
        if (this.decided === "classification") {
          throw new UserError(
            `label column '${this.labelColumn}' holds ${v} on ${where(i)}, a fractional number, but the problem is classification`,
            { input: "problemType" },
            "Classes are labels or whole numbers: for a continuous target use problemType: regression and its metrics (rmse, mae, r2, mape)",
          );
        }
      }
      this.truth.push(n);
      if (this.dict) {
        const before = this.dict.size;
        this.truthCodes?.push(this.code(labelKey(v)));
        if (this.dict && this.dict.size > before) this.truthDistinct++;
        // A numeric target with many distinct values is continuous: class codes are not needed.
        if (this.decided === undefined && this.labelsNumeric && this.truthDistinct > MAX_INFERRED_CLASSES) {
          this.decided = "regression";
          this.why = `label '${this.labelColumn}' is numeric with more than ${MAX_INFERRED_CLASSES} distinct values`;
          this.dropClasses();
        }
      }
    }
  }

  /** One model's parsed answer for the same batch (the same shape for every batch). */
  addAnswer(model: number, answer: Answer): void {
    const m = this.models[model];
    const values = answer.values;
    const probs = answer.probabilities;
    const shape = `${values ? "values" : ""}${probs ? "+probabilities" : ""}`;
    if (m.shape === undefined) m.shape = shape;
    else if (m.shape !== shape) {
      throw new UserError(
        `${this.names[model]}'s run() answered ${shape.replace(/^\+/, "")} for one batch and ${m.shape.replace(/^\+/, "")} for an earlier one`,
        { input: "scoringScript" },
        "Return the same shape for every request",
      );
    }
    if (probs) {
      const width = probs[0]?.length ?? 0;
      if (m.width === undefined) {
        m.width = width;
        m.probabilities = new Floats();
      } else if (width !== m.width) {
        throw new UserError(
          `${this.names[model]}'s run() answered ${width} class probabilities per row for one batch and ${m.width} for an earlier one`,
          { input: "scoringScript" },
          "Return one probability per class of the model for every row",
        );
      }
      for (const row of probs) for (const p of row) m.probabilities?.push(p);
    }
    if (values) {
      for (const v of values) {
        const x = numeric(v);
        if (!Number.isInteger(x)) {
          m.allIntegral = false;
          // A fractional number is never a class (fractional labels are refused too): most likely the
          // probability of the positive class, which cannot be matched to a class unambiguously.
          if (this.decided === "classification" && !Number.isNaN(x)) {
            throw new UserError(
              `${this.names[model]}'s run() answered ${v}, a fractional number, where a class label is expected`,
              { input: "scoringScript" },
              'Return the predicted labels, or a list of class probabilities per row ([[p0, p1], ...]) or {"predictions": labels, "probabilities": [[...]]}',
            );
          }
        }
        m.numbers.push(x);
        if (this.dict && m.codes) m.codes.push(this.code(labelKey(v)));
      }
    } else {
      // Probabilities only: the class is the most probable column (decided once the classes are known).
      m.onlyProbabilities = true;
      for (let i = 0; i < (probs?.length ?? 0); i++) m.numbers.push(Number.NaN);
    }
  }

  private inferProblemType(): ProblemType {
    if (this.decided) return this.decided;
    const onlyProbs = this.models.some((m) => m.onlyProbabilities || m.probabilities);
    if (!this.labelsNumeric) {
      this.why = `label '${this.labelColumn}' holds text`;
      return "classification";
    }
    // Few distinct whole numbers, each seen on two rows or more on average, answered in kind: classes.
    const fewClasses = this.truthDistinct * 2 <= this.truth.length;
    if (this.labelsIntegral && fewClasses && (onlyProbs || this.models.every((m) => m.allIntegral))) {
      this.why = `label '${this.labelColumn}' has ${this.truthDistinct} distinct integer values and the answers are ${onlyProbs ? "class probabilities" : "integers"}`;
      return "classification";
    }
    this.why = !this.labelsIntegral
      ? `label '${this.labelColumn}' holds fractional numbers`
      : !fewClasses
        ? `label '${this.labelColumn}' has ${this.truthDistinct} distinct values in ${this.truth.length} rows`
        : "the answers are not whole numbers";
    return "regression";
  }

  /** The Truth and both models' Scored; throws when the answers cannot be read as the problem type. */
  finish(): Gathered {
    const given = this.decided !== undefined && this.why === undefined;
    const problemType = this.inferProblemType();
    const inferred = given ? undefined : `${problemType} (${this.why})`;
    const notes: string[] = [];
    if (problemType === "regression") {
      const scored = this.models.map((m, i) => {
        if (m.onlyProbabilities || m.numbers.view().some((x) => Number.isNaN(x))) {
          throw new UserError(
            `${this.names[i]}'s run() answered ${m.onlyProbabilities ? "class probabilities" : "text labels"}, but the problem is regression`,
            { input: "problemType" },
            "Set problemType: classification, or return one number per row",
          );
        }
        return { predicted: m.numbers.view() };
      });
      return { truth: { problemType, values: this.truth.view() }, scored, inferred, notes };
    }
    const dict = this.dict as Map<string, number>;
    const keys = [...dict.keys()];
    // np.unique's order: numeric labels by value, text labels by code point.
    const allNumeric = keys.every((k) => NUMBER.test(k));
    const order = keys
      .map((k, code) => ({ k, code }))
      .sort((a, b) => (allNumeric ? Number(a.k) - Number(b.k) : a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    const classes = order.map((o) => o.k);
    const remap = new Int32Array(keys.length);
    order.forEach((o, i) => {
      remap[o.code] = i;
    });
    const recode = (codes: Float64Array) => {
      const out = new Float64Array(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = remap[codes[i]];
      return out;
    };
    const truth: Truth = { problemType, values: recode((this.truthCodes as Floats).view()), classes };
    const scored = this.models.map((m, i) => {
      let probabilities = m.probabilities?.view();
      if (probabilities && m.width !== classes.length) {
        const why = `${this.names[i]} answered ${m.width} class probabilities per row, but the labels and answers hold ${classes.length} classes (${classes.slice(0, 10).join(", ")})`;
        if (m.onlyProbabilities) {
          throw new UserError(
            why,
            { input: "scoringScript" },
            "Return one probability per class, in sorted class order, or the predicted labels",
          );
        }
        notes.push(`${why}: its probabilities are not used (roc_auc and log_loss need them).`);
        probabilities = undefined;
      }
      let predicted: Float64Array;
      if (m.onlyProbabilities && probabilities) {
        const k = classes.length;
        predicted = new Float64Array(this.truth.length);
        for (let r = 0; r < predicted.length; r++) {
          let best = 0;
          for (let c = 1; c < k; c++) if (probabilities[r * k + c] > probabilities[r * k + best]) best = c;
          predicted[r] = best;
        }
      } else predicted = recode((m.codes as Floats).view());
      return probabilities ? { predicted, probabilities } : { predicted };
    });
    return { truth, scored, inferred, notes };
  }
}
