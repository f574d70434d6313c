// A failed step is reported in one error line that gives the reason: a Python exception with the
// user's own file:line (the innermost frame in the step's code), or the last error-like stderr
// line of another command — never a header such as "Last lines of ..." or a banner.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureReason } from "../../src/util/failure-reason.js";
import { serviceReason } from "../../src/workspace/azureml/jobs.js";
import { runCliTask, tempDir } from "../helpers.js";
import { runBundle } from "../hosts/run-bundle.js";

describe("failureReason", () => {
  it("a traceback: the exception line and the innermost frame in the user's code", () => {
    const text = [
      "Traceback (most recent call last):",
      '  File "/w/code/train.py", line 3, in <module>',
      "    helper.go(3)",
      '  File "/w/code/lib/helper.py", line 6, in go',
      "    np.log(-1 / 0)",
      '  File "/usr/lib/python3/dist-packages/numpy/core.py", line 99, in log',
      "    raise FloatingPointError('x')",
      "FloatingPointError: divide by zero",
    ].join("\n");
    const mine = (p: string) => (p.startsWith("/w/code/") ? p.slice(8) : undefined);
    expect(failureReason(text, mine)).toEqual({
      message: "FloatingPointError: divide by zero",
      file: "lib/helper.py",
      line: 6,
    });
  });

  it("a chained exception: the last one, which ended the process", () => {
    const text = [
      "Traceback (most recent call last):",
      '  File "/w/a.py", line 2, in <module>',
      "KeyError: 'lr'",
      "",
      "During handling of the above exception, another exception occurred:",
      "",
      "Traceback (most recent call last):",
      '  File "/w/a.py", line 4, in <module>',
      "RuntimeError: the config has no learning rate",
    ].join("\n");
    expect(failureReason(text, (p) => p)).toEqual({
      message: "RuntimeError: the config has no learning rate",
      file: "/w/a.py",
      line: 4,
    });
  });

  it("a SyntaxError (no Traceback header, a frame without ', in')", () => {
    const text = ['  File "/w/train.py", line 7', "    def f(:", "          ^", "SyntaxError: invalid syntax"].join(
      "\n",
    );
    expect(failureReason(text, (p) => p)).toEqual({
      message: "SyntaxError: invalid syntax",
      file: "/w/train.py",
      line: 7,
    });
  });

  it("other commands: the last error-like line, skipping banners, headers and log pointers", () => {
    expect(failureReason("Compiling...\nerror: cannot open data.bin\n==== BUILD FAILED ====\n")?.message).toBe(
      "error: cannot open data.bin",
    );
    expect(
      failureReason(
        "npm ERR! code ENOENT\nnpm ERR! enoent Could not read package.json\nnpm ERR! A complete log of this run can be found in:\n",
      )?.message,
    ).toBe("npm ERR! enoent Could not read package.json");
    expect(failureReason("Error in fit(x) : object 'y' not found\nCalls: fit\nExecution halted\n")?.message).toBe(
      "Error in fit(x) : object 'y' not found",
    );
    expect(failureReason("just one line\n")?.message).toBe("just one line");
    expect(failureReason("\n\n")).toBeUndefined();
  });

  it("Azure ML's step error: the header is dropped, the frame in the working folder is the user's file", () => {
    const message = [
      "Execution failed. User process 'python' exited with status code 1. Please check log file 'user_logs/std_log.txt' for error details. Error: Traceback (most recent call last):",
      '  File "/mnt/azureml/cr/j/0a1b/exe/wd/train.py", line 12, in <module>',
      "    fit(df)",
      "ValueError: Input contains NaN",
      "",
    ].join("\n");
    expect(serviceReason(message)).toEqual({
      error: "ValueError: Input contains NaN",
      where: { file: "train.py", line: 12 },
    });
    const r = serviceReason(
      "Execution failed. User process 'Rscript' exited with status code 1. Please check log file 'user_logs/std_log.txt' for error details. Error: Error in library(x) : there is no package called 'x'\nExecution halted\n",
    );
    expect(r).toEqual({ error: "Error in library(x) : there is no package called 'x'" });
  });
});

describe("a failed local step: one error line with the reason", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir("mlops-step-reason-"));
    await mkdir(join(dir, "src"));
    await writeFile(join(dir, "src", "train.py"), "import helper\nprint('Loading data...')\nhelper.go(3)\n");
    await writeFile(
      join(dir, "src", "helper.py"),
      [
        "def go(n):",
        "    check(n)",
        "",
        "def check(n):",
        "    if n > 2:",
        '        raise ValueError(f"learning rate {n} is out of range (0, 1]")',
        "",
      ].join("\n"),
    );
    // Prints an error-looking line to stdout first: the reason still comes from stderr.
    await writeFile(
      join(dir, "src", "noisy.py"),
      "print('ERROR: this is only a log message on stdout')\nprint('=' * 40)\nraise RuntimeError('the model did not converge')\n",
    );
    const pipeline = (command: string, code = "    code: ./src\n") =>
      `type: pipeline\njobs:\n  train:\n    type: command\n${code}    command: ${JSON.stringify(command)}\n`;
    await writeFile(join(dir, "traceback.yml"), pipeline("python train.py"));
    await writeFile(join(dir, "print-then-raise.yml"), pipeline("python noisy.py"));
    await writeFile(
      join(dir, "not-python.yml"),
      pipeline(
        `sh -c 'echo "Reading config" >&2; echo "fatal: cannot read /nonexistent/config.toml: No such file" >&2; echo "==== 1 step FAILED ====" >&2; echo "See the log for details:" >&2; exit 4'`,
        "",
      ),
    );
  });
  afterAll(() => cleanup());

  const failOf = async (pipeline: string) => {
    const run = await runCliTask("submit-pipeline", { pipeline, workspaceDir: ".ws" }, dir);
    expect(run.exitCode).toBe(1);
    const errors = run.stderr.filter((l) => l.startsWith("error:"));
    expect(errors).toHaveLength(1);
    expect(run.stderr.join("\n")).not.toMatch(/Last lines/);
    return errors[0];
  };

  it("a traceback: the exception and the user's file:line (not the snapshot in the job folder)", async () => {
    expect(await failOf("traceback.yml")).toMatch(
      /^error: Pipeline job \S+ Failed: step 'train' exited with code 1: ValueError: learning rate 3 is out of range \(0, 1\] \(src\/helper\.py:6\)$/,
    );
  });

  it("print, then raise: the exception, not the error-looking print", async () => {
    expect(await failOf("print-then-raise.yml")).toMatch(
      /step 'train' exited with code 1: RuntimeError: the model did not converge \(src\/noisy\.py:3\)$/,
    );
  });

  it("on GitHub the one error annotation points at the user's file and line", async () => {
    await writeFile(join(dir, "out"), "");
    await writeFile(join(dir, "summary"), "");
    const root = join(import.meta.dirname, "..", "..");
    const r = await runBundle(
      join(root, "src", "entry", "github.ts"),
      dir,
      {
        GITHUB_OUTPUT: join(dir, "out"),
        GITHUB_STEP_SUMMARY: join(dir, "summary"),
        GITHUB_WORKSPACE: dir,
        INPUT_TASK: "submit-pipeline",
        INPUT_PIPELINE: "traceback.yml",
        INPUT_WORKSPACEDIR: ".ws-gh",
      },
      [],
      ["--import", join(root, "node_modules", "tsx", "dist", "esm", "index.mjs")],
    );
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => l.startsWith("::error"))).toEqual([
      expect.stringMatching(
        /^::error file=src\/helper\.py,line=6::Pipeline job \S+ Failed: step 'train' exited with code 1: ValueError: learning rate 3 is out of range \(0, 1\] \(src\/helper\.py:6\)$/,
      ),
    ]);
  });

  it("a command that is not python: its last error-like stderr line, not the banner after it", async () => {
    expect(await failOf("not-python.yml")).toMatch(
      /step 'train' exited with code 4: fatal: cannot read \/nonexistent\/config\.toml: No such file$/,
    );
  });
});
