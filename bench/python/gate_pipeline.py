"""The end-to-end gate written with pandas + numpy + scikit-learn, on precomputed scores (for scale).

Same work as bench/e2e/modelgate.yml minus inference: read the CSV, headline metrics for both models, calibration
(ECE, 10 bins), the 8 slices (AUC per group, both models), the safety set (negative flips), and a paired bootstrap
of the headline deltas. Usage: gate_pipeline.py HOLDOUT.csv SCORES_DIR RESAMPLES_TIMED RESAMPLES_TARGET
Prints one machine-readable line; the bootstrap is timed at RESAMPLES_TIMED and extrapolated linearly to the target.
"""
import sys
import time

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score

SLICES = {
    "region": ["region"],
    "segment": ["segment"],
    "band": ["band"],
    "region_x_segment": ["region", "segment"],
    "region_x_band": ["region", "band"],
    "segment_x_band": ["segment", "band"],
    "region_x_segment_x_band": ["region", "segment", "band"],
    "radius_band": ["radius_band"],
}


def ece(y, p, bins=10):
    edges = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        m = edges == b
        if m.any():
            total += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
    return total


def headline(y, pc, pb):
    eps = 1e-15
    return np.array([
        roc_auc_score(y, pc) - roc_auc_score(y, pb),
        accuracy_score(y, pc >= 0.5) - accuracy_score(y, pb >= 0.5),
        log_loss(y, np.clip(pc, eps, 1 - eps), labels=[0, 1]) - log_loss(y, np.clip(pb, eps, 1 - eps), labels=[0, 1]),
    ])


def main(holdout, scores_dir, timed, target):
    t = {}
    start = time.perf_counter()
    frame = pd.read_csv(holdout)
    t["read"] = time.perf_counter() - start

    start = time.perf_counter()
    pc = np.fromfile(f"{scores_dir}/candidate.f64", dtype="<f8")
    pb = np.fromfile(f"{scores_dir}/baseline.f64", dtype="<f8")
    y = frame["target"].to_numpy()
    point = headline(y, pc, pb)
    calibration = (ece(y, pc), ece(y, pb))
    t["metrics"] = time.perf_counter() - start

    start = time.perf_counter()
    frame["radius_band"] = pd.cut(frame["mean_radius"], [0, 12, 15, 40])
    frame["_pc"], frame["_pb"] = pc, pb
    groups = 0
    for columns in SLICES.values():
        for _, g in frame.groupby(columns, observed=True):
            yg = g["target"].to_numpy()
            if len(np.unique(yg)) == 2:
                roc_auc_score(yg, g["_pc"].to_numpy()) - roc_auc_score(yg, g["_pb"].to_numpy())
            groups += 1
    t["slices"] = time.perf_counter() - start

    start = time.perf_counter()
    safe = ((frame["band"] == "low") & (frame["mean_radius"] <= 12)).to_numpy()
    flips = np.mean(((pb[safe] >= 0.5) == y[safe]) & ((pc[safe] >= 0.5) != y[safe]))
    t["safety"] = time.perf_counter() - start

    start = time.perf_counter()
    rng = np.random.default_rng(20261122)
    deltas = np.empty((timed, 3))
    for b in range(timed):
        idx = rng.integers(0, len(y), size=len(y))
        deltas[b] = headline(y[idx], pc[idx], pb[idx])
    t["bootstrap_timed"] = time.perf_counter() - start
    t["bootstrap"] = t["bootstrap_timed"] * target / timed

    total = t["read"] + t["metrics"] + t["slices"] + t["safety"] + t["bootstrap"]
    print(
        f"python rows={len(y)} read_s={t['read']:.3f} metrics_s={t['metrics']:.3f} slices_s={t['slices']:.3f} "
        f"safety_s={t['safety']:.3f} bootstrap_{timed}_s={t['bootstrap_timed']:.3f} bootstrap_{target}_extrapolated_s={t['bootstrap']:.3f} "
        f"total_s={total:.3f} groups={groups} auc_delta={point[0]:.6f} ece={calibration[0]:.4f}/{calibration[1]:.4f} safety_flips={flips:.4f}"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
