#!/usr/bin/env python3
"""The table of bench/run-suite.sh: reads OUT/runs.jsonl (one line per benchmark run, naming its result.json) and
OUT/machine.txt, and prints one Markdown section for BENCHMARKS.md.

Every row is a figure of one benchmark: the hub's value, the reference's value on the same machine, their ratio and
the target where an issue set one. Over repeated runs the table gives the medians of the hub's and the reference's
values and the median of the per-run ratios (each run pairs the hub with its reference, measured one after the
other). Python 3 standard library only.

    suite_summary.py OUT MODE
"""

import json
import math
import re
import statistics
import sys


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ingest(r):
    return [("bulk ingest: quads/s, end to end vs `tdb2.tdbloader --loader=basic` of the same quads "
             f"({r['notices']:,} notices, {r['quads']:,} quads)",
             r["hub"]["quads_per_second"], r["tdbloader_basic"]["quads_per_second"],
             r["hub"]["quads_per_second"] / r["tdbloader_basic"]["quads_per_second"], "≥ 0.75×", ">=", 0.75)]


def store(r):
    mb = 1e6
    return [(f"store size: MB of TDB2 after {r['notices']:,} notices rewritten {r['rewrites']}× through the hub, vs "
             "`tdb2.tdbloader` of the final data (lower is better)",
             r["hub_bytes"] / mb, r["tdbloader_bytes"] / mb, r["hub_bytes"] / r["tdbloader_bytes"], "none set", None,
             None)]


def mapping(r):
    e = r["engines"]
    hub, carml = e["hub-flat"], e["carml"]
    ratios = [h / c for h, c in zip(hub["iterations_records_per_second"], carml["iterations_records_per_second"])]
    return [("mapping: records/s, one thread, the real OFN sample, `RecordMapper` vs CARML (RML) on the same records, "
             "interleaved", hub["records_per_second"], carml["records_per_second"], median(ratios), "none set",
             None, None)]


def sparql(r):
    # Keys are "<server> <clients> <phase> <kind>", e.g. "hub 1 lookup lookup", "fuseki 4 explore week".
    lat = r["latencies"]
    rows = []
    p50 = lambda side, c, kind: lat[f"{side} {c} {kind}"]["p50_us"] / 1000
    for c in sorted({k.split()[1] for k in lat}, key=int):
        kinds = [k.split(" ", 2)[2] for k in sorted(lat) if k.startswith(f"hub {c} ")
                 and f"fuseki {c} {k.split(' ', 2)[2]}" in lat]
        ratios = {k: p50("hub", c, k) / p50("fuseki", c, k) for k in kinds}
        for k in kinds:
            if not k.startswith("explore"):
                rows.append((f"queries: {k.split()[-1]} p50 ms, {c} client(s), vs standalone Fuseki on a copy of the "
                             "store", p50("hub", c, k), p50("fuseki", c, k), ratios[k], "≤ 1.05×", "<=", 1.05))
        mix = [k for k in kinds if k.startswith("explore")]
        if mix:
            geo = lambda side: math.exp(statistics.mean(math.log(p50(side, c, k)) for k in mix))
            rows.append((f"queries: explore mix p50 ms, geometric mean of {len(mix)} kinds "
                         f"({', '.join(k.split()[-1] for k in mix)}), {c} client(s), vs Fuseki",
                         geo("hub"), geo("fuseki"), math.exp(statistics.mean(math.log(ratios[k]) for k in mix)),
                         "≤ 1.05×", "<=", 1.05))
    if not rows:
        raise ValueError("no latencies of both servers in the result")
    return rows


def events(r):
    hub, ref = r["hub"]["kafkaConsumerMillis"], r["end_to_end_latency"]
    rows = [("event latency: p50 ms, push → event at a Kafka consumer, vs Kafka's `EndToEndLatency` (1 KiB, acks=all, "
             "same broker)", hub["p50"], ref["p50_ms"], hub["p50"] / ref["p50_ms"] if ref["p50_ms"] else None,
             "none set", None, None),
            ("event latency: p99 ms, push → event at a Kafka consumer, vs `EndToEndLatency`", hub["p99"],
             ref["p99_ms"], hub["p99"] / ref["p99_ms"] if ref["p99_ms"] else None,
             "≤ 2× (push connector: no poll interval)", "<=", 2.0)]
    hook = r["hub"].get("webhookMillis")
    if hook:
        rows.append(("event latency: p99 ms, push → webhook subscriber, vs `EndToEndLatency`", hook["p99"],
                     ref["p99_ms"], hook["p99"] / ref["p99_ms"] if ref["p99_ms"] else None, "≤ 2×", "<=", 2.0))
    return rows


def publish(r):
    hub, ref = r["hub"], r["producer_performance"]
    ratios = [h / p for h, p in zip(hub["runs_records_per_second"], ref["runs_records_per_second"])]
    return [(f"publishing: records/s, {r['changes']:,} entity changes through `ChangePublisher` vs Kafka's "
             f"`ProducerPerformance` ({r['record_bytes']} B records, acks=all, same broker)",
             hub["records_per_second"], ref["records_per_second"], median(ratios), "none set", None, None)]


def municipalities(r):
    later, first = r.get("later_polls_lag_seconds"), r.get("first_poll_lag_seconds") or {}
    rows = [(f"polling {r['municipalities']:,} boards every PT15M for {r['observed_seconds']} s: worst lag of a first "
             "poll, s (vs its due time)", first.get("worst"), 0, None, "none set", None, None),
            (f"polling {r['municipalities']:,} boards: failed runs of {r['runs']:,}", r["failed_runs"], 0, None,
             "0", "<=", 0)]
    if later:
        rows.append((f"polling {r['municipalities']:,} boards: worst lag of a later poll, s ({r['later_polls']:,} "
                     "polls)", later["worst"], 0, None, "none set", None, None))
    return rows


def downloads(r):
    d = r["downloads"]
    live = max(x["live_heap_after_mib"] for x in d.values())
    return [(f"downloads: live heap after the largest download, MiB (all {len(d)} formats completed), vs the maximum "
             "heap", live, r["max_heap_mib"], live / r["max_heap_mib"], "< 1× (completes)", "<", 1.0)] + [
        (f"downloads: `{name}` MB/s (no reference)", x["mb_per_second"], None, None, "none set", None, None)
        for name, x in d.items()]


def query_load(r):
    lat, runaway = r["latency"], r["runaway"]
    setting = f"{r['notices']:,} notices, {r['connections']} connections, {r['seconds']} s, citizen reports pushed"
    return [(f"query load: wrk's mix p50 ms ({setting}; no reference)", lat["p50_ms"], None, None, "none set", None,
             None),
            (f"query load: wrk's mix p99 ms ({setting})", lat["p99_ms"], None, None, "none set", None, None),
            (f"query load: errors and non-2xx answers of {r['requests']:,} requests", r["socket_errors"] + r["non_2xx"],
             0, None, "0", "<=", 0),
            (f"query load: pushed reports not stored, of {r['pushes_accepted']:,} accepted",
             r["pushes_accepted"] - r["reports_stored"], 0, None, "0", "<=", 0),
            (f"query load: runaway query on the idle hub, seconds until answered (HTTP {runaway['status']}), vs the "
             f"query timeout {r['query_timeout']}", runaway["seconds"], seconds(r["query_timeout"]),
             runaway["seconds"] / seconds(r["query_timeout"]), "≤ 1.1× (cancelled)", "<=", 1.1)]


def seconds(duration):
    """Seconds of a Spring duration such as "10s", "500ms" or "1m"."""
    value, unit = re.fullmatch(r"([0-9.]+)(ms|s|m)", duration).groups()
    return float(value) * {"ms": 0.001, "s": 1.0, "m": 60.0}[unit]


FIGURES = {"ingest": ingest, "store": store, "mapping": mapping, "sparql": sparql, "events": events,
           "publish": publish, "municipalities": municipalities, "downloads": downloads,
           "query-load": query_load}


def fmt(value):
    if value is None:
        return "—"
    if isinstance(value, float) and abs(value) < 10:
        return f"{value:,.2f}"
    if isinstance(value, float) and abs(value) < 100:
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def main():
    out, mode = sys.argv[1], sys.argv[2]
    runs = [json.loads(line) for line in open(f"{out}/runs.jsonl")]
    machine = dict(line.split(": ", 1) for line in open(f"{out}/machine.txt").read().splitlines() if ": " in line)
    rows, failures = {}, []
    for run in runs:
        if run["exit"] != "0" or not run["result"]:
            failures.append(run)
            continue
        try:
            result = json.load(open(run["result"]))
            if "error" in result:
                failures.append(dict(run, error=f"the benchmark reported: {result['error']}"))
                continue
            figures = FIGURES[run["bench"]](result)
        except (KeyError, TypeError, ValueError, ZeroDivisionError) as e:
            failures.append(dict(run, error=f"{type(e).__name__}: {e}"))
            continue
        for figure, hub, ref, ratio, target, op, bound in figures:
            row = rows.setdefault((run["bench"], figure), {"hub": [], "ref": [], "ratio": [], "target": target,
                                                           "op": op, "bound": bound})
            row["hub"].append(hub)
            row["ref"].append(ref)
            row["ratio"].append(ratio)

    print(f"## Benchmark suite, {machine.get('date', '?')} (`bench/run-suite.sh {mode}`)")
    print()
    print(f"Commit {machine.get('commit', '?')}; {machine.get('jar', '')}. Machine: {machine.get('cpu', '?')}; "
          f"{machine.get('memory', '?')}; {machine.get('jdk', '?')}; {machine.get('os', '?')}. "
          f"Load average at the start {machine.get('load average at start', '?')}, at the end "
          f"{machine.get('load average at end', '?')} (1, 5, 15 min). {machine.get('mode', '')}. Each value is the "
          "median over the repetitions (the ratio: the median of each run's hub/reference); raw outputs in "
          f"`target/bench/suite/{out.rstrip('/').split('/')[-1]}/`.")
    print()
    loads = [float(run[k].split()[0]) for run in runs for k in ("load_before", "load_after") if run.get(k)]
    cores = int(machine.get("cpu", "").rsplit(", ", 1)[-1].split()[0] or 0) if "cores" in machine.get("cpu", "") else 0
    if loads and cores and max(loads) > cores:
        print(f"**The machine was shared while the suite ran**: the 1-minute load average was {min(loads):.1f}–"
              f"{max(loads):.1f} on {cores} cores (other sessions' builds and tests), so every process got a fraction "
              "of a core and absolute figures are slower and noisier than a quiet machine's. That is accepted for this "
              "record; the ratios, of the hub and its reference measured one after the other in the same run, are "
              "what to compare, and they too carry the noise of a load that changed from minute to minute.")
        print()
    print("| benchmark | figure | hub | reference | ratio | target | met? |")
    print("|---|---|---|---|---|---|---|")
    for (bench, figure), row in rows.items():
        hub, ref, ratio = median(row["hub"]), median(row["ref"]), median(row["ratio"])
        value = ratio if ratio is not None else hub
        met = "—"
        if row["op"] and value is not None:
            ok = {"<=": value <= row["bound"], ">=": value >= row["bound"], "<": value < row["bound"]}[row["op"]]
            met = "yes" if ok else "**no**"
        n = len(row["hub"])
        print(f"| {bench}{f' (×{n})' if n > 1 else ''} | {figure} | {fmt(hub)} | {fmt(ref)} | "
              f"{fmt(ratio) + '×' if ratio is not None else '—'} | {row['target']} | {met} |")
    stem = out.rstrip("/").split("/")[-1]
    for f in failures:
        why = f.get("error") or f"exit {f['exit']}, no result"
        print(f"| {f['bench']} | **run {f['rep']} failed** ({why}); see `target/bench/suite/{stem}/{f['bench']}-{f['rep']}.log` "
              "| — | — | — | — | — |")
    print()
    print("| benchmark run | command | seconds | load average before → after | result |")
    print("|---|---|---|---|---|")
    for run in runs:
        failed = [f for f in failures if (f["bench"], f["rep"]) == (run["bench"], run["rep"])]
        status = "ok" if not failed else f"**failed** ({failed[0].get('error') or 'exit ' + run['exit']})"
        print(f"| {run['bench']} {run['rep']} | `{run['command']}` | {run['seconds']} | {run['load_before']} → "
              f"{run['load_after']} | {status} |")
    for f in failures:
        if f.get("error"):
            print(f"\n{f['bench']} {f['rep']}: the result could not be read: {f['error']}")


main()
