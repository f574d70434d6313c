"""A tiny writer for MLflow's file store, so the demo logs metrics without installing mlflow.

It writes what `mlflow.log_metric` writes with a `file:` tracking URI:
<root>/<experiment_id>/<run_id>/metrics/<name>, one "timestamp value step" line per call.
With mlflow installed, use mlflow itself: it reads MLFLOW_TRACKING_URI the same way.
"""
import os
import time
import uuid
from urllib.parse import unquote, urlparse


def _root():
    uri = os.environ.get("MLFLOW_TRACKING_URI", "file:./mlruns")
    if uri.startswith("file:"):
        parsed = urlparse(uri)
        return unquote(parsed.path) if parsed.netloc == "" else unquote(parsed.netloc + parsed.path)
    return "./mlruns"


class Run:
    def __init__(self, experiment_id="0"):
        self.run_id = uuid.uuid4().hex
        self.dir = os.path.join(_root(), experiment_id, self.run_id)
        os.makedirs(os.path.join(self.dir, "metrics"), exist_ok=True)
        exp_meta = os.path.join(_root(), experiment_id, "meta.yaml")
        if not os.path.exists(exp_meta):
            with open(exp_meta, "w") as f:
                f.write(f"experiment_id: '{experiment_id}'\nname: Default\nlifecycle_stage: active\n")
        with open(os.path.join(self.dir, "meta.yaml"), "w") as f:
            f.write(f"run_id: {self.run_id}\nexperiment_id: '{experiment_id}'\nstatus: 3\nlifecycle_stage: active\n")
        self.steps = {}

    def log_metric(self, name, value, step=None):
        step = self.steps.get(name, -1) + 1 if step is None else step
        self.steps[name] = step
        with open(os.path.join(self.dir, "metrics", name), "a") as f:
            f.write(f"{int(time.time() * 1000)} {float(value)} {step}\n")


def start_run():
    return Run()
