"""Writes expected.json: an independent (pandas) reading of the holdout copies in this folder.

Run with Debian's /usr/bin/python3 (pandas); the tests only read the committed JSON.
    /usr/bin/python3 tests/ModelGate.Data.Tests/datasets/make_expected.py
"""
import json
import math
import pathlib

import pandas as pd

HERE = pathlib.Path(__file__).resolve().parent


def describe(path):
    frame = pd.read_csv(path, float_precision="round_trip", keep_default_na=False, na_values=[""])
    columns = {}
    for name in frame.columns:
        series = frame[name]
        entry = {"missing": int(series.isna().sum())}
        if pd.api.types.is_numeric_dtype(series):
            values = series.dropna().astype(float)
            entry["kind"] = "number"
            entry["sum"] = math.fsum(values)
            entry["min"] = float(values.min())
            entry["max"] = float(values.max())
        else:
            entry["kind"] = "text"
            counts = series.dropna().value_counts()
            entry["distinct"] = {str(k): int(v) for k, v in sorted(counts.items())}
        first, last = series.iloc[0], series.iloc[-1]
        entry["first"] = None if pd.isna(first) else (float(first) if entry["kind"] == "number" else str(first))
        entry["last"] = None if pd.isna(last) else (float(last) if entry["kind"] == "number" else str(last))
        columns[name] = entry
    return {"rows": int(len(frame)), "columns": list(frame.columns), "stats": columns}


def main():
    result = {p.name: describe(p) for p in sorted(HERE.glob("*.holdout.csv"))}
    (HERE / "expected.json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
