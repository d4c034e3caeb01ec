#!/usr/bin/python3
"""Expected metric and statistics values for ModelGate.Core's reference tests.

Run from the repository root with Debian's interpreter:

    /usr/bin/python3 tests/ModelGate.Core.Tests/reference/make_reference.py

Inputs are the committed fixture predictions (tests/fixtures/models/expected/*.json, produced by
tests/fixtures/models/make_fixtures.py) and the committed holdout labels (tests/fixtures/data/*.csv).
Output: tests/ModelGate.Core.Tests/reference/reference.json. Deterministic: running it twice gives the same bytes.

Where scikit-learn (1.2.1) / scipy (1.10.1) have the metric, they compute it. Where they do not, the textbook
definition is written here in numpy, with its source:
- ECE / MCE (equal-width, top-label): Guo, Pleiss, Sun, Weinberger, "On Calibration of Modern Neural Networks",
  ICML 2017, eq. (3) and the MCE definition after it; bins [i/B, (i+1)/B), the last bin closed.
- Equal-mass ("adaptive") ECE: Nixon et al., "Measuring Calibration in Deep Learning", CVPR-W 2019: rows sorted by
  confidence, split into B chunks of (nearly) equal size as numpy.array_split does.
- Class-wise ECE: Kull et al., "Beyond temperature scaling", NeurIPS 2019, eq. (3): mean over classes.
- Brier decomposition: Murphy, "A new vector partition of the probability score", J. Appl. Meteor. 1973.
- Wilson interval: Wilson, JASA 1927; Brown, Cai, DasGupta, Statistical Science 2001, eq. (4).
- McNemar: McNemar 1947; exact = two-sided binomial test (scipy.stats.binomtest), else chi-square with Edwards'
  continuity correction (scipy.stats.chi2.sf).
- DeLong: DeLong, DeLong, Clarke-Pearson, Biometrics 1988, with the midrank algorithm of Sun and Xu,
  IEEE Signal Processing Letters 2014.
- Benjamini-Hochberg adjusted p-values: Benjamini and Hochberg, JRSS-B 1995 (as R's p.adjust(method="BH")).
- Fairness disparities: Fairlearn 0.10's definitions (demographic parity / equalized odds / equal opportunity).
"""
import csv
import json
import os

import numpy as np
from scipy import stats
from sklearn import metrics as skm
from sklearn.preprocessing import label_binarize

ROOT = os.getcwd()
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
OUT = os.path.join(ROOT, "tests", "ModelGate.Core.Tests", "reference", "reference.json")
BINS = 15


def load_expected(stem):
    with open(os.path.join(FIXTURES, "models", "expected", stem + ".json"), encoding="utf-8") as f:
        return json.load(f)


def load_column(dataset, column):
    with open(os.path.join(ROOT, dataset), encoding="utf-8", newline="") as f:
        return [row[column] for row in csv.DictReader(f)]


def probabilities(stem, output):
    fixture = load_expected(stem)
    p = np.array(fixture["expected"][output], dtype=np.float64)
    if p.ndim == 1 or p.shape[1] == 1:
        p1 = p.reshape(-1)
        p = np.column_stack([1 - p1, p1])
    # sklearn's log_loss renormalises rows; normalising once here makes the inputs the C# side reads identical.
    return fixture, p / p.sum(axis=1, keepdims=True)


def softmax(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def equal_width_ece(values, outcomes, bins, weights):
    index = np.clip((values * bins).astype(int), 0, bins - 1)
    total = weights.sum()
    ece, mce = 0.0, 0.0
    for b in range(bins):
        m = index == b
        w = weights[m].sum()
        if w <= 0:
            continue
        gap = abs((weights[m] * outcomes[m]).sum() - (weights[m] * values[m]).sum())
        ece += gap / total
        mce = max(mce, gap / w)
    return ece, mce


def equal_mass_ece(values, outcomes, bins):
    order = np.argsort(values, kind="stable")
    ece = 0.0
    for chunk in np.array_split(order, bins):
        if len(chunk) == 0:
            continue
        ece += abs(outcomes[chunk].sum() - values[chunk].sum()) / len(values)
    return ece


def calibration(p, y, weights):
    conf = p.max(axis=1)
    correct = (p.argmax(axis=1) == y).astype(float)
    ece, mce = equal_width_ece(conf, correct, BINS, weights)
    k = p.shape[1]
    classwise = np.mean([equal_width_ece(p[:, c], (y == c).astype(float), BINS, weights)[0] for c in range(k)])
    out = {"ece": ece, "mce": mce, "classwise_ece": classwise}
    if np.all(weights == 1):
        out["ece_adaptive"] = equal_mass_ece(conf, correct, BINS)
    if k == 2:
        out["ece_positive"] = equal_width_ece(p[:, 1], y.astype(float), BINS, weights)[0]
    return out


def binary_metrics(y, p, weights=None, threshold=0.5):
    w = np.ones(len(y)) if weights is None else weights
    sw = weights
    p1 = p[:, 1]
    pred = (p1 >= threshold).astype(int)
    recall = skm.recall_score(y, pred, sample_weight=sw)
    specificity = skm.recall_score(y, pred, pos_label=0, sample_weight=sw)
    out = {
        "accuracy": skm.accuracy_score(y, pred, sample_weight=sw),
        "balanced_accuracy": skm.balanced_accuracy_score(y, pred, sample_weight=sw),
        "precision": skm.precision_score(y, pred, sample_weight=sw),
        "recall": recall,
        "specificity": specificity,
        "fpr": 1 - specificity,
        "fnr": 1 - recall,
        "f1": skm.f1_score(y, pred, sample_weight=sw),
        "f1_macro": skm.f1_score(y, pred, average="macro", sample_weight=sw),
        "f1_micro": skm.f1_score(y, pred, average="micro", sample_weight=sw),
        "f1_weighted": skm.f1_score(y, pred, average="weighted", sample_weight=sw),
        "mcc": skm.matthews_corrcoef(y, pred, sample_weight=sw),
        "roc_auc": skm.roc_auc_score(y, p1, sample_weight=sw),
        "average_precision": skm.average_precision_score(y, p1, sample_weight=sw),
        "log_loss": skm.log_loss(y, p, sample_weight=sw, labels=[0, 1]),
        "brier": skm.brier_score_loss(y, p1, sample_weight=sw),
        "selection_rate": float((w * pred).sum() / w.sum()),
    }
    out.update(calibration(p, y, w))
    return out


def multiclass_metrics(y, p):
    k = p.shape[1]
    pred = p.argmax(axis=1)
    mcm = skm.multilabel_confusion_matrix(y, pred, labels=list(range(k)))
    tn, fp, fn, tp = mcm[:, 0, 0], mcm[:, 0, 1], mcm[:, 1, 0], mcm[:, 1, 1]
    present = [c for c in range(k) if (y == c).any() or (pred == c).any()]
    specificity = np.mean([tn[c] / (tn[c] + fp[c]) for c in present])
    recall = skm.recall_score(y, pred, average="macro")
    onehot = label_binarize(y, classes=list(range(k)))
    out = {
        "accuracy": skm.accuracy_score(y, pred),
        "balanced_accuracy": skm.balanced_accuracy_score(y, pred),
        "precision": skm.precision_score(y, pred, average="macro", zero_division=0),
        "recall": recall,
        "specificity": specificity,
        "fpr": np.mean([fp[c] / (tn[c] + fp[c]) for c in present]),
        "fnr": np.mean([fn[c] / (tp[c] + fn[c]) if tp[c] + fn[c] > 0 else 0.0 for c in present]),
        "f1": skm.f1_score(y, pred, average="macro"),
        "f1_macro": skm.f1_score(y, pred, average="macro"),
        "f1_micro": skm.f1_score(y, pred, average="micro"),
        "f1_weighted": skm.f1_score(y, pred, average="weighted"),
        "mcc": skm.matthews_corrcoef(y, pred),
        "roc_auc": skm.roc_auc_score(y, p, multi_class="ovr", average="macro"),
        "roc_auc_weighted": skm.roc_auc_score(y, p, multi_class="ovr", average="weighted"),
        "average_precision": skm.average_precision_score(onehot, p, average="macro"),
        "log_loss": skm.log_loss(y, p, labels=list(range(k))),
        "top_2_accuracy": skm.top_k_accuracy_score(y, p, k=2, labels=list(range(k))),
        "top_3_accuracy": skm.top_k_accuracy_score(y, p, k=3, labels=list(range(k))),
        "top_5_accuracy": skm.top_k_accuracy_score(y, p, k=5, labels=list(range(k))),
        "brier": float(np.mean(((p - onehot) ** 2).sum(axis=1))),
    }
    out.update(calibration(p, y, np.ones(len(y))))
    return out


def regression_metrics(y, pred, weights=None):
    out = {
        "mae": skm.mean_absolute_error(y, pred, sample_weight=weights),
        "mse": skm.mean_squared_error(y, pred, sample_weight=weights),
        "rmse": float(np.sqrt(skm.mean_squared_error(y, pred, sample_weight=weights))),
        "r2": skm.r2_score(y, pred, sample_weight=weights),
        "mape": skm.mean_absolute_percentage_error(y, pred, sample_weight=weights),
    }
    if weights is None:
        out["median_absolute_error"] = skm.median_absolute_error(y, pred)
        out["max_error"] = skm.max_error(y, pred)
    return out


def wilson(x, n, confidence):
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    phat = x / n
    denominator = 1 + z * z / n
    centre = (phat + z * z / (2 * n)) / denominator
    half = z / denominator * np.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n))
    return [max(0.0, centre - half), min(1.0, centre + half)]


def mcnemar(b, c):
    if b + c == 0:
        return 1.0
    if b + c < 25:
        return stats.binomtest(min(b, c), b + c, 0.5).pvalue
    return stats.chi2.sf((abs(b - c) - 1) ** 2 / (b + c), 1)


def midrank(x):
    order = np.argsort(x, kind="mergesort")
    sorted_x = x[order]
    n = len(x)
    t = np.zeros(n)
    i = 0
    while i < n:
        j = i
        while j < n and sorted_x[j] == sorted_x[i]:
            j += 1
        t[i:j] = 0.5 * (i + j - 1) + 1
        i = j
    out = np.empty(n)
    out[order] = t
    return out


def delong(y, scores_a, scores_b):
    pos, neg = y == 1, y == 0
    m, n = pos.sum(), neg.sum()
    v10, v01, aucs = [], [], []
    for s in (scores_a, scores_b):
        x, yy = s[pos], s[neg]
        tx, ty, tz = midrank(x), midrank(yy), midrank(np.concatenate([x, yy]))
        aucs.append((tz[:m].sum() - m * (m + 1) / 2) / (m * n))
        v10.append((tz[:m] - tx) / n)
        v01.append(1 - (tz[m:] - ty) / m)
    s10, s01 = np.cov(np.array(v10)), np.cov(np.array(v01))
    s = s10 / m + s01 / n
    var = s[0, 0] + s[1, 1] - 2 * s[0, 1]
    delta = aucs[0] - aucs[1]
    p = 2 * stats.norm.sf(abs(delta) / np.sqrt(var))
    return {"auc_a": aucs[0], "auc_b": aucs[1], "delta": delta, "variance": var, "p_value": p,
            "variance_a": s[0, 0]}


def bh(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1)
    return out.tolist()


def disparities(y, pred, groups):
    sel, tpr, fpr = [], [], []
    for g in sorted(set(groups)):
        m = groups == g
        sel.append(pred[m].mean())
        tpr.append(pred[m & (y == 1)].mean() if (m & (y == 1)).any() else np.nan)
        fpr.append(pred[m & (y == 0)].mean() if (m & (y == 0)).any() else np.nan)
    sel, tpr, fpr = np.array(sel), np.array(tpr), np.array(fpr)
    tpr, fpr = tpr[~np.isnan(tpr)], fpr[~np.isnan(fpr)]
    return {
        "demographic_parity_difference": sel.max() - sel.min(),
        "demographic_parity_ratio": sel.min() / sel.max(),
        "equalized_odds_difference": max(tpr.max() - tpr.min(), fpr.max() - fpr.min()),
        "equalized_odds_ratio": min(tpr.min() / tpr.max(), fpr.min() / fpr.max()),
        "equal_opportunity_difference": tpr.max() - tpr.min(),
    }


def case(name, task, y, scores, metrics_, weights=None, threshold=0.5):
    return {
        "name": name,
        "task": task,
        "threshold": threshold,
        "labels": [int(v) for v in y] if task != "regression" else None,
        "targets": [float(v) for v in y] if task == "regression" else None,
        "class_count": int(scores.shape[1]) if scores.ndim == 2 else 1,
        "scores": [float(v) for v in np.asarray(scores).reshape(-1)],
        "weights": None if weights is None else [float(v) for v in weights],
        "expected": {k: float(v) for k, v in metrics_.items()},
    }


def main():
    cases, statistics = [], {}
    bc_y = np.array([int(v) for v in load_column("tests/fixtures/data/breast_cancer.holdout.csv", "target")])
    _, mlp = probabilities("mlp_breast_cancer", "probabilities")
    _, retrained = probabilities("mlp_breast_cancer_retrained", "probabilities")
    _, degraded = probabilities("mlp_breast_cancer_degraded", "probabilities")
    cases.append(case("mlp_breast_cancer", "binary", bc_y, mlp, binary_metrics(bc_y, mlp)))
    cases.append(case("mlp_breast_cancer_degraded", "binary", bc_y, degraded, binary_metrics(bc_y, degraded)))
    cases.append(case("mlp_breast_cancer_threshold_0.3", "binary", bc_y, mlp, binary_metrics(bc_y, mlp, threshold=0.3), threshold=0.3))

    rng = np.random.RandomState(7)
    weights = rng.randint(1, 5, size=len(bc_y)).astype(float) / 2
    cases.append(case("mlp_breast_cancer_weighted", "binary", bc_y, mlp, binary_metrics(bc_y, mlp, weights), weights=weights))

    cc_y = np.array([int(v) for v in load_column("tests/fixtures/data/credit_card.holdout.csv", "card")])
    _, logreg = probabilities("logreg_credit_card", "probability")
    cases.append(case("logreg_credit_card", "binary", cc_y, logreg, binary_metrics(cc_y, logreg)))

    hm_y = np.array([int(v) for v in load_column("tests/fixtures/data/hmda.holdout.csv", "deny")])
    _, tree = probabilities("tree_hmda", "probabilities")
    cases.append(case("tree_hmda", "binary", hm_y, tree, binary_metrics(hm_y, tree)))

    ar_y = np.array([int(v) for v in load_column("tests/fixtures/data/arrests.holdout.csv", "released")])
    _, arrests = probabilities("per_column_arrests", "probabilities")
    cases.append(case("per_column_arrests", "binary", ar_y, arrests, binary_metrics(ar_y, arrests)))

    dg_y = np.array([int(v) for v in load_column("tests/fixtures/data/digits.holdout.csv", "target")])
    _, cnn = probabilities("cnn_digits", "probabilities")
    cases.append(case("cnn_digits", "multiclass", dg_y, cnn, multiclass_metrics(dg_y, cnn)))
    logits = np.array(load_expected("logits_digits")["expected"]["logits"], dtype=np.float64)
    mlp_digits = softmax(logits)
    cases.append(case("logits_digits_softmax", "multiclass", dg_y, mlp_digits, multiclass_metrics(dg_y, mlp_digits)))

    wages = np.array([float(v) for v in load_column("tests/fixtures/data/slid.holdout.csv", "wages")])
    reg = load_expected("regressor_slid")["expected"]["variable"]
    keep = np.array([r[0] is not None for r in reg])
    pred = np.array([r[0] for r in reg if r[0] is not None], dtype=np.float64)
    cases.append(case("regressor_slid", "regression", wages[keep], pred.reshape(-1, 1), regression_metrics(wages[keep], pred)))
    reg_w = np.random.RandomState(11).randint(1, 4, size=keep.sum()).astype(float)
    cases.append(case("regressor_slid_weighted", "regression", wages[keep], pred.reshape(-1, 1), regression_metrics(wages[keep], pred, reg_w), weights=reg_w))

    statistics["wilson"] = [
        {"successes": x, "trials": n, "confidence": c, "interval": wilson(x, n, c)}
        for x, n, c in [(0, 10, 0.95), (3, 10, 0.95), (10, 10, 0.95), (165, 171, 0.95), (50, 1000, 0.9), (7, 30, 0.99)]
    ]
    statistics["mcnemar"] = [
        {"negative": b, "positive": c, "p_value": mcnemar(b, c)}
        for b, c in [(0, 0), (3, 9), (1, 0), (12, 12), (30, 12), (8, 40), (100, 70)]
    ]
    pred_mlp = (mlp[:, 1] >= 0.5).astype(int)
    pred_deg = (degraded[:, 1] >= 0.5).astype(int)
    b = int(((pred_mlp == bc_y) & (pred_deg != bc_y)).sum())
    c = int(((pred_mlp != bc_y) & (pred_deg == bc_y)).sum())
    statistics["mcnemar"].append({"negative": b, "positive": c, "p_value": mcnemar(b, c), "from": "mlp vs degraded"})
    statistics["delong"] = [
        dict(delong(bc_y, degraded[:, 1], mlp[:, 1]), a="mlp_breast_cancer_degraded", b="mlp_breast_cancer"),
        dict(delong(bc_y, retrained[:, 1], mlp[:, 1]), a="mlp_breast_cancer_retrained", b="mlp_breast_cancer"),
    ]
    statistics["retrained_scores"] = [float(v) for v in retrained.reshape(-1)]
    p_values = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001]
    statistics["benjamini_hochberg"] = {"p": p_values, "adjusted": bh(p_values)}
    ar_pred = (arrests[:, 1] >= 0.5).astype(int)
    colour = np.array(load_column("tests/fixtures/data/arrests.holdout.csv", "colour"))
    sex = np.array(load_column("tests/fixtures/data/arrests.holdout.csv", "sex"))
    statistics["disparities"] = {
        "case": "per_column_arrests",
        "colour": colour.tolist(),
        "sex": sex.tolist(),
        "by_colour": disparities(ar_y, ar_pred, colour),
        "by_sex": disparities(ar_y, ar_pred, sex),
        "by_colour_x_sex": disparities(ar_y, ar_pred, np.char.add(np.char.add(colour, " x "), sex)),
    }

    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"bins": BINS, "cases": cases, "statistics": statistics}, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
