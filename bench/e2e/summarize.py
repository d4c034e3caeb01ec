"""Summarises bench/run-e2e.sh's logs: median and range over runs, and the ratios, as a Markdown table."""
import re
import statistics
import sys


def timed(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return seconds, rss, text


def fields(path):
    return {k: v for k, v in re.findall(r"(\w+)=(\S+)", open(path).read())}


def gate_stages(text):
    stages = re.search(r"stages \(busy s, overlapped\): read ([\d.]+), candidate ([\d.]+), baseline ([\d.]+), assemble ([\d.]+); wall ([\d.]+)", text)
    judged = re.search(r"judged \d+ checks with \d+ paired resamples in ([\d.]+) s", text)
    steps = [float(s) for s in re.findall(r"\[modelgate\s+([\d.]+)s\]", text)]
    return {
        "read_busy": float(stages.group(1)), "candidate_busy": float(stages.group(2)), "baseline_busy": float(stages.group(3)),
        "assemble": float(stages.group(4)), "streamed_wall": float(stages.group(5)), "judge": float(judged.group(1)),
        "in_process": steps[-1] if steps else float("nan"),
    }


def gate_resamples(text):
    return re.search(r"with (\d+) paired resamples", text).group(1)


def med(values):
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main(out, runs):
    rows = {}
    def add(name, value):
        rows.setdefault(name, []).append(value)

    for i in range(1, runs + 1):
        wall, rss, text = timed(f"{out}/gate-{i}.stderr")
        add("modelgate check: wall s", wall)
        add("modelgate check: peak RSS MB", rss)
        for k, v in gate_stages(text).items():
            add(f"  stage {k} s", v)
        bare_wall, bare_rss, _ = timed(f"{out}/bare-{i}.stderr")
        bare = fields(f"{out}/bare-{i}.stdout")
        read, cand, base = float(bare["read_s"]), float(bare["candidate_s"]), float(bare["baseline_s"])
        add("bare read s", read)
        add("bare inference candidate s", cand)
        add("bare inference baseline s", base)
        add("bare read + inference (both) s", read + cand + base)
        add("bare process peak RSS MB", bare_rss)
        add("ratio modelgate wall / bare (read + inference)", wall / (read + cand + base))
        py_wall, py_rss, _ = timed(f"{out}/python-{i}.stderr")
        py = fields(f"{out}/python-{i}.stdout")
        add("python read_csv s", float(py["read_s"]))
        add("python metrics+calibration+slices+safety s", float(py["metrics_s"]) + float(py["slices_s"]) + float(py["safety_s"]))
        boot = [k for k in py if k.startswith("bootstrap_") and k.endswith("_extrapolated_s")][0]
        add(f"python {boot.replace('_', ' ')}", float(py[boot]))
        add("python total (bootstrap extrapolated) s", float(py["total_s"]))
        add("python peak RSS MB", py_rss)
        # Python vs ModelGate is a ratio only when both ran (or extrapolated to) the same resample count.
        if boot == f"bootstrap_{gate_resamples(text)}_extrapolated_s":
            add("ratio python total / modelgate wall", float(py["total_s"]) / wall)

    print(open(f"{out}/machine.txt").read().strip())
    for i in range(1, runs + 1):
        print(f"run {i}: " + " -> ".join(l.strip() for l in open(f"{out}/load-{i}.txt")))
    print()
    print("| figure | median (min–max) |")
    print("|---|---|")
    for name, values in rows.items():
        print(f"| {name} | {med(values)} |")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
