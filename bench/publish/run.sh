#!/usr/bin/env bash
# Publishing: N entity changes through the hub's ChangePublisher vs Kafka's own ProducerPerformance
# (org.apache.kafka.tools.ProducerPerformance of kafka-tools 3.9.1, the hub's Kafka version) on the same broker, with
# the same record size and the hub's producer settings (acks=all, idempotent, linger.ms=20, batch.size=256 KiB).
# Run by hand, never as a test:
#
#   bench/publish/run.sh [N] [ROUNDS] [BATCH]     # defaults 100000 changes, 3 rounds, 1000 changes per publish call
#
# 1. Starts the hub (target/spojka.jar, copied to $WORK) without connectors on free localhost ports, only for its
#    in-process Kafka broker, and waits for /actuator/health.
# 2. PublishBench (compiled against the hub's classes) measures the mean size of the hub's records for these changes
#    (key + CloudEvents value + ce_* headers): that is the --record-size of the reference.
# 3. ROUNDS rounds, who goes first alternating, each on fresh topics shaped like spojka.changes (same partitions;
#    the hub's compacted like it, the reference's not, as ProducerPerformance sends records without a key): the
#    hub's ChangePublisher publishes N notice creations (21 triples each) in calls of BATCH changes, as connector
#    runs do, after one unmeasured one (the producer exists then, as the reference's does when its clock starts);
#    ProducerPerformance sends N records of that size with --throughput -1. Both JVMs are fresh; each times only its
#    own sending (ProducerPerformance from its first send).
# 4. Medians of the rounds, the ratio hub / reference in records/s, and the load average before and after every run,
#    in $WORK/result.json; the last line names it: RESULT_JSON=$WORK/result.json.
#
# Environment: WORK=target/bench/publish-N. Needs java, mvn (Maven Central once, for kafka-tools), curl, python3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
N=${1:-100000}
ROUNDS=${2:-3}
BATCH=${3:-1000}
WORK=${WORK:-$ROOT/target/bench/publish-$N}
rm -rf "$WORK"
mkdir -p "$WORK/connectors" "$WORK/classes"
WORK=$(cd "$WORK" && pwd)
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

[ -f target/spojka.jar ] || mvn -q -o -DskipTests package
cp target/spojka.jar "$WORK/spojka.jar"
mvn -o -q compile dependency:build-classpath -Dmdep.outputFile="$WORK/hub-classpath.txt"
HUB_CP="$ROOT/target/classes:$(cat "$WORK/hub-classpath.txt")"
javac -d "$WORK/classes" -cp "$HUB_CP" bench/publish/PublishBench.java
HUB_CP="$WORK/classes:$HUB_CP"
mvn -q -f bench/events/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/kafka-classpath.txt"
KAFKA_CP=$(cat "$WORK/kafka-classpath.txt")

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("localhost", 0)); print(s.getsockname()[1])'; }
HTTP=$(free_port)
BROKER_PORT=$(free_port)
CONTROLLER=$(free_port)
BROKER="localhost:$BROKER_PORT"
java -jar "$WORK/spojka.jar" --server.port="$HTTP" --spojka.data-dir="$WORK/data" \
  --spojka.connectors-dir="$WORK/connectors" --spojka.kafka.embedded.port="$BROKER_PORT" \
  --spojka.kafka.embedded.controller-port="$CONTROLLER" >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
trap 'kill "$HUB_PID" 2>/dev/null || true; wait "$HUB_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://localhost:$HTTP/actuator/health" >/dev/null && break
  kill -0 "$HUB_PID" 2>/dev/null || { log "the hub exited; see $WORK/hub.log"; exit 1; }
  sleep 1
done
curl -sf "http://localhost:$HTTP/actuator/health" >/dev/null || { log "the hub did not start; see $WORK/hub.log"; exit 1; }

SIZE=$(java -cp "$HUB_CP" cz.spojka.changelog.PublishBench size - 1000 2>/dev/null | tail -1)
[[ "$SIZE" =~ ^[0-9]+$ ]] || { log "could not measure the record size"; exit 1; }
log "broker $BROKER; the hub's records for these changes: $SIZE bytes on average (key + value + headers)"
PRODUCER_PROPS=(bootstrap.servers="$BROKER" acks=all enable.idempotence=true linger.ms=20 batch.size=262144
  max.request.size=8388608)
: >"$WORK/runs.jsonl"
hub_run() {
  local topic="bench.publish.hub.$1" before
  java -cp "$HUB_CP" cz.spojka.changelog.PublishBench topic "$BROKER" "$topic" 2>&1 | grep '^created' >&2
  before=$(load)
  java -cp "$HUB_CP" cz.spojka.changelog.PublishBench hub "$BROKER" "$topic" "$N" "$BATCH" "$WORK/hub-$1.json" \
    >"$WORK/hub-$1.log" 2>&1
  python3 -c "import json,sys; r = json.load(open(sys.argv[1])); r.update(kind='hub', round=int(sys.argv[2]),
load_before=sys.argv[3], load_after=sys.argv[4]); print(json.dumps(r))" \
    "$WORK/hub-$1.json" "$1" "$before" "$(load)" >>"$WORK/runs.jsonl"
  log "round $1 hub: $(cat "$WORK/hub-$1.json")"
}
reference_run() {
  local topic="bench.publish.reference.$1" before
  java -cp "$HUB_CP" cz.spojka.changelog.PublishBench topic "$BROKER" "$topic" delete 2>&1 | grep '^created' >&2
  before=$(load)
  java -cp "$KAFKA_CP" org.apache.kafka.tools.ProducerPerformance --topic "$topic" --num-records "$N" \
    --record-size "$SIZE" --throughput -1 --producer-props "${PRODUCER_PROPS[@]}" >"$WORK/reference-$1.txt" 2>&1
  python3 - "$WORK/reference-$1.txt" "$1" "$before" "$(load)" "$N" >>"$WORK/runs.jsonl" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
m = re.findall(r"(\d+) records sent, ([0-9.]+) records/sec \(([0-9.]+) MB/sec\), ([0-9.]+) ms avg latency, "
               r"([0-9.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th", text)
if not m or int(m[-1][0]) != int(sys.argv[5]):
    sys.exit("ProducerPerformance did not report its summary: " + text[-2000:])
sent, rate, mb, avg, mx, p50, p95, p99 = m[-1]
print(json.dumps({"kind": "reference", "round": int(sys.argv[2]), "records": int(sent),
                  "records_per_second": float(rate), "mb_per_second": float(mb), "avg_latency_ms": float(avg),
                  "max_latency_ms": float(mx), "p50_ms": int(p50), "p99_ms": int(p99),
                  "load_before": sys.argv[3], "load_after": sys.argv[4]}))
PY
  log "round $1 reference: $(tail -1 "$WORK/reference-$1.txt")"
}
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then hub_run "$round"; reference_run "$round"; else reference_run "$round"; hub_run "$round"; fi
done

python3 - "$WORK" "$N" "$SIZE" "$BATCH" <<'PY'
import json, statistics, sys
work, n, size, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
runs = [json.loads(l) for l in open(f"{work}/runs.jsonl")]
hub = [r for r in runs if r["kind"] == "hub"]
ref = [r for r in runs if r["kind"] == "reference"]
med = lambda rs, k: statistics.median(r[k] for r in rs)
result = {
    "changes": n, "batch": batch, "record_bytes": size, "rounds": len(hub),
    "hub": {"records_per_second": med(hub, "records_per_second"), "mb_per_second": med(hub, "mb_per_second"),
            "runs_records_per_second": [r["records_per_second"] for r in hub]},
    "producer_performance": {"records_per_second": med(ref, "records_per_second"),
                             "mb_per_second": med(ref, "mb_per_second"), "p99_ms": med(ref, "p99_ms"),
                             "runs_records_per_second": [r["records_per_second"] for r in ref]},
    "producer_props": "acks=all enable.idempotence=true linger.ms=20 batch.size=262144 max.request.size=8388608",
    "runs": runs,
}
result["ratio"] = round(result["hub"]["records_per_second"] / result["producer_performance"]["records_per_second"], 3)
json.dump(result, open(f"{work}/result.json", "w"), indent=2)
print(f"""
Publishing {n} changes ({size}-byte records), median of {len(hub)} rounds
  hub ChangePublisher       {result['hub']['records_per_second']:10.0f} records/s {result['hub']['mb_per_second']:7.2f} MB/s
  ProducerPerformance       {result['producer_performance']['records_per_second']:10.0f} records/s {result['producer_performance']['mb_per_second']:7.2f} MB/s
  ratio hub / reference     {result['ratio']:10.3f} x""")
PY
echo "RESULT_JSON=$WORK/result.json"
