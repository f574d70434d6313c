"""Scoring script for the demo model, with the init()/run() contract Azure ML online endpoints use.

init() loads model.json from the folder in AZUREML_MODEL_DIR (searched recursively, since Azure ML
places a registered folder model in a subfolder named after it); run() takes
{"data": [[age, sex, bmi, bp, s1, s2, s3, s4, s5, s6], ...]} and returns the predictions.
"""
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


def run(raw_data):
    data = json.loads(raw_data)["data"] if isinstance(raw_data, (str, bytes)) else raw_data["data"]
    out = []
    for row in data:
        if len(row) != len(model["features"]):
            raise ValueError(f"each row needs {len(model['features'])} values: {', '.join(model['features'])}")
        z = [(x - mu) / sd for x, mu, sd in zip(row, model["mean"], model["std"])]
        out.append(model["intercept"] + sum(c * v for c, v in zip(model["coef"], z)))
    return out
