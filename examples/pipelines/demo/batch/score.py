"""Batch scoring script for the demo model, with the init()/run(mini_batch) contract Azure ML batch
deployments use.

init() loads model.json from the folder in AZUREML_MODEL_DIR (searched recursively, as score.py
does); run(mini_batch) gets a list of CSV file paths (a header row naming the ten features; a
`target` column, if present, is ignored) and returns one row per data row:
`<file name>,<row number>,<prediction>`. The file name and row number make each row findable
whatever order the mini-batches finish in. Standard library only.
"""
import csv
import json
import os

model = None


def _find_model(root):
    for folder, _, files in os.walk(root):
        if "model.json" in files:
            return os.path.join(folder, "model.json")
    raise FileNotFoundError(f"no model.json under {root}")


def init():
    global model
    with open(_find_model(os.environ.get("AZUREML_MODEL_DIR", "."))) as f:
        model = json.load(f)


def _predict(values):
    z = [(x - mu) / sd for x, mu, sd in zip(values, model["mean"], model["std"])]
    return model["intercept"] + sum(c * v for c, v in zip(model["coef"], z))


def run(mini_batch):
    rows = []
    for path in mini_batch:
        name = os.path.basename(path)
        with open(path, newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in model["features"] if c not in (reader.fieldnames or [])]
            if missing:
                raise ValueError(f"{name} has no column(s) {', '.join(missing)}")
            for i, row in enumerate(reader, start=1):
                values = [float(row[c]) for c in model["features"]]
                rows.append(f"{name},{i},{_predict(values):.4f}")
    return rows
