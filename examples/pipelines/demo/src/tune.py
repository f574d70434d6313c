"""One sweep trial: fits on 80 % of the subset, logs val_r2 every epoch, saves its hyperparameters."""
import argparse
import json
import os

import mlflow_file_store
from common import read_rows
from gd import fit, r2

p = argparse.ArgumentParser()
p.add_argument("--data", required=True)
p.add_argument("--learning-rate", type=float, required=True)
p.add_argument("--l2", type=float, required=True)
p.add_argument("--epochs", type=int, default=30)
p.add_argument("--params-out", required=True)
args = p.parse_args()

rows = read_rows(args.data)
cut = int(len(rows) * 0.8)
train, valid = rows[:cut], rows[cut:]
run = mlflow_file_store.start_run()
model = fit(train, args.learning_rate, args.l2, args.epochs, lambda e, m: run.log_metric("val_r2", r2(m, valid), step=e))
score = r2(model, valid)
os.makedirs(args.params_out, exist_ok=True)
with open(os.path.join(args.params_out, "params.json"), "w") as f:
    json.dump({"learning_rate": args.learning_rate, "l2": args.l2, "val_r2": score}, f, indent=2)
print(f"learning_rate={args.learning_rate:.4g} l2={args.l2} val_r2={score:.4f}")
