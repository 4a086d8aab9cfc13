#!/usr/bin/env bash
# Event latency: source change -> event at a Kafka consumer and at a webhook subscriber, beside Kafka's own
# kafka.tools.EndToEndLatency on the same in-process broker. See bench/README.md.
#   bench/events/run.sh [N] [PAUSE_MS] [REFERENCE_N] [WARM_UP]
# N pushes measured (after WARM_UP unmeasured warm-up pushes, default 1000: the JIT compiles the push's path only after
# some hundreds, and a hub runs warm), PAUSE_MS between pushes, REFERENCE_N messages for the
# reference tool; HUB_JAVA_OPTS are the hub's JVM options (e.g. a garbage collector); HUB_JAR is the hub's jar
# (default target/spojka.jar, built when missing: another commit's jar for an A/B). Everything goes to
# target/bench/events (or WORK=...). Needs java, mvn, curl, python3. The last line names the machine-readable result:
# RESULT_JSON=$WORK/result.json.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-500}
PAUSE=${2:-50}
REFERENCE_N=${3:-1000}
WARM_UP=${4:-1000}
WORK=${WORK:-$ROOT/target/bench/events}
rm -rf "$WORK"
mkdir -p "$WORK/connectors"

HUB_JAR=${HUB_JAR:-$ROOT/target/spojka.jar}
[ -f "$HUB_JAR" ] || (cd "$ROOT" && mvn -q -o -DskipTests package)
cp "$HUB_JAR" "$WORK/spojka.jar"
ln -s "$ROOT/connectors/citizen-reports" "$WORK/connectors/citizen-reports"
mvn -q -f "$ROOT/bench/events/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt"
CP="$ROOT/bench/events/target/classes:$(cat "$WORK/classpath.txt")"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("localhost", 0)); print(s.getsockname()[1])'; }
HTTP=$(free_port)
KAFKA=$(free_port)
CONTROLLER=$(free_port)
(cd "$ROOT" && exec java ${HUB_JAVA_OPTS:-} -jar "$WORK/spojka.jar" --server.port="$HTTP" --spojka.data-dir="$WORK/data" \
    --spojka.connectors-dir="$WORK/connectors" --spojka.kafka.embedded.port="$KAFKA" \
    --spojka.kafka.embedded.controller-port="$CONTROLLER" --spojka.limits.public.rate.requests-per-minute=0 \
    > "$WORK/hub.log" 2>&1) &
HUB_PID=$!
trap 'kill "$HUB_PID" 2>/dev/null || true; wait "$HUB_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$HTTP/actuator/health" > /dev/null && break
  sleep 1
done
curl -sf "http://localhost:$HTTP/actuator/health" > /dev/null || { echo "the hub did not start; see $WORK/hub.log"; exit 1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$WORK/load.txt"
java -cp "$CP" cz.spojka.bench.EventLatencyBench "http://localhost:$HTTP" "localhost:$KAFKA" "$N" "$PAUSE" \
    "$ROOT/connectors/citizen-reports/samples/request-638344.json" "$WARM_UP" | tee "$WORK/hub-latency.json"
echo "load average between: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/load.txt"
java -cp "$CP" kafka.tools.EndToEndLatency "localhost:$KAFKA" bench.end-to-end-latency "$REFERENCE_N" all 1024 \
    2>&1 | grep -v "^\[" | tee "$WORK/kafka-end-to-end-latency.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/load.txt"

# The machine-readable result, for bench/run-suite.sh: the hub's percentiles beside EndToEndLatency's own.
python3 - "$WORK" <<'PY'
import json, re, sys
work = sys.argv[1]
hub = json.load(open(f"{work}/hub-latency.json"))
text = open(f"{work}/kafka-end-to-end-latency.txt").read()
avg = re.search(r"Avg latency: ([0-9.]+)", text)
pct = re.search(r"50th = ([0-9.]+), 99th = ([0-9.]+), 99.9th = ([0-9.]+)", text)
loads = dict(l.split(": ", 1) for l in open(f"{work}/load.txt").read().splitlines() if ": " in l)
result = {
    "hub": hub,
    "end_to_end_latency": {
        "avg_ms": float(avg.group(1)) if avg else None,
        "p50_ms": float(pct.group(1)) if pct else None,
        "p99_ms": float(pct.group(2)) if pct else None,
        "p999_ms": float(pct.group(3)) if pct else None,
    },
    "load_averages": loads,
}
json.dump(result, open(f"{work}/result.json", "w"), indent=2)
PY
echo "RESULT_JSON=$WORK/result.json"
