/**
 * The scoring server every local deployment runs: a small Python HTTP server that loads the
 * user's score.py with the contract Azure ML uses (init() once, run(raw_data) per request,
 * AZUREML_MODEL_DIR pointing at the model folder). It ships as a string so the dist/ bundles
 * need no extra files; the backend writes it into the workspace before starting a deployment.
 * Python's standard library only: it must run wherever python3 does.
 */
export const SCORE_SERVER_FILE = "score_server.py";

/** Bumped whenever the server text changes, so a workspace rewrites its copy. */
export const SCORE_SERVER_REVISION = 2;

export const SCORE_SERVER_PY = `# Written by mlops-action: the local scoring server (revision ${SCORE_SERVER_REVISION}). Do not edit.
import argparse
import importlib.util
import json
import os
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def parse_args():
    p = argparse.ArgumentParser(description="mlops-action local scoring server")
    p.add_argument("--code-dir", required=True)
    p.add_argument("--script", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--watch", help="exit when this path disappears (the workspace was removed)")
    return p.parse_args()


def watch(path):
    # A deployment must not outlive its workspace folder (a deleted checkout or temp dir).
    while True:
        time.sleep(2)
        if not os.path.exists(path):
            print("exiting: " + path + " is gone", flush=True)
            os._exit(0)


def load_script(code_dir, script):
    # Azure ML imports the entry script with its code folder first on sys.path.
    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    spec = importlib.util.spec_from_file_location("score", os.path.join(code_dir, script))
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module
    spec.loader.exec_module(module)
    if not callable(getattr(module, "run", None)):
        raise RuntimeError(script + " defines no run(raw_data) function")
    return module


def where(error, code_dir):
    # file:line of a start failure, for the one line the task reports: a syntax error's own
    # position, else the innermost frame in the user's code (init() raising, a bad import).
    if isinstance(error, SyntaxError) and error.filename:
        return "%s:%s" % (error.filename, error.lineno)
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if os.path.abspath(f.filename).startswith(os.path.abspath(code_dir) + os.sep)]
    frame = (mine or frames or [None])[-1]
    return "%s:%s" % (frame.filename, frame.lineno) if frame else ""


def write_port_file(path, port):
    tmp = path + ".tmp-" + str(os.getpid())
    with open(tmp, "w") as f:
        json.dump({"pid": os.getpid(), "port": port}, f)
    os.replace(tmp, path)


def main():
    args = parse_args()
    print("loading " + args.script + " from " + args.code_dir, flush=True)
    print("AZUREML_MODEL_DIR=" + os.environ.get("AZUREML_MODEL_DIR", ""), flush=True)
    try:
        module = load_script(args.code_dir, args.script)
        if callable(getattr(module, "init", None)):
            module.init()
    except BaseException as error:
        print("init failed:", file=sys.stderr, flush=True)
        traceback.print_exc()
        at = where(error, args.code_dir)
        detail = error.msg if isinstance(error, SyntaxError) else str(error)
        print((at + ": " if at else "") + type(error).__name__ + ": " + detail, file=sys.stderr, flush=True)
        sys.exit(3)
    run = module.run
    # User scripts are rarely thread-safe: one run() at a time, as one worker would.
    run_lock = threading.Lock()
    name = args.name

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def send_json(self, status, value):
            body = json.dumps(value).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("azureml-model-deployment", name)
            self.end_headers()
            self.wfile.write(body)

        def read_body(self):
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                chunks = []
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        # the trailer section ends with an empty line
                        while self.rfile.readline() not in (b"\\r\\n", b"\\n", b""):
                            pass
                        return b"".join(chunks)
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_GET(self):
            if self.path in ("/", "/health"):
                self.send_json(200, {"status": "Healthy", "deployment": name, "pid": os.getpid()})
            else:
                self.send_json(404, {"message": "not found: " + self.path})

        def do_POST(self):
            raw = self.read_body()
            if self.path != "/score":
                self.send_json(404, {"message": "not found: " + self.path})
                return
            try:
                data = raw.decode("utf-8")
            except UnicodeDecodeError:
                self.send_json(400, {"message": "request body is not UTF-8"})
                return
            try:
                with run_lock:
                    result = run(data)
                body = json.dumps(result)
            except BaseException as error:
                traceback.print_exc()
                sys.stderr.flush()
                self.send_json(500, {"message": "run() raised " + type(error).__name__ + ": " + str(error)})
                return
            encoded = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(encoded)))
            self.send_header("azureml-model-deployment", name)
            self.end_headers()
            self.wfile.write(encoded)

        def log_message(self, fmt, *a):
            sys.stdout.write("%s %s\\n" % (self.log_date_time_string(), fmt % a))
            sys.stdout.flush()

    if args.watch:
        threading.Thread(target=watch, args=(args.watch,), daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    write_port_file(args.port_file, server.server_address[1])
    print("serving " + name + " on 127.0.0.1:" + str(server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
`;
