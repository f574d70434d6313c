"""Fits a ridge least-squares linear model on standardised features, in pure Python."""
import argparse
import json
import math
import os

from common import FEATURES, read_rows, solve

p = argparse.ArgumentParser()
p.add_argument("--train-data", required=True)
p.add_argument("--l2", type=float, default=0.0)
p.add_argument("--model-out", required=True)
args = p.parse_args()

rows = read_rows(args.train_data)
n, k = len(rows), len(FEATURES)
mean = [sum(r[j] for r in rows) / n for j in range(k)]
std = [math.sqrt(sum((r[j] - mean[j]) ** 2 for r in rows) / n) or 1.0 for j in range(k)]
x = [[(r[j] - mean[j]) / std[j] for j in range(k)] for r in rows]
y = [r[k] for r in rows]
y_mean = sum(y) / n
# Normal equations on centred data: (X'X + l2 I) w = X'(y - mean).
xtx = [[sum(x[i][a] * x[i][b] for i in range(n)) + (args.l2 if a == b else 0.0) for b in range(k)] for a in range(k)]
xty = [sum(x[i][a] * (y[i] - y_mean) for i in range(n)) for a in range(k)]
coef = solve(xtx, xty)
model = {"kind": "linear", "features": FEATURES, "mean": mean, "std": std, "coef": coef, "intercept": y_mean, "l2": args.l2}
os.makedirs(args.model_out, exist_ok=True)
with open(os.path.join(args.model_out, "model.json"), "w") as f:
    json.dump(model, f, indent=2)
print(f"trained on {n} rows with l2={args.l2}")
