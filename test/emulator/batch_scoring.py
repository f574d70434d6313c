"""The emulator's stand-in for the compute that runs a batch deployment's scoring job.

Azure ML's batch contract: the scoring script's init() runs once, then run(mini_batch) for each
mini-batch of file paths; every row run() returns is appended to the output file (append_row),
and a mini-batch whose run() raises, or outlives the retry settings' timeout (SIGALRM interrupts
it), is tried again up to max_retries times, then counts its files as failed. When failed files
exceed the error threshold (-1: never), the job stops and fails.

Usage: batch_scoring.py <code dir> <script> <file list> <mini-batch size> <error threshold> <output file>
                        <max retries> <timeout seconds>
Progress goes to stdout, tracebacks to stderr; exit code 1 when the job failed.
"""

import importlib.util
import os
import signal
import sys
import traceback


class MiniBatchTimeout(Exception):
    pass


def rows_of(result):
    """The lines append_row writes for one run() answer: a list's elements, or a DataFrame's rows."""
    if hasattr(result, "to_csv") and hasattr(result, "columns"):
        text = result.to_csv(sep=" ", header=False, index=False)
        return [line for line in text.splitlines() if line]
    if result is None:
        return []
    # Each element as str() writes it (a list element [f, p] becomes "['f', p]"), as Azure ML does.
    return [str(item) for item in result]


def main():
    code_dir, script, file_list, size, threshold, output, max_retries, timeout = sys.argv[1:9]
    size = int(size)
    threshold = int(threshold)
    max_retries = int(max_retries)
    timeout = int(timeout)

    def on_alarm(signum, frame):
        raise MiniBatchTimeout("run() timed out after %d s" % timeout)

    signal.signal(signal.SIGALRM, on_alarm)
    with open(file_list, encoding="utf-8") as f:
        files = [line.rstrip("\n") for line in f if line.strip()]
    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    spec = importlib.util.spec_from_file_location("score", os.path.join(code_dir, script))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if hasattr(module, "init"):
        module.init()
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    failed = 0
    rows = 0
    os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    with open(output, "a", encoding="utf-8") as out:
        for n, batch in enumerate(batches, 1):
            lines = None
            for attempt in range(max_retries + 1):
                signal.alarm(timeout)
                try:
                    lines = rows_of(module.run(batch))
                    break
                except Exception:
                    traceback.print_exc()
                    if attempt < max_retries:
                        print(f"mini-batch {n}/{len(batches)}: attempt {attempt + 1} failed, retrying", flush=True)
                finally:
                    signal.alarm(0)
            if lines is None:
                failed += len(batch)
                print(f"mini-batch {n}/{len(batches)}: {len(batch)} file(s) failed", flush=True)
                if threshold != -1 and failed > threshold:
                    print(
                        f"Error: {failed} failed file(s) exceed the error threshold {threshold}: the job stops",
                        file=sys.stderr,
                    )
                    print(f"files: {len(files)} failed: {failed} rows: {rows}", flush=True)
                    return 1
                continue
            for line in lines:
                out.write(line + "\n")
            rows += len(lines)
            print(f"mini-batch {n}/{len(batches)}: {len(batch)} file(s), {len(lines)} row(s)", flush=True)
    print(f"files: {len(files)} failed: {failed} rows: {rows}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
