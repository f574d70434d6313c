/**
 * The Python side of compare-models' scoring: loads the user's score.py the way Azure ML does
 * (its folder first on sys.path and as the working directory, AZUREML_MODEL_DIR set by the
 * caller), calls init() once, then run(raw_data) once per request line read from stdin, and
 * answers one JSON line per request on the original stdout. The script's own prints go to
 * stderr, so they cannot corrupt the answers. Standard library only; shipped as a string so the
 * dist/ bundles need no extra files, and run with `python -c`.
 */
export const SCORE_HARNESS_PY = `# mlops-action: scores evaluation rows through score.py (compare-models).
import importlib.util
import json
import math
import os
import sys
import traceback


def where(error, code_dir):
    # file:line: a syntax error's own position, else the innermost frame in the user's code.
    if isinstance(error, SyntaxError) and error.filename:
        return [error.filename, error.lineno]
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if os.path.abspath(f.filename).startswith(os.path.abspath(code_dir) + os.sep)]
    frame = (mine or frames or [None])[-1]
    return [frame.filename, frame.lineno] if frame else None


def failure(stage, error, code_dir):
    traceback.print_exc()
    sys.stderr.flush()
    detail = error.msg if isinstance(error, SyntaxError) else str(error)
    return {"error": stage, "type": type(error).__name__, "message": detail, "where": where(error, code_dir)}


def encode(value):
    # numpy arrays and scalars answer tolist(); Azure's server encodes them too.
    def default(o):
        if hasattr(o, "tolist"):
            return o.tolist()
        raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)

    try:
        return json.dumps({"ok": value}, default=default, allow_nan=False)
    except ValueError:
        # NaN or infinity is not JSON: sent as null, which the caller reports with its row.
        return json.dumps({"ok": finite(json.loads(json.dumps(value, default=default)))}, allow_nan=False)


def finite(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, list):
        return [finite(x) for x in v]
    if isinstance(v, dict):
        return {k: finite(x) for k, x in v.items()}
    return v


def main():
    script = os.path.abspath(sys.argv[1])
    code_dir = os.path.dirname(script)
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def answer(value):
        answers.write(value + "\\n")
        answers.flush()

    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    try:
        spec = importlib.util.spec_from_file_location("score", script)
        module = importlib.util.module_from_spec(spec)
        sys.modules["score"] = module
        spec.loader.exec_module(module)
        if not callable(getattr(module, "run", None)):
            raise AttributeError(os.path.basename(script) + " defines no run(raw_data) function")
        if callable(getattr(module, "init", None)):
            module.init()
    except BaseException as error:
        answer(json.dumps(failure("init", error, code_dir)))
        return 3
    answer(json.dumps({"ready": True}))
    for line in sys.stdin:
        try:
            result = module.run(line.rstrip("\\n"))
        except BaseException as error:
            answer(json.dumps(failure("run", error, code_dir)))
            continue
        try:
            answer(encode(result))
        except (TypeError, ValueError) as error:
            answer(json.dumps({"error": "encode", "type": type(error).__name__, "message": str(error), "where": None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
