#!/usr/bin/env bash
# Many-municipalities benchmark: one connector of the http-poll template instantiated for M municipal notice boards
# (default 6,254), each polled every 15 minutes, with WireMock standing in for the boards. Run by hand, never as a
# test:
#
#   bench/municipalities/run.sh [M] [SECONDS]      # default 6254 municipalities, observed for 1,200 s
#
# 1. Generates the municipalities list (real names and RÚIAN codes of the ČSÚ territorial structure; the eDesky
#    dashboard's IČO where known, else a generated valid IČO) and the board every one of them serves (the first DOCS
#    documents of the real eDesky sample of Chrudim), see generate.py.
# 2. Starts WireMock (the standalone jar from the local Maven repository) serving that board at /desky/<IČO>.xml,
#    and the hub (target/spojka.jar) with only the benchmark connector: template http-poll, schedule PT15M,
#    municipalities.json; the hub spreads the first polls over the first 15 minutes.
# 3. Every 10 s records the hub's CPU time and resident memory; after SECONDS stops both.
# 4. From the hub's run history (data/connector-runs/*.jsonl) computes, per run, how late it started: the first run
#    of the i-th municipality against start + i/M × 15 min, every later run against the end of the previous run +
#    15 min (the schedule is a fixed delay); prints the worst, the 99th percentile and the median, the runs that
#    failed, the CPU used and the peak memory, and writes them to $WORK/result.json.
#
# Environment: WORK=target/bench/municipalities-M, DOCS=10, HUB_JAVA_OPTS="".
# Only localhost is used. The hub and WireMock are killed on exit whatever happens.
set -euo pipefail

M="${1:-6254}"
SECONDS_TO_RUN="${2:-1200}"
DOCS="${DOCS:-10}"
HUB_JAVA_OPTS="${HUB_JAVA_OPTS:-}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
WORK="${WORK:-target/bench/municipalities-$M}"
SHARED="${SHARED:-$REPO/../shared/data}"
WIREMOCK_JAR="$HOME/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar"
CONNECTOR=uredni-deska-obce
for tool in java mvn python3 curl jq; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
[[ -f "$WIREMOCK_JAR" ]] || mvn -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2
[[ -f target/spojka.jar ]] || mvn -q -o -DskipTests package

rm -rf "$WORK"
mkdir -p "$WORK/connectors/$CONNECTOR" "$WORK/wiremock/mappings" "$WORK/wiremock/__files"
WORK="$(cd "$WORK" && pwd)"
cp target/spojka.jar "$WORK/spojka.jar"
log "generating $M municipalities, boards of $DOCS documents"
python3 bench/municipalities/generate.py "$M" "$DOCS" "$WORK/connectors/$CONNECTOR" "$SHARED" \
  connectors/uredni-deska-edesky/samples/documents-chrudim.xml >"$WORK/generated.json"
mv "$WORK/connectors/$CONNECTOR/board.xml" "$WORK/wiremock/__files/board.xml"

read -r HTTP_PORT KAFKA_PORT CONTROLLER_PORT WM_PORT < <(python3 - <<'PY'
import socket
socks = []
for _ in range(4):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(*[s.getsockname()[1] for s in socks])
PY
)
cat >"$WORK/wiremock/mappings/board.json" <<JSON
{"request": {"method": "GET", "urlPathPattern": "/desky/[0-9]{8}\\\\.xml"},
 "response": {"status": 200, "bodyFileName": "board.xml", "headers": {"Content-Type": "application/xml"}}}
JSON
cp connectors/uredni-deska-edesky/mapping.yaml "$WORK/connectors/$CONNECTOR/"
cat >"$WORK/connectors/$CONNECTOR/connector.yaml" <<YAML
id: $CONNECTOR
title: Úřední desky obcí (benchmark)
template: http-poll
parameters:
  url: http://localhost:$WM_PORT/desky/{ico}.xml
  accept: application/xml
schedule: PT15M
snapshot: complete
mapping: mapping.yaml
municipalities: municipalities.json
dataset:
  id: uredni-deska
  title:
    cs: Úřední deska
    en: Official notice board
  description:
    cs: Dokumenty zveřejněné na úřední desce obce.
    en: Documents published on the municipality's official notice board.
  catalog:
    themes: [GOVE]
    keywords: {cs: [úřední deska], en: [official notice board]}
    contactPoint: {email: opendata@spojka.test}
    termsOfUse:
      copyrightedWork: none
      copyrightedDatabase: none
      specialDatabaseRights: none
      personalData: true
YAML

HUB_PID=""; WM_PID=""
cleanup() {
  for pid in $HUB_PID $WM_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

java -jar "$WIREMOCK_JAR" --port "$WM_PORT" --bind-address 127.0.0.1 --root-dir "$WORK/wiremock" \
  --disable-banner --no-request-journal --async-response-enabled=false >"$WORK/wiremock.log" 2>&1 &
WM_PID=$!
for _ in $(seq 1 60); do curl -fsS "http://localhost:$WM_PORT/desky/00270211.xml" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://localhost:$WM_PORT/desky/00270211.xml" >/dev/null || fail "WireMock did not start; see $WORK/wiremock.log"

log "starting the hub on port $HTTP_PORT with $M municipal boards polled every PT15M"
TICK=$(getconf CLK_TCK)
START=$(date +%s.%N)
# shellcheck disable=SC2086 # HUB_JAVA_OPTS is a list of options
java $HUB_JAVA_OPTS -jar "$WORK/spojka.jar" \
  --spojka.data-dir="$WORK/data" \
  --spojka.connectors-dir="$WORK/connectors" \
  --spojka.demo.enabled=false \
  --server.port="$HTTP_PORT" \
  --spojka.kafka.embedded.port="$KAFKA_PORT" \
  --spojka.kafka.embedded.controller-port="$CONTROLLER_PORT" \
  >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
echo "time_s,hub_cpu_s,hub_rss_kb,machine_busy_s" >"$WORK/samples.csv"
END=$(python3 -c "print($START + $SECONDS_TO_RUN)")
while python3 -c "import sys,time; sys.exit(0 if time.time() < $END else 1)"; do
  kill -0 "$HUB_PID" 2>/dev/null || fail "the hub exited; see $WORK/hub.log"
  CPU=$(awk -v t="$TICK" '{printf "%.1f", ($14 + $15) / t}' "/proc/$HUB_PID/stat")
  RSS=$(sed -n 's/^VmRSS:\s*\([0-9]*\).*/\1/p' "/proc/$HUB_PID/status")
  BUSY=$(awk -v t="$TICK" '/^cpu /{printf "%.1f", ($2 + $3 + $4 + $7 + $8 + $9) / t}' /proc/stat)
  echo "$(python3 -c "print(round($(date +%s.%N) - $START, 1))"),$CPU,$RSS,$BUSY" >>"$WORK/samples.csv"
  sleep 10
done
jcmd "$HUB_PID" GC.heap_info >"$WORK/heap.txt" 2>&1 || true
PEAK_RSS=$(sed -n 's/^VmHWM:\s*//p' "/proc/$HUB_PID/status")
cleanup
log "stopped after ${SECONDS_TO_RUN}s; analysing the run history"
python3 bench/municipalities/analyse.py "$WORK" "$M" 900 "$PEAK_RSS" | tee "$WORK/result.json"
