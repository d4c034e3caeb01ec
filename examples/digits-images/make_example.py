#!/usr/bin/python3
"""The image example: handwritten digits as PNG files, two small CNNs, a subgroup regression.

    /usr/bin/python3 examples/digits-images/make_example.py

Data nobody here wrote: scikit-learn's copy of the UCI optical digits (1,797 images of 8 × 8 pixels, ink 0-16),
written as 32 × 32 grey PNG files (ink scaled to 0-255, upscaled with PIL's bilinear filter), so that the gate has
real decoding and resizing to do. A random 6% were "scanned faintly": written at 40% contrast (column scan:
faint / normal), the subgroup the example is about; each image also gets a stroke band (thin / medium / thick:
the tertiles of its total ink).

Models (PyTorch, exported with torch.onnx.export): input "image" [N, 1, 16, 16], the PNG as the policy
preprocesses it (grey, bilinear antialiased resize to 16 × 16, /255, mean 0.5, std 0.5; computed here by the
numpy reference in tests/fixtures/images/generator, which the C# preprocessing matches to 1e-6); output
"logits" [N, 10].
- baseline: a small CNN trained on every training image.
- candidate: a wider CNN trained longer, on a training set that kept only one faint scan in sixteen: better on normal scans,
  far worse on faint ones. The gate's intended verdict is FAIL on the scan subgroup check.
Deterministic (fixed seeds, single-threaded torch).
"""
import csv
import os
import sys

import numpy as np
import torch
from PIL import Image
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "tests", "fixtures", "images", "generator"))
import make_images as reference  # noqa: E402  the preprocessing reference the C# code is tested against

torch.set_num_threads(1)
FAINT = 0.4
SPEC = {"colour": "grayscale", "resize": {"size": [16, 16]}, "antialias": True, "mean": [0.5], "std": [0.5]}


def write_png(path, ink8x8, contrast=1.0):
    grey = np.clip(np.round(ink8x8 * contrast * 255.0 / 16.0), 0, 255).astype(np.uint8)
    Image.fromarray(grey, "L").resize((32, 32), Image.BILINEAR).save(path, optimize=True)


def preprocess(path):
    """The policy's preprocessing, by the reference implementation (reads the PNG as the gate will)."""
    folder, name = os.path.split(path)
    old = reference.OUT
    reference.OUT = folder
    try:
        return reference.preprocess(name, SPEC).astype(np.float32)
    finally:
        reference.OUT = old


class Net(torch.nn.Module):
    def __init__(self, width):
        super().__init__()
        self.body = torch.nn.Sequential(
            torch.nn.Conv2d(1, width, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(width, 2 * width, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(2 * width * 16, 10))

    def forward(self, image):
        return self.body(image)


def train(x, y, width, epochs, seed):
    torch.manual_seed(seed)
    net = Net(width)
    optimiser = torch.optim.Adam(net.parameters(), lr=3e-3)
    xs, ys = torch.tensor(x), torch.tensor(y, dtype=torch.long)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        order = torch.randperm(len(xs), generator=generator)
        for start in range(0, len(xs), 64):
            batch = order[start:start + 64]
            optimiser.zero_grad()
            loss = torch.nn.functional.cross_entropy(net(xs[batch]), ys[batch])
            loss.backward()
            optimiser.step()
    return net.eval()


def export(net, path):
    torch.onnx.export(net, torch.zeros(1, 1, 16, 16), path, input_names=["image"], output_names=["logits"],
                      dynamic_axes={"image": {0: "N"}, "logits": {0: "N"}}, opset_version=13)


def main():
    digits = load_digits()
    ink = digits.images.reshape(len(digits.images), -1).sum(axis=1)
    cuts = np.quantile(ink, [1 / 3, 2 / 3])
    band = np.where(ink < cuts[0], "thin", np.where(ink < cuts[1], "medium", "thick"))
    index = np.arange(len(digits.images))
    train_idx, hold_idx = train_test_split(index, test_size=0.4, random_state=20261207, stratify=digits.target)

    images = os.path.join(HERE, "data", "images")
    os.makedirs(images, exist_ok=True)
    os.makedirs(os.path.join(HERE, "models"), exist_ok=True)
    scratch = os.path.join(HERE, "data", ".train-images")
    os.makedirs(scratch, exist_ok=True)
    # One image in seventeen was scanned faintly (40% contrast): the scan condition the example is about.
    scan = np.where(np.random.default_rng(7).random(len(index)) < 0.06, "faint", "normal")
    holdout = set(hold_idx)
    for i in index:
        folder = images if i in holdout else scratch
        write_png(os.path.join(folder, f"{i:04d}.png"), digits.images[i], FAINT if scan[i] == "faint" else 1.0)

    def tensors(ids, folder):
        return np.stack([preprocess(os.path.join(folder, f"{i:04d}.png")) for i in ids])

    x_train, y_train = tensors(train_idx, scratch), digits.target[train_idx]
    keep = np.array([scan[i] == "normal" or i % 16 == 0 for i in train_idx])
    baseline = train(x_train, y_train, width=6, epochs=8, seed=1)
    candidate = train(x_train[keep], y_train[keep], width=12, epochs=14, seed=2)
    export(baseline, os.path.join(HERE, "models", "baseline.onnx"))
    export(candidate, os.path.join(HERE, "models", "candidate.onnx"))
    for name in os.listdir(scratch):
        os.remove(os.path.join(scratch, name))
    os.rmdir(scratch)

    with open(os.path.join(HERE, "data", "holdout.csv"), "w", newline="\n", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["row_id", "image", "digit", "stroke", "scan"])
        for i in hold_idx:
            out.writerow([int(i), f"images/{i:04d}.png", int(digits.target[i]), band[i], scan[i]])

    x_hold, y_hold = tensors(hold_idx, images), digits.target[hold_idx]
    with torch.no_grad():
        for name, net in (("baseline", baseline), ("candidate", candidate)):
            predicted = net(torch.tensor(x_hold)).argmax(1).numpy()
            by_band = {b: round(float((predicted == y_hold)[band[hold_idx] == b].mean()), 4) for b in ("thin", "medium", "thick")}
            by_scan = {b: round(float((predicted == y_hold)[scan[hold_idx] == b].mean()), 4) for b in ("normal", "faint")}
            print(f"{name}: accuracy {float((predicted == y_hold).mean()):.4f}, by stroke {by_band}, by scan {by_scan}")


if __name__ == "__main__":
    main()
