#!/usr/bin/python3
"""The issue-5 bench computation in numpy / scikit-learn, for comparison with ModelGate's metrics-resampling run.

Same shape as bench/ModelGate.Benchmarks/Metrics/SyntheticHoldout.cs (same distributions, numpy's own RNG):
1,000,000 rows, 30% positives, two binary models (float32-rounded sigmoid scores, so ties occur), one 8-group slice.
Per paired resample: one set of Poisson(1) weights shared by both models; ROC AUC, log loss, accuracy, Brier and ECE
(15 equal-width top-label bins) for each model over the whole holdout and each of the 8 groups, with sklearn's
sample_weight (ECE in numpy with bincount).

Usage: /usr/bin/python3 bench/python/metrics_resampling.py [rows] [resamples_to_time] [resamples_to_report]
A full 1,000-resample run takes a long time in Python, so by default 3 resamples are timed and the total is
extrapolated linearly to 1,000 (resamples are independent and identical in cost).
"""
import sys
import time

import numpy as np
from sklearn.metrics import accuracy_score, brier_score_loss, log_loss, roc_auc_score


def holdout(rows, seed=1):
    rng = np.random.default_rng(seed)
    y = (rng.random(rows) < 0.3).astype(int)
    signal = np.where(y == 1, 1.2, -1.2) + rng.standard_normal(rows)
    pc = (1 / (1 + np.exp(-(signal + 0.5 * rng.standard_normal(rows))))).astype(np.float32).astype(np.float64)
    pb = (1 / (1 + np.exp(-(signal + 0.6 * rng.standard_normal(rows))))).astype(np.float32).astype(np.float64)
    groups = rng.integers(0, 8, rows)
    return y, pc, pb, groups


def ece(y, p1, w, bins=15):
    conf = np.maximum(p1, 1 - p1)
    correct = ((p1 >= 0.5).astype(int) == y).astype(float)
    index = np.minimum((conf * bins).astype(int), bins - 1)
    total = np.bincount(index, weights=w, minlength=bins)
    s_conf = np.bincount(index, weights=w * conf, minlength=bins)
    s_correct = np.bincount(index, weights=w * correct, minlength=bins)
    return np.abs(s_correct - s_conf).sum() / total.sum()


def five(y, p1, w):
    pred = (p1 >= 0.5).astype(int)
    return (
        roc_auc_score(y, p1, sample_weight=w),
        log_loss(y, np.column_stack([1 - p1, p1]), sample_weight=w, labels=[0, 1]),
        accuracy_score(y, pred, sample_weight=w),
        brier_score_loss(y, p1, sample_weight=w),
        ece(y, p1, w),
    )


def resample(y, pc, pb, groups, masks, rng):
    w = rng.poisson(1.0, len(y)).astype(np.float64)
    out = []
    for p in (pc, pb):
        out.extend(five(y, p, w))
        for m in masks:
            out.extend(five(y[m], p[m], w[m]))
    return out


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    timed = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    target = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    y, pc, pb, groups = holdout(rows)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    masks = [groups == g for g in range(8)]
    for _ in range(1):
        five(y, pc, np.ones(rows))  # point estimates, like ModelGate's prepare step
    prepare_cpu, prepare_wall = time.process_time() - cpu0, time.perf_counter() - wall0
    rng = np.random.default_rng(20261122)
    cpu1, wall1 = time.process_time(), time.perf_counter()
    for _ in range(timed):
        resample(y, pc, pb, groups, masks, rng)
    cpu, wall = time.process_time() - cpu1, time.perf_counter() - wall1
    print(f"rows={rows} timed_resamples={timed} numpy={np.__version__}")
    print(f"point estimates: {prepare_wall:.2f} s wall, {prepare_cpu:.2f} s CPU")
    print(f"per paired resample: {wall / timed:.2f} s wall, {cpu / timed:.2f} s CPU")
    print(f"extrapolated to {target} resamples: {prepare_wall + wall / timed * target:.0f} s wall, "
          f"{prepare_cpu + cpu / timed * target:.0f} s CPU (linear: resamples are independent and equal in cost)")


if __name__ == "__main__":
    main()
