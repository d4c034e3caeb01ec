#!/usr/bin/python3
"""Expected drift statistics for ModelGate.Core's drift reference tests.

Run from the repository root with Debian's interpreter (scipy 1.10.1, numpy 1.24):

    /usr/bin/python3 tests/ModelGate.Core.Tests/reference/make_drift_reference.py

Inputs: the committed fixture data (tests/fixtures/data/*.csv), train sample vs holdout, plus a few small synthetic
samples (ties, a shift, unequal sizes). Output: tests/ModelGate.Core.Tests/reference/drift_reference.json; the input
values are written into it, so the C# test reads no CSV. Deterministic: running it twice gives the same bytes.

- Kolmogorov-Smirnov D: scipy.stats.ks_2samp(a, b).statistic (the statistic does not depend on `method`).
- KS p-value: ModelGate uses the limiting Kolmogorov distribution at sqrt(n*m/(n+m))*D, i.e.
  scipy.stats.kstwobign.sf (= scipy.special.kolmogorov); ks_2samp's method='auto' p-value is recorded beside it for
  comparison only (it is exact for samples under 10,000 rows).
- Wasserstein-1: scipy.stats.wasserstein_distance(a, b).
- Chi-square: scipy.stats.chi2_contingency([reference counts, holdout counts]) with its default Yates correction
  (applied when there is one degree of freedom); categories are the sorted union of both samples' values.
- Jensen-Shannon distance: scipy.spatial.distance.jensenshannon(p, q, base=2) on the two samples' category shares.
- PSI: written here in numpy as docs/statistics.md defines it: interior edges = np.quantile(reference, k/bins)
  (linear), k = 1..bins-1, repeated edges dropped; bin index = np.searchsorted(edges, x, side='right'); shares of 0
  become 1e-4; PSI = sum((h - r) * ln(h / r)). Categorical: one bin per category.
- Holm and Benjamini-Hochberg adjusted p-values: as R's p.adjust, written here in numpy.
- Leakage (arrests and breast-cancer train vs holdout, every feature): duplicates = holdout rows whose feature tuple occurs in train
  (pandas merge), conflicting = those whose label differs from some matching train row's label; row ids are 1-based
  holdout row numbers. Label proxy per feature: a lookup table fit on train (one cell per value, or for a numeric
  feature with more than 50 distinct train values, the 50 equal-mass bins built as for PSI), each cell predicting its
  majority label (ties: the smaller label text), unseen cells the overall majority; scored on the holdout with
  sklearn.metrics.balanced_accuracy_score.
- Reject option (fixture predictions from reference.json, written by make_reference.py): confidence = top-class
  probability (binary: max(p, 1 - p)); prediction = p >= threshold (binary) or argmax (multiclass, first on ties);
  abstained share at a threshold, sklearn.metrics.accuracy_score on the answered rows, and the full risk-coverage
  curve (rows by confidence, highest first, a point where the confidence changes) before downsampling.
"""
import csv
import json
import os

import numpy as np
import pandas as pd
from scipy import special, stats
from sklearn.metrics import accuracy_score, balanced_accuracy_score
from scipy.spatial import distance

ROOT = os.getcwd()
DATA = os.path.join(ROOT, "tests", "fixtures", "data")
OUT = os.path.join(ROOT, "tests", "ModelGate.Core.Tests", "reference", "drift_reference.json")
BINS = 10
EMPTY = 1e-4


def column(name, col):
    with open(os.path.join(DATA, name), newline="") as f:
        return [row[col] for row in csv.DictReader(f)]


def psi_numeric(ref, hold, bins):
    ref = np.asarray(ref, dtype=float)
    hold = np.asarray(hold, dtype=float)
    edges = []
    for k in range(1, bins):
        e = float(np.quantile(ref, k / bins))
        if not edges or e > edges[-1]:
            edges.append(e)
    r = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=len(edges) + 1) / len(ref)
    h = np.bincount(np.searchsorted(edges, hold, side="right"), minlength=len(edges) + 1) / len(hold)
    return index(r, h)


def index(r, h):
    r = np.where(r == 0, EMPTY, r)
    h = np.where(h == 0, EMPTY, h)
    return float(np.sum((h - r) * np.log(h / r)))


def numeric_case(name, ref, hold):
    ref = [float(v) for v in ref]
    hold = [float(v) for v in hold]
    ks = stats.ks_2samp(ref, hold)
    n, m = len(ref), len(hold)
    return {
        "name": name,
        "reference": ref,
        "holdout": hold,
        "ks_statistic": float(ks.statistic),
        "ks_p_value": float(stats.kstwobign.sf(np.sqrt(n * m / (n + m)) * ks.statistic)),
        "ks_p_value_scipy_auto": float(ks.pvalue),
        "wasserstein": float(stats.wasserstein_distance(ref, hold)),
        "psi": psi_numeric(ref, hold, BINS),
    }


def categorical_case(name, ref, hold):
    cats = sorted(set(ref) | set(hold))
    r = np.array([ref.count(c) for c in cats], dtype=float)
    h = np.array([hold.count(c) for c in cats], dtype=float)
    chi2, p, dof, _ = stats.chi2_contingency(np.array([r, h]))
    return {
        "name": name,
        "reference": ref,
        "holdout": hold,
        "chi_square": float(chi2),
        "dof": int(dof),
        "chi_square_p_value": float(p),
        "jensen_shannon": float(distance.jensenshannon(r / r.sum(), h / h.sum(), base=2)),
        "psi": index(r / r.sum(), h / h.sum()),
    }


def p_adjust(p, method):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    out = np.empty(m)
    if method == "holm":
        running = 0.0
        for rank, i in enumerate(order, start=1):
            running = max(running, min(1.0, p[i] * (m - rank + 1)))
            out[i] = running
    else:
        running = 1.0
        for rank in range(m, 0, -1):
            i = order[rank - 1]
            running = min(running, p[i] * m / rank)
            out[i] = min(1.0, running)
    return [float(v) for v in out]


def majority(labels):
    counts = {}
    for v in labels:
        counts[v] = counts.get(v, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def leakage(name, label, numeric):
    train = pd.read_csv(os.path.join(DATA, name + ".train.csv"), dtype=str, keep_default_na=False)
    hold = pd.read_csv(os.path.join(DATA, name + ".holdout.csv"), dtype=str, keep_default_na=False)
    features = [c for c in train.columns if c != label]
    numeric = features if numeric is None else numeric
    train_labels = train.groupby(features)[label].apply(set).to_dict()
    dup_ids, conf_ids = [], []
    for i, row in enumerate(hold.itertuples(index=False), start=1):
        key = tuple(getattr(row, f) for f in features)
        if key in train_labels:
            dup_ids.append(str(i))
            labels = train_labels[key]
            if len(labels) > 1 or getattr(row, label) not in labels:
                conf_ids.append(str(i))
    proxies = {}
    y_train = list(train[label])
    y_hold = list(hold[label])
    overall = majority(y_train)
    for f in features:
        tr = list(train[f])
        ho = list(hold[f])
        if f in numeric and len(set(float(v) for v in tr)) > 50:
            ref = np.sort(np.array(tr, dtype=float))
            edges = []
            for k in range(1, 50):
                e = float(np.quantile(ref, k / 50))
                if not edges or e > edges[-1]:
                    edges.append(e)
            tr = [str(int(np.searchsorted(edges, float(v), side="right"))) for v in tr]
            ho = [str(int(np.searchsorted(edges, float(v), side="right"))) for v in ho]
        cells = {}
        for c, y in zip(tr, y_train):
            cells.setdefault(c, []).append(y)
        rule = {c: majority(ys) for c, ys in cells.items()}
        pred = [rule.get(c, overall) for c in ho]
        proxies[f] = float(balanced_accuracy_score(y_hold, pred))
    return {
        "name": name,
        "features": features,
        "numeric": numeric,
        "label": label,
        "duplicate_rows": len(dup_ids),
        "duplicate_ids": dup_ids[:20],
        "conflicting_rows": len(conf_ids),
        "conflicting_ids": conf_ids[:20],
        "proxies": proxies,
    }


def reject(case, threshold):
    ref = json.load(open(os.path.join(ROOT, "tests", "ModelGate.Core.Tests", "reference", "reference.json")))
    c = next(x for x in ref["cases"] if x["name"] == case)
    k = c["class_count"]
    scores = np.array(c["scores"], dtype=float).reshape(-1, k)
    labels = np.array(c["labels"])
    if k == 2:
        pred = (scores[:, 1] >= c["threshold"]).astype(int)
        conf = np.maximum(scores[:, 1], 1 - scores[:, 1])
    else:
        pred = np.argmax(scores, axis=1)
        conf = scores[np.arange(len(pred)), pred]
    answered = conf >= threshold
    correct = pred == labels
    order = sorted(range(len(conf)), key=lambda i: (-conf[i], i))
    curve = []
    errors = 0
    for j, i in enumerate(order):
        errors += 0 if correct[i] else 1
        if j == len(order) - 1 or conf[order[j + 1]] < conf[i]:
            curve.append([(j + 1) / len(order), errors / (j + 1), float(conf[i])])
    return {
        "case": case,
        "threshold": threshold,
        "abstained": int((~answered).sum()),
        "selective_accuracy": float(accuracy_score(labels[answered], pred[answered])),
        "overall_accuracy": float(accuracy_score(labels, pred)),
        "curve": curve,
    }


def main():
    rng = np.random.default_rng(20261207)
    numeric = []
    for col in ["mean_radius", "mean_texture", "worst_area", "smoothness_error"]:
        numeric.append(numeric_case("breast_cancer." + col, column("breast_cancer.train.csv", col), column("breast_cancer.holdout.csv", col)))
    numeric.append(numeric_case("arrests.age (ties)", column("arrests.train.csv", "age"), column("arrests.holdout.csv", "age")))
    numeric.append(numeric_case("arrests.checks (few values)", column("arrests.train.csv", "checks"), column("arrests.holdout.csv", "checks")))
    base = rng.normal(0, 1, 300)
    numeric.append(numeric_case("normal shifted 0.5 sd", base, rng.normal(0.5, 1, 200)))
    numeric.append(numeric_case("small unequal", rng.normal(0, 1, 7).round(2), rng.normal(0.3, 2, 11).round(2)))
    numeric.append(numeric_case("identical", base[:50], base[:50]))

    categorical = []
    for col in ["colour", "sex", "employed", "year"]:
        categorical.append(categorical_case("arrests." + col, column("arrests.train.csv", col), column("arrests.holdout.csv", col)))
    categorical.append(categorical_case("new category", ["a"] * 40 + ["b"] * 30 + ["c"] * 30, ["a"] * 30 + ["b"] * 30 + ["c"] * 25 + ["d"] * 15))

    kolmogorov = [{"x": x, "survival": float(special.kolmogorov(x))} for x in [0.05, 0.3, 0.5, 0.8, 0.99, 1.0, 1.2, 1.5, 2.0, 3.0]]
    pvalues = [0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.9, 0.0001]
    adjust = {"p": pvalues, "holm": p_adjust(pvalues, "holm"), "benjamini_hochberg": p_adjust(pvalues, "bh")}

    with open(OUT, "w") as f:
        json.dump({"bins": BINS, "numeric": numeric, "categorical": categorical, "kolmogorov": kolmogorov, "adjust": adjust, "leakage": [leakage("arrests", "released", ["year", "age", "checks"]), leakage("breast_cancer", "target", None)],
                   "reject": [reject("mlp_breast_cancer", 0.9), reject("mlp_breast_cancer_threshold_0.3", 0.8), reject("cnn_digits", 0.95)]}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
