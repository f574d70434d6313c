import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { resolveOptionalSections } from "../../src/pipeline/expressions.js";
import type { SweepSpec } from "../../src/pipeline/model.js";
import { loadPipeline } from "../../src/pipeline/parse.js";
import { planPipeline } from "../../src/pipeline/plan.js";
import { mermaid, planLines } from "../../src/pipeline/render.js";
import { splitCommand } from "../../src/pipeline/shell-words.js";
import { sampleTrials, shouldTerminate } from "../../src/pipeline/sweep.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "pipelines");

describe("splitting a command into argument arrays without a shell", () => {
  it("splits words, honours quotes and escapes, and keeps ${{...}} whole", () => {
    expect(splitCommand(`python train.py --msg "a b" --x 'c d' e\\ f --lr \${{ inputs.lr }}`)).toEqual([
      ["python", "train.py", "--msg", "a b", "--x", "c d", "e f", "--lr", "${{ inputs.lr }}"],
    ]);
  });

  it("runs commands joined by && ; and newlines in order, and folds backslash-newline", () => {
    expect(splitCommand("echo one && echo two; echo three\necho \\\n  four # a comment")).toEqual([
      ["echo", "one"],
      ["echo", "two"],
      ["echo", "three"],
      ["echo", "four"],
    ]);
  });

  it("expands $NAME and ${NAME} from the step's environment, not inside single quotes", () => {
    expect(splitCommand(`echo $HOME "\${HOME}/x" '$HOME' $UNSET`, { env: { HOME: "/h" } })).toEqual([
      ["echo", "/h", "/h/x", "$HOME"],
    ]);
  });

  it("refuses pipes, redirections and command substitution, saying why", () => {
    for (const bad of ["python a.py | tee log", "python a.py > out.txt", "echo $(date)", "echo `date`", "sleep 1 &"]) {
      const error = (() => {
        try {
          splitCommand(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).describe()).toMatch(/needs a shell\. Local steps run without a shell/);
    }
  });

  it("drops $[[...]] sections whose inputs are not given and keeps the others", () => {
    const cmd = "python t.py $[[--a ${{inputs.a}}]] $[[--b ${{inputs.b}}]]";
    expect(resolveOptionalSections(cmd, (n) => n === "a")).toBe("python t.py --a ${{inputs.a}} ");
  });
});

describe("sweep sampling and early termination", () => {
  const spec = (over: Partial<SweepSpec> = {}): SweepSpec => ({
    searchSpace: {
      lr: { type: "loguniform", params: { min_value: -4, max_value: -1 }, where: {} },
      depth: { type: "choice", values: [2, 4, 8], params: {}, where: {} },
      n: { type: "randint", params: { upper: 5 }, where: {} },
      q: { type: "quniform", params: { min_value: 0, max_value: 10, q: 2 }, where: {} },
    },
    sampling: { type: "random", seed: 3 },
    objective: { goal: "maximize", primaryMetric: "acc" },
    limits: { maxTotalTrials: 20, maxConcurrentTrials: 2 },
    ...over,
  });

  it("samples within each distribution's support, the same trials for the same seed", () => {
    const trials = sampleTrials(spec(), 0);
    expect(trials).toHaveLength(20);
    for (const t of trials) {
      expect(t.lr).toBeGreaterThanOrEqual(Math.exp(-4));
      expect(t.lr).toBeLessThanOrEqual(Math.exp(-1));
      expect([2, 4, 8]).toContain(t.depth);
      expect(Number.isInteger(t.n) && (t.n as number) >= 0 && (t.n as number) < 5).toBe(true);
      expect((t.q as number) % 2).toBe(0);
    }
    expect(sampleTrials(spec(), 0)).toEqual(trials);
    expect(sampleTrials(spec({ sampling: { type: "random", seed: 4 } }), 0)).not.toEqual(trials);
  });

  it("grid sampling enumerates every combination of choices, up to max_total_trials", () => {
    const grid = spec({
      searchSpace: {
        a: { type: "choice", values: [1, 2], params: {}, where: {} },
        b: { type: "choice", values: ["x", "y", "z"], params: {}, where: {} },
      },
      sampling: { type: "grid" },
      limits: { maxTotalTrials: Number.POSITIVE_INFINITY, maxConcurrentTrials: 1 },
    });
    expect(sampleTrials(grid, 0)).toHaveLength(6);
    expect(sampleTrials({ ...grid, limits: { maxTotalTrials: 4, maxConcurrentTrials: 1 } }, 0)).toHaveLength(4);
  });

  it("bandit stops a trial that falls outside the slack of the best one, after the delay", () => {
    const bandit = spec({
      earlyTermination: { type: "bandit", evaluationInterval: 1, delayEvaluation: 2, slackFactor: 0.1 },
    });
    const best = [0.5, 0.7, 0.9];
    const close = [0.5, 0.7, 0.85];
    const poor = [0.1, 0.2, 0.3];
    expect(shouldTerminate(bandit, poor.slice(0, 2), [best, poor.slice(0, 2)])).toBe(false);
    expect(shouldTerminate(bandit, poor, [best, close, poor])).toBe(true);
    expect(shouldTerminate(bandit, close, [best, close, poor])).toBe(false);
    const minimize = spec({
      objective: { goal: "minimize", primaryMetric: "loss" },
      earlyTermination: { type: "bandit", evaluationInterval: 1, delayEvaluation: 0, slackAmount: 0.2 },
    });
    expect(shouldTerminate(minimize, [1.5], [[1.0], [1.5]])).toBe(true);
    expect(shouldTerminate(minimize, [1.1], [[1.0], [1.1]])).toBe(false);
  });

  it("median stopping and truncation selection stop the laggards", () => {
    const median = spec({ earlyTermination: { type: "median_stopping", evaluationInterval: 1, delayEvaluation: 0 } });
    const all = [
      [0.8, 0.9],
      [0.7, 0.8],
      [0.1, 0.2],
    ];
    expect(shouldTerminate(median, all[2], all)).toBe(true);
    expect(shouldTerminate(median, all[0], all)).toBe(false);
    const trunc = spec({
      earlyTermination: {
        type: "truncation_selection",
        evaluationInterval: 1,
        delayEvaluation: 0,
        truncationPercentage: 40,
      },
    });
    const four = [[0.9], [0.8], [0.3], [0.1]];
    expect(shouldTerminate(trunc, four[3], four)).toBe(true);
    expect(shouldTerminate(trunc, four[1], four)).toBe(false);
  });
});

describe("planning", () => {
  it("orders steps by dependency, groups independent ones, and draws the DAG", async () => {
    const { job, problems } = await loadPipeline(join(FIXTURES, "features", "nested", "pipeline.yml"));
    const { plan } = planPipeline(job, problems);
    expect(problems.list).toEqual([]);
    expect(plan.steps.map((s) => s.id)).toEqual(["slow/fit", "slow/score", "fast/fit", "fast/score", "pick"]);
    expect(plan.levels).toEqual([["slow/fit", "fast/fit"], ["slow/score", "fast/score"], ["pick"]]);
    expect(plan.outputs).toEqual({ best_model: { step: "pick", output: "best" } });
    const fit = plan.steps.find((s) => s.id === "fast/fit")!;
    expect(fit.inputs).toMatchObject({
      rate: { kind: "value", value: 0.2 },
      steps: { kind: "value", value: 50 },
      data: { kind: "data", type: "uri_file" },
    });
    expect(plan.steps.find((s) => s.id === "slow/fit")!.inputs.steps).toEqual({ kind: "none" });
    const graph = mermaid(plan, ["slow/fit"]);
    expect(graph.split("\n")).toEqual(
      expect.arrayContaining([
        '  s_slow_fit["slow/fit ♻"]',
        "  s_slow_fit -->|model| s_slow_score",
        "  s_pick -->|best| out_best_model",
      ]),
    );
    expect(planLines(plan)).toContain("Stage 1 (2 steps in parallel):");
  });

  it("a `set` override changes what the plan binds", async () => {
    const { job, problems } = await loadPipeline(join(FIXTURES, "features", "nested", "pipeline.yml"), {
      set: ["inputs.fast_rate=0.05", "jobs.fast.inputs.steps=5"],
    });
    const { plan } = planPipeline(job, problems);
    expect(plan.steps.find((s) => s.id === "fast/fit")!.inputs).toMatchObject({
      rate: { value: 0.05 },
      steps: { value: 5 },
    });
  });
});
