"""Scores the model on the test rows; writes r2, rmse, mae to metrics.json and to MLflow's file store."""
import argparse
import json
import math
import os
import shutil

import mlflow_file_store
from common import predict, read_rows

p = argparse.ArgumentParser()
p.add_argument("--model", required=True)
p.add_argument("--test-data", required=True)
p.add_argument("--out", required=True)
args = p.parse_args()

with open(os.path.join(args.model, "model.json")) as f:
    model = json.load(f)
rows = read_rows(args.test_data)
y = [r[-1] for r in rows]
pred = [predict(model, r[:-1]) for r in rows]
mean = sum(y) / len(y)
ss_res = sum((a - b) ** 2 for a, b in zip(y, pred))
ss_tot = sum((a - mean) ** 2 for a in y)
metrics = {
    "r2": 1 - ss_res / ss_tot,
    "rmse": math.sqrt(ss_res / len(y)),
    "mae": sum(abs(a - b) for a, b in zip(y, pred)) / len(y),
}
# The pipeline's `model` output: the model and its metrics side by side, as compare-models reads them.
os.makedirs(args.out, exist_ok=True)
shutil.copy(os.path.join(args.model, "model.json"), os.path.join(args.out, "model.json"))
with open(os.path.join(args.out, "metrics.json"), "w") as f:
    json.dump(metrics, f, indent=2)
run = mlflow_file_store.start_run()
for name, value in metrics.items():
    run.log_metric(name, value)
print(" ".join(f"{k}={v:.4f}" for k, v in metrics.items()))
