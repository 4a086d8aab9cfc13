#!/usr/bin/env bash
# SPARQL endpoint benchmark: the same queries through the hub's /sparql and through a standalone Fuseki
# (jena-fuseki-main, same Jena) on a copy of the same TDB2 data, side by side. Run by hand, never as a test:
#
#   bench/sparql/run.sh [N]        # N generated notices in the store, default 50000
#
# 1. Generates N notices (bench/ingest/generate_notices.py) into a copy of the uredni-deska-ofn connector, starts the
#    hub on a fresh data directory and waits until the materializer has stored them; stops the hub.
# 2. Copies the hub's TDB2 directory for Fuseki, starts the hub again on its own store (without connectors, so no
#    poll runs meanwhile) and cz.spojka.bench.sparql.FusekiReference on the copy (union default graph and query
#    timeout as the hub's), both on free localhost ports.
# 3. Runs cz.spojka.bench.sparql.QueryLoad: for CLIENTS (default 1,4) parallel clients, ROUNDS rounds (default 3),
#    each round the hub and Fuseki one after the other (the first alternates), each a warm-up of WARMUP s and a timed
#    phase of TIMED s for the point lookups and again for the explore mix. Prints p50/p99 and the ratios and writes
#    $WORK/result.json (the last line names it: RESULT_JSON=$WORK/result.json); the servers' logs are in $WORK.
#
# Environment (all optional): WORK=target/bench/sparql-N, CLIENTS=1,4, ROUNDS=3, WARMUP=10, TIMED=30, SEED=42,
# HUB_JAVA_OPTS and FUSEKI_JAVA_OPTS (default: none, the JVM's defaults for both). Needs java, mvn, python3, curl, jq.
set -euo pipefail

N="${1:-50000}"
cd "$(dirname "${BASH_SOURCE[0]}")/../.." && REPO="$PWD"
: "${WORK:=target/bench/sparql-$N}" "${CLIENTS:=1,4}" "${ROUNDS:=3}" "${WARMUP:=10}" "${TIMED:=30}" "${SEED:=42}"
CONNECTOR=uredni-deska-ofn

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
rm -rf "$WORK" && mkdir -p "$WORK" && WORK="$(cd "$WORK" && pwd)"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

[[ -f target/spojka.jar ]] || mvn -q -o -DskipTests package
cp target/spojka.jar "$WORK/spojka.jar"
(cd bench/sparql && mvn -q -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -Dmdep.includeScope=runtime)
BENCH_CP="$REPO/bench/sparql/target/classes:$(cat bench/sparql/target/classpath.txt)"

mkdir -p "$WORK/connectors/$CONNECTOR/samples"
cp connectors/$CONNECTOR/{connector.yaml,mapping.yaml,context.jsonld} "$WORK/connectors/$CONNECTOR/"
# One page of all the notices: larger than the connector's default size limit (32 MiB) from ~35,000 notices.
sed -i -E "s#^(  url: .*/$CONNECTOR/).*#\\1bench.json\n  maxBytes: 1073741824#" "$WORK/connectors/$CONNECTOR/connector.yaml"
python3 bench/ingest/generate_notices.py "$N" --seed "$SEED" --out "$WORK/connectors/$CONNECTOR/samples/bench.json" \
  --summary "$WORK/generated.json" 2>/dev/null
read -r HTTP_PORT KAFKA_PORT CONTROLLER_PORT FUSEKI_PORT < <(python3 -c '
import socket
s = [socket.socket() for _ in range(4)]
[x.bind(("127.0.0.1", 0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
HUB="http://localhost:$HTTP_PORT/sparql"
FUSEKI="http://localhost:$FUSEKI_PORT/sparql"

start_hub() { # connectors dir, log file
  # shellcheck disable=SC2086 # HUB_JAVA_OPTS is a list of options
  java ${HUB_JAVA_OPTS:-} -jar "$WORK/spojka.jar" --spojka.data-dir="$WORK/data" --spojka.connectors-dir="$1" \
    --server.port="$HTTP_PORT" --spojka.kafka.embedded.port="$KAFKA_PORT" \
    --spojka.kafka.embedded.controller-port="$CONTROLLER_PORT" --spojka.limits.public.rate.requests-per-minute=0 \
    --spojka.limits.public.concurrent-queries=64 >"$2" 2>&1 &
  HUB_PID=$!
  PIDS+=("$HUB_PID")
}
answers() { curl -fsS -G "$1" --data-urlencode "query=$2" -H 'Accept: application/sparql-results+json' 2>/dev/null; }
await_count() { # endpoint, expected notices
  local query='SELECT (COUNT(*) AS ?n) WHERE { ?x a <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce> }'
  for _ in $(seq 1 1800); do
    [[ "$(answers "$1" "$query" | jq -r '.results.bindings[0].n.value' 2>/dev/null)" == "$2" ]] && return 0
    sleep 2
  done
  log "FAILED: $1 never held $2 notices"; exit 1
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

log "ingesting $N notices into a fresh hub (port $HTTP_PORT)"
start_hub "$WORK/connectors" "$WORK/hub-ingest.log"
await_count "$HUB" "$N"
until [[ "$(curl -fsS -H "X-Api-Key: demo-admin" "http://localhost:$HTTP_PORT/actuator/health" | jq -r .components.materializer.details.lag)" == 0 ]]; do
  sleep 2
done
stop "$HUB_PID"
cp -r "$WORK/data/tdb2" "$WORK/fuseki-tdb2"
log "store: $(du -sh "$WORK/data/tdb2" | cut -f1) TDB2 (copied for Fuseki), $(du -sh "$WORK/data/text" | cut -f1) text index"

# The query hub keeps the connector: since issue 8 the graph of a dataset no connector declares is internal, hidden
# from the anonymous queries measured here. Its start-up poll finds every notice unchanged and is waited for below.
start_hub "$WORK/connectors" "$WORK/hub.log"
# shellcheck disable=SC2086 # FUSEKI_JAVA_OPTS is a list of options
java ${FUSEKI_JAVA_OPTS:-} -cp "$BENCH_CP" cz.spojka.bench.sparql.FusekiReference "$WORK/fuseki-tdb2" "$FUSEKI_PORT" 30000 \
  >"$WORK/fuseki.log" 2>&1 &
PIDS+=($!)
await_count "$HUB" "$N"
await_count "$FUSEKI" "$N"
for _ in $(seq 1 600); do
  curl -fsS -H "X-Api-Key: demo-admin" "http://localhost:$HTTP_PORT/api/connectors" 2>/dev/null \
    | jq -e ".[] | select(.id == \"$CONNECTOR\") | .lastRun != null" >/dev/null && break
  sleep 2
done
log "both serve $N notices; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); hub $(git rev-parse --short HEAD)"
java -cp "$BENCH_CP" cz.spojka.bench.sparql.QueryLoad "$HUB" "$FUSEKI" "$CLIENTS" "$ROUNDS" "$WARMUP" "$TIMED" \
  "$SEED" "$WORK/result.json" | tee "$WORK/result.txt"
echo "RESULT_JSON=$WORK/result.json"
