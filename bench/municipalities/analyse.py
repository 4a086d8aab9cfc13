#!/usr/bin/env python3
"""Schedule lag, failures, CPU and memory of a many-municipalities benchmark run (see run.sh).

    analyse.py WORK_DIR M INTERVAL_SECONDS PEAK_RSS
"""

import csv
import datetime
import glob
import json
import os
import sys


def seconds(timestamp):
    return datetime.datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else None


def summary(lags):
    if not lags:
        return None
    return {"worst": round(max(lags), 1), "p99": round(percentile(lags, 99), 1),
            "median": round(percentile(lags, 50), 1)}


def main():
    work, m, interval, peak_rss = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    connector_dir = glob.glob(f"{work}/connectors/*")[0]
    connector = os.path.basename(connector_dir)
    order = [row["ico"] for row in json.load(open(f"{connector_dir}/municipalities.json", encoding="utf-8"))]
    samples = list(csv.DictReader(open(f"{work}/samples.csv")))
    runs = {}
    for path in glob.glob(f"{work}/data/connector-runs/*.jsonl"):
        ico = os.path.basename(path)[: -len(".jsonl")].split("--")[-1]
        runs[ico] = [json.loads(line) for line in open(path, encoding="utf-8")]
    first = runs.get(order[0])
    if not first:
        print(json.dumps({"error": "the first municipality never ran"}))
        return
    t0 = seconds(first[0]["startedAt"])
    end = t0 - float(samples[0]["time_s"]) + float(samples[-1]["time_s"])  # approximately when sampling stopped
    lags, first_lags, later_lags, failed, never = [], [], [], 0, 0
    for i, ico in enumerate(order):
        expected = t0 + interval * i / m
        history = runs.get(ico, [])
        if not history:
            if expected < end:
                never += 1
                lags.append(end - expected)  # censored: at least this late
            continue
        for k, run in enumerate(history):
            start = seconds(run["startedAt"])
            lags.append(start - expected)
            (first_lags if k == 0 else later_lags).append(start - expected)
            failed += run.get("error") is not None
            expected = start + run["millis"] / 1000 + interval
        if expected < end:
            lags.append(end - expected)  # the next run was due and has not started: at least this late
    cpu = float(samples[-1]["hub_cpu_s"]) - float(samples[0]["hub_cpu_s"])
    wall = float(samples[-1]["time_s"]) - float(samples[0]["time_s"])
    busy = float(samples[-1]["machine_busy_s"]) - float(samples[0]["machine_busy_s"])
    result = {
        "municipalities": m,
        "connector": connector,
        "observed_seconds": round(wall),
        "runs": sum(len(h) for h in runs.values()),
        "failed_runs": failed,
        "municipalities_run": len(runs),
        "municipalities_due_but_never_run": never,
        "lag_seconds": summary(lags),
        "first_poll_lag_seconds": summary(first_lags),
        "later_polls_lag_seconds": summary(later_lags),
        "later_polls": len(later_lags),
        "hub_cpu_seconds": round(cpu, 1),
        "hub_average_cores": round(cpu / wall, 2) if wall else None,
        "other_processes_cpu_seconds": round(busy - cpu, 1),
        "hub_rss_kb_max_sampled": max(int(s["hub_rss_kb"] or 0) for s in samples),
        "hub_peak_rss": peak_rss,
    }
    print(json.dumps(result, indent=2))


main()
