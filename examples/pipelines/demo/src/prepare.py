"""Shuffles the rows with a fixed seed and splits them into train and test CSV folders."""
import argparse
import os
import random

from common import read_rows, write_rows

p = argparse.ArgumentParser()
p.add_argument("--raw-data", required=True)
p.add_argument("--test-fraction", type=float, default=0.2)
p.add_argument("--seed", type=int, default=7)
p.add_argument("--train-out", required=True)
p.add_argument("--test-out", required=True)
args = p.parse_args()

rows = read_rows(args.raw_data)
random.Random(args.seed).shuffle(rows)
n_test = max(1, int(len(rows) * args.test_fraction))
os.makedirs(args.train_out, exist_ok=True)
os.makedirs(args.test_out, exist_ok=True)
write_rows(os.path.join(args.train_out, "train.csv"), rows[n_test:])
write_rows(os.path.join(args.test_out, "test.csv"), rows[:n_test])
print(f"{len(rows)} rows: {len(rows) - n_test} to train, {n_test} to test")
