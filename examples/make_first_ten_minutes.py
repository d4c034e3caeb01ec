"""Generates the three "first ten minutes" examples: models from three exporters, each pair gated as it comes.

  examples/wine-skl2onnx/        skl2onnx classifiers with string labels; candidate input 'X' (ZipMap),
                                 baseline input 'float_input' (probability tensor + classlabels_strings metadata)
  examples/wine-pytorch/         a PyTorch logits model (input 'input', output 'logits', no class names) against
                                 the skl2onnx candidate above (input 'X')
  examples/diabetes-regression/  a skl2onnx ridge regressor (input 'X') against a PyTorch linear model (input 'input')
                                 that takes the same nine columns but was fitted on two of them (the others weigh 0)
  tests/fixtures/models/zipmap_int64_wine.onnx
                                 the wine candidate trained on the numbers 0, 1, 2: a ZipMap keyed by int64, for the
                                 tests that name its columns with models.classes

Run from the repository root with Debian's python3 and skl2onnx + onnxconverter-common from source:

  PYTHONPATH=/path/to/sklearn-onnx:/path/to/onnxconverter-common /usr/bin/python3 examples/make_first_ten_minutes.py

Versions used: skl2onnx at tag 1.14.1 (reports itself as 1.14.0), onnxconverter-common at tag v1.13.0 (neither is
packaged in Debian or reachable on PyPI here; both are pure Python), scikit-learn 1.2.1, onnx 1.12.0,
torch 1.13.0a0 (Debian). The data sets are scikit-learn's bundled wine and diabetes data. Seeds are fixed; running it
twice gives the same files. Build and tests never run this script: its outputs are committed.
"""
import os

import numpy as np
import pandas as pd
import torch
from sklearn.datasets import load_diabetes, load_wine
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier
from skl2onnx import convert_sklearn, to_onnx
from skl2onnx.common.data_types import FloatTensorType

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
EXAMPLES = os.path.join(ROOT, "examples")
OPSETS = {"": 15, "ai.onnx.ml": 3}
CULTIVARS = np.array(["barolo", "grignolino", "barbera"])  # UCI wine classes 1, 2, 3


def folder(name, *parts):
    path = os.path.join(EXAMPLES, name, *parts)
    os.makedirs(path, exist_ok=True)
    return path


def save(model, name, file):
    model.doc_string = ""
    model.graph.name = file[:-len(".onnx")]  # skl2onnx names the graph with a random uuid
    with open(os.path.join(folder(name, "models"), file), "wb") as f:
        f.write(model.SerializeToString())


def wine():
    data = load_wine(as_frame=True).frame.rename(columns={"od280/od315_of_diluted_wines": "od280_od315"})
    features = [c for c in data.columns if c != "target"]
    data["cultivar"] = CULTIVARS[data.pop("target").to_numpy()]
    data.insert(0, "row_id", np.arange(1, len(data) + 1))
    data["alcohol_band"] = np.where(data["alcohol"] < 13.0, "below_13", "13_and_above")
    train, holdout = train_test_split(data, test_size=0.4, random_state=7, stratify=data["cultivar"])
    return features, train, holdout.sort_values("row_id")


def skl2onnx_wine(features, train):
    x = train[features].to_numpy(np.float32)
    y = train["cultivar"].to_numpy()
    candidate = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000)).fit(x, y)
    # to_onnx names the input 'X'; the probabilities come out through a ZipMap keyed by the string labels.
    candidate_onnx = to_onnx(candidate, x[:1], target_opset=OPSETS)
    baseline = DecisionTreeClassifier(max_depth=2, random_state=0).fit(x, y)
    # convert_sklearn with the exporter's usual 'float_input'; no ZipMap: a probability tensor, labels only in metadata.
    baseline_onnx = convert_sklearn(baseline, initial_types=[("float_input", FloatTensorType([None, len(features)]))],
                                    options={id(baseline): {"zipmap": False}}, target_opset=OPSETS)
    return candidate, candidate_onnx, baseline, baseline_onnx


class WineNet(torch.nn.Module):
    """Standardises inside the graph and returns raw logits for the classes in sorted order."""

    def __init__(self, mean, std, hidden):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32))
        self.body = torch.nn.Sequential(torch.nn.Linear(len(mean), hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, 3))

    def forward(self, x):
        return self.body((x - self.mean) / self.std)


def pytorch_wine(features, train):
    torch.manual_seed(3)
    x = train[features].to_numpy(np.float32)
    classes = sorted(CULTIVARS)
    y = torch.tensor([classes.index(c) for c in train["cultivar"]])
    net = WineNet(x.mean(axis=0), x.std(axis=0), hidden=2)
    # Deliberately undertrained (a handful of steps, a tiny hidden layer): the gate should catch it.
    optimiser = torch.optim.SGD(net.parameters(), lr=0.05)
    for _ in range(12):
        optimiser.zero_grad()
        torch.nn.functional.cross_entropy(net(torch.tensor(x)), y).backward()
        optimiser.step()
    return net, classes


def export_torch(net, width, name, file):
    path = os.path.join(folder(name, "models"), file)
    torch.onnx.export(net.eval(), torch.zeros(1, width), path, input_names=["input"], output_names=[OUTPUT[name]],
                      dynamic_axes={"input": {0: "batch"}, OUTPUT[name]: {0: "batch"}}, opset_version=15)


OUTPUT = {"wine-pytorch": "logits", "diabetes-regression": "prediction"}


def diabetes():
    data = load_diabetes(as_frame=True, scaled=False).frame
    data.insert(0, "row_id", np.arange(1, len(data) + 1))
    data["sex"] = np.where(data["sex"] == 1, "one", "two")  # the data set codes sex as 1/2 without saying which is which
    data["age_band"] = pd.cut(data["age"], [0, 40, 55, 120], labels=["under_40", "40_to_54", "55_and_over"]).astype(str)
    data = data.rename(columns={"target": "progression"})
    train, holdout = train_test_split(data, test_size=0.4, random_state=11)
    return train, holdout.sort_values("row_id")


class Linear(torch.nn.Module):
    def __init__(self, width):
        super().__init__()
        self.linear = torch.nn.Linear(width, 1)

    def forward(self, x):
        return self.linear(x)


def main():
    features, train, holdout = wine()
    order = ["row_id"] + features + ["alcohol_band", "cultivar"]
    for name in ("wine-skl2onnx", "wine-pytorch"):
        holdout[order].to_csv(os.path.join(folder(name, "data"), "holdout.csv"), index=False, float_format="%.6g")
    _, candidate_onnx, _, baseline_onnx = skl2onnx_wine(features, train)
    save(candidate_onnx, "wine-skl2onnx", "candidate.onnx")
    save(baseline_onnx, "wine-skl2onnx", "baseline.onnx")
    net, _ = pytorch_wine(features, train)
    export_torch(net, len(features), "wine-pytorch", "candidate.onnx")
    save(candidate_onnx, "wine-pytorch", "baseline.onnx")

    train_d, holdout_d = diabetes()
    numeric = ["age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
    # sex first, the target last: init's label guess (first or last column) then finds the target by itself.
    holdout_d[["row_id", "sex", "age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6", "age_band", "progression"]].to_csv(
        os.path.join(folder("diabetes-regression", "data"), "holdout.csv"), index=False, float_format="%.6g")
    x = train_d[numeric].to_numpy(np.float32)
    ridge = make_pipeline(StandardScaler(), Ridge(alpha=1.0)).fit(x, train_d["progression"].to_numpy())
    save(to_onnx(ridge, x[:1], target_opset=OPSETS), "diabetes-regression", "candidate.onnx")
    torch.manual_seed(5)
    small = [numeric.index("bmi"), numeric.index("s5")]
    xs = torch.tensor(train_d[numeric].to_numpy(np.float32))[:, small]
    ys = torch.tensor(train_d[["progression"]].to_numpy(np.float32))
    # Ordinary least squares on two of the nine columns, solved exactly and copied into a nine-wide layer.
    design = torch.cat([xs.double(), torch.ones(len(xs), 1, dtype=torch.float64)], dim=1)
    solution = torch.linalg.lstsq(design, ys.double()).solution
    linear = Linear(len(numeric))
    with torch.no_grad():
        linear.linear.weight.zero_()
        linear.linear.weight[0, small] = solution[:-1, 0].float()
        linear.linear.bias.copy_(solution[-1].float())
    export_torch(linear, len(numeric), "diabetes-regression", "baseline.onnx")

    # Test fixture: the wine candidate's recipe on the class numbers instead of the names (ZipMap int64 keys 0, 1, 2).
    x = train[features].to_numpy(np.float32)
    numbered = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000)).fit(x, [list(CULTIVARS).index(c) for c in train["cultivar"]])
    fixture = to_onnx(numbered, x[:1], target_opset=OPSETS)
    fixture.doc_string = ""
    fixture.graph.name = "zipmap_int64_wine"
    with open(os.path.join(ROOT, "tests", "fixtures", "models", "zipmap_int64_wine.onnx"), "wb") as f:
        f.write(fixture.SerializeToString())
    print("wrote", ", ".join(sorted(os.path.relpath(os.path.join(d, f), ROOT) for n in ("wine-skl2onnx", "wine-pytorch", "diabetes-regression")
                                     for d, _, fs in os.walk(os.path.join(EXAMPLES, n)) for f in fs if f.endswith((".onnx", ".csv")))))


if __name__ == "__main__":
    main()
