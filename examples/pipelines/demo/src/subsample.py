"""Keeps the first fraction of the (already shuffled) training rows: a quick subset to tune on."""
import argparse
import os

from common import read_rows, write_rows

p = argparse.ArgumentParser()
p.add_argument("--data", required=True)
p.add_argument("--fraction", type=float, required=True)
p.add_argument("--out", required=True)
args = p.parse_args()
rows = read_rows(args.data)
keep = rows[: max(10, int(len(rows) * args.fraction))]
os.makedirs(args.out, exist_ok=True)
write_rows(os.path.join(args.out, "subset.csv"), keep)
print(f"kept {len(keep)} of {len(rows)} rows")
