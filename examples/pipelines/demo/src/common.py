"""Small helpers shared by the demo steps: CSV in and out, and a least-squares solver."""
import csv
import os

FEATURES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
TARGET = "target"


def read_rows(path):
    """Rows of a CSV file, or of every CSV in a folder, as lists of floats (features then target)."""
    files = [path] if os.path.isfile(path) else sorted(
        os.path.join(path, f) for f in os.listdir(path) if f.endswith(".csv"))
    rows = []
    for file in files:
        with open(file, newline="") as f:
            for record in csv.DictReader(f):
                rows.append([float(record[c]) for c in FEATURES] + [float(record[TARGET])])
    if not rows:
        raise SystemExit(f"no data rows in {path}")
    return rows


def write_rows(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(FEATURES + [TARGET])
        for r in rows:
            w.writerow([int(v) if float(v).is_integer() else v for v in r])


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting (a is small and square)."""
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            raise SystemExit("the normal equations are singular: add l2 regularisation")
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] for i in range(n)]


def predict(model, features):
    z = [(x - mu) / sd for x, mu, sd in zip(features, model["mean"], model["std"])]
    return model["intercept"] + sum(c * v for c, v in zip(model["coef"], z))
