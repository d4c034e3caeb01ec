"""Reference values for the rolling-window check (issue 22, M2): per-window metrics computed by scikit-learn.

Run from the repository root with Debian's interpreter (scikit-learn 1.2, numpy 1.24):

    /usr/bin/python3 tests/ModelGate.Core.Tests/reference/make_window_reference.py

Data: the arrests fixture (tests/fixtures/data/arrests.*.csv, a real dataset whose 'year' column, 1997-2002, orders the
arrests in time). A logistic regression on year, age, checks and the four yes/no columns is fitted on the train part
and scores the holdout; its positive-class probabilities, the labels and the holdout's 'year' values are written into
window_reference.json, so the C# test reads no CSV and needs no Python.

Windows:
- by year ('period: value'): one window per distinct year, in numeric order;
- in row order ('windows: 4'): sorted position p goes to window floor(p * 4 / n).

Per window: sklearn.metrics accuracy_score, roc_auc_score, log_loss, f1_score, recall_score and brier_score_loss, with
predictions p >= 0.5; and the relative drop of each window vs the first window and vs the mean of the windows
((ref - v) / |ref| for higher-is-better metrics, (v - ref) / |ref| for lower-is-better ones). Deterministic.
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, brier_score_loss, f1_score, log_loss, recall_score, roc_auc_score

ROOT = os.getcwd()
DATA = os.path.join(ROOT, "tests", "fixtures", "data")
OUT = os.path.join(ROOT, "tests", "ModelGate.Core.Tests", "reference", "window_reference.json")

METRICS = {
    "accuracy": (lambda y, p: accuracy_score(y, p >= 0.5), True),
    "roc_auc": (lambda y, p: roc_auc_score(y, p), True),
    "log_loss": (lambda y, p: log_loss(y, np.column_stack([1 - p, p]), labels=[0, 1]), False),
    "f1": (lambda y, p: f1_score(y, p >= 0.5), True),
    "recall": (lambda y, p: recall_score(y, p >= 0.5), True),
    "brier": (lambda y, p: brier_score_loss(y, p), False),
}


def features(df):
    x = df[["year", "age", "checks"]].astype(float).copy()
    for column, yes in [("colour", "White"), ("sex", "Male"), ("employed", "Yes"), ("citizen", "Yes")]:
        x[column] = (df[column] == yes).astype(float)
    return x.values


def drop(reference, value, higher):
    return ((reference - value) if higher else (value - reference)) / abs(reference)


def windows(name, groups, order_names, y, p):
    out = {"name": name, "windows": order_names, "metrics": {}}
    for metric, (fn, higher) in METRICS.items():
        values = [float(fn(y[groups == g], p[groups == g])) for g in range(len(order_names))]
        mean = float(np.mean(values))
        out["metrics"][metric] = {
            "values": values,
            "drop_vs_first": [float(drop(values[0], v, higher)) for v in values],
            "drop_vs_mean": [float(drop(mean, v, higher)) for v in values],
        }
    return out


def main():
    train = pd.read_csv(os.path.join(DATA, "arrests.train.csv"))
    holdout = pd.read_csv(os.path.join(DATA, "arrests.holdout.csv"))
    model = LogisticRegression(max_iter=1000).fit(features(train), train["released"].values)
    p = model.predict_proba(features(holdout))[:, 1]
    y = holdout["released"].values.astype(int)
    years = holdout["year"].values
    distinct = sorted(set(int(v) for v in years))
    by_year = np.array([distinct.index(int(v)) for v in years])
    n = len(y)
    by_rows = np.array([(i * 4) // n for i in range(n)])
    with open(OUT, "w") as f:
        json.dump({
            "labels": [int(v) for v in y],
            "scores": [float(v) for v in p],
            "year": [int(v) for v in years],
            "cases": [
                windows("year", by_year, [str(v) for v in distinct], y, p),
                windows("rows", by_rows, [f"{w + 1}" for w in range(4)], y, p),
            ],
        }, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
