/**
 * The Python side of a local batch job: one worker process. It loads the deployment's scoring
 * script the way Azure ML's batch deployments do (the code folder as working directory and first
 * on sys.path, AZUREML_MODEL_DIR set by the caller), calls init() once, then run(mini_batch) for
 * each mini-batch read from stdin (one JSON line: an id and a list of file paths), and answers one
 * JSON line per mini-batch on the original stdout; the script's own prints go to stderr.
 *
 * The answer carries the rows already formatted as Azure ML's `append_row` output action writes
 * them (https://learn.microsoft.com/azure/machine-learning/how-to-batch-scoring-script, "How to
 * write predictions?"): everything run() returns is appended to the output file; a pandas
 * DataFrame is written without its column names (and without the index), one line per row, its
 * values separated by a space, which is how Azure's own example reads the file back
 * (azureml-examples, sdk/python/endpoints/batch/deploy-models/mnist-classifier/mnist-batch.ipynb:
 * `pd.read_csv("named-outputs/score/predictions.csv", header=None, names=[...], sep=" ")`); a
 * list or array is written one element per line, each as str() makes it: the same page warns that
 * complex elements "are transformed to strings", and Azure's MLflow batch page (an earlier
 * how-to-mlflow-batch.md, whose generated run() returns [file, prediction] lists) reads the file back
 * with `literal_eval` line by line, warning that it "may not be a regular CSV file". Standard library
 * only; shipped as a string so the dist/ bundles need no extra files, and run with `python -c`.
 */
export const BATCH_WORKER_PY = `# mlops-action: one local batch scoring worker.
import importlib.util
import json
import os
import sys
import traceback


def where(error, code_dir):
    # file:line: a syntax error's own position, else the innermost frame in the scoring code.
    if isinstance(error, SyntaxError) and error.filename:
        return [error.filename, error.lineno]
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if os.path.abspath(f.filename).startswith(code_dir + os.sep)]
    frame = (mine or frames or [None])[-1]
    return [frame.filename, frame.lineno] if frame else None


def failure(stage, error, code_dir, batch_id=None):
    traceback.print_exc()
    sys.stderr.flush()
    detail = error.msg if isinstance(error, SyntaxError) else str(error)
    out = {"error": stage, "type": type(error).__name__, "message": detail, "where": where(error, code_dir)}
    if batch_id is not None:
        out["id"] = batch_id
    return out


def append_rows(result):
    # A pandas DataFrame: its rows, space-separated, no header, no index (Azure's append_row).
    if type(result).__module__.split(".")[0] == "pandas" and hasattr(result, "to_csv") and hasattr(result, "columns"):
        try:
            text = result.to_csv(sep=" ", header=False, index=False, lineterminator="\\n")
        except TypeError:  # pandas before 1.5 names it line_terminator
            text = result.to_csv(sep=" ", header=False, index=False, line_terminator="\\n")
        return len(result), text
    if result is None or isinstance(result, (str, bytes, dict)) or not hasattr(result, "__iter__"):
        raise TypeError(
            "run() returned %s; return a list (one element per row) or a pandas DataFrame" % type(result).__name__
        )
    rows = [str(x) for x in result]
    return len(rows), "".join(row + "\\n" for row in rows)


def main():
    script = os.path.abspath(sys.argv[1])
    code_dir = os.path.abspath(sys.argv[2])
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def answer(value):
        answers.write(json.dumps(value) + "\\n")
        answers.flush()

    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    try:
        spec = importlib.util.spec_from_file_location("batch_driver", script)
        module = importlib.util.module_from_spec(spec)
        sys.modules["batch_driver"] = module
        spec.loader.exec_module(module)
        if not callable(getattr(module, "run", None)):
            raise AttributeError(os.path.basename(script) + " defines no run(mini_batch) function")
        if callable(getattr(module, "init", None)):
            module.init()
    except BaseException as error:
        answer(failure("init", error, code_dir))
        return 3
    answer({"ready": True, "pid": os.getpid()})
    for line in sys.stdin:
        request = json.loads(line)
        batch_id = request["id"]
        try:
            result = module.run(list(request["files"]))
            rows, text = append_rows(result)
        except BaseException as error:
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            answer(failure("run", error, code_dir, batch_id))
            continue
        answer({"id": batch_id, "rows": rows, "text": text})
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
