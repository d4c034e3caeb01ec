"""Reads a CSV with pandas.read_csv and prints one JSON line: read seconds (wall and CPU), peak RSS, rows, sum of f0.

The counterpart of ModelGate's `holdout-read-once` in bench/ModelGate.Benchmarks (HoldoutReadComparison),
which runs both side by side: `dotnet run -c Release --project bench/ModelGate.Benchmarks -- holdout-read`.
"""
import json
import resource
import sys
import time

import pandas as pd


def main(path):
    start, cpu = time.perf_counter(), time.process_time()
    frame = pd.read_csv(path)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"Seconds": seconds, "CpuSeconds": cpu_seconds, "PeakRssMb": peak_mb, "Rows": int(len(frame)), "SumF0": float(frame["f0"].sum())}))


if __name__ == "__main__":
    main(sys.argv[1])
