"""Writes the end-to-end benchmark holdout: breast-cancer-like rows with jitter and three group columns.

Deterministic (seeded): the same arguments give the same bytes. Usage: generate_holdout.py SOURCE.csv OUT.csv ROWS
"""
import sys

import numpy as np
import pandas as pd

SEED = 20261122
REGIONS = np.array(["north", "south", "east", "west"])
SEGMENTS = np.array(["consumer", "business"])
BANDS = np.array(["low", "mid", "high"])


def main(source, out, rows):
    base = pd.read_csv(source)
    features = [c for c in base.columns if c != "target"]
    rng = np.random.default_rng(SEED)
    pick = rng.integers(0, len(base), size=rows)
    values = base[features].to_numpy()[pick]
    # 5% multiplicative jitter: every row is new to the MLP, so scores vary row to row.
    values = values * (1.0 + 0.05 * rng.standard_normal(values.shape))
    frame = pd.DataFrame(values, columns=features)
    frame["target"] = base["target"].to_numpy()[pick]
    frame["region"] = REGIONS[rng.integers(0, len(REGIONS), size=rows)]
    frame["segment"] = SEGMENTS[rng.integers(0, len(SEGMENTS), size=rows)]
    frame["band"] = BANDS[rng.integers(0, len(BANDS), size=rows)]
    frame.to_csv(out, index=False, float_format="%.6g")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
