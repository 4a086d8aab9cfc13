#!/usr/bin/env bash
# Crash benchmark: kill -9 the hub at random moments while it ingests, restart it each time, and check the
# invariants after every restart and at the end. Run by hand, never as a test:
#
#   bench/crash/run.sh            # 100,000 notices, 20 kills, seed 42
#
# One JVM (bench/crash, cz.spojka.bench.crash.CrashBench) runs, outside the hub:
# - an external single-node KRaft Kafka broker (the hub's own broker code and settings, log cleaner off so that every
#   event ever written stays countable), whose log survives every kill of the hub;
# - the agenda system: NOTICES notices in OFN Úřední desky JSON-LD on boards of 100, served page by page (20 boards a
#   page); every notice names its version (…/notice/<id>?verze=<v>), and each generation changes 500 notices, adds
#   100 and removes 50 (deterministic for the seed);
# - the hub, target/spojka.jar (copied), as a separate process with one connector: the real uredni-deska-ofn mapping
#   polling that source every 10 s (complete snapshots, so removals become deletions).
# Each cycle: the source is paused (503), the hub is (re)started and the bench waits until the store has applied the
# whole log, then checks (a) the store holds exactly the latest state of every entity on spojka.changes (the same
# entities, each with its latest event's time and, for a notice, version), (b) no event repeats a source change (a
# creation of an existing entity, an update to the hash it has, a deletion of a missing entity, a notice version
# published twice). Then the source moves to its next generation and answers again; once the hub has fetched its first page, after a random delay
# (MIN_DELAY..MAX_DELAY s) the hub gets kill -9. A share of the kills (STARTUP_KILL_SHARE) instead hits the hub 1–12 s
# after its launch (start-up, reading the log back). At the end one more generation is polled to completion without
# a kill and (c) is checked too: every notice the source holds is on the log and in the store at its version, none it
# removed is left, every board is there. Prints the table and writes result.json and result.md to WORK.
#
# Environment (all optional): NOTICES=100000 KILLS=20 SEED=42 MIN_DELAY=0 MAX_DELAY=60 STARTUP_KILL_SHARE=0.2
#   HUB_JAVA_OPTS="" WORK=target/bench/crash (wiped at start)
# Needs java and mvn (offline is enough). Exit status 0 when every check passed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
WORK="${WORK:-target/bench/crash}"
rm -rf "$WORK"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

if [[ ! -f target/spojka.jar ]]; then
  echo "building target/spojka.jar" >&2
  mvn -q -o -DskipTests package
fi
cp target/spojka.jar "$WORK/spojka.jar"
echo "hub jar: target/spojka.jar built $(date -r target/spojka.jar '+%F %T'), HEAD $(git rev-parse --short HEAD)" >&2

mvn -q -o -f bench/crash/pom.xml compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >&2
CP="$REPO/bench/crash/target/classes:$(cat "$WORK/classpath.txt")"

java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" cz.spojka.bench.crash.CrashBench \
  "$WORK" "$WORK/spojka.jar" "$REPO/connectors/uredni-deska-ofn" 2>&1 | tee "$WORK/bench.log"
