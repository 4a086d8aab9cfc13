#!/usr/bin/env bash
# Where the time of one push goes: bench/stages/run.sh [N] [WARM_UP]
# Starts the hub in the bench's JVM with only the citizen-reports connector, then alternates N times (after WARM_UP
# unmeasured rounds) one report run stage by stage through the hub's own beans and one whole push over HTTP; prints
# p50/p99 of the wall and CPU time of each stage. See StageBench and bench/README.md.
# Environment: HUB_CLASSES (the hub's compiled classes, default target/classes: give another build's to compare
# code versions in alternating runs), JAVA_OPTS (e.g. -XX:StartFlightRecording=settings=profile,filename=stages.jfr), WORK (output dir).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-2000}
WARM_UP=${2:-300}
WORK=${WORK:-$ROOT/target/bench/stages}
rm -rf "$WORK"
mkdir -p "$WORK/connectors" "$WORK/classes"
ln -s "$ROOT/connectors/citizen-reports" "$WORK/connectors/citizen-reports"
(cd "$ROOT" && mvn -q -o compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" \
    -Dmdep.includeScope=runtime)
CP="${HUB_CLASSES:-$ROOT/target/classes}:$(cat "$WORK/classpath.txt")"
javac -q -nowarn -d "$WORK/classes" -cp "$CP" "$ROOT"/bench/stages/src/cz/spojka/connector/StageBench.java 2>/dev/null \
  || javac -d "$WORK/classes" -cp "$CP" "$ROOT"/bench/stages/src/cz/spojka/connector/StageBench.java
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("localhost", 0)); print(s.getsockname()[1])'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$WORK/load.txt"
(cd "$ROOT" && java ${JAVA_OPTS:-} -Dstages.out="$WORK/result.txt" -cp "$WORK/classes:$CP" cz.spojka.connector.StageBench "$N" "$WARM_UP" \
    "$ROOT/connectors/citizen-reports/samples/request-638344.json" --server.port=0 --spojka.data-dir="$WORK/data" \
    --spojka.connectors-dir="$WORK/connectors" --spojka.kafka.embedded.port="$(free_port)" \
    --spojka.kafka.embedded.controller-port="$(free_port)" \
    > "$WORK/hub.log" 2>&1)
cat "$WORK/result.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/load.txt"
