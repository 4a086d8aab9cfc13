#!/usr/bin/env bash
# Query load with ingest: wrk against the hub's /sparql with a mix of lookups and heavier queries while a connector
# ingests, then a runaway query on the idle hub. Run by hand, never as a test:
#
#   bench/query-load/run.sh [N] [SECONDS] [CONNECTIONS]   # default 20000 notices, 60 s, 8 connections (2 threads)
#
# 1. Generates N notices (bench/ingest/generate_notices.py) into a copy of the uredni-deska-ofn connector, and starts
#    the hub (target/spojka.jar) with it and the citizen-reports webhook connector on free localhost ports, with
#    spojka.limits.public.timeout=$QUERY_TIMEOUT, the anonymous rate limit off and as many concurrent anonymous
#    queries as wrk has connections; waits until the notices are stored.
# 2. Writes the wrk script (mix.py): 70 % point lookups of a notice, 20 % a board's page of notices sorted by title,
#    8 % full-text searches, 2 % notices counted per board over the whole store.
# 3. Runs wrk for SECONDS with CONNECTIONS connections while a loop pushes a citizen report (a new id each) to
#    /ingest/citizen-reports every $PUSH_PAUSE s; records wrk's latency distribution, errors and non-2xx answers,
#    the pushes' HTTP codes, and the hub's CPU; then waits until the materializer has stored every pushed report.
# 4. On the idle hub: a runaway query (three unbound triple patterns, counted) must be answered 503 after the query
#    timeout; the hub's CPU in the 10 s after the answer shows whether the query really stopped.
# Output: $WORK/result.txt (and wrk.txt, pushes.txt, hub.log); the last line names the machine-readable result:
# RESULT_JSON=$WORK/result.json.
#
# Environment: WORK=target/bench/query-load-N, QUERY_TIMEOUT=10s, PUSH_PAUSE=0.1, SEED=42, HUB_JAVA_OPTS="".
# Needs java, mvn, python3, curl, jq and wrk (Debian: apt-get install wrk). Only localhost is used; the hub is killed
# on exit whatever happens.
set -euo pipefail

N="${1:-20000}"
DURATION="${2:-60}"
CONNECTIONS="${3:-8}"
cd "$(dirname "${BASH_SOURCE[0]}")/../.." && REPO="$PWD"
: "${WORK:=target/bench/query-load-$N}" "${QUERY_TIMEOUT:=10s}" "${PUSH_PAUSE:=0.1}" "${SEED:=42}"
CONNECTOR=uredni-deska-ofn
for tool in java python3 curl jq wrk; do
  command -v "$tool" >/dev/null || { echo "needs $tool (wrk: apt-get install wrk)"; exit 1; }
done
log() { printf '[%s] %s\n' "$(date +%T)" "$*" | tee -a "$WORK/result.txt" >&2; }
rm -rf "$WORK" && mkdir -p "$WORK" && WORK="$(cd "$WORK" && pwd)"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

[[ -f target/spojka.jar ]] || mvn -q -o -DskipTests package
cp target/spojka.jar "$WORK/spojka.jar"
mkdir -p "$WORK/connectors/$CONNECTOR/samples"
cp connectors/$CONNECTOR/{connector.yaml,mapping.yaml,context.jsonld} "$WORK/connectors/$CONNECTOR/"
# One page of all the notices: larger than the connector's default size limit (32 MiB) from ~35,000 notices.
sed -i -E "s#^(  url: .*/$CONNECTOR/).*#\\1bench.json\n  maxBytes: 1073741824#" "$WORK/connectors/$CONNECTOR/connector.yaml"
ln -s "$REPO/connectors/citizen-reports" "$WORK/connectors/citizen-reports"
python3 bench/ingest/generate_notices.py "$N" --seed "$SEED" --out "$WORK/connectors/$CONNECTOR/samples/bench.json" \
  --summary "$WORK/generated.json" 2>/dev/null
read -r HTTP_PORT KAFKA_PORT CONTROLLER_PORT < <(python3 -c '
import socket
s = [socket.socket() for _ in range(3)]
[x.bind(("127.0.0.1", 0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
HUB="http://localhost:$HTTP_PORT"

# shellcheck disable=SC2086 # HUB_JAVA_OPTS is a list of options
java ${HUB_JAVA_OPTS:-} -jar "$WORK/spojka.jar" --spojka.data-dir="$WORK/data" --spojka.connectors-dir="$WORK/connectors" \
  --server.port="$HTTP_PORT" --spojka.kafka.embedded.port="$KAFKA_PORT" \
  --spojka.kafka.embedded.controller-port="$CONTROLLER_PORT" --spojka.limits.public.timeout="$QUERY_TIMEOUT" \
  --spojka.limits.public.rate.requests-per-minute=0 --spojka.limits.public.concurrent-queries="$CONNECTIONS" \
  >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
PIDS+=("$HUB_PID")
select_values() { curl -fsS -G "$HUB/sparql" --data-urlencode "query=$1" -H 'Accept: text/csv' | tail -n +2 | tr -d '\r'; }
NOTICE_TYPE='https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce'
for _ in $(seq 1 900); do
  [[ "$(select_values "SELECT (COUNT(*) AS ?n) WHERE { ?x a <$NOTICE_TYPE> }" 2>/dev/null || true)" == "$N" ]] && break
  sleep 2
done
[[ "$(select_values "SELECT (COUNT(*) AS ?n) WHERE { ?x a <$NOTICE_TYPE> }")" == "$N" ]] || { log "the hub never held $N notices"; exit 1; }
select_values "SELECT ?x WHERE { ?x a <$NOTICE_TYPE> }" > "$WORK/notices.txt"
select_values "SELECT DISTINCT ?b WHERE { ?x <http://purl.org/dc/terms/isPartOf> ?b }" > "$WORK/boards.txt"
python3 bench/query-load/mix.py "$WORK/notices.txt" "$WORK/boards.txt" "$WORK/mix.lua" "$SEED"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$HUB_PID/stat"; }
TICKS=$(getconf CLK_TCK)
reports() { select_values "SELECT (COUNT(*) AS ?n) WHERE { ?x a <https://w3id.org/spojka/slovník/podněty/pojem/podnět> }" 2>/dev/null || echo 0; }
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); hub $(git rev-parse --short HEAD); $N notices, $(wc -l < "$WORK/boards.txt") boards; query timeout $QUERY_TIMEOUT"
REPORTS_BEFORE=$(reports)

# 3. The query load, while the citizen-reports connector ingests.
(
  i=0
  end=$((SECONDS + DURATION))
  while (( SECONDS < end )); do
    i=$((i + 1))
    sed "s/\"service_request_id\":\"638344\"/\"service_request_id\":\"bench-$i\"/" \
      connectors/citizen-reports/samples/request-638344.json \
      | curl -s -o /dev/null -w '%{http_code}\n' -X POST "$HUB/ingest/citizen-reports" \
          -H 'Content-Type: application/json' -H 'X-Api-Key: demo-key' --data-binary @- || echo "curl-failed"
    sleep "$PUSH_PAUSE"
  done
) > "$WORK/pushes.txt" &
PUSHER=$!
PIDS+=("$PUSHER")
T0=$(cpu_ticks)
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 60s --latency -s "$WORK/mix.lua" "$HUB" | tee "$WORK/wrk.txt"
T1=$(cpu_ticks)
wait "$PUSHER"
log "wrk: $(grep 'Requests/sec' "$WORK/wrk.txt" | tr -s ' '); $(grep -E 'Non-2xx|Socket errors' "$WORK/wrk.txt" | tr -s ' ' | tr '\n' ';' || true) hub CPU $(( (T1 - T0) * 100 / TICKS / DURATION )) % of one core"
log "wrk latency: $(awk '/Latency Distribution/{f=1;next} f&&/%/{printf "p%s %s  ", $1, $2} /requests in/{f=0}' "$WORK/wrk.txt")"
log "pushes: $(sort "$WORK/pushes.txt" | uniq -c | tr -s ' ' | tr '\n' ';')"
PUSHED=$(grep -c '^20[0-9]$' "$WORK/pushes.txt" || true)
for _ in $(seq 1 120); do
  [[ $(( $(reports) - REPORTS_BEFORE )) -ge "$PUSHED" ]] && break
  sleep 1
done
STORED=$(( $(reports) - REPORTS_BEFORE ))
log "stored citizen reports: $STORED new of $PUSHED accepted pushes; materializer: $(curl -fsS -H "X-Api-Key: demo-admin" "$HUB/actuator/health" | jq -c '.components.materializer.details | {lag, appliedChanges, skippedRecords}')"

# 4. A runaway query on the idle hub.
sleep 5
I0=$(cpu_ticks); sleep 10; I1=$(cpu_ticks)
log "idle hub CPU: $(( (I1 - I0) * 100 / TICKS / 10 )) % of one core"
RUNAWAY='SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }'
R0=$(cpu_ticks)
read -r RUNAWAY_STATUS RUNAWAY_SECONDS < <(curl -s -o "$WORK/runaway.txt" -w '%{http_code} %{time_total}\n' -G \
  "$HUB/sparql" --data-urlencode "query=$RUNAWAY")
ANSWER="$RUNAWAY_STATUS after $RUNAWAY_SECONDS s"
R1=$(cpu_ticks); sleep 10; R2=$(cpu_ticks)
log "runaway query: HTTP $ANSWER ($(head -c 120 "$WORK/runaway.txt" | tr '\n' ' ')); hub CPU while it ran $(( (R1 - R0) * 100 / TICKS )) core-% s, in the 10 s after: $(( (R2 - R1) * 100 / TICKS / 10 )) % of one core"
log "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The machine-readable result, for bench/run-suite.sh.
python3 - "$WORK" "$N" "$DURATION" "$CONNECTIONS" "$QUERY_TIMEOUT" "$PUSHED" "$STORED" "$RUNAWAY_STATUS" \
  "$RUNAWAY_SECONDS" "$(( (R2 - R1) * 100 / TICKS / 10 ))" <<'PY'
import json, re, sys
work, n, duration, connections, timeout, pushed, stored, status, seconds, idle_cpu = sys.argv[1:]
wrk = open(f"{work}/wrk.txt").read()
unit = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
latency = {f"p{p}_ms": float(v) * unit[u] for p, v, u in re.findall(r"^\s+(\d+)%\s+([0-9.]+)(us|ms|s|m)\s*$", wrk, re.M)}
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", wrk)
non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
result = {
    "notices": int(n), "seconds": int(duration), "connections": int(connections), "query_timeout": timeout,
    "requests": int(re.search(r"(\d+) requests in", wrk).group(1)),
    "requests_per_second": float(re.search(r"Requests/sec:\s+([0-9.]+)", wrk).group(1)),
    "latency": latency,
    "socket_errors": sum(int(x) for x in errors.groups()) if errors else 0,
    "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    "pushes_accepted": int(pushed), "reports_stored": int(stored),
    "runaway": {"status": int(status), "seconds": float(seconds), "idle_cpu_percent_after": int(idle_cpu)},
}
json.dump(result, open(f"{work}/result.json", "w"), indent=2)
PY
echo "RESULT_JSON=$WORK/result.json"
