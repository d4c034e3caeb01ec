#!/usr/bin/python3
"""The text example: Debian package descriptions classified by their archive section.

    /usr/bin/python3 examples/debian-text/make_example.py

Data nobody here wrote: the one-line descriptions of Debian 12's packages (`apt-cache dumpavail`), labelled with
the package's section, for five sections (games, graphics, science, sound, net). Tokenized by the WordPiece
vocabulary in tests/fixtures/text/vocab.txt (built from the same descriptions; copied here as vocab.txt) through
the reference tokenizer in tests/fixtures/text/generator, which the C# encoder matches id for id.

Models (PyTorch, torch.onnx.export): inputs input_ids and attention_mask [N, 32] int64, output logits [N, 5]:
a bag of embeddings, mean-pooled over the mask, then a linear layer.
- baseline: 16-dimensional embeddings, 4 epochs.
- candidate: 32-dimensional embeddings, 12 epochs: better overall and in every length band.
The intended verdict is PASS. Deterministic (fixed seeds, single-threaded torch).
"""
import csv
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "tests", "fixtures", "text", "generator"))
import make_text_fixtures as reference  # noqa: E402  the tokenizer the C# encoder is tested against

torch.set_num_threads(1)
SECTIONS = ["games", "graphics", "science", "sound", "net"]
MAX_LENGTH = 32


def packages():
    text = subprocess.run(["apt-cache", "dumpavail"], check=True, capture_output=True, text=True).stdout
    seen = set()
    for stanza in text.split("\n\n"):
        name = re.search(r"^Package: (.*)$", stanza, re.M)
        section = re.search(r"^Section: (.*)$", stanza, re.M)
        description = re.search(r"^Description: (.*)$", stanza, re.M)
        if name and section and description and section.group(1) in SECTIONS and name.group(1) not in seen:
            seen.add(name.group(1))
            yield name.group(1), section.group(1), description.group(1)


class Bag(torch.nn.Module):
    def __init__(self, vocab_size, dim):
        super().__init__()
        self.embed = torch.nn.Embedding(vocab_size, dim)
        self.out = torch.nn.Linear(dim, len(SECTIONS))

    def forward(self, input_ids, attention_mask):
        mask = attention_mask.unsqueeze(-1).to(torch.float32)
        pooled = (self.embed(input_ids) * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.out(pooled)


def train(ids, mask, y, dim, epochs, seed, vocab_size):
    torch.manual_seed(seed)
    net = Bag(vocab_size, dim)
    optimiser = torch.optim.Adam(net.parameters(), lr=1e-2)
    ids, mask, y = torch.tensor(ids), torch.tensor(mask), torch.tensor(y)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        order = torch.randperm(len(ids), generator=generator)
        for start in range(0, len(ids), 128):
            batch = order[start:start + 128]
            optimiser.zero_grad()
            torch.nn.functional.cross_entropy(net(ids[batch], mask[batch]), y[batch]).backward()
            optimiser.step()
    return net.eval()


def export(net, path):
    example = (torch.zeros(1, MAX_LENGTH, dtype=torch.long), torch.ones(1, MAX_LENGTH, dtype=torch.long))
    torch.onnx.export(net, example, path, input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "N"}, "attention_mask": {0: "N"}, "logits": {0: "N"}},
                      opset_version=13)


def main():
    rows = sorted(packages())
    rng = np.random.default_rng(20261207)
    order = rng.permutation(len(rows))
    holdout_ids = set(order[:1500].tolist())
    shutil.copyfile(os.path.join(REPO, "tests", "fixtures", "text", "vocab.txt"), os.path.join(HERE, "vocab.txt"))
    vocab_list = open(os.path.join(HERE, "vocab.txt"), encoding="utf-8").read().split("\n")[:-1]
    vocab = {t: i for i, t in enumerate(vocab_list)}
    encoded = [reference.encode(description, vocab, MAX_LENGTH) for _, _, description in rows]
    ids = np.array([e["ids"] for e in encoded], dtype=np.int64)
    mask = np.array([e["mask"] for e in encoded], dtype=np.int64)
    y = np.array([SECTIONS.index(section) for _, section, _ in rows], dtype=np.int64)
    train_rows = np.array([i for i in range(len(rows)) if i not in holdout_ids])
    hold_rows = np.array(sorted(holdout_ids))

    baseline = train(ids[train_rows], mask[train_rows], y[train_rows], 16, 4, 1, len(vocab_list))
    candidate = train(ids[train_rows], mask[train_rows], y[train_rows], 32, 12, 2, len(vocab_list))
    os.makedirs(os.path.join(HERE, "models"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    export(baseline, os.path.join(HERE, "models", "baseline.onnx"))
    export(candidate, os.path.join(HERE, "models", "candidate.onnx"))

    def band(tokens):
        return "short" if tokens <= 6 else "medium" if tokens <= 12 else "long"

    with open(os.path.join(HERE, "data", "holdout.csv"), "w", newline="\n", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["package", "description", "section", "length"])
        for i in hold_rows:
            name, section, description = rows[i]
            out.writerow([name, description, section, band(encoded[i]["tokens"])])

    with torch.no_grad():
        for name, net in (("baseline", baseline), ("candidate", candidate)):
            predicted = net(torch.tensor(ids[hold_rows]), torch.tensor(mask[hold_rows])).argmax(1).numpy()
            bands = np.array([band(encoded[i]["tokens"]) for i in hold_rows])
            by_band = {b: round(float((predicted == y[hold_rows])[bands == b].mean()), 4) for b in ("short", "medium", "long")}
            print(f"{name}: accuracy {float((predicted == y[hold_rows]).mean()):.4f} on {len(hold_rows)} rows, by length {by_band}")


if __name__ == "__main__":
    main()
