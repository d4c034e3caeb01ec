#!/usr/bin/python3
"""Generate the example folders (data, baseline/candidate ONNX models, expected-outcome.md).

    /usr/bin/python3 examples/make_examples.py

Deterministic. Uses the CSV copies in tests/fixtures/data/ (refreshed from
/work/shared/datasets by tests/fixtures/models/make_fixtures.py). Every number
in expected-outcome.md is computed independently in numpy/sklearn/torch from
the same float32 weights that are stored in the ONNX files (never by running
the ONNX files).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "fixtures", "models"))

import numpy as np
import onnx
from onnx import helper, TensorProto

import fixture_lib as L

FIXDATA = os.path.join(L.REPO, "tests", "fixtures", "data")
THRESHOLD = 0.5


def src(name, part):
    return os.path.join(FIXDATA, f"{name}.{part}.csv")


def folder(name):
    d = os.path.join(HERE, name)
    for sub in ("data", "models"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    return d


def write_csv_with_derived(src_path, dst_path, df_raw, derived, keep_rows=None):
    """Copy src_path line by line (optionally only keep_rows, a boolean mask),
    appending the derived columns (dict name -> array of already-formatted str)."""
    lines = open(src_path, encoding="utf-8").read().splitlines()
    names = list(derived)
    with open(dst_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(lines[0] + ("," + ",".join(names) if names else "") + "\n")
        for i, line in enumerate(lines[1:]):
            if keep_rows is not None and not keep_rows[i]:
                continue
            extra = [derived[n][i] for n in names]
            f.write(line + ("," + ",".join(extra) if extra else "") + "\n")


def b01(mask):
    return np.where(np.asarray(mask), "1", "0")


# ---------------------------------------------------------------- graph builders

def binary_linear_model(name, w, b, k, offset=None, scale=None):
    """input [N,k] -> (x-offset)*scale -> MatMul w + b -> sigmoid -> probabilities [N,2]=[1-p,p]."""
    nodes, inits = [], []
    x = "input"
    if offset is not None:
        nodes.append(helper.make_node("Sub", [x, "offset"], ["centered"]))
        nodes.append(helper.make_node("Mul", ["centered", "scale"], ["scaled"]))
        inits += [L.const("offset", L.f32(offset)), L.const("scale", L.f32(scale))]
        x = "scaled"
    nodes += [helper.make_node("MatMul", [x, "W"], ["z0"]),
              helper.make_node("Add", ["z0", "B"], ["z"]),
              helper.make_node("Sigmoid", ["z"], ["p1"]),
              helper.make_node("Sub", ["one", "p1"], ["p0"]),
              helper.make_node("Concat", ["p0", "p1"], ["probabilities"], axis=1)]
    inits += [L.const("W", L.f32(w).reshape(k, 1)), L.const("B", L.f32([b])), L.const("one", [1.0])]
    g = helper.make_graph(nodes, name, [L.tinfo("input", TensorProto.FLOAT, ["N", k])],
                          [L.tinfo("probabilities", TensorProto.FLOAT, ["N", 2])], inits)
    return L.make_model(g)


def binary_linear_eval(X, w, b, offset=None, scale=None):
    """Independent float64 evaluation with float32-rounded inputs and weights."""
    X = L.f32_as_f64(X)
    if offset is not None:
        X = (X - L.f32_as_f64(offset)) * L.f32_as_f64(scale)
    z = X @ L.f32_as_f64(w) + np.float64(np.float32(b))
    p1 = L.sigmoid64(z)
    return np.stack([1 - p1, p1], axis=1)


def fold_standardize(lr, mu, sd):
    w = lr.coef_.ravel() / sd
    b = lr.intercept_[0] - np.sum(lr.coef_.ravel() * mu / sd)
    return w, b


# ---------------------------------------------------------------- metrics helpers

def group_binary(y, p, groups, thr=THRESHOLD):
    from sklearn.metrics import roc_auc_score
    out = {}
    for gname in sorted(set(groups)):
        m = groups == gname
        yy, pp = y[m], p[m]
        pred = pp >= thr
        d = {"n": int(m.sum()), "base_rate": float(yy.mean()),
             "selection_rate": float(pred.mean()),
             "tpr_recall": float(pred[yy == 1].mean()) if (yy == 1).any() else None,
             "fpr": float(pred[yy == 0].mean()) if (yy == 0).any() else None,
             "precision": float(yy[pred].mean()) if pred.any() else None,
             "accuracy": float((pred == (yy == 1)).mean()),
             "roc_auc": float(roc_auc_score(yy, pp)) if len(set(yy)) == 2 else None}
        out[gname] = d
    return out


def r(v, n=4):
    return "n/a" if v is None else f"{v:.{n}f}"


def md_table(headers, rows):
    s = "| " + " | ".join(headers) + " |\n|" + "|".join(["---"] * len(headers)) + "|\n"
    for row in rows:
        s += "| " + " | ".join(str(c) for c in row) + " |\n"
    return s


def write_md(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text.strip() + "\n")


def check_margin(p, what, eps=1e-4):
    m = float(np.min(np.abs(np.asarray(p) - THRESHOLD)))
    assert m > eps, f"{what}: a probability is within {m} of the threshold"
    return m


# =====================================================================
# arrests-fairness
# =====================================================================

def arrests_fairness():
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    d = folder("arrests-fairness")
    parts = {}
    for part in ("holdout", "train"):
        df = L.read_csv(src("arrests", part))
        derived = {
            "colour_white": b01(df["colour"] == "White"),
            "sex_male": b01(df["sex"] == "Male"),
            "employed_yes": b01(df["employed"] == "Yes"),
            "citizen_yes": b01(df["citizen"] == "Yes"),
        }
        path = os.path.join(d, "data", f"{part}.csv")
        write_csv_with_derived(src("arrests", part), path, df, derived)
        parts[part] = L.read_csv(path)
    cols = ["age", "year", "checks", "colour_white", "sex_male", "employed_yes", "citizen_yes"]
    tr, ho = parts["train"], parts["holdout"]
    L.check_f32_parse(os.path.join(d, "data", "holdout.csv"), cols)
    Xtr, ytr = tr[cols].to_numpy(np.float64), tr["released"].to_numpy(int)
    Xho, yho = ho[cols].to_numpy(np.float64), ho["released"].to_numpy(int)
    mu, sd = Xtr.mean(0), Xtr.std(0)

    # baseline: age, year, checks only (other weights 0)
    base_idx = [0, 1, 2]
    lr_b = LogisticRegression(max_iter=10000).fit(((Xtr - mu) / sd)[:, base_idx], ytr)
    wb = np.zeros(len(cols)); wb[base_idx] = lr_b.coef_.ravel()
    bb = lr_b.intercept_[0]
    # candidate: all columns incl. colour, plus an extra penalty on colour_white == 0 (Black)
    lr_c = LogisticRegression(max_iter=10000).fit((Xtr - mu) / sd, ytr)
    wc = lr_c.coef_.ravel().copy()
    bc = lr_c.intercept_[0]
    # extra logit penalty delta for colour_white == 0 (Black): z += delta * (1 - colour_white)
    def with_penalty(delta):
        w = wc.copy(); w[3] += -delta * sd[3]
        return w, bc + delta * (1 - mu[3])
    DELTA = -0.8
    wc, bc = with_penalty(DELTA)
    base_m = binary_linear_model("arrests_baseline", wb, bb, len(cols), mu, 1 / sd)
    cand_m = binary_linear_model("arrests_candidate", wc, bc, len(cols), mu, 1 / sd)
    L.save_model(base_m, os.path.join(d, "models", "baseline.onnx"))
    L.save_model(cand_m, os.path.join(d, "models", "candidate.onnx"))
    PB = binary_linear_eval(Xho, wb, bb, mu, 1 / sd)
    PC = binary_linear_eval(Xho, wc, bc, mu, 1 / sd)
    pb, pc = PB[:, 1], PC[:, 1]
    check_margin(pb, "arrests baseline"); check_margin(pc, "arrests candidate")
    dump_verify("arrests-fairness", cols, {"baseline": PB, "candidate": PC})
    mb, mc = L.binary_metrics(yho, pb), L.binary_metrics(yho, pc)
    col = ho["colour"].to_numpy(); sex = ho["sex"].to_numpy()
    gb, gc = group_binary(yho, pb, col), group_binary(yho, pc, col)
    sb, sc = group_binary(yho, pb, sex), group_binary(yho, pc, sex)
    # train metrics (generalisation gap)
    tb = L.binary_metrics(ytr, binary_linear_eval(Xtr, wb, bb, mu, 1 / sd)[:, 1])
    tc = L.binary_metrics(ytr, binary_linear_eval(Xtr, wc, bc, mu, 1 / sd)[:, 1])
    gap = lambda g, k: abs(g["White"][k] - g["Black"][k])
    assert mc["roc_auc"] > mb["roc_auc"]
    assert gap(gc, "tpr_recall") - gap(gb, "tpr_recall") > 0.10
    assert gap(gc, "selection_rate") - gap(gb, "selection_rate") > 0.10

    rows = []
    for gname in ("Black", "White"):
        for tag, g in (("baseline", gb), ("candidate", gc)):
            x = g[gname]
            rows.append([gname, tag, x["n"], r(x["base_rate"], 3), r(x["selection_rate"]), r(x["tpr_recall"]),
                         r(x["fpr"]), r(x["precision"]), r(x["roc_auc"])])
    srows = []
    for gname in ("Female", "Male"):
        for tag, g in (("baseline", sb), ("candidate", sc)):
            x = g[gname]
            srows.append([gname, tag, x["n"], r(x["selection_rate"]), r(x["tpr_recall"]), r(x["fpr"]), r(x["roc_auc"])])
    md = f"""
# arrests-fairness: expected outcome

**Intended verdict: FAIL, because the subgroup/fairness check on `colour` fails.** Overall ROC AUC improves (+{mc['roc_auc'] - mb['roc_auc']:.3f}), but the gap between the `colour` groups widens sharply. The recall (TPR) gap grows from {gap(gb, 'tpr_recall'):.3f} to {gap(gc, 'tpr_recall'):.3f}, and the selection-rate gap grows from {gap(gb, 'selection_rate'):.3f} to {gap(gc, 'selection_rate'):.3f}.

- Task: binary classification. Target column `released`, positive class 1 (released with a summons).
- Data: `data/holdout.csv` is the shared `arrests.holdout.csv` ({len(yho)} rows, same order) plus the 0/1 columns `colour_white`, `sex_male`, `employed_yes`, `citizen_yes`. `data/train.csv` is the shared train split ({len(ytr)} rows) with the same derived columns. The original text columns are kept, so slices use `colour` (Black/White) and `sex`.
- Both models take **one input `input` float32 [N,{len(cols)}]**. The columns, in this order, are: `{', '.join(cols)}`.
- Both models output **`probabilities` float32 [N,2]** = [P(released=0), P(released=1)].
- Decision threshold used below: predict released when P(released=1) >= {THRESHOLD}. No holdout probability lies within 0.0001 of the threshold.

## Models

- `models/baseline.onnx`: sklearn LogisticRegression on `age, year, checks` only. The other weights are 0, and standardisation is built into the graph (Sub/Mul/MatMul/Add/Sigmoid).
- `models/candidate.onnx`: LogisticRegression on all {len(cols)} columns. On top of that, a hand-added logit penalty of {DELTA} is applied when `colour_white == 0` (Black arrestees). This stands for a candidate that has learned a much stronger colour effect.

## Overall (holdout)

{md_table(["model", "ROC AUC", "accuracy@0.5", "log loss", "Brier", "ECE (10 bins)", "selection rate"],
          [["baseline", r(mb['roc_auc']), r(mb['accuracy_at_0.5']), r(mb['log_loss']), r(mb['brier']), r(mb['ece_10_bins']), r(mb['positive_rate_at_0.5'])],
           ["candidate", r(mc['roc_auc']), r(mc['accuracy_at_0.5']), r(mc['log_loss']), r(mc['brier']), r(mc['ece_10_bins']), r(mc['positive_rate_at_0.5'])]])}
Train ROC AUC was {tb['roc_auc']:.4f} for the baseline and {tc['roc_auc']:.4f} for the candidate. The train-minus-holdout gaps were {tb['roc_auc'] - mb['roc_auc']:+.4f} and {tc['roc_auc'] - mc['roc_auc']:+.4f}.

Side effects to expect: the candidate's accuracy at {THRESHOLD} falls ({mb['accuracy_at_0.5']:.4f} → {mc['accuracy_at_0.5']:.4f}) and its ECE rises ({mb['ece_10_bins']:.4f} → {mc['ece_10_bins']:.4f}), because it rejects many Black arrestees who were in fact released. Those checks may flag it too, but the decisive and intended failure is the colour gap below.

## By `colour` (holdout, threshold {THRESHOLD})

{md_table(["colour", "model", "n", "base rate", "selection rate", "recall (TPR)", "FPR", "precision", "ROC AUC"], rows)}
Absolute White−Black gaps:

{md_table(["metric", "baseline", "candidate", "change"],
          [[k, f"{gap(gb, k):.4f}", f"{gap(gc, k):.4f}", f"{gap(gc, k) - gap(gb, k):+.4f}"] for k in ("tpr_recall", "selection_rate", "fpr", "accuracy")])}
## By `sex` (for reference)

{md_table(["sex", "model", "n", "selection rate", "recall (TPR)", "FPR", "ROC AUC"], srows)}
Regenerate with `/usr/bin/python3 examples/make_examples.py`. All numbers come from numpy/sklearn, using the float32 weights stored in the ONNX files.
"""
    write_md(os.path.join(d, "expected-outcome.md"), md)
    write_metrics(d, {"task": "binary", "target": "released", "positive_class": 1, "threshold": THRESHOLD,
                      "input_columns": cols, "output": "probabilities",
                      "intended_verdict": "fail: colour fairness gap (recall and selection rate) widens by > 0.10",
                      "holdout": {"baseline": mb, "candidate": mc},
                      "train": {"baseline": tb, "candidate": tc},
                      "by_colour": {"baseline": gb, "candidate": gc},
                      "by_sex": {"baseline": sb, "candidate": sc}})
    print(f"arrests-fairness: AUC {mb['roc_auc']:.4f} -> {mc['roc_auc']:.4f}; TPR gap "
          f"{gap(gb, 'tpr_recall'):.3f} -> {gap(gc, 'tpr_recall'):.3f}")


def dump_verify(name, cols, outputs):
    """Optional: dump expected outputs for an external ONNX Runtime cross-check."""
    vd = os.environ.get("MODELGATE_VERIFY_DIR")
    if not vd:
        return
    os.makedirs(vd, exist_ok=True)
    for k, v in outputs.items():
        L.write_json(os.path.join(vd, f"{name}__{k}.json"),
                     {"columns": cols, "values": L.jlist(v)})


def write_metrics(d, obj):
    def clean(o):
        if isinstance(o, dict):
            return {k: clean(v) for k, v in o.items()}
        if isinstance(o, (list, tuple)):
            return [clean(v) for v in o]
        if isinstance(o, (float, np.floating)):
            return round(float(o), 6)
        if isinstance(o, np.integer):
            return int(o)
        return o
    with open(os.path.join(d, "expected-metrics.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(clean(obj), f, indent=1)
        f.write("\n")


# =====================================================================
# breast-cancer
# =====================================================================

def breast_cancer():
    from sklearn.linear_model import LogisticRegression
    d = folder("breast-cancer")
    import shutil
    shutil.copyfile(src("breast_cancer", "holdout"), os.path.join(d, "data", "holdout.csv"))
    shutil.copyfile(src("breast_cancer", "train"), os.path.join(d, "data", "train.csv"))
    tr, ho = L.read_csv(os.path.join(d, "data", "train.csv")), L.read_csv(os.path.join(d, "data", "holdout.csv"))
    cols = [c for c in tr.columns if c != "target"]
    Xtr, ytr = tr[cols].to_numpy(np.float64), tr["target"].to_numpy(int)
    Xho, yho = ho[cols].to_numpy(np.float64), ho["target"].to_numpy(int)
    mu, sd = Xtr.mean(0), Xtr.std(0)
    S = lambda X: (X - mu) / sd
    base_idx = [cols.index(c) for c in BC_BASE_COLS]
    lr_b = LogisticRegression(C=BC_BASE_C, max_iter=10000).fit(S(Xtr)[:, base_idx], ytr)
    wb = np.zeros(len(cols)); wb[base_idx] = lr_b.coef_.ravel(); bb = lr_b.intercept_[0]
    lr_c = LogisticRegression(C=BC_CAND_C, max_iter=10000).fit(S(Xtr), ytr)
    wc, bc = lr_c.coef_.ravel(), lr_c.intercept_[0]
    PB = binary_linear_eval(Xho, wb, bb, mu, 1 / sd)
    PC = binary_linear_eval(Xho, wc, bc, mu, 1 / sd)
    pb, pc = PB[:, 1], PC[:, 1]
    check_margin(pb, "bc baseline"); check_margin(pc, "bc candidate")
    mb, mc = L.binary_metrics(yho, pb), L.binary_metrics(yho, pc)
    tb = L.binary_metrics(ytr, binary_linear_eval(Xtr, wb, bb, mu, 1 / sd)[:, 1])
    tc = L.binary_metrics(ytr, binary_linear_eval(Xtr, wc, bc, mu, 1 / sd)[:, 1])
    # paired bootstrap of AUC difference (information only)
    from sklearn.metrics import roc_auc_score
    rng = np.random.RandomState(0)
    diffs = []
    for _ in range(2000):
        ix = rng.randint(0, len(yho), len(yho))
        if len(set(yho[ix])) < 2:
            continue
        diffs.append(roc_auc_score(yho[ix], pc[ix]) - roc_auc_score(yho[ix], pb[ix]))
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    gb_pred, gc_pred = pb >= THRESHOLD, pc >= THRESHOLD
    both = {"baseline_only_correct": int(np.sum((gb_pred == (yho == 1)) & (gc_pred != (yho == 1)))),
            "candidate_only_correct": int(np.sum((gc_pred == (yho == 1)) & (gb_pred != (yho == 1))))}
    print("breast-cancer", mb, mc, lo, hi, both)
    if os.environ.get("BC_TUNE"):
        return
    for k in ("roc_auc", "accuracy_at_0.5"):
        assert mc[k] >= mb[k], k
    for k in ("log_loss", "brier", "ece_10_bins"):
        assert mc[k] <= mb[k], k
    L.save_model(binary_linear_model("bc_baseline", wb, bb, len(cols), mu, 1 / sd), os.path.join(d, "models", "baseline.onnx"))
    L.save_model(binary_linear_model("bc_candidate", wc, bc, len(cols), mu, 1 / sd), os.path.join(d, "models", "candidate.onnx"))
    dump_verify("breast-cancer", cols, {"baseline": PB, "candidate": PC})
    def pr(m):
        return [r(m['roc_auc']), r(m['accuracy_at_0.5']), r(m['log_loss']), r(m['brier']), r(m['ece_10_bins'])]
    md = f"""
# breast-cancer: expected outcome

**Intended verdict: PASS.** The candidate is clearly better on discrimination and not worse on anything, calibration included.

- Task: binary classification. Target column `target`, positive class 1, which is **benign** in sklearn's encoding.
- Data: `data/holdout.csv` and `data/train.csv` are byte-for-byte copies of the shared `breast_cancer.holdout.csv` ({len(yho)} rows) and `breast_cancer.train.csv` ({len(ytr)} rows). There are no derived columns.
- Both models take **one input `input` float32 [N,30]**: the 30 feature columns in file order, `{cols[0]}` … `{cols[-1]}` (every column except `target`).
- Both models output **`probabilities` float32 [N,2]** = [P(target=0), P(target=1)].
- Threshold: {THRESHOLD} on P(target=1). No holdout probability lies within 0.0001 of it.

## Models

- `models/baseline.onnx`: sklearn LogisticRegression (C={BC_BASE_C}) on only {len(BC_BASE_COLS)} columns (`{', '.join(BC_BASE_COLS)}`). The other weights are 0, and standardisation is in the graph.
- `models/candidate.onnx`: LogisticRegression (C={BC_CAND_C}) on all 30 standardised columns.

## Holdout

{md_table(["model", "ROC AUC", "accuracy@0.5", "log loss", "Brier", "ECE (10 bins)"], [["baseline"] + pr(mb), ["candidate"] + pr(mc)])}
- The paired bootstrap 95% CI of the AUC difference (candidate − baseline, 2000 resamples, RandomState(0)) is [{lo:+.4f}, {hi:+.4f}].
- At threshold {THRESHOLD}, {both['candidate_only_correct']} rows are correct only for the candidate and {both['baseline_only_correct']} only for the baseline.
- Train ROC AUC was {tb['roc_auc']:.4f} for the baseline and {tc['roc_auc']:.4f} for the candidate. The train accuracies were {tb['accuracy_at_0.5']:.4f} and {tc['accuracy_at_0.5']:.4f}.

Regenerate with `/usr/bin/python3 examples/make_examples.py`.
"""
    write_md(os.path.join(d, "expected-outcome.md"), md)
    write_metrics(d, {"task": "binary", "target": "target", "positive_class": 1, "threshold": THRESHOLD,
                      "input_columns": cols, "output": "probabilities", "intended_verdict": "pass",
                      "holdout": {"baseline": mb, "candidate": mc}, "train": {"baseline": tb, "candidate": tc},
                      "auc_diff_bootstrap_ci95": [lo, hi], "disagreements_at_threshold": both})
    print(f"breast-cancer: AUC {mb['roc_auc']:.4f} -> {mc['roc_auc']:.4f}")


BC_BASE_COLS = ["mean_radius", "mean_texture", "mean_smoothness", "mean_symmetry"]
BC_BASE_C = 1.0
BC_CAND_C = 3.0


# =====================================================================
# digits-calibration
# =====================================================================

def digits_calibration():
    import torch
    import torch.nn as nn
    import shutil
    from sklearn.linear_model import LogisticRegression
    d = folder("digits-calibration")
    shutil.copyfile(src("digits", "holdout"), os.path.join(d, "data", "holdout.csv"))
    shutil.copyfile(src("digits", "train"), os.path.join(d, "data", "train.csv"))
    tr, ho = L.read_csv(os.path.join(d, "data", "train.csv")), L.read_csv(os.path.join(d, "data", "holdout.csv"))
    cols = [f"p{i}" for i in range(64)]
    Xtr, ytr = tr[cols].to_numpy(np.float64), tr["target"].to_numpy(int)
    Xho, yho = ho[cols].to_numpy(np.float64), ho["target"].to_numpy(int)

    # baseline: multinomial logistic regression on x/16, logits = x @ W + b
    lr = LogisticRegression(C=DIG_BASE_C, max_iter=10000).fit(Xtr / 16.0, ytr)
    Wb = L.f32(lr.coef_.T / 16.0)          # [64,10], scaling folded in
    bb = L.f32(lr.intercept_)
    g = helper.make_graph([helper.make_node("MatMul", ["input", "W"], ["mm"]),
                           helper.make_node("Add", ["mm", "B"], ["logits"])], "digits_baseline",
                          [L.tinfo("input", TensorProto.FLOAT, ["N", 64])],
                          [L.tinfo("logits", TensorProto.FLOAT, ["N", 10])],
                          [L.const("W", Wb), L.const("B", bb)])
    base_m = L.make_model(g)
    Zb = L.f32_as_f64(Xho) @ Wb.astype(np.float64) + bb.astype(np.float64)
    Zb_tr = L.f32_as_f64(Xtr) @ Wb.astype(np.float64) + bb.astype(np.float64)

    # candidate: MLP 64-64-10, logits multiplied by TEMP_FACTOR (temperature 1/TEMP_FACTOR)
    class MLP(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Linear(64, 64)
            self.fc2 = nn.Linear(64, 10)
            self.temperature = 1.0

        def forward(self, x):
            return self.fc2(torch.relu(self.fc1(x / 16.0))) / self.temperature

    L.seed_everything(0)
    mlp = MLP()
    opt = torch.optim.Adam(mlp.parameters(), lr=0.01, weight_decay=DIG_WD)
    Xt, yt = torch.tensor(L.f32(Xtr)), torch.tensor(ytr)
    for _ in range(DIG_EPOCHS):
        opt.zero_grad()
        nn.functional.cross_entropy(mlp(Xt), yt).backward()
        opt.step()
    mlp.eval()
    mlp.temperature = 1.0 / DIG_OVERCONF_FACTOR
    Zc_over = L.torch_forward64(mlp, Xho)
    mlp.temperature = 1.0
    Zc_unscaled = L.torch_forward64(mlp, Xho)
    mlp.temperature = DIG_TEMPERATURE
    Zc = L.torch_forward64(mlp, Xho)
    Zc_tr = L.torch_forward64(mlp, Xtr)

    mb, mc = L.multiclass_metrics(yho, L.softmax64(Zb)), L.multiclass_metrics(yho, L.softmax64(Zc))
    mu_ = L.multiclass_metrics(yho, L.softmax64(Zc_unscaled))
    mo_ = L.multiclass_metrics(yho, L.softmax64(Zc_over))
    tb, tc = L.multiclass_metrics(ytr, L.softmax64(Zb_tr)), L.multiclass_metrics(ytr, L.softmax64(Zc_tr))
    print("digits", mb, mc, mu_)
    if os.environ.get("DIG_TUNE"):
        return
    assert mc["accuracy"] > mb["accuracy"]
    assert mc["ece_top_label_10_bins"] > 5 * mb["ece_top_label_10_bins"]
    assert mc["log_loss"] > mb["log_loss"]
    L.save_model(base_m, os.path.join(d, "models", "baseline.onnx"))
    L.torch_export(mlp, torch.zeros(1, 64), os.path.join(d, "models", "candidate.onnx"), ["input"], ["logits"])
    dump_verify("digits-calibration", cols, {"baseline": Zb, "candidate": Zc})
    # per-class accuracy
    pcb = [float(np.mean(Zb[yho == k].argmax(1) == k)) for k in range(10)]
    pcc = [float(np.mean(Zc[yho == k].argmax(1) == k)) for k in range(10)]
    def pr(m):
        return [r(m['accuracy']), r(m['log_loss']), r(m['brier_multiclass']), r(m['ece_top_label_10_bins'])]
    md = f"""
# digits-calibration: expected outcome

**Intended verdict: FAIL on calibration.** The candidate is more accurate, but its calibration is clearly worse: ECE rises many-fold, and log loss and Brier get worse too. A gate that only checks accuracy would pass it. A calibration check (ECE, or log loss) must fail it.

- Task: multiclass with 10 classes. Target column `target` (digit 0–9). Class order 0..9 = the logit index.
- Data: `data/holdout.csv` and `data/train.csv` are byte-for-byte copies of the shared `digits.holdout.csv` ({len(yho)} rows) and `digits.train.csv` ({len(ytr)} rows).
- Both models take **one input `input` float32 [N,64]** = `p0, p1, …, p63` in this order. The raw pixel values are 0–16, and the scaling happens in the model.
- Both models output **`logits` float32 [N,10]**. This is **not** a probability: apply softmax(logits) to get class probabilities.

## Models

- `models/baseline.onnx`: sklearn multinomial LogisticRegression (C={DIG_BASE_C}) on pixels/16, as MatMul/Add.
- `models/candidate.onnx`: PyTorch MLP 64-64-10 (ReLU, Adam, {DIG_EPOCHS} full-batch epochs, weight decay {DIG_WD}, seed 0). Its logits are **divided by a temperature of {DIG_TEMPERATURE:g}**. This does not change the argmax, so accuracy is unchanged, but the probabilities become strongly **under**-confident. Top-class confidence is far below the actual accuracy.

### Why under-confident and not over-confident

An over-confident version (logits ×{DIG_OVERCONF_FACTOR:g}, i.e. temperature 1/{DIG_OVERCONF_FACTOR:g}) was measured too. For a model that is about 98% accurate, top-label ECE cannot exceed roughly the error rate, so over-confidence barely moves ECE. Its holdout ECE is {mo_['ece_top_label_10_bins']:.4f}, against {mb['ece_top_label_10_bins']:.4f} for the baseline. Its log loss does rise, to {mo_['log_loss']:.4f}. That would not be a clear ECE failure, so the shipped candidate uses temperature {DIG_TEMPERATURE:g} instead.

## Holdout (probabilities = softmax(logits))

{md_table(["model", "accuracy", "log loss", "multiclass Brier", "top-label ECE (10 bins)"], [["baseline"] + pr(mb), ["candidate"] + pr(mc), ["(reference) candidate net, temperature 1"] + pr(mu_), [f"(reference) candidate net, logits x{DIG_OVERCONF_FACTOR:g}"] + pr(mo_)])}
ECE here means equal-width bins on the top-class confidence over [0,1], with the last bin closed, weighted by bin count: Σ (n_b/N)·|mean confidence_b − accuracy_b|.

- Train accuracy was {tb['accuracy']:.4f} for the baseline and {tc['accuracy']:.4f} for the candidate. Train ECE was {tb['ece_top_label_10_bins']:.4f} and {tc['ece_top_label_10_bins']:.4f}.
- Per-class holdout accuracy, baseline: {', '.join(f'{k}:{v:.3f}' for k, v in enumerate(pcb))}
- Per-class holdout accuracy, candidate: {', '.join(f'{k}:{v:.3f}' for k, v in enumerate(pcc))}

Regenerate with `/usr/bin/python3 examples/make_examples.py`.
"""
    write_md(os.path.join(d, "expected-outcome.md"), md)
    write_metrics(d, {"task": "multiclass", "target": "target", "classes": list(range(10)), "input_columns": cols,
                      "output": "logits", "intended_verdict": "fail: calibration (ECE) clearly worse although accuracy is higher", "candidate_temperature": DIG_TEMPERATURE,
                      "holdout": {"baseline": mb, "candidate": mc, "candidate_unscaled_reference": mu_, "candidate_overconfident_x3_reference": mo_},
                      "train": {"baseline": tb, "candidate": tc},
                      "per_class_accuracy": {"baseline": pcb, "candidate": pcc}})
    print(f"digits-calibration: acc {mb['accuracy']:.4f} -> {mc['accuracy']:.4f}; ECE "
          f"{mb['ece_top_label_10_bins']:.4f} -> {mc['ece_top_label_10_bins']:.4f}")


DIG_BASE_C = 10.0
DIG_EPOCHS = 300
DIG_WD = 1e-3
DIG_TEMPERATURE = 3.0
DIG_OVERCONF_FACTOR = 3.0


# =====================================================================
# hmda-safety
# =====================================================================

HMDA_BIN = ["phist", "selfemp", "insurance", "condomin", "single", "hschool"]


def hmda_safety():
    from sklearn.linear_model import LogisticRegression
    d = folder("hmda-safety")
    parts = {}
    for part in ("holdout", "train"):
        df = L.read_csv(src("hmda", part))
        derived = {f"{c}_yes": b01(df[c] == "yes") for c in HMDA_BIN}
        path = os.path.join(d, "data", f"{part}.csv")
        write_csv_with_derived(src("hmda", part), path, df, derived)
        parts[part] = L.read_csv(path)
    cols = ["pirat", "hirat", "lvrat", "chist", "mhist", "unemp"] + [f"{c}_yes" for c in HMDA_BIN]
    tr, ho = parts["train"], parts["holdout"]
    L.check_f32_parse(os.path.join(d, "data", "holdout.csv"), cols)
    Xtr, ytr = tr[cols].to_numpy(np.float64), tr["deny"].to_numpy(int)
    Xho, yho = ho[cols].to_numpy(np.float64), ho["deny"].to_numpy(int)
    mu, sd = Xtr.mean(0), Xtr.std(0)
    lr_b = LogisticRegression(C=1.0, max_iter=10000).fit((Xtr - mu) / sd, ytr)
    lr_c = LogisticRegression(C=1.0, max_iter=10000, class_weight={0: 1.0, 1: HMDA_W1}).fit((Xtr - mu) / sd, ytr)
    wb, bb = lr_b.coef_.ravel(), lr_b.intercept_[0]
    wc, bc = lr_c.coef_.ravel(), lr_c.intercept_[0]
    PB = binary_linear_eval(Xho, wb, bb, mu, 1 / sd)
    PC = binary_linear_eval(Xho, wc, bc, mu, 1 / sd)
    pb, pc = PB[:, 1], PC[:, 1]
    check_margin(pb, "hmda baseline"); check_margin(pc, "hmda candidate")
    mb, mc = L.binary_metrics(yho, pb), L.binary_metrics(yho, pc)
    tb = L.binary_metrics(ytr, binary_linear_eval(Xtr, wb, bb, mu, 1 / sd)[:, 1])
    tc = L.binary_metrics(ytr, binary_linear_eval(Xtr, wc, bc, mu, 1 / sd)[:, 1])
    safety = ((ho["insurance"] == "no") & (ho["chist"] <= 2)).to_numpy()
    db, dc = pb >= THRESHOLD, pc >= THRESHOLD
    neg_flip = safety & (yho == 0) & ~db & dc         # approved correctly -> newly denied
    pos_flip = safety & (yho == 1) & ~db & dc         # newly (correctly) denied
    rev_flip = safety & db & ~dc                      # denied by baseline, approved by candidate
    all_neg_flip = (yho == 0) & ~db & dc
    rows1 = (np.where(neg_flip)[0] + 1).tolist()
    print("hmda", mb["roc_auc"], mc["roc_auc"], safety.sum(), len(rows1), pos_flip.sum(), rev_flip.sum(), all_neg_flip.sum())
    if os.environ.get("HMDA_TUNE"):
        return
    assert len(rows1) > 0 and abs(mc["roc_auc"] - mb["roc_auc"]) < 0.01
    L.save_model(binary_linear_model("hmda_baseline", wb, bb, len(cols), mu, 1 / sd), os.path.join(d, "models", "baseline.onnx"))
    L.save_model(binary_linear_model("hmda_candidate", wc, bc, len(cols), mu, 1 / sd), os.path.join(d, "models", "candidate.onnx"))
    dump_verify("hmda-safety", cols, {"baseline": PB, "candidate": PC})
    sb = group_binary(yho[safety], pb[safety], np.array(["safety"] * safety.sum()))["safety"]
    sc = group_binary(yho[safety], pc[safety], np.array(["safety"] * safety.sum()))["safety"]
    flip_rows = [[i + 1, ho["deny"][i], f"{pb[i]:.4f}", f"{pc[i]:.4f}", ho["chist"][i], ho["insurance"][i],
                  f"{ho['pirat'][i]:.3f}", f"{ho['lvrat'][i]:.3f}"] for i in np.where(neg_flip)[0]]
    def pr(m):
        return [r(m['roc_auc']), r(m['accuracy_at_0.5']), r(m['log_loss']), r(m['brier']), r(m['positive_rate_at_0.5'])]
    md = f"""
# hmda-safety: expected outcome

**Intended verdict: FAIL on the safety set.** Overall ROC AUC is practically unchanged (difference {mc['roc_auc'] - mb['roc_auc']:+.4f}). But on the safety set the candidate newly **denies** {len(rows1)} applicants whom the baseline correctly **approved**. These are negative flips, and any negative flip on the safety set must block.

- Task: binary classification. Target column `deny`, **positive class 1 = denied**. A prediction of "deny" means P(deny=1) >= {THRESHOLD}. No holdout probability lies within 0.0001 of the threshold.
- Data: `data/holdout.csv` is the shared `hmda.holdout.csv` ({len(yho)} rows, same order) plus the 0/1 columns `{', '.join(f'{c}_yes' for c in HMDA_BIN)}` (1 when the text column is `yes`). All original columns are kept. `data/train.csv` is the train split ({len(ytr)} rows) with the same columns.
- Both models take **one input `input` float32 [N,{len(cols)}]**. The columns, in this order, are: `{', '.join(cols)}`. `afam` is deliberately not a model input.
- Both models output **`probabilities` float32 [N,2]** = [P(deny=0), P(deny=1)].

## Safety set

The safety set is the rows with **`insurance == "no"` and `chist <= 2`**: applicants not denied mortgage insurance, with a good consumer credit history (`chist` 1 or 2). The holdout has {int(safety.sum())} such rows, {int((yho[safety] == 0).sum())} with `deny = 0`.

A **negative flip** is a safety-set row with `deny == 0` where the baseline predicts approve (P(deny) < {THRESHOLD}) and the candidate predicts deny (P(deny) >= {THRESHOLD}).

## Models

- `models/baseline.onnx`: sklearn LogisticRegression (C=1) on the {len(cols)} standardised columns. Standardisation is in the graph.
- `models/candidate.onnx`: the same features, trained with `class_weight={{0: 1, 1: {HMDA_W1}}}`. The ranking (AUC) is almost the same, but the scores shift upwards, so more applicants cross the deny threshold.

## Holdout

{md_table(["model", "ROC AUC", "accuracy@0.5", "log loss", "Brier", "deny rate@0.5"], [["baseline"] + pr(mb), ["candidate"] + pr(mc)])}
On the safety set (n={int(safety.sum())}), the deny rate is {sb['selection_rate']:.4f} for the baseline and {sc['selection_rate']:.4f} for the candidate. The FPR among `deny = 0` rows is {r(sb['fpr'])} and {r(sc['fpr'])}.

On the safety set:

- **Negative flips** (correct approve → wrong deny): **{len(rows1)}**.
- Correct new denials (`deny = 1`, approve → deny): {int(pos_flip.sum())}.
- Deny → approve changes: {int(rev_flip.sum())}.

Over the whole holdout there are {int(all_neg_flip.sum())} negative flips.

### Negative-flip rows

Row numbers are 1-based data rows of `data/holdout.csv`, header excluded. Row 1 is the first line after the header.

**{', '.join(str(x) for x in rows1)}**

{md_table(["row", "deny", "P(deny) baseline", "P(deny) candidate", "chist", "insurance", "pirat", "lvrat"], flip_rows)}
Train ROC AUC was {tb['roc_auc']:.4f} for the baseline and {tc['roc_auc']:.4f} for the candidate.

Regenerate with `/usr/bin/python3 examples/make_examples.py`.
"""
    write_md(os.path.join(d, "expected-outcome.md"), md)
    write_metrics(d, {"task": "binary", "target": "deny", "positive_class": 1, "threshold": THRESHOLD,
                      "input_columns": cols, "output": "probabilities",
                      "intended_verdict": "fail: negative flips on the safety set",
                      "safety_set_rule": "insurance == \"no\" and chist <= 2",
                      "safety_set_size": int(safety.sum()),
                      "negative_flip_rows_1based": rows1,
                      "safety_correct_new_denials": int(pos_flip.sum()),
                      "safety_deny_to_approve": int(rev_flip.sum()),
                      "negative_flips_whole_holdout": int(all_neg_flip.sum()),
                      "holdout": {"baseline": mb, "candidate": mc}, "train": {"baseline": tb, "candidate": tc},
                      "safety": {"baseline": sb, "candidate": sc}})
    print(f"hmda-safety: AUC {mb['roc_auc']:.4f} -> {mc['roc_auc']:.4f}; negative flips {rows1}")


HMDA_W1 = 3.5


# =====================================================================
# slid-regression
# =====================================================================

def slid_regression():
    from sklearn.linear_model import LinearRegression
    d = folder("slid-regression")
    parts = {}
    for part in ("holdout", "train"):
        df = L.read_csv(src("slid", part))
        keep = df["education"].notna().to_numpy()
        derived = {"sex_male": b01(df["sex"] == "Male")}
        path = os.path.join(d, "data", f"{part}.csv")
        write_csv_with_derived(src("slid", part), path, df, derived, keep_rows=keep)
        parts[part] = (L.read_csv(path), int((~keep).sum()), len(df))
    (tr, drop_tr, n_tr0), (ho, drop_ho, n_ho0) = parts["train"], parts["holdout"]
    cols = ["education", "age", "sex_male"]
    L.check_f32_parse(os.path.join(d, "data", "holdout.csv"), cols)
    Xtr, ytr = tr[cols].to_numpy(np.float64), tr["wages"].to_numpy(np.float64)
    Xho, yho = ho[cols].to_numpy(np.float64), ho["wages"].to_numpy(np.float64)

    def feats(X):  # education, age, age^2 (float32 product as the graph computes), sex_male
        X = L.f32_as_f64(X)
        a2 = (L.f32(X[:, 1]) * L.f32(X[:, 1])).astype(np.float64)
        return np.stack([X[:, 0], X[:, 1], a2, X[:, 2]], axis=1)

    base = LinearRegression().fit(feats(Xtr)[:, :2], ytr)
    cand = LinearRegression().fit(feats(Xtr), ytr)
    wb = L.f32(np.concatenate([base.coef_, [0.0, 0.0]])); bb = np.float32(base.intercept_)
    wc = L.f32(cand.coef_); bc = np.float32(cand.intercept_)

    def model(name, w, b):
        nodes = [helper.make_node("Slice", ["input", "s_start", "s_end", "s_axes"], ["age_col"]),
                 helper.make_node("Mul", ["age_col", "age_col"], ["age_sq"]),
                 helper.make_node("Slice", ["input", "e_start", "e_end", "s_axes"], ["edu_age"]),
                 helper.make_node("Slice", ["input", "x_start", "x_end", "s_axes"], ["sex_col"]),
                 helper.make_node("Concat", ["edu_age", "age_sq", "sex_col"], ["feats"], axis=1),
                 helper.make_node("MatMul", ["feats", "coef"], ["mm"]),
                 helper.make_node("Add", ["mm", "intercept"], ["variable"])]
        inits = [L.const("s_start", [1], np.int64), L.const("s_end", [2], np.int64), L.const("s_axes", [1], np.int64),
                 L.const("e_start", [0], np.int64), L.const("e_end", [2], np.int64),
                 L.const("x_start", [2], np.int64), L.const("x_end", [3], np.int64),
                 L.const("coef", w.reshape(4, 1)), L.const("intercept", [b])]
        g = helper.make_graph(nodes, name, [L.tinfo("input", TensorProto.FLOAT, ["N", 3])],
                              [L.tinfo("variable", TensorProto.FLOAT, ["N", 1])], inits)
        return L.make_model(g)

    pb = feats(Xho) @ wb.astype(np.float64) + np.float64(bb)
    pc = feats(Xho) @ wc.astype(np.float64) + np.float64(bc)
    mb, mc = L.regression_metrics(yho, pb), L.regression_metrics(yho, pc)
    tb = L.regression_metrics(ytr, feats(Xtr) @ wb.astype(np.float64) + np.float64(bb))
    tc = L.regression_metrics(ytr, feats(Xtr) @ wc.astype(np.float64) + np.float64(bc))
    lang = ho["language"].fillna("(missing)").to_numpy()
    sex = ho["sex"].to_numpy()
    def by(groups):
        out = {}
        for gname in sorted(set(groups)):
            m = groups == gname
            out[gname] = {"baseline": L.regression_metrics(yho[m], pb[m]), "candidate": L.regression_metrics(yho[m], pc[m])}
        return out
    bs, bl = by(sex), by(lang)
    print("slid", mb, mc)
    assert mc["mae"] < mb["mae"]
    L.save_model(model("slid_baseline", wb, bb), os.path.join(d, "models", "baseline.onnx"))
    L.save_model(model("slid_candidate", wc, bc), os.path.join(d, "models", "candidate.onnx"))
    dump_verify("slid-regression", cols, {"baseline": pb.reshape(-1, 1), "candidate": pc.reshape(-1, 1)})
    grows = []
    for title, dd in (("sex", bs), ("language", bl)):
        for gname, v in dd.items():
            grows.append([title, gname, v["baseline"]["n"], r(v["baseline"]["mae"], 3), r(v["candidate"]["mae"], 3),
                          f"{v['candidate']['mae'] - v['baseline']['mae']:+.3f}",
                          r(v["baseline"]["rmse"], 3), r(v["candidate"]["rmse"], 3)])
    worse = [f"{t}={g}" for t, dd in (("sex", bs), ("language", bl)) for g, v in dd.items()
             if v["candidate"]["mae"] > v["baseline"]["mae"]]
    md = f"""
# slid-regression: expected outcome

**Intended verdict: PASS, meaning the candidate is better overall.** Holdout MAE falls from {mb['mae']:.3f} to {mc['mae']:.3f}. Per-group MAE is checked by `sex` and `language`. {('The candidate has a higher MAE in these groups: ' + ', '.join(worse) + '.') if worse else 'The candidate has a lower MAE in every `sex` group and every `language` group, including missing language.'}

- Task: regression. Target column `wages` (hourly wage).
- Data: `data/holdout.csv` is the shared `slid.holdout.csv` **minus the {drop_ho} rows where `education` is empty**. That leaves {len(yho)} of {n_ho0} rows, in the original order, with one column added: `sex_male` (1 if `sex == "Male"`). Empty `language` values are **kept as empty fields**: {int((lang == '(missing)').sum())} holdout rows, which a slice by `language` should show as a missing/empty group. `data/train.csv` is built the same way ({len(ytr)} of {n_tr0} rows; {drop_tr} dropped).
- Both models take **one input `input` float32 [N,3]** = `{', '.join(cols)}`.
- Both models output **`variable` float32 [N,1]** (the skl2onnx regressor name).

## Models

- `models/baseline.onnx`: sklearn LinearRegression wages ~ education + age. The graph has the same structure as the candidate, with zero weights on age² and sex_male.
- `models/candidate.onnx`: LinearRegression wages ~ education + age + age² + sex_male. age² is computed inside the graph (Slice/Mul/Concat/MatMul/Add).

## Holdout

{md_table(["model", "MAE", "RMSE", "R²", "n"], [["baseline", r(mb['mae']), r(mb['rmse']), r(mb['r2']), mb['n']], ["candidate", r(mc['mae']), r(mc['rmse']), r(mc['r2']), mc['n']]])}
Train MAE was {tb['mae']:.4f} for the baseline and {tc['mae']:.4f} for the candidate.

## By group (holdout)

{md_table(["slice", "group", "n", "MAE baseline", "MAE candidate", "Δ MAE", "RMSE baseline", "RMSE candidate"], grows)}
Regenerate with `/usr/bin/python3 examples/make_examples.py`.
"""
    write_md(os.path.join(d, "expected-outcome.md"), md)
    write_metrics(d, {"task": "regression", "target": "wages", "input_columns": cols, "output": "variable",
                      "intended_verdict": "pass: lower MAE overall" + ("" if not worse else "; worse in " + ", ".join(worse)),
                      "rows_dropped_missing_education": {"holdout": drop_ho, "train": drop_tr},
                      "holdout": {"baseline": mb, "candidate": mc}, "train": {"baseline": tb, "candidate": tc},
                      "by_sex": bs, "by_language": bl})
    print(f"slid-regression: MAE {mb['mae']:.4f} -> {mc['mae']:.4f}; worse groups: {worse}")


EXAMPLES = {"arrests": arrests_fairness, "breast": breast_cancer, "digits": digits_calibration,
            "hmda": hmda_safety, "slid": slid_regression}


def main():
    which = sys.argv[1:] or list(EXAMPLES)
    for w in which:
        EXAMPLES[w]()
    for name in sorted(os.listdir(HERE)):
        md = os.path.join(HERE, name, "models")
        if os.path.isdir(md):
            for f in sorted(os.listdir(md)):
                print(f"{name}/models/{f}: {os.path.getsize(os.path.join(md, f))} bytes")


if __name__ == "__main__":
    main()
