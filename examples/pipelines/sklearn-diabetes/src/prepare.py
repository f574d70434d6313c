"""Loads scikit-learn's bundled diabetes data (no download) and writes a train/test split."""
import argparse
import os

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split

p = argparse.ArgumentParser()
p.add_argument("--test-size", type=float, default=0.2)
p.add_argument("--random-state", type=int, default=42)
p.add_argument("--out", required=True)
a = p.parse_args()

x, y = load_diabetes(return_X_y=True)
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=a.test_size, random_state=a.random_state)
os.makedirs(a.out, exist_ok=True)
np.savez(os.path.join(a.out, "splits.npz"), x_train=x_train, x_test=x_test, y_train=y_train, y_test=y_test)
print(f"{len(y_train)} rows to train, {len(y_test)} to test")
