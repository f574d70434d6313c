export const id = 332;
export const ids = [332];
export const modules = {

/***/ 95854:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ suggestion),
/* harmony export */   k: () => (/* binding */ closest)
/* harmony export */ });
/** "Did you mean" for misspelled keys, names and references. */
function distance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return prev[b.length];
}
/** The closest candidate within a third of the word's length (at least 2 edits), if any. */
function closest(word, candidates) {
    let best;
    let bestD = Number.POSITIVE_INFINITY;
    const lower = word.toLowerCase();
    for (const c of candidates) {
        const d = distance(lower, c.toLowerCase());
        if (d < bestD) {
            best = c;
            bestD = d;
        }
    }
    return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
/** "Did you mean 'x'?" or a list of what is allowed. */
function suggestion(word, candidates, what = "one of") {
    const near = closest(word, candidates);
    if (near)
        return `Did you mean '${near}'?`;
    if (candidates.length === 0)
        return "Remove it";
    return `Use ${what}: ${candidates.join(", ")}`;
}


/***/ }),

/***/ 29332:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/bundle/report/markdown.js
var markdown = __webpack_require__(28239);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./build/bundle/errors.js
var bundle_errors = __webpack_require__(91746);
// EXTERNAL MODULE: ./build/bundle/util/files.js
var files = __webpack_require__(76561);
;// CONCATENATED MODULE: ./build/bundle/data/stats.js
/**
 * Drift statistics, each written to give what SciPy (and Evidently, which calls SciPy) gives for
 * the same inputs; test/fixtures/data/make_reference.py computes the reference values.
 */
const TEST_NAMES = ["ks", "chisquare", "ztest", "wasserstein", "jensenshannon", "psi"];
/** p-value tests flag drift when p < threshold; distance tests when the distance ≥ threshold. */
const IS_P_VALUE = {
    ks: true,
    chisquare: true,
    ztest: true,
    wasserstein: false,
    jensenshannon: false,
    psi: false,
};
// ---- special functions ----
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
function logGamma(x) {
    if (x < 0.5)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    const z = x - 1;
    let a = LANCZOS[0];
    const t = z + 7.5;
    for (let i = 1; i < 9; i++)
        a += LANCZOS[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
/** Regularized upper incomplete gamma Q(a, x) (series below a+1, continued fraction above). */
function gammaQ(a, x) {
    if (x <= 0)
        return 1;
    if (!Number.isFinite(x))
        return 0;
    const lnPre = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
        let sum = 1 / a;
        let term = sum;
        for (let n = 1; n < 10_000; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-16)
                break;
        }
        return 1 - sum * Math.exp(lnPre);
    }
    // Lentz's method.
    const tiny = 1e-300;
    let b = x + 1 - a;
    let c = 1 / tiny;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 10_000; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return Math.exp(lnPre) * h;
}
function chi2Sf(x, df) {
    if (x === Number.POSITIVE_INFINITY)
        return 0;
    return gammaQ(df / 2, x / 2);
}
/** P(Z > z) for a standard normal, through erfc(x) = Q(1/2, x²). */
function normalSf(z) {
    const t = z / Math.SQRT2;
    return t >= 0 ? 0.5 * gammaQ(0.5, t * t) : 1 - 0.5 * gammaQ(0.5, t * t);
}
/** Kolmogorov's limiting distribution, P(K > λ). */
function kolmogorovSf(lambda) {
    if (lambda < 0.2)
        return 1;
    let sum = 0;
    for (let k = 1; k <= 100; k++) {
        const term = (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
        sum += term;
        if (Math.abs(term) < 1e-16)
            break;
    }
    return Math.max(0, Math.min(1, 2 * sum));
}
// ---- empirical distributions ----
function totalWeight(s) {
    if (!s.weights)
        return s.values.length;
    let t = 0;
    for (let i = 0; i < s.weights.length; i++)
        t += s.weights[i];
    return t;
}
/** Walks two sorted weighted samples in value order, calling back with both CDFs after each distinct value. */
function walkCdfs(a, b, visit) {
    const ta = totalWeight(a);
    const tb = totalWeight(b);
    let i = 0;
    let j = 0;
    let ca = 0;
    let cb = 0;
    const na = a.values.length;
    const nb = b.values.length;
    while (i < na || j < nb) {
        const x = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
        for (; i < na && a.values[i] === x; i++)
            ca += a.weights ? a.weights[i] : 1;
        for (; j < nb && b.values[j] === x; j++)
            cb += b.weights ? b.weights[j] : 1;
        const next = i < na && j < nb ? Math.min(a.values[i], b.values[j]) : i < na ? a.values[i] : j < nb ? b.values[j] : x;
        visit(x, ca / ta, cb / tb, next);
    }
}
function sorted(values) {
    return Float64Array.from(values).sort();
}
/** Two-sample Kolmogorov–Smirnov statistic D = sup |F_a − F_b|. */
function ksStatistic(a, b) {
    let d = 0;
    walkCdfs(a, b, (_x, fa, fb) => {
        const diff = Math.abs(fa - fb);
        if (diff > d)
            d = diff;
    });
    return d;
}
/**
 * The two-sided KS test. The p-value is Kolmogorov's limiting distribution with Stephens' finite
 * sample correction on the effective size n·m/(n+m) (as Numerical Recipes gives it): within a few
 * percent of SciPy's exact p-value for the sizes that matter, without its O(n·m) path count.
 */
function ksTest(a, b, na = totalWeight(a), nb = totalWeight(b)) {
    const statistic = ksStatistic(a, b);
    const en = Math.sqrt((na * nb) / (na + nb));
    return { statistic, pValue: kolmogorovSf((en + 0.12 + 0.11 / en) * statistic) };
}
/** The first Wasserstein distance ∫|F_a − F_b| (SciPy's wasserstein_distance). */
function wasserstein(a, b) {
    let w = 0;
    walkCdfs(a, b, (x, fa, fb, next) => {
        w += Math.abs(fa - fb) * (next - x);
    });
    return w;
}
/** Population standard deviation (NumPy's std, ddof 0) of a weighted sample. */
function weightedStd(s) {
    const t = totalWeight(s);
    let mean = 0;
    for (let i = 0; i < s.values.length; i++)
        mean += s.values[i] * (s.weights ? s.weights[i] : 1);
    mean /= t;
    let v = 0;
    for (let i = 0; i < s.values.length; i++)
        v += (s.values[i] - mean) ** 2 * (s.weights ? s.weights[i] : 1);
    return Math.sqrt(v / t);
}
/** Evidently's normalized Wasserstein distance: the distance in units of the reference's std. */
function wassersteinNormalized(ref, cur, refStd = weightedStd(ref)) {
    return wasserstein(ref, cur) / Math.max(refStd, 0.001);
}
/** NumPy's histogram_bin_edges(..., bins="sturges") over both samples' range. */
function sturgesEdges(min, max, n) {
    const bins = Math.max(1, Math.ceil(Math.log2(n) + 1));
    if (min === max) {
        min -= 0.5;
        max += 0.5;
    }
    return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + ((max - min) * i) / bins));
}
/** NumPy's histogram: bins [e_i, e_i+1), the last one closed; returns shares of the total weight. */
function histogramShares(s, edges) {
    const bins = edges.length - 1;
    const counts = new Array(bins).fill(0);
    const t = totalWeight(s);
    for (let i = 0; i < s.values.length; i++) {
        const x = s.values[i];
        if (x < edges[0] || x > edges[bins])
            continue;
        let lo = 0;
        let hi = bins;
        // Last edge ≤ x.
        while (hi - lo > 1) {
            const mid = (lo + hi) >>> 1;
            if (edges[mid] <= x)
                lo = mid;
            else
                hi = mid;
        }
        counts[lo] += s.weights ? s.weights[i] : 1;
    }
    return counts.map((c) => c / t);
}
/** Evidently fills empty bins with a small share so the logarithms stay finite. */
function fillZeros(shares) {
    return shares.map((p) => (p === 0 ? 0.0001 : p));
}
/** Jensen–Shannon distance (SciPy's jensenshannon, natural log): √ of the divergence. */
function jensenShannon(p, q) {
    const sp = p.reduce((a, b) => a + b, 0);
    const sq = q.reduce((a, b) => a + b, 0);
    let js = 0;
    for (let i = 0; i < p.length; i++) {
        const a = p[i] / sp;
        const b = q[i] / sq;
        const m = (a + b) / 2;
        if (a > 0)
            js += 0.5 * a * Math.log(a / m);
        if (b > 0)
            js += 0.5 * b * Math.log(b / m);
    }
    return Math.sqrt(Math.max(0, js));
}
/** Population stability index Σ (r − c)·ln(r / c), over shares with empty bins filled. */
function psi(ref, cur) {
    let s = 0;
    for (let i = 0; i < ref.length; i++)
        s += (ref[i] - cur[i]) * Math.log(ref[i] / cur[i]);
    return s;
}
/**
 * Chi-square test of homogeneity on a 2×k table (SciPy's chi2_contingency without Yates'
 * correction): are the reference and current counts draws from one distribution? Evidently
 * instead tests the current counts against the reference's shares taken as exact, which ignores
 * the reference's own sampling noise and flags about a quarter of same-distribution pairs of equal
 * size; a gate must not cry wolf that often, so this is the two-sample form.
 */
function chiSquareTest(ref, cur) {
    const nRef = ref.reduce((a, b) => a + b, 0);
    const nCur = cur.reduce((a, b) => a + b, 0);
    const n = nRef + nCur;
    let stat = 0;
    let categories = 0;
    for (let i = 0; i < ref.length; i++) {
        const col = ref[i] + cur[i];
        if (col === 0)
            continue;
        categories++;
        const er = (nRef * col) / n;
        const ec = (nCur * col) / n;
        stat += (ref[i] - er) ** 2 / er + (cur[i] - ec) ** 2 / ec;
    }
    const df = categories - 1;
    return { statistic: stat, pValue: df < 1 ? 1 : chi2Sf(stat, df) };
}
/** Two-proportion z-test (Evidently's z_stat_test) on the share of one category, two-sided. */
function zTest(refHits, nRef, curHits, nCur) {
    const p1 = refHits / nRef;
    const p2 = curHits / nCur;
    const p = (refHits + curHits) / (nRef + nCur);
    const se = Math.sqrt(p * (1 - p) * (1 / nRef + 1 / nCur));
    if (se === 0)
        return { statistic: 0, pValue: 1 };
    const z = (p1 - p2) / se;
    return { statistic: z, pValue: 2 * normalSf(Math.abs(z)) };
}

// EXTERNAL MODULE: ./build/bundle/data/sketches/hash.js
var hash = __webpack_require__(15795);
;// CONCATENATED MODULE: ./build/bundle/data/unique-set.js

/** Distinct values a set holds before it stops growing: 8 Mi values take 128 MiB. */
const UNIQUE_CAP = 8 * 1024 * 1024;
/**
 * The values of a column seen so far, as 64-bit hashes (two independent 32-bit hashes) in an
 * open-addressing table, for `unique: true`: exact where a sketch can only estimate. Two distinct
 * values collide with probability about n²/2⁶⁵ (under 10⁻⁵ at the cap). Past `cap` values it keeps
 * answering for those it holds but adds no more, so memory stays bounded; `full` says so.
 */
class UniqueSet {
    cap;
    keys = new Int32Array(2 * 1024);
    mask = 1023;
    size = 0;
    full = false;
    constructor(cap = UNIQUE_CAP) {
        this.cap = cap;
    }
    /** Adds the value; true when it was there already. */
    add(value) {
        const a = (0,hash/* hashA */.QX)(value) | 1; // never 0, which marks an empty slot
        const b = (0,hash/* hashB */.J0)(value);
        const keys = this.keys;
        let i = a & this.mask;
        while (true) {
            const k = keys[2 * i];
            if (k === 0)
                break;
            if (k === a && keys[2 * i + 1] === b)
                return true;
            i = (i + 1) & this.mask;
        }
        if (this.size >= this.cap) {
            this.full = true;
            return false;
        }
        keys[2 * i] = a;
        keys[2 * i + 1] = b;
        if (++this.size * 2 > this.mask + 1)
            this.grow();
        return false;
    }
    grow() {
        const old = this.keys;
        const slots = 2 * (this.mask + 1);
        this.keys = new Int32Array(2 * slots);
        this.mask = slots - 1;
        for (let j = 0; j < old.length; j += 2) {
            const a = old[j];
            if (a === 0)
                continue;
            let i = a & this.mask;
            while (this.keys[2 * i] !== 0)
                i = (i + 1) & this.mask;
            this.keys[2 * i] = a;
            this.keys[2 * i + 1] = old[j + 1];
        }
    }
}

// EXTERNAL MODULE: ./build/bundle/data/values.js
var values = __webpack_require__(39530);
;// CONCATENATED MODULE: ./build/bundle/data/rules.js







const COLUMN_KEYS = ["min", "max", "allowed", "maxNullShare", "unique", "pattern", "drift"];
/**
 * Reads a rules YAML file:
 *
 * ```yaml
 * rows: { min: 100, max: 1000000 }
 * drift: { share: 0.5 }
 * columns:
 *   age: { min: 0, max: 120, maxNullShare: 0.01 }
 *   sex: { allowed: [M, F] }
 *   id: { unique: true, pattern: "^[A-Z]{2}[0-9]+$" }
 *   bmi: { drift: { test: psi, threshold: 0.2 } }
 * ```
 */
async function readRules(file, input = "rules") {
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch (error) {
        throw new bundle_errors/* UserError */.yo(`'${file}' ${(0,files/* unreadable */.O$)(error)}`, { input }, "Give the path of a rules YAML file");
    }
    return parseRules(text, file, input);
}
function parseRules(text, file, input = "rules") {
    const counter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter, prettyErrors: false });
    const lineOf = (node) => node?.range ? counter.linePos(node.range[0]).line : undefined;
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        // Without prettyErrors the error carries only offsets: the line counter turns them into a position.
        const at = e.linePos?.[0] ?? counter.linePos(e.pos[0]);
        throw new bundle_errors/* UserError */.yo(`is not valid YAML: ${e.message.split("\n")[0]}`, { input, file, line: at.line, column: at.col }, "Fix the YAML syntax");
    }
    const rules = { file, columns: {}, lines: {} };
    const bad = (msg, node, fix) => {
        throw new bundle_errors/* UserError */.yo(msg, { input, file, line: lineOf(node) }, fix);
    };
    const root = doc.contents;
    if (root === null || root === undefined)
        return rules;
    if (!(0,dist/* isMap */.jh)(root))
        bad("the rules file must be a mapping with `columns:`, `rows:` or `drift:`", root, "See docs/validate-data-details.md for the format");
    const num = (node, what) => {
        const v = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
        if (typeof v !== "number" || !Number.isFinite(v))
            bad(`${what} must be a number`, node, `Write a number, such as ${what}: 10`);
        return v;
    };
    for (const pair of root.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "";
        const value = pair.value;
        if (key === "rows") {
            if (!(0,dist/* isMap */.jh)(value))
                bad("rows must be a mapping such as { min: 100, max: 100000 }", value, "Write rows: { min: 100 }");
            rules.rows = {};
            for (const p of value.items) {
                const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : "";
                if (k !== "min" && k !== "max")
                    bad(`unknown key rows.${k}`, p.key, "Use rows.min and rows.max");
                rules.rows[k] = num(p.value, `rows.${k}`);
                rules.lines[`rows.${k}`] = lineOf(p.key) ?? 0;
            }
        }
        else if (key === "drift") {
            if (!(0,dist/* isMap */.jh)(value))
                bad("drift must be a mapping such as { share: 0.5 }", value, "Write drift: { share: 0.5 }");
            for (const p of value.items) {
                const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : "";
                if (k !== "share")
                    bad(`unknown key drift.${k}`, p.key, "Use drift.share");
                const share = num(p.value, "drift.share");
                if (share <= 0 || share > 1)
                    bad("drift.share must be in (0, 1]", p.value, "Use a share such as 0.5");
                rules.drift = { share };
            }
        }
        else if (key === "columns") {
            if (!(0,dist/* isMap */.jh)(value))
                bad("columns must map column names to their rules", value, "Write columns: { age: { min: 0 } }");
            for (const cp of value.items) {
                const column = (0,dist/* isScalar */.jn)(cp.key) ? String(cp.key.value) : "";
                const spec = cp.value;
                if (!(0,dist/* isMap */.jh)(spec))
                    bad(`rules of column '${column}' must be a mapping`, spec ?? cp.key, "Write for example age: { min: 0, max: 120 }");
                const cr = {};
                rules.lines[`columns.${column}`] = lineOf(cp.key) ?? 0;
                for (const p of spec.items) {
                    const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : "";
                    const v = p.value;
                    rules.lines[`columns.${column}.${k}`] = lineOf(p.key) ?? 0;
                    if (!COLUMN_KEYS.includes(k))
                        bad(`unknown rule '${k}' for column '${column}'`, p.key, `Use one of: ${COLUMN_KEYS.join(", ")}`);
                    if (k === "min" || k === "max")
                        cr[k] = num(v, k);
                    else if (k === "maxNullShare") {
                        cr.maxNullShare = num(v, k);
                        if (cr.maxNullShare < 0 || cr.maxNullShare > 1)
                            bad("maxNullShare must be between 0 and 1", v, "Use a share such as 0.05");
                    }
                    else if (k === "unique") {
                        if (!(0,dist/* isScalar */.jn)(v) || typeof v.value !== "boolean")
                            bad("unique must be true or false", v, "Write unique: true");
                        cr.unique = v.value;
                    }
                    else if (k === "allowed") {
                        const list = v?.toJSON?.();
                        if (!Array.isArray(list) || list.length === 0)
                            bad("allowed must be a non-empty list", v, "Write allowed: [a, b, c]");
                        cr.allowed = list.map((x) => String(x));
                    }
                    else if (k === "pattern") {
                        const pat = (0,dist/* isScalar */.jn)(v) ? String(v.value) : "";
                        try {
                            new RegExp(pat);
                        }
                        catch (error) {
                            bad(`pattern is not a valid regular expression (${error.message})`, v, "Fix the regular expression");
                        }
                        cr.pattern = pat;
                    }
                    else if (k === "drift") {
                        const d = v?.toJSON?.();
                        if (!d || typeof d !== "object")
                            bad("drift must be a mapping such as { test: ks, threshold: 0.05 }", v, "Write drift: { test: psi, threshold: 0.2 }");
                        const dd = d;
                        if (dd.test !== undefined && dd.test !== "none" && !TEST_NAMES.includes(dd.test)) {
                            bad(`unknown drift test '${dd.test}'`, v, `Use one of: ${TEST_NAMES.join(", ")}, none`);
                        }
                        if (dd.threshold !== undefined && (typeof dd.threshold !== "number" || !(dd.threshold > 0)))
                            bad("drift.threshold must be a positive number", v, "Write threshold: 0.1");
                        cr.drift = { test: dd.test, threshold: dd.threshold };
                    }
                }
                if (cr.min !== undefined && cr.max !== undefined && cr.min > cr.max)
                    bad(`min ${cr.min} is above max ${cr.max}`, spec, "Swap min and max");
                rules.columns[column] = cr;
            }
        }
        else {
            bad(`unknown key '${key}'`, pair.key, "Use columns, rows or drift");
        }
    }
    return rules;
}
/** The rules checked on every value of one column while streaming (the rest use the profile). */
function valueRules(rules, column) {
    const r = rules?.columns[column];
    if (!r)
        return [];
    const out = [];
    const numeric = (k) => k === values/* Kind */.b8.Integer || k === values/* Kind */.b8.Number;
    if (r.min !== undefined) {
        const min = r.min;
        out.push({ name: "min", broken: (_s, k, n) => numeric(k) && n < min });
    }
    if (r.max !== undefined) {
        const max = r.max;
        out.push({ name: "max", broken: (_s, k, n) => numeric(k) && n > max });
    }
    if (r.allowed) {
        const allowed = new Set(r.allowed);
        out.push({ name: "allowed", broken: (s) => !allowed.has(s) });
    }
    if (r.pattern !== undefined) {
        const re = new RegExp(r.pattern);
        out.push({ name: "pattern", broken: (s) => !re.test(s) });
    }
    if (r.unique) {
        // Exact, so a repeat is reported with its value and line (see UniqueSet for the memory bound).
        const seen = new UniqueSet();
        out.push({ name: "unique", broken: (s) => seen.add(s) });
    }
    return out;
}
/** True when the rules hold a check that needs every value of a column on one thread. */
function needsOneThread(rules) {
    return Object.values(rules?.columns ?? {}).some((c) => c.unique === true);
}
/** Evaluates the rules against a finished profile. */
function checkRules(rules, profile) {
    const out = [];
    const ruleLine = (key) => rules.lines[key];
    const dataFile = profile.source.files.length === 1 ? profile.source.files[0] : undefined;
    if (rules.rows?.min !== undefined && profile.rows < rules.rows.min) {
        out.push({
            severity: "error",
            check: "rows.min",
            message: `${profile.rows} rows, fewer than the rules' minimum ${rules.rows.min}`,
            file: rules.file,
            line: ruleLine("rows.min"),
        });
    }
    if (rules.rows?.max !== undefined && profile.rows > rules.rows.max) {
        out.push({
            severity: "error",
            check: "rows.max",
            message: `${profile.rows} rows, more than the rules' maximum ${rules.rows.max}`,
            file: rules.file,
            line: ruleLine("rows.max"),
        });
    }
    const byName = new Map(profile.columns.map((c) => [c.name, c]));
    for (const [name, r] of Object.entries(rules.columns)) {
        const col = byName.get(name);
        if (!col) {
            out.push({
                severity: "error",
                column: name,
                check: "rules",
                message: `the rules name column '${name}', which the data lacks`,
                file: rules.file,
                line: ruleLine(`columns.${name}`),
            });
            continue;
        }
        for (const rule of ["min", "max", "allowed", "pattern"]) {
            const hit = col.rules?.[rule];
            if (!hit)
                continue;
            const what = rule === "min"
                ? `below the minimum ${r.min}`
                : rule === "max"
                    ? `above the maximum ${r.max}`
                    : rule === "allowed"
                        ? "not in the allowed values"
                        : `not matching /${r.pattern}/`;
            out.push({
                severity: "error",
                column: name,
                check: rule,
                message: `${hit.count} value(s) ${what}; first ${JSON.stringify(hit.example)} at line ${hit.line}`,
                file: dataFile,
                line: hit.line,
            });
        }
        if (r.maxNullShare !== undefined && col.nullShare > r.maxNullShare) {
            out.push({
                severity: "error",
                column: name,
                check: "maxNullShare",
                message: `null share ${pct(col.nullShare)} is above the maximum ${pct(r.maxNullShare)}`,
                file: rules.file,
                line: ruleLine(`columns.${name}.maxNullShare`),
            });
        }
        const repeat = col.rules?.unique;
        if (r.unique && repeat) {
            out.push({
                severity: "error",
                column: name,
                check: "unique",
                message: `${repeat.count} repeated value(s); first ${JSON.stringify(repeat.example)} at line ${repeat.line}, seen before`,
                file: dataFile,
                line: repeat.line,
            });
        }
        else if (r.unique && col.count - col.nulls > UNIQUE_CAP) {
            // Past the exact set's capacity, repeats among the later values are estimated.
            const dup = duplicates(col);
            if (dup)
                out.push({
                    severity: "error",
                    column: name,
                    check: "unique",
                    message: dup,
                    file: rules.file,
                    line: ruleLine(`columns.${name}.unique`),
                });
        }
    }
    return out;
}
/**
 * Uniqueness past the exact set's capacity: a value counted twice by the frequent-values sketch is a proven
 * duplicate (exact counts are lower bounds; in a sampled column a count above the stride means two
 * sightings); otherwise the HyperLogLog distinct count, with a 5 % allowance for its error, flags
 * columns with many repeats.
 */
function duplicates(col) {
    const nonNull = col.count - col.nulls;
    const top = col.top.items[0];
    if (top && top[1] > (col.top.stride ?? 1))
        return `values repeat: ${JSON.stringify(top[0])} appears ${top[1]}${col.top.error > 0 ? "+" : ""} times`;
    if (col.top.error > 0 && col.distinct.estimate < nonNull * 0.95) {
        return `about ${nonNull - col.distinct.estimate} repeated values (${col.distinct.estimate} distinct of ${nonNull})`;
    }
    return undefined;
}
function pct(x) {
    return `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;
}

// EXTERNAL MODULE: ./build/bundle/data/sketches/kll.js
var sketches_kll = __webpack_require__(33950);
;// CONCATENATED MODULE: ./build/bundle/data/checks.js



/** How far the null share may rise above the baseline's before it is an error. */
const NULL_SHARE_MARGIN = 0.05;
/** Row count bounds relative to the baseline's (a warning: the rules file sets hard bounds). */
const ROW_RATIO = { min: 0.5, max: 2 };
const WIDENING = {
    integer: ["number"],
    boolean: [],
    date: ["string"],
    number: [],
    string: [],
    empty: [],
};
/** The checks of a profile against a baseline profile: schema, nulls, ranges, categories, rows. */
function checkAgainstBaseline(baseline, current, baselineName) {
    const out = [];
    const cur = new Map(current.columns.map((c) => [c.name, c]));
    const base = new Map(baseline.columns.map((c) => [c.name, c]));
    const dataFile = current.source.files.length === 1 ? current.source.files[0] : undefined;
    for (const b of baseline.columns) {
        const c = cur.get(b.name);
        if (!c) {
            out.push({
                severity: "error",
                column: b.name,
                check: "missing column",
                message: `column '${b.name}' is in the baseline (${baselineName}) but not in the data`,
            });
            continue;
        }
        typeChange(b, c, out, dataFile);
        const ceiling = Math.min(1, b.nullShare + NULL_SHARE_MARGIN);
        if (c.nullShare > ceiling) {
            out.push({
                severity: "error",
                column: b.name,
                check: "null share",
                message: `null share ${pct(c.nullShare)} is above the baseline's ceiling ${pct(ceiling)} (baseline ${pct(b.nullShare)})`,
            });
        }
        if (b.numeric && c.numeric && (c.type === "integer" || c.type === "number")) {
            const below = c.numeric.min < b.numeric.min;
            const above = c.numeric.max > b.numeric.max;
            if (below || above) {
                const kll = sketches_kll/* Kll */.O.from(c.numeric.kll);
                const [lo, hi] = kll.cdf([
                    b.numeric.min - Number.EPSILON * Math.abs(b.numeric.min) - Number.MIN_VALUE,
                    b.numeric.max,
                ]);
                const outside = (below ? lo : 0) + (above ? 1 - hi : 0);
                out.push({
                    severity: "warning",
                    column: b.name,
                    check: "range",
                    message: `values outside the baseline's range [${(0,markdown/* num */.bu)(b.numeric.min)}, ${(0,markdown/* num */.bu)(b.numeric.max)}]: now [${(0,markdown/* num */.bu)(c.numeric.min)}, ${(0,markdown/* num */.bu)(c.numeric.max)}], about ${pct(outside)} of values`,
                });
            }
        }
        if (b.top.error === 0 && b.type !== "integer" && b.type !== "number" && b.distinct.estimate <= 100) {
            const known = new Set(b.top.items.map((i) => i[0]));
            const unseen = c.top.items.filter(([v]) => !known.has(v));
            if (unseen.length > 0) {
                const total = unseen.reduce((a, [, n]) => a + n, 0);
                const shown = unseen
                    .slice(0, 5)
                    .map(([v, n]) => `${JSON.stringify(v)} (${n})`)
                    .join(", ");
                out.push({
                    severity: "warning",
                    column: b.name,
                    check: "unseen categories",
                    message: `${unseen.length} value(s) the baseline never had, in ${total} row(s): ${shown}${unseen.length > 5 ? ", …" : ""}`,
                });
            }
        }
    }
    for (const c of current.columns) {
        if (!base.has(c.name))
            out.push({
                severity: "warning",
                column: c.name,
                check: "new column",
                message: `column '${c.name}' is not in the baseline`,
            });
    }
    const lo = Math.floor(baseline.rows * ROW_RATIO.min);
    const hi = Math.ceil(baseline.rows * ROW_RATIO.max);
    if (current.rows < lo || current.rows > hi) {
        out.push({
            severity: "warning",
            check: "row count",
            message: `${current.rows} rows, outside ${lo}–${hi} (${ROW_RATIO.min}× to ${ROW_RATIO.max}× the baseline's ${baseline.rows})`,
        });
    }
    return out;
}
function typeChange(b, c, out, dataFile) {
    if (b.type === c.type || c.type === "empty" || b.type === "empty") {
        if (c.violations > 0 && b.violations === 0 && c.type === b.type) {
            const line = firstViolationLine(c);
            out.push({
                severity: "error",
                column: c.name,
                check: "type",
                message: `${c.violations} value(s) are not ${c.type}${line ? ` (first at line ${line})` : ""}`,
                file: dataFile,
                line: dataFile ? line : undefined,
            });
        }
        return;
    }
    if (WIDENING[b.type]?.includes(c.type)) {
        out.push({
            severity: "warning",
            column: c.name,
            check: "type",
            message: `type widened from ${b.type} to ${c.type}`,
        });
        return;
    }
    const line = firstViolationLine({ ...c, type: b.type });
    out.push({
        severity: "error",
        column: c.name,
        check: "type",
        message: `type changed from ${b.type} to ${c.type}${line ? `; first value that is not ${b.type} at line ${line}` : ""}`,
        file: dataFile,
        line: dataFile ? line : undefined,
    });
}
/** The first line holding a value of a kind the column's type does not accept. */
function firstViolationLine(c) {
    const ok = {
        integer: ["integer"],
        number: ["integer", "number"],
        boolean: ["boolean"],
        date: ["date"],
        string: [],
    };
    const accepted = ok[c.type] ?? [];
    let line;
    for (const [kind, l] of Object.entries(c.firstLines)) {
        if (accepted.includes(kind) || l === undefined)
            continue;
        if (c.type === "string")
            continue;
        if (line === undefined || l < line)
            line = l;
    }
    return line;
}

// EXTERNAL MODULE: ./build/bundle/data/dataset-files.js
var dataset_files = __webpack_require__(88256);
;// CONCATENATED MODULE: ./build/bundle/data/drift.js




/** Evidently's boundary between a small reference (exact tests) and a large one (distances). */
const SMALL_REFERENCE = 1000;
/** Numeric columns with this few distinct values are tested as categories, as Evidently does. */
const FEW_VALUES = 5;
const OTHER = "(other)";
/** Numeric values of a column as a weighted sample: exact while the reservoir holds them all. */
function numericSample(c) {
    const s = c.numeric;
    if (!s)
        return { values: new Float64Array(0), n: 0 };
    if (s.sample.seen === s.sample.values.length)
        return { values: sorted(s.sample.values), n: s.count };
    const w = sketches_kll/* Kll */.O.from(s.kll).weighted();
    return { values: w.values, weights: w.weights, n: s.count };
}
/** Category counts over the union of both columns' frequent values; the rest pooled as "(other)". */
function categoryCounts(ref, cur) {
    const r = new Map(ref.top.items);
    const c = new Map(cur.top.items);
    const labels = [...new Set([...r.keys(), ...c.keys()])].sort();
    const refCounts = labels.map((l) => r.get(l) ?? 0);
    const curCounts = labels.map((l) => c.get(l) ?? 0);
    const restRef = ref.count - ref.nulls - refCounts.reduce((a, b) => a + b, 0);
    const restCur = cur.count - cur.nulls - curCounts.reduce((a, b) => a + b, 0);
    if (restRef > 0 || restCur > 0) {
        labels.push(OTHER);
        refCounts.push(Math.max(0, restRef));
        curCounts.push(Math.max(0, restCur));
    }
    return { labels, ref: refCounts, cur: curCounts };
}
function isNumeric(c) {
    return (c.type === "integer" || c.type === "number") && c.numeric !== undefined;
}
function distinctValues(ref, cur) {
    if (ref.top.error === 0 && cur.top.error === 0)
        return new Set([...ref.top.items.map((i) => i[0]), ...cur.top.items.map((i) => i[0])]).size;
    return Math.max(ref.distinct.estimate, cur.distinct.estimate);
}
/** The column's drift kind, or why it is not tested. */
function driftKind(ref, cur) {
    if (ref.count - ref.nulls === 0 || cur.count - cur.nulls === 0)
        return { reason: "no values to compare" };
    const distinct = distinctValues(ref, cur);
    if (isNumeric(ref) && isNumeric(cur) && distinct > FEW_VALUES)
        return { kind: "numeric" };
    if (distinct <= 2)
        return { kind: "binary" };
    if (ref.type === "date")
        return { reason: "dates are not tested for drift" };
    // Free text (almost every value distinct) has no category distribution to compare.
    if (ref.top.error > 0 && ref.distinct.estimate > 0.5 * (ref.count - ref.nulls))
        return { reason: "free text is not tested for drift" };
    return { kind: "categorical" };
}
/** Evidently's default test and threshold for a column. */
function defaultTest(kind, referenceRows) {
    if (referenceRows <= SMALL_REFERENCE) {
        if (kind === "numeric")
            return { test: "ks", threshold: 0.05 };
        if (kind === "binary")
            return { test: "ztest", threshold: 0.05 };
        return { test: "chisquare", threshold: 0.05 };
    }
    if (kind === "numeric")
        return { test: "wasserstein", threshold: 0.1 };
    return { test: "jensenshannon", threshold: 0.1 };
}
const DEFAULT_THRESHOLD = {
    ks: 0.05,
    chisquare: 0.05,
    ztest: 0.05,
    wasserstein: 0.1,
    jensenshannon: 0.1,
    psi: 0.1,
};
/** Tests one column; undefined with a reason when it cannot be tested. */
function testColumn(ref, cur, referenceRows, override) {
    if (override?.test === "none")
        return "drift test turned off";
    const k = driftKind(ref, cur);
    if ("reason" in k)
        return k.reason;
    const kind = k.kind;
    const chosen = defaultTest(kind, referenceRows);
    const test = override?.test ?? chosen.test;
    const threshold = override?.threshold ?? (override?.test ? DEFAULT_THRESHOLD[test] : chosen.threshold);
    if (kind === "numeric")
        return testNumeric(ref, cur, test, threshold);
    return testCategorical(ref, cur, kind, test, threshold);
}
function testNumeric(ref, cur, test, threshold) {
    const a = numericSample(ref);
    const b = numericSample(cur);
    const rn = ref.numeric;
    const cn = cur.numeric;
    const edges = sturgesEdges(Math.min(rn.min, cn.min), Math.max(rn.max, cn.max), a.n + b.n);
    const refShares = histogramShares(a, edges);
    const curShares = histogramShares(b, edges);
    const refFilled = fillZeros(refShares);
    const curFilled = fillZeros(curShares);
    let statistic;
    let score;
    switch (test) {
        case "ks": {
            // The reservoirs are uniform samples: the test runs on their sizes, not the row counts.
            const ra = { values: sorted(rn.sample.values) };
            const rb = { values: sorted(cn.sample.values) };
            const r = ksTest(ra, rb);
            statistic = r.statistic;
            score = r.pValue;
            break;
        }
        case "wasserstein": {
            const refStd = Math.sqrt(rn.m2 / rn.count);
            statistic = score = wassersteinNormalized(a, b, refStd);
            break;
        }
        case "jensenshannon":
            statistic = score = jensenShannon(refFilled, curFilled);
            break;
        case "psi":
            statistic = score = psi(refFilled, curFilled);
            break;
        default:
            return `test ${test} does not apply to numeric column (use ks, wasserstein, jensenshannon or psi)`;
    }
    const drifted = IS_P_VALUE[test] ? score < threshold : score >= threshold;
    const labels = edges
        .slice(0, -1)
        .map((e, i) => `[${(0,markdown/* num */.bu)(e)}, ${(0,markdown/* num */.bu)(edges[i + 1])}${i === edges.length - 2 ? "]" : ")"}`);
    const { most, dir } = movedMost(refShares, curShares);
    const message = `share of values in ${labels[most]} ${dir} from ${pct(refShares[most])} to ${pct(curShares[most])}; mean ${(0,markdown/* num */.bu)(rn.mean)} → ${(0,markdown/* num */.bu)(cn.mean)}`;
    return {
        column: ref.name,
        kind: "numeric",
        test,
        threshold,
        score,
        statistic,
        drifted,
        psi: psi(refFilled, curFilled),
        message,
        bins: { labels, baseline: refShares, current: curShares },
    };
}
/** The bin or category whose share moved most, as TFDV names it in a drift message. */
function movedMost(refShares, curShares) {
    let most = 0;
    for (let i = 1; i < refShares.length; i++)
        if (Math.abs(curShares[i] - refShares[i]) > Math.abs(curShares[most] - refShares[most]))
            most = i;
    return { most, dir: curShares[most] >= refShares[most] ? "rose" : "fell" };
}
function testCategorical(ref, cur, kind, test, threshold) {
    const { labels, ref: rc, cur: cc } = categoryCounts(ref, cur);
    const nr = rc.reduce((a, b) => a + b, 0);
    const nc = cc.reduce((a, b) => a + b, 0);
    const refShares = rc.map((c) => c / nr);
    const curShares = cc.map((c) => c / nc);
    const refFilled = fillZeros(refShares);
    const curFilled = fillZeros(curShares);
    let statistic;
    let score;
    switch (test) {
        case "chisquare": {
            const r = chiSquareTest(rc, cc);
            statistic = r.statistic;
            score = r.pValue;
            break;
        }
        case "ztest": {
            const r = zTest(rc[0], nr, cc[0], nc);
            statistic = r.statistic;
            score = r.pValue;
            break;
        }
        case "jensenshannon":
            statistic = score = jensenShannon(refFilled, curFilled);
            break;
        case "psi":
            statistic = score = psi(refFilled, curFilled);
            break;
        default:
            return `test ${test} does not apply to categorical column (use chisquare, ztest, jensenshannon or psi)`;
    }
    const drifted = IS_P_VALUE[test] ? score < threshold : score >= threshold;
    const { most, dir } = movedMost(refShares, curShares);
    const message = `share of ${JSON.stringify(labels[most])} ${dir} from ${pct(refShares[most])} to ${pct(curShares[most])}`;
    return {
        column: ref.name,
        kind,
        test,
        threshold,
        score,
        statistic,
        drifted,
        psi: psi(refFilled, curFilled),
        message,
        bins: { labels, baseline: refShares, current: curShares },
    };
}
/** Tests every column the two profiles share; the dataset drifted when the drifted share reaches `shareThreshold`. */
function testDrift(baseline, current, overrides = {}, shareThreshold = 0.5) {
    const cur = new Map(current.columns.map((c) => [c.name, c]));
    const results = [];
    const skipped = [];
    for (const ref of baseline.columns) {
        const c = cur.get(ref.name);
        if (!c)
            continue;
        const r = testColumn(ref, c, baseline.rows, overrides[ref.name]);
        if (typeof r === "string")
            skipped.push({ column: ref.name, reason: r });
        else
            results.push(r);
    }
    const driftedColumns = results.filter((r) => r.drifted).map((r) => r.column);
    const share = results.length === 0 ? 0 : driftedColumns.length / results.length;
    return {
        results,
        skipped,
        driftedColumns,
        share,
        threshold: shareThreshold,
        drifted: results.length > 0 && share >= shareThreshold,
    };
}

// EXTERNAL MODULE: ./build/bundle/data/profile.js + 3 modules
var profile = __webpack_require__(35840);
;// CONCATENATED MODULE: ./build/bundle/data/files.js




/** Profiles and reports are written through a temp name and a rename: no reader sees half a file. */

/** Reads and checks a profile JSON file (format and version). */
async function readProfile(file, input) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch (error) {
        throw new bundle_errors/* UserError */.yo(`'${file}' ${(0,files/* unreadable */.O$)(error)}`, { input }, "Give a profile JSON written by validate-data (writeProfile or createBaseline), or a dataset reference such as name@1");
    }
    return parseProfile(text, file, input);
}
function parseProfile(text, file, input) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const message = error.message;
        const at = jsonErrorAt(text, message);
        throw new bundle_errors/* UserError */.yo(`is not valid JSON (${message.replace(/ in JSON at position \d+.*$/, "")})`, { input, file, ...at }, "Give a profile JSON written by validate-data");
    }
    if (value?.format !== profile/* PROFILE_FORMAT */.y6 || !Array.isArray(value.columns)) {
        throw new bundle_errors/* UserError */.yo('is not a validate-data profile (no "format": "mlops-action/profile")', { input, file }, "Write one with createBaseline: true or writeProfile");
    }
    if (typeof value.version !== "number" || value.version > profile/* PROFILE_VERSION */.PL) {
        throw new bundle_errors/* UserError */.yo(`has profile version ${value.version}; this mlops-action reads up to ${profile/* PROFILE_VERSION */.PL}`, { input, file }, "Upgrade mlops-action, or write the baseline again with this version");
    }
    return value;
}
/**
 * The line and column of a JSON.parse error: Node 22 names them, Node 20 gives a character
 * position (or none when the text ends early).
 */
function jsonErrorAt(text, message) {
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc)
        return { line: Number(lc[1]), column: Number(lc[2]) };
    const p = /position (\d+)/.exec(message);
    const offset = p ? Number(p[1]) : /end of JSON input/.test(message) ? text.length : undefined;
    if (offset === undefined)
        return {};
    const before = text.slice(0, offset).split("\n");
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./build/bundle/data/parallel.js







/**
 * The worker module beside this one. From TypeScript sources (tests, tsx) the worker first
 * registers tsx's loader in its own thread, then imports the module.
 */
function workerEntry() {
    let here;
    try {
        here = (0,external_node_url_.fileURLToPath)(import.meta.url);
    }
    catch {
        return undefined;
    }
    const ts = here.endsWith(".ts");
    const js = here.endsWith(".mjs") ? "profile-worker.mjs" : "profile-worker.js";
    const file = (0,external_node_path_.join)((0,external_node_path_.dirname)(here), ts ? "profile-worker.ts" : js);
    // In a single-file bundle the worker module is not beside us: the caller falls back to one thread.
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    if (!ts)
        return { file };
    try {
        // require.resolve gives the CommonJS build; the ESM one sits beside it.
        const api = (0,external_node_module_.createRequire)(import.meta.url)
            .resolve("tsx/esm/api")
            .replace(/\.cjs$/, ".mjs");
        return { file, tsx: (0,external_node_url_.pathToFileURL)(api).href };
    }
    catch {
        return undefined;
    }
}
const TS_BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((api) => { api.register(); return import(workerData.entry); });
`;
function canUseWorkers() {
    return workerEntry() !== undefined;
}
/**
 * Each worker's heap cap. Profiling keeps well under 1 MiB of heap per column whatever the file
 * size, but V8 lets a heap grow toward its cap before it collects: under Node 24 a 256 MiB cap let
 * the process's memory climb with the file (161 MB at 64 MB of CSV, 271 MB at 512 MB); a cap sized
 * to the columns keeps it flat.
 */
function workerHeapMb(columns) {
    return Math.max(64, 32 + columns);
}
/** Thrown inside when a worker ran out of its heap: the caller reads the file on one thread. */
class WorkerOutOfMemory extends Error {
}
function runWorker(job, signal, heapMb) {
    const entry = workerEntry();
    if (!entry)
        throw new Error("profile worker not available");
    return new Promise((resolve, reject) => {
        const resourceLimits = { maxOldGenerationSizeMb: heapMb };
        const worker = entry.tsx
            ? new external_node_worker_threads_.Worker(TS_BOOTSTRAP, {
                eval: true,
                resourceLimits,
                workerData: { mlopsProfileJob: job, tsx: entry.tsx, entry: (0,external_node_url_.pathToFileURL)(entry.file).href },
            })
            : new external_node_worker_threads_.Worker(entry.file, { resourceLimits, workerData: { mlopsProfileJob: job } });
        const onAbort = () => void worker.terminate();
        signal?.addEventListener("abort", onAbort, { once: true });
        worker.once("message", (m) => {
            signal?.removeEventListener("abort", onAbort);
            void worker.terminate();
            resolve(m);
        });
        worker.once("error", (e) => {
            signal?.removeEventListener("abort", onAbort);
            const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
            reject(oom ? new WorkerOutOfMemory(e.message) : e);
        });
        worker.once("exit", (code) => {
            if (code !== 0)
                reject(new Error(`profile worker exited with code ${code}`));
        });
    });
}
/**
 * Profiles one uncompressed CSV file with `threads` workers over byte ranges and merges their
 * profiles. A range starts at the first line start after its cut; the previous worker reads on to
 * the end of the row that crosses the cut, so the two must meet. When they do not (a quoted field
 * holding a line break crosses the cut), returns why, and the caller reads the file on one
 * thread, so a quoted newline never splits a row. Likewise when a worker runs out of heap.
 */
async function profileCsvParallel(head, size, threads, opts, rules) {
    const span = size - head.dataStart;
    const cuts = Array.from({ length: threads + 1 }, (_, i) => i === threads ? size : head.dataStart + Math.floor((span * i) / threads));
    const heapMb = opts.workerHeapMb ?? workerHeapMb(head.header.length);
    // One worker's failure stops the others.
    const halt = new AbortController();
    const onAbort = () => halt.abort();
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    let replies;
    try {
        replies = await Promise.all(cuts
            .slice(0, -1)
            .map((start, i) => runWorker({ head, start, stop: cuts[i + 1], first: i === 0, badRows: opts.badRows, rules }, halt.signal, heapMb)));
    }
    catch (error) {
        halt.abort();
        // A table wider than the cap allows: one thread (no cap) still profiles it.
        if (error instanceof WorkerOutOfMemory)
            return { oneThread: `a worker ran out of its ${heapMb} MiB heap (${head.header.length} columns)` };
        throw error;
    }
    finally {
        opts.signal?.removeEventListener("abort", onAbort);
    }
    for (let i = 0; i + 1 < replies.length; i++) {
        const r = replies[i];
        if (r.ok && r.end !== replies[i + 1].start)
            return { oneThread: "a quoted field holding a line break crosses a cut between the parts" };
        if (!r.ok)
            break;
    }
    let line = head.dataLine;
    const merged = new profile/* ProfileBuilder */.bZ(head.header);
    merged.files.push(head.file);
    for (const r of replies) {
        const toFile = (l) => (l === undefined ? undefined : l + line - 1);
        for (const b of r.bad)
            opts.onBadRow?.(head.file, { ...b, line: toFile(b.line) });
        if (!r.ok)
            throw new bundle_errors/* UserError */.yo(r.error.message, { file: head.file, line: toFile(r.error.line), column: r.error.column }, r.error.fix);
        // Rule hits and first lines came back in range-local lines.
        for (const c of r.profile.columns) {
            for (const k of Object.keys(c.firstLines))
                c.firstLines[k] = toFile(c.firstLines[k]);
            for (const hit of Object.values(c.rules ?? {}))
                hit.line = toFile(hit.line);
        }
        merged.merge(profile/* ProfileBuilder */.bZ.fromJSON(r.profile));
        line += r.newlines;
    }
    return merged;
}

// EXTERNAL MODULE: ./build/bundle/data/parquet.js
var parquet = __webpack_require__(73610);
// EXTERNAL MODULE: ./build/bundle/data/read.js
var data_read = __webpack_require__(60140);
// EXTERNAL MODULE: ./build/bundle/data/source.js
var source = __webpack_require__(82881);
;// CONCATENATED MODULE: ./build/bundle/data/profile-data.js







/** Files at least this big are split over worker threads; below it, starting workers costs more. */
const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/**
 * Profiles a file, a folder of files or an MLTable folder (a local path), or the files of a
 * dataset streamed from storage, in one streaming pass per file.
 */
async function profileData(data, opts) {
    const files = typeof data === "string"
        ? await Promise.all((await (0,data_read/* dataFiles */.qy)(data, opts.input ?? "data")).map(source/* statLocalFile */.Cg))
        : data;
    // One set of rules per column for all files, so `unique` sees a value repeated in another file.
    const rulesByColumn = new Map();
    const rulesFor = (c) => {
        let r = rulesByColumn.get(c);
        if (!r) {
            r = valueRules(opts.rules, c);
            rulesByColumn.set(c, r);
        }
        return r;
    };
    const read = { ...opts, rulesFor };
    let whole;
    for (const file of files) {
        const part = await profileFile(file, read, opts);
        if (whole)
            whole.merge(part);
        else
            whole = part;
    }
    if (!whole) {
        throw new bundle_errors/* UserError */.yo(`no data in '${typeof data === "string" ? data : "the dataset"}'`, {
            input: opts.input ?? "data",
        });
    }
    if (opts.labelColumn && !whole.columns.some((c) => c.name === opts.labelColumn)) {
        throw new bundle_errors/* UserError */.yo(`label column '${opts.labelColumn}' is not in the data`, { input: "labelColumn" }, `Use one of: ${whole.columns.map((c) => c.name).join(", ")}`);
    }
    const json = whole.toJSON({ labelColumn: opts.labelColumn });
    json.source.dataset = opts.dataset;
    return json;
}
async function profileFile(file, read, opts) {
    const size = file.size;
    if (size === 0)
        throw new bundle_errors/* UserError */.yo("is empty", { file: file.path }, "Give a file with a header row and at least one data row");
    const gzip = await (0,data_read/* isGzip */.bf)(file);
    const format = await (0,data_read/* detectFormat */.Tz)(file, gzip);
    if (format === "parquet")
        return (0,parquet/* profileParquetFile */.mU)(file, read);
    if (format === "jsonl")
        return (0,data_read/* profileJsonlFile */.SJ)(file, read);
    const head = await (0,data_read/* readCsvHead */.v3)(file, read);
    const threads = Math.max(1, Math.min(read.threads ?? (0,external_node_os_.availableParallelism)(), 8));
    // Worker threads reopen the file by path: only for files on this disk.
    const split = threads > 1 &&
        file.local !== undefined &&
        !head.gzip &&
        size >= (opts.parallelMinBytes ?? PARALLEL_MIN_BYTES) &&
        canUseWorkers();
    if (split && needsOneThread(opts.rules)) {
        // `unique` must see every value in one place, with its line.
        read.onNote?.(`${file.path}: read on one thread: a unique rule needs every value in one place`);
    }
    else if (split) {
        const merged = await profileCsvParallel(head, size, threads, read, opts.rules);
        if (!("oneThread" in merged)) {
            read.onNote?.(`${file.path}: read on ${threads} threads`);
            return merged;
        }
        read.onNote?.(`${file.path}: read again on one thread: ${merged.oneThread}`);
    }
    return (0,data_read/* profileCsvFile */.I5)(head, read, file);
}

;// CONCATENATED MODULE: ./build/bundle/data/report.js




/** The Markdown report: the verdict first, then a table per column, then the details. */
function renderReport(r) {
    const errors = r.findings.filter((f) => f.severity === "error");
    const warnings = r.findings.filter((f) => f.severity === "warning");
    const lines = [];
    lines.push(`### ${r.passed ? "✅" : "❌"} validate-data ${r.passed ? "passed" : "failed"}: \`${r.subject}\``);
    lines.push("");
    const verdict = [`**${errors.length} error(s), ${warnings.length} warning(s)**`];
    if (r.drift) {
        const d = r.drift;
        verdict.push(`drift in ${d.driftedColumns.length} of ${d.results.length} tested column(s) (${pct(d.share)}; the dataset counts as drifted at ${pct(d.threshold)}): **${d.drifted ? "dataset drifted" : "no dataset drift"}**`);
    }
    else if (r.createdBaseline)
        verdict.push(`baseline written to \`${r.createdBaseline}\``);
    else
        verdict.push("no baseline: schema and drift not compared");
    verdict.push(`fails on: ${r.failOn}`);
    lines.push(verdict.join(" · "));
    lines.push("");
    const facts = [
        `${r.profile.rows} rows${r.baseline ? ` (baseline ${r.baseline.rows})` : ""}`,
        `${r.profile.columns.length} columns`,
    ];
    if (r.profile.badRows > 0)
        facts.push(`${r.profile.badRows} bad row(s) skipped`);
    if (r.baselineName)
        facts.push(`baseline \`${r.baselineName}\``);
    if (r.drift && r.baseline) {
        facts.push(r.baseline.rows <= SMALL_REFERENCE
            ? "small reference: KS, chi-square and z-tests at p < 0.05"
            : "large reference: Wasserstein and Jensen–Shannon distances at ≥ 0.1");
    }
    lines.push(facts.join(" · "));
    lines.push("");
    if (errors.length + warnings.length > 0) {
        for (const f of [...errors, ...warnings].slice(0, 50)) {
            const where = f.file ? ` (${f.file}${f.line ? `:${f.line}` : ""})` : "";
            lines.push(`- ${f.severity === "error" ? "❌" : "⚠️"} ${f.column ? `\`${(0,markdown/* cell */.Hn)(f.column)}\` ` : ""}**${f.check}**: ${(0,markdown/* cell */.Hn)(f.message)}${where}`);
        }
        if (errors.length + warnings.length > 50)
            lines.push(`- … and ${errors.length + warnings.length - 50} more`);
        lines.push("");
    }
    lines.push(columnTable(r));
    lines.push("");
    const drifted = r.drift?.results.filter((x) => x.drifted) ?? [];
    if (drifted.length > 0) {
        lines.push("**What moved most**");
        lines.push("");
        for (const d of drifted)
            lines.push(`- \`${(0,markdown/* cell */.Hn)(d.column)}\`: ${d.message}`);
        lines.push("");
    }
    if (r.profile.labelColumn)
        lines.push(classBalance(r.profile, r.baseline), "");
    lines.push((0,markdown/* details */.zH)("Profile details", profileTable(r.profile)));
    lines.push("");
    return lines.join("\n");
}
function columnTable(r) {
    const base = new Map(r.baseline?.columns.map((c) => [c.name, c]) ?? []);
    const drift = new Map(r.drift?.results.map((d) => [d.column, d]) ?? []);
    const skipped = new Map(r.drift?.skipped.map((s) => [s.column, s.reason]) ?? []);
    const problems = new Map();
    for (const f of r.findings)
        if (f.column)
            problems.set(f.column, [...(problems.get(f.column) ?? []), f]);
    const names = [...r.profile.columns.map((c) => c.name)];
    for (const b of r.baseline?.columns ?? [])
        if (!names.includes(b.name))
            names.push(b.name);
    const cur = new Map(r.profile.columns.map((c) => [c.name, c]));
    const rows = names.map((name) => {
        const c = cur.get(name);
        const b = base.get(name);
        const d = drift.get(name);
        const fs = problems.get(name) ?? [];
        const verdict = fs.some((f) => f.severity === "error")
            ? "❌ error"
            : d?.drifted
                ? "⚠️ drift"
                : fs.length > 0
                    ? "⚠️ warning"
                    : "✅";
        const pair = (f) => b && c ? `${f(b)} → ${f(c)}` : c ? f(c) : b ? `${f(b)} → missing` : "";
        const test = d ? d.test : (skipped.get(name) ?? (b ? "" : "new"));
        const stat = d ? `${(0,markdown/* num */.bu)(d.score)} ${IS_P_VALUE[d.test] ? "(p)" : ""}`.trim() : "";
        const threshold = d ? `${IS_P_VALUE[d.test] ? "<" : "≥"} ${(0,markdown/* num */.bu)(d.threshold)}` : "";
        const spark = d ? `${(0,markdown/* sparkline */.KM)(d.bins.baseline)} / ${(0,markdown/* sparkline */.KM)(d.bins.current)}` : c ? (0,markdown/* sparkline */.KM)(hist(c)) : "";
        return [
            `\`${name}\``,
            pair((x) => x.type),
            pair((x) => pct(x.nullShare)),
            pair((x) => (x.numeric ? (0,markdown/* num */.bu)(x.numeric.mean) : `${(0,markdown/* num */.bu)(x.distinct.estimate)} distinct`)),
            test,
            stat,
            threshold,
            d ? (0,markdown/* num */.bu)(d.psi) : "",
            verdict,
            spark,
        ];
    });
    return (0,markdown/* table */.tp)([
        "column",
        "type",
        "nulls",
        "mean / distinct",
        "test",
        "score",
        "drift when",
        "PSI",
        "verdict",
        r.baseline ? "baseline / now" : "histogram",
    ], rows);
}
function hist(c) {
    if (c.numeric)
        return c.numeric.histogram.counts;
    return c.top.items.slice(0, 20).map((i) => i[1]);
}
function classBalance(p, baseline) {
    const label = p.labelColumn;
    const c = p.columns.find((x) => x.name === label);
    const b = baseline?.columns.find((x) => x.name === label);
    if (!c)
        return "";
    const n = c.count - c.nulls;
    const bn = b ? b.count - b.nulls : 0;
    const bmap = new Map(b?.top.items ?? []);
    const rows = c.top.items.slice(0, 20).map(([v, k]) => [v, k, pct(k / n), b ? pct((bmap.get(v) ?? 0) / bn) : "–"]);
    return `**Class balance of \`${label}\`**\n\n${(0,markdown/* table */.tp)(["class", "rows", "share", "baseline share"], rows)}`;
}
function profileTable(p) {
    const rows = p.columns.map((c) => {
        const q = c.numeric?.quantiles;
        return [
            `\`${c.name}\``,
            c.type,
            c.violations,
            c.count,
            c.nulls,
            (0,markdown/* num */.bu)(c.distinct.estimate),
            c.numeric
                ? `${(0,markdown/* num */.bu)(c.numeric.min)} / ${(0,markdown/* num */.bu)(q?.p25)} / ${(0,markdown/* num */.bu)(q?.p50)} / ${(0,markdown/* num */.bu)(q?.p75)} / ${(0,markdown/* num */.bu)(c.numeric.max)}`
                : c.dates
                    ? `${c.dates.min} … ${c.dates.max}`
                    : "",
            c.numeric ? `${(0,markdown/* num */.bu)(c.numeric.mean)} ± ${(0,markdown/* num */.bu)(c.numeric.std)}` : "",
            `${c.lengths.min}–${c.lengths.max} (${(0,markdown/* num */.bu)(c.lengths.mean)})`,
            c.top.items
                .slice(0, 3)
                .map(([v, n]) => `${v.length > 20 ? `${v.slice(0, 20)}…` : v} (${n})`)
                .join(", "),
        ];
    });
    return (0,markdown/* table */.tp)([
        "column",
        "type",
        "violations",
        "count",
        "nulls",
        "distinct",
        "min / p25 / p50 / p75 / max",
        "mean ± std",
        "length",
        "top values",
    ], rows);
}

// EXTERNAL MODULE: ./build/bundle/names.js
var names = __webpack_require__(28613);
// EXTERNAL MODULE: ./build/bundle/pipeline/suggest.js
var suggest = __webpack_require__(95854);
// EXTERNAL MODULE: ./build/bundle/references.js
var references = __webpack_require__(63743);
// EXTERNAL MODULE: ./build/bundle/util/sas.js
var sas = __webpack_require__(3043);
;// CONCATENATED MODULE: ./build/bundle/tasks/validate-data.js















const REF = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,254})@(\d+|latest)$/;
/** `https://…`, `abfss://…`: a URL where a local file is wanted. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * A URL is neither a local path nor a dataset reference: said at once (resolved as a path it
 * would become a folder named `https:` and echo a SAS into "does not exist"). Data in storage is
 * read through a registered dataset, streamed where it lies.
 */
function refuseUrl(ctx, value, input) {
    if (!(0,references/* looksLikeUri */.aB)(value))
        return;
    (0,sas/* registerSas */.$D)(value, (v) => ctx.log.secret(v));
    throw new bundle_errors/* UserError */.yo(`'${(0,sas/* showUri */.qZ)(value)}' is a URL; ${input} takes a local file or folder, or a registered dataset (name@version)`, { input }, "Register the data with register-dataset (on backend azureml a storage URL is registered in place, a SAS URL as its datastore path) and give name@version, or download it first");
}
/** A path that exists, else a dataset reference `name@version` resolved through the workspace. */
async function resolveData(ctx, value, input) {
    refuseUrl(ctx, value, input);
    const path = (0,external_node_path_.resolve)(ctx.cwd, value);
    const exists = await (0,promises_.stat)(path).then(() => true, () => false);
    const m = REF.exec(value);
    if (exists || !m)
        return { path, label: value };
    const [, name, version] = m;
    (0,names/* checkName */.I3)("data asset", name, input);
    const ds = await ctx.workspace.datasets.get(name, version);
    if (!ds) {
        const versions = (await ctx.workspace.datasets.list(name)).map((d) => d.version);
        throw new bundle_errors/* UserError */.yo(versions.length === 0 ? `no dataset '${name}' in the workspace` : `dataset '${name}' has no version ${version}`, { input }, versions.length === 0
            ? "Register it first with register-dataset, or give a file path"
            : `Use one of: ${versions.join(", ")}, latest`);
    }
    const label = `${name}@${ds.version}`;
    const store = ctx.workspace.datasets;
    // Streamed where it lies when the backend can (on Azure: ranged reads of the blobs, no download).
    const files = store.openFiles
        ? await (0,dataset_files/* selectDatasetFiles */.c)((await store.openFiles(ds, ctx.log)).map((f) => ({
            rel: f.path,
            file: { path: f.local ?? `${label}/${f.path}`, size: f.size, local: f.local, open: (s, e) => f.open(s, e) },
        })), label, input)
        : await store.localPath(ds, ctx.log);
    return { path: files, label, dataset: { name, version: ds.version } };
}
function parseColumnTests(lines) {
    const out = {};
    for (const line of lines) {
        const m = /^([^=]+)=([a-z]+)(?::([0-9.eE+-]+))?$/.exec(line);
        const test = m?.[2];
        const threshold = m?.[3] === undefined ? undefined : Number(m[3]);
        if (!m ||
            !(TEST_NAMES.includes(test) || test === "none") ||
            (threshold !== undefined && !(threshold > 0))) {
            throw new bundle_errors/* UserError */.yo(`'${line}' is not column=test[:threshold]`, { input: "columnTests" }, `Write for example age=psi:0.2; tests: ${TEST_NAMES.join(", ")}, none`);
        }
        out[m[1].trim()] = { test: test, threshold };
    }
    return out;
}
function stamp() {
    return new Date().toISOString().replace(/[:.]/g, "-");
}
function csvCell(v) {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
const HISTORY = "validations/history.csv";
const HISTORY_HEADER = "time,dataset,version,rows,columns,errors,warnings,tested_columns,drifted_columns,drift_share,dataset_drifted,passed,drifted,profile";
async function run(ctx) {
    const { inputs, log, workspace } = ctx;
    const failOn = inputs.choice("failOn") ?? "error";
    const createBaseline = inputs.boolean("createBaseline");
    const badRows = inputs.choice("badRows") ?? "error";
    let delimiter = inputs.string("delimiter");
    if (delimiter === "\\t" || delimiter === "tab")
        delimiter = "\t";
    if (delimiter !== undefined && delimiter.length !== 1) {
        throw new bundle_errors/* UserError */.yo(`'${delimiter}' is not one character`, { input: "delimiter" }, "Use one character such as ; or \\t, or leave it empty to sniff");
    }
    const overrides = parseColumnTests(inputs.list("columnTests"));
    const driftShareInput = inputs.number("driftShare");
    if (driftShareInput !== undefined && !(driftShareInput > 0 && driftShareInput <= 1)) {
        throw new bundle_errors/* UserError */.yo(`${driftShareInput} is not a share in (0, 1]`, { input: "driftShare" }, "Use a share such as 0.5");
    }
    const rulesPath = inputs.string("rules");
    if (rulesPath && URL_LIKE.test(rulesPath)) {
        throw new bundle_errors/* UserError */.yo(`'${(0,sas/* showUri */.qZ)(rulesPath)}' is a URL; rules takes a YAML file in the checkout`, { input: "rules" }, "Commit the rules file with the workflow and give its path, such as data/diabetes.rules.yml");
    }
    const rules = rulesPath ? await readRules((0,external_node_path_.resolve)(ctx.cwd, rulesPath)) : undefined;
    const baselineInput = inputs.string("baseline");
    if (baselineInput)
        refuseUrl(ctx, baselineInput, "baseline");
    // Checked before the data is read: a profile path that is a folder would fail only at the end.
    for (const name of ["writeProfile", ...(createBaseline ? ["baseline"] : [])]) {
        const target = inputs.string(name);
        // A URL would be written as a local folder named `https:`, its SAS in a file name.
        if (target && URL_LIKE.test(target)) {
            throw new bundle_errors/* UserError */.yo(`'${(0,sas/* showUri */.qZ)(target)}' is a URL; ${name} writes a local file`, { input: name }, "Give a file path such as profiles/data.profile.json, and upload it in a later step if it must go to storage");
        }
        if (target && (await isFolder((0,external_node_path_.resolve)(ctx.cwd, target)))) {
            throw new bundle_errors/* UserError */.yo(`'${target}' is a folder`, { input: name }, "Give a file path for the profile JSON, such as profiles/data.profile.json");
        }
        const blocker = target ? await fileOnTheWay((0,external_node_path_.resolve)(ctx.cwd, target)) : undefined;
        if (blocker) {
            throw new bundle_errors/* UserError */.yo(`'${target}' cannot be written: '${blocker}' is a file, not a folder`, { input: name }, "Give a file path whose folders are folders (missing ones are created)");
        }
    }
    if (createBaseline && !baselineInput && !inputs.has("writeProfile")) {
        throw new bundle_errors/* UserError */.yo("createBaseline needs somewhere to write", { input: "baseline" }, "Set 'baseline' to the profile JSON path to create");
    }
    if (createBaseline && REF.test(baselineInput ?? "")) {
        throw new bundle_errors/* UserError */.yo("createBaseline writes a profile file, not a dataset", { input: "baseline" }, "Give a path such as baseline/data.profile.json");
    }
    const data = await resolveData(ctx, inputs.requiredString("data"), "data");
    const labelColumn = inputs.string("labelColumn");
    let shownBad = 0;
    const options = {
        badRows,
        delimiter,
        rules,
        labelColumn,
        dataset: data.dataset,
        signal: ctx.signal,
        onNote: (message) => log.info(message),
        onBadRow: (file, bad) => {
            if (shownBad++ < 5)
                log.warning(`skipped row: ${bad.message}${bad.column ? ` (column ${bad.column})` : ""}`, {
                    file,
                    line: bad.line,
                    column: bad.column,
                });
        },
    };
    const started = Date.now();
    const profile = await log.group(`Profile ${data.label}`, () => profileData(data.path, options));
    log.info(`${profile.rows} rows, ${profile.columns.length} columns profiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (profile.badRows > 0)
        log.warning(`${profile.badRows} malformed row(s) skipped (badRows: skip)`);
    // Paths inside the checkout are kept relative: a committed baseline then names the same files on
    // every machine, and annotations point at repository paths.
    const display = (f) => {
        const rel = (0,external_node_path_.relative)(ctx.cwd, f);
        return rel.startsWith("..") || (0,external_node_path_.isAbsolute)(rel) ? f : rel.split(external_node_path_.sep).join("/");
    };
    profile.source.files = profile.source.files.map(display);
    if (rules?.file)
        rules.file = display(rules.file);
    // The baseline: a profile file, a dataset's stored profile, or the dataset profiled now.
    let baseline;
    let baselineName;
    let createdBaseline;
    if (createBaseline) {
        createdBaseline = (0,external_node_path_.resolve)(ctx.cwd, baselineInput ?? inputs.string("writeProfile"));
        await (0,files/* writeAtomic */.vZ)(createdBaseline, `${JSON.stringify(profile)}\n`);
        log.info(`Baseline profile written to ${createdBaseline}`);
    }
    else if (baselineInput) {
        const asPath = (0,external_node_path_.resolve)(ctx.cwd, baselineInput);
        const isFile = await (0,promises_.stat)(asPath).then((s) => s.isFile(), () => false);
        if (isFile || !REF.test(baselineInput)) {
            baseline = await readProfile(asPath, "baseline");
            baselineName = baselineInput;
        }
        else {
            const ref = await resolveData(ctx, baselineInput, "baseline");
            baselineName = ref.label;
            const stored = ref.dataset
                ? await workspace.artifacts.read(`profiles/${ref.dataset.name}/${ref.dataset.version}/profile.json`)
                : undefined;
            if (stored)
                baseline = parseProfile(stored.toString("utf8"), `profiles/${ref.label}`, "baseline");
            else {
                baseline = await log.group(`Profile baseline ${ref.label}`, () => profileData(ref.path, {
                    ...options,
                    rules: undefined,
                    labelColumn: undefined,
                    dataset: ref.dataset,
                    input: "baseline",
                }));
                // Kept, so the next run against this version reads the profile instead of the data.
                if (ref.dataset) {
                    await workspace.artifacts.write(`profiles/${ref.dataset.name}/${ref.dataset.version}/profile.json`, `${JSON.stringify(baseline)}\n`);
                }
            }
        }
    }
    // A test override for a column the data does not have would silently test nothing.
    const columnNames = profile.columns.map((c) => c.name);
    for (const column of Object.keys(overrides)) {
        if (!columnNames.includes(column)) {
            throw new bundle_errors/* UserError */.yo(`names the column '${column}', which ${data.label} does not have`, { input: "columnTests" }, (0,suggest/* suggestion */.h)(column, columnNames, "one of its columns"));
        }
    }
    const findings = [];
    if (rules)
        findings.push(...checkRules(rules, profile));
    let drift;
    if (baseline) {
        findings.push(...checkAgainstBaseline(baseline, profile, baselineName ?? "baseline"));
        const ruleOverrides = Object.fromEntries(Object.entries(rules?.columns ?? {}).flatMap(([c, r]) => (r.drift ? [[c, r.drift]] : [])));
        drift = testDrift(baseline, profile, { ...ruleOverrides, ...overrides }, driftShareInput ?? rules?.drift?.share ?? 0.5);
    }
    const errors = findings.filter((f) => f.severity === "error");
    for (const f of findings) {
        const msg = `${f.column ? `${f.column}: ` : ""}${f.check}: ${f.message}`;
        const where = f.file ? { file: f.file, line: f.line } : undefined;
        if (f.severity === "error")
            log.error(msg, where);
        else
            log.warning(msg, where);
    }
    for (const d of drift?.results.filter((r) => r.drifted) ?? [])
        log.warning(`${d.column}: drift (${d.test} ${d.score.toPrecision(3)}): ${d.message}`);
    const passed = failOn === "never" || (errors.length === 0 && !(failOn === "drift" && drift?.drifted));
    const report = renderReport({
        subject: data.label,
        passed,
        failOn,
        profile,
        baseline,
        baselineName,
        findings,
        drift,
        createdBaseline,
    });
    // Keep this validation in the workspace: profile and report by dataset, version and time.
    const name = data.dataset?.name ??
        (0,external_node_path_.basename)(data.path).replace(/\.(csv|tsv|jsonl|ndjson|json|txt|parquet|pq)(\.gz)?$/i, "");
    const version = data.dataset?.version ?? "file";
    const key = `validations/${name}/${version}/${stamp()}`;
    const profileText = `${JSON.stringify(profile)}\n`;
    const storedProfile = await workspace.artifacts.write(`${key}/profile.json`, profileText);
    const reportPath = await workspace.artifacts.write(`${key}/report.md`, report);
    if (data.dataset)
        await workspace.artifacts.write(`profiles/${data.dataset.name}/${data.dataset.version}/profile.json`, profileText);
    let profilePath = storedProfile;
    if (inputs.has("writeProfile")) {
        profilePath = (0,external_node_path_.resolve)(ctx.cwd, inputs.string("writeProfile"));
        await (0,files/* writeAtomic */.vZ)(profilePath, profileText);
    }
    const warnings = findings.length - errors.length;
    await workspace.artifacts.append(HISTORY, [
        new Date().toISOString(),
        name,
        version,
        profile.rows,
        profile.columns.length,
        errors.length,
        warnings,
        drift?.results.length ?? 0,
        drift?.driftedColumns.length ?? 0,
        drift ? drift.share.toFixed(4) : "",
        drift?.drifted ?? "",
        passed,
        (drift?.driftedColumns ?? []).join(" "),
        storedProfile,
    ]
        .map((v) => csvCell(v))
        .join(","), HISTORY_HEADER);
    const outputs = {
        passed: String(passed),
        driftedColumns: JSON.stringify(drift?.driftedColumns ?? []),
        profile: profilePath,
        report: reportPath,
    };
    if (passed)
        return { outputs, summary: report };
    const why = [
        errors.length > 0
            ? `${errors.length} error(s): ${errors
                .slice(0, 3)
                .map((e) => `${e.column ? `${e.column} ` : ""}${e.check}`)
                .join(", ")}`
            : "",
        drift?.drifted ? `dataset drift in ${drift.driftedColumns.join(", ")}` : "",
    ].filter(Boolean);
    return { outputs, summary: report, failure: `validate-data failed (failOn: ${failOn}): ${why.join("; ")}` };
}
/** The nearest existing folder of `path`'s parents that is a file after all, if any. */
async function fileOnTheWay(path) {
    for (let dir = (0,external_node_path_.dirname)(path); (0,external_node_path_.dirname)(dir) !== dir; dir = (0,external_node_path_.dirname)(dir)) {
        const info = await (0,promises_.stat)(dir).catch(() => undefined);
        if (info)
            return info.isDirectory() ? undefined : dir;
    }
    return undefined;
}
async function isFolder(path) {
    try {
        return (await (0,promises_.stat)(path)).isDirectory();
    }
    catch {
        return false;
    }
}


/***/ })

};
