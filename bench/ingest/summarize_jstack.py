#!/usr/bin/env python3
"""Summarises jstack samples of the hub taken by run.sh: where the ingest threads spend their time.

For every thread whose name matches --threads (default: the connector run, the materializer, the Kafka broker's
request handlers, log and network threads and the producer), counts per sample its state and its top frame, the
first frame in the hub's own code (cz.spojka) and the first frame in a library of interest (Jena, Kafka, Titanium
JSON-LD, Jackson), and prints the top stacks of the RUNNABLE ones. Python 3 standard library only.

    summarize_jstack.py target/bench/ingest-100000/jstack/sample-*.txt [--depth 12]
"""

import argparse
import collections
import re

DEFAULT_THREADS = (r"spojka-connector-.*|spojka-materializer|kafka-producer-network-thread.*|data-plane-kafka-.*"
                   r"|kafka-request-handler-.*|kafka-log-cleaner.*|kafka-scheduler-.*|.*-event-handler")
LIBRARIES = ("org.apache.jena.", "org.apache.kafka.", "kafka.", "com.apicatalog.", "com.fasterxml.",
             "io.cloudevents.", "org.apache.camel.")


def threads(path):
    """(name, state, frames) of every thread in one jstack dump."""
    text = open(path, encoding="utf-8", errors="replace").read()
    for block in re.split(r"\n(?=\")", text):
        header = re.match(r'"([^"]+)"', block)
        if not header:
            continue
        state = re.search(r"java.lang.Thread.State: (\w+)", block)
        frames = re.findall(r"^\s+at ([^\s(]+)", block, re.M)
        yield header.group(1), state.group(1) if state else "?", frames


IDLE_TOPS = ("sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.accept", "sun.nio.ch.Net.poll", "java.net.SocketInputStream",
             "sun.nio.ch.SocketDispatcher.read")


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
    args = parser.parse_args()
    pattern = re.compile(args.threads)
    states = collections.Counter()
    top = collections.Counter()
    hub = collections.Counter()
    library = collections.Counter()
    for path in args.samples:
        print(f"== {path}")
        for name, state, frames in threads(path):
            if not pattern.fullmatch(name):
                continue
            group = re.sub(r"-\d+$", "-*", name)
            state = effective_state(state, frames)
            states[(group, state)] += 1
            if state != "RUNNABLE" or not frames:
                continue
            top[(group, frames[0])] += 1
            hub[(group, first(frames, ("cz.spojka.",)))] += 1
            library[(group, first(frames, LIBRARIES))] += 1
            if group.startswith("spojka-"):
                print(f"  {name} {state}")
                for frame in frames[: args.depth]:
                    print(f"      {frame}")
                rest = [f for f in frames[args.depth:] if f.startswith("cz.spojka.")]
                if rest:
                    print("      ... " + " < ".join(dict.fromkeys(rest)))
    print("\n== thread states over all samples")
    for (group, state), count in sorted(states.items()):
        print(f"  {count:3d}  {group:40s} {state}")
    for title, counter in (("top frame", top), ("first cz.spojka frame", hub), ("first library frame", library)):
        print(f"\n== RUNNABLE samples by {title}")
        for (group, frame), count in counter.most_common(25):
            print(f"  {count:3d}  {group:32s} {frame}")


if __name__ == "__main__":
    main()
