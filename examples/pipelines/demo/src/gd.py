"""Linear regression by full-batch gradient descent on standardised features (pure Python)."""
import math

from common import FEATURES


def standardise(rows):
    n, k = len(rows), len(FEATURES)
    mean = [sum(r[j] for r in rows) / n for j in range(k)]
    std = [math.sqrt(sum((r[j] - mean[j]) ** 2 for r in rows) / n) or 1.0 for j in range(k)]
    return mean, std


def r2(model, rows):
    from common import predict
    y = [r[-1] for r in rows]
    mean = sum(y) / len(y)
    ss_res = sum((r[-1] - predict(model, r[:-1])) ** 2 for r in rows)
    ss_tot = sum((v - mean) ** 2 for v in y) or 1.0
    return 1 - ss_res / ss_tot


def fit(rows, learning_rate, l2, epochs, on_epoch=None):
    """Returns the model (the same JSON shape train.py writes). on_epoch(epoch, model) may log progress."""
    mean, std = standardise(rows)
    k = len(FEATURES)
    x = [[(r[j] - mean[j]) / std[j] for j in range(k)] for r in rows]
    y = [r[k] for r in rows]
    n = len(rows)
    w = [0.0] * k
    b = sum(y) / n
    model = {"kind": "linear", "features": FEATURES, "mean": mean, "std": std, "coef": w, "intercept": b}
    for epoch in range(epochs):
        grad = [0.0] * k
        grad_b = 0.0
        for xi, yi in zip(x, y):
            err = b + sum(wj * xj for wj, xj in zip(w, xi)) - yi
            grad_b += err
            for j in range(k):
                grad[j] += err * xi[j]
        w = [wj - learning_rate * (g / n + l2 * wj) for wj, g in zip(w, grad)]
        b -= learning_rate * grad_b / n
        model = {**model, "coef": w, "intercept": b, "learning_rate": learning_rate, "l2": l2, "epochs": epoch + 1}
        if on_epoch:
            on_epoch(epoch, model)
    return model
