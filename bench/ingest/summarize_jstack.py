#!/usr/bin/env python3
"""Summarises jstack samples of the hub taken by run.sh: where the ingest threads spend their time.

Prints the CPU time each thread group has used (jstack's cpu=), and for every thread whose name matches --threads
(default: the connector run and the common fork-join pool it maps records in, the materializer, the Kafka broker's
request handlers, log and network threads, the producer, GC and JIT), counts per sample its state and its top frame, the
first frame in the hub's own code (cz.spojka) and the first frame in a library of interest (Jena, Kafka, Titanium
JSON-LD, Jackson), and prints the top stacks of the RUNNABLE ones. Python 3 standard library only.

    summarize_jstack.py target/bench/ingest-100000/jstack/sample-*.txt [--depth 12] \
        [--begin target/bench/ingest-100000/jstack/begin.txt --end target/bench/ingest-100000/jstack/end.txt]
"""

import argparse
import collections
import re

DEFAULT_THREADS = (r"spojka-connector-.*|ForkJoinPool.commonPool-worker-.*|spojka-materializer"
                   r"|kafka-producer-network-thread.*|data-plane-kafka-.*|kafka-request-handler-.*|kafka-log-cleaner.*"
                   r"|kafka-scheduler-.*|.*-event-handler|http-nio-.*|G1 .*|GC Thread.*|C[12] CompilerThread.*")
LIBRARIES = ("org.apache.jena.", "org.apache.kafka.", "kafka.", "com.apicatalog.", "com.fasterxml.",
             "io.cloudevents.", "org.apache.camel.")


def threads(path):
    """(name, state, frames, cpu ms so far) of every thread in one jstack dump."""
    text = open(path, encoding="utf-8", errors="replace").read()
    for block in re.split(r"\n(?=\")", text):
        header = re.match(r'"([^"]+)"', block)
        if not header:
            continue
        state = re.search(r"java.lang.Thread.State: (\w+)", block)
        frames = re.findall(r"^\s+at ([^\s(]+)", block, re.M)
        cpu = re.search(r" cpu=([0-9.]+)ms", block.split("\n", 1)[0])
        yield header.group(1), state.group(1) if state else "?", frames, float(cpu.group(1)) if cpu else 0.0


IDLE_TOPS = ("sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.accept", "sun.nio.ch.Net.poll", "java.net.SocketInputStream",
             "sun.nio.ch.SocketDispatcher.read")


def group_of(name):
    group = re.sub(r"(-| #)\d+$", r"\1*", name)
    return re.sub(r"\d+", "#", group) if group.startswith(("G1 ", "GC ", "C1 ", "C2 ")) else group


def effective_state(state, frames):
    """RUNNABLE in a selector or accept is a thread waiting for the network, not working."""
    if state == "RUNNABLE" and frames and frames[0].startswith(IDLE_TOPS):
        return "RUNNABLE (waiting on the network)"
    return state


def first(frames, prefixes):
    return next((f for f in frames if f.startswith(prefixes)), "-")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("samples", nargs="+")
    parser.add_argument("--threads", default=DEFAULT_THREADS)
    parser.add_argument("--depth", type=int, default=12)
    parser.add_argument("--begin", help="a jstack taken when the connector run began (CPU accounting only)")
    parser.add_argument("--end", help="a jstack taken when the store had caught up (CPU accounting only)")
    args = parser.parse_args()
    pattern = re.compile(args.threads)
    states = collections.Counter()
    top = collections.Counter()
    hub = collections.Counter()
    library = collections.Counter()
    cpu_by_sample = []
    if args.begin:
        cpu_by_sample.append((args.begin, {name: ms for name, _, _, ms in threads(args.begin)}))
    for path in args.samples:
        print(f"== {path}")
        cpu = {}
        for name, state, frames, cpu_ms in threads(path):
            group = group_of(name)
            cpu[name] = cpu_ms
            if not pattern.fullmatch(name):
                continue
            state = effective_state(state, frames)
            states[(group, state)] += 1
            if state != "RUNNABLE" or not frames:
                continue
            top[(group, frames[0])] += 1
            hub[(group, first(frames, ("cz.spojka.",)))] += 1
            library[(group, first(frames, LIBRARIES))] += 1
            if group.startswith(("spojka-", "ForkJoinPool")):
                print(f"  {name} {state}")
                for frame in frames[: args.depth]:
                    print(f"      {frame}")
                rest = [f for f in frames[args.depth:] if f.startswith("cz.spojka.")]
                if rest:
                    print("      ... " + " < ".join(dict.fromkeys(rest)))
        cpu_by_sample.append((path, cpu))
    if args.end:
        cpu_by_sample.append((args.end, {name: ms for name, _, _, ms in threads(args.end)}))
    if cpu_by_sample:
        # A thread's cpu= only grows; a thread that ended (an idle pool worker) keeps the last value it showed.
        last_seen, first_seen = {}, {}
        for _, per_thread in cpu_by_sample:
            for name, ms in per_thread.items():
                first_seen.setdefault(name, ms if per_thread is cpu_by_sample[0][1] else 0.0)
                last_seen[name] = max(ms, last_seen.get(name, 0.0))
        for title, values in (
                ("since the JVM started, up to the last sample", last_seen),
                (f"from {cpu_by_sample[0][0]} to {cpu_by_sample[-1][0]}", {n: last_seen[n] - first_seen[n] for n in last_seen})):
            groups = collections.Counter()
            for name, ms in values.items():
                groups[group_of(name)] += ms
            total = sum(v for v in groups.values() if v > 0)
            print(f"\n== CPU time per thread group {title}: {total / 1000:.1f} s")
            for group, ms in groups.most_common(15):
                print(f"  {ms / 1000:8.1f} s  {100 * ms / total:5.1f} %  {group}")
    print("\n== thread states over all samples")
    for (group, state), count in sorted(states.items()):
        print(f"  {count:3d}  {group:40s} {state}")
    for title, counter in (("top frame", top), ("first cz.spojka frame", hub), ("first library frame", library)):
        print(f"\n== RUNNABLE samples by {title}")
        for (group, frame), count in counter.most_common(25):
            print(f"  {count:3d}  {group:32s} {frame}")


if __name__ == "__main__":
    main()
