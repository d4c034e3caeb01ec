"""Summarises bench/run-scores.sh's logs: per run the gate scoring the models vs the gate from score files, as Markdown."""
import json
import re
import statistics
import sys


def timed(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.split(":"))))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    judged = re.search(r"judged \d+ checks with \d+ paired resamples in ([\d.]+) s", text)
    return seconds, rss, float(judged.group(1)) if judged else float("nan")


def report(path):
    r = json.load(open(path))
    r["provenance"].pop("data")
    return json.dumps(r, sort_keys=True)


def main(out, runs, shards):
    rows = []
    for i in range(1, runs + 1):
        models = timed(f"{out}/models-{i}.stderr")
        files = timed(f"{out}/scores-{i}.stderr")
        score = [timed(f"{out}/score-{i}-{m}-{s}.stderr") for m in ("candidate", "baseline") for s in range(1, shards + 1)]
        same = report(f"{out}/models-{i}/report.json") == report(f"{out}/scores-{i}/report.json")
        load = open(f"{out}/load-{i}.txt").read().split("\n")
        rows.append((i, models, files, score, same, load))
    print("| run | load before → after | `check` (models) wall / peak RSS / judge | `score` per shard job: wall (min–max) / peak RSS (max) | `check --scores` wall / peak RSS / judge | reports equal |")
    print("|---|---|---|---|---|---|")
    for i, models, files, score, same, load in rows:
        walls = [s[0] for s in score]
        print(f"| {i} | {load[0][5:]} → {load[1][5:]} | {models[0]:.1f} s / {models[1]:.0f} MB / {models[2]:.1f} s "
              f"| {statistics.median(walls):.1f} s ({min(walls):.1f}–{max(walls):.1f}) / {max(s[1] for s in score):.0f} MB "
              f"| {files[0]:.1f} s / {files[1]:.0f} MB / {files[2]:.1f} s | {'yes' if same else 'NO'} |")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
