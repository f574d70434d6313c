"""Fits a ridge regression; saves it as model.pkl and as model.json (linear form the demo's score.py serves)."""
import argparse
import json
import os
import pickle

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

p = argparse.ArgumentParser()
p.add_argument("--splits", required=True)
p.add_argument("--alpha", type=float, default=0.1)
p.add_argument("--out", required=True)
a = p.parse_args()

d = np.load(os.path.join(a.splits, "splits.npz"))
model = Ridge(alpha=a.alpha).fit(d["x_train"], d["y_train"])
os.makedirs(a.out, exist_ok=True)
with open(os.path.join(a.out, "model.pkl"), "wb") as f:
    pickle.dump(model, f)
features = list(load_diabetes().feature_names)
with open(os.path.join(a.out, "model.json"), "w") as f:
    json.dump({"kind": "linear", "features": features, "mean": [0.0] * len(features), "std": [1.0] * len(features),
               "coef": model.coef_.tolist(), "intercept": float(model.intercept_), "alpha": a.alpha}, f, indent=2)
print(f"ridge alpha={a.alpha} trained on {len(d['y_train'])} rows")
