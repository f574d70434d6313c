"""Trains on all training rows with the hyperparameters the sweep's best trial saved."""
import argparse
import json
import os

from common import read_rows
from gd import fit

p = argparse.ArgumentParser()
p.add_argument("--data", required=True)
p.add_argument("--params", required=True)
p.add_argument("--epochs", type=int, default=60)
p.add_argument("--model-out", required=True)
args = p.parse_args()

with open(os.path.join(args.params, "params.json")) as f:
    params = json.load(f)
rows = read_rows(args.data)
model = fit(rows, params["learning_rate"], params["l2"], args.epochs)
os.makedirs(args.model_out, exist_ok=True)
with open(os.path.join(args.model_out, "model.json"), "w") as f:
    json.dump(model, f, indent=2)
print(f"trained on {len(rows)} rows with learning_rate={params['learning_rate']:.4g} l2={params['l2']}")
