"""Scores the model on the test split; metrics go to metrics.json beside the model (and to MLflow when installed)."""
import argparse
import json
import os
import pickle
import shutil

import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

p = argparse.ArgumentParser()
p.add_argument("--splits", required=True)
p.add_argument("--model", required=True)
p.add_argument("--out", required=True)
a = p.parse_args()

d = np.load(os.path.join(a.splits, "splits.npz"))
with open(os.path.join(a.model, "model.pkl"), "rb") as f:
    model = pickle.load(f)
pred = model.predict(d["x_test"])
metrics = {
    "r2": float(r2_score(d["y_test"], pred)),
    "rmse": float(np.sqrt(mean_squared_error(d["y_test"], pred))),
    "mae": float(mean_absolute_error(d["y_test"], pred)),
}
os.makedirs(a.out, exist_ok=True)
for name in ("model.pkl", "model.json"):
    shutil.copy(os.path.join(a.model, name), os.path.join(a.out, name))
with open(os.path.join(a.out, "metrics.json"), "w") as f:
    json.dump(metrics, f, indent=2)
try:
    import mlflow  # On Azure ML (and wherever mlflow is installed) the metrics also land in the run.

    mlflow.log_metrics(metrics)
except ImportError:
    pass
print(" ".join(f"{k}={v:.4f}" for k, v in metrics.items()))
