#!/usr/bin/env bash
# Store size: the hub's TDB2 directory after ingesting N notices and then rewriting every one of them K times through
# the hub, vs `tdb2.tdbloader --loader=basic` of the final data (the same quads, bulk-loaded into a fresh directory).
# Run by hand, never as a test:
#
#   bench/store/run.sh [N] [K]       # defaults 20000 notices, 5 rewrites
#
# 1. Generates N notices (bench/ingest/generate_notices.py) into a copy of the uredni-deska-ofn connector, polled
#    every PT1M instead of hourly (the shortest schedule the catalogue's update frequency allows), and starts the hub
#    (target/spojka.jar, copied to $WORK) on a fresh data directory.
# 2. Waits until the first run's entities are stored (materializer lag 0), then K times: rewrites the served file with
#    a new title for every notice (same IRIs, so every notice is an update), waits for a connector run that updated
#    all N notices and for lag 0, and records the disk space of data/tdb2 (du -B1) after each step.
# 3. Exports every stored quad as N-Quads over /sparql, stops the hub (it may compact on the way out: the size that
#    counts is the one on disk after it stopped, and the one while it ran is recorded too), and loads the export with
#    tdb2.tdbloader --loader=basic (jena-cmds, same Jena, bench/ingest/loader-pom.xml).
# 4. Writes $WORK/result.json (sizes, the ratio hub / bulk-loaded) and prints RESULT_JSON=$WORK/result.json last.
#
# Environment: WORK=target/bench/store-N-K, SEED=42, HUB_JAVA_OPTS="", TIMEOUT=3600 (s per step), HUB_ARGS="" (more
# --spojka.* options for the hub, e.g. a compaction schedule). Needs java, mvn, python3, curl, jq. Only localhost.
set -euo pipefail
N="${1:-20000}"
K="${2:-5}"
SEED="${SEED:-42}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
WORK="${WORK:-target/bench/store-$N-$K}"
TIMEOUT="${TIMEOUT:-3600}"
CONNECTOR=uredni-deska-ofn
SAMPLE="$WORK/connectors/$CONNECTOR/samples/bench.json"
for tool in java mvn python3 curl jq; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
# Disk space used (allocated blocks), not the apparent size: TDB2 grows its files in sparse chunks.
bytes() { du -s -B1 "$1" | cut -f1; }

rm -rf "$WORK" && mkdir -p "$WORK/connectors/$CONNECTOR/samples" && WORK="$(cd "$WORK" && pwd)"
SAMPLE="$WORK/connectors/$CONNECTOR/samples/bench.json"
[[ -f target/spojka.jar ]] || mvn -q -o -DskipTests package
cp target/spojka.jar "$WORK/spojka.jar"
cp connectors/$CONNECTOR/{connector.yaml,mapping.yaml,context.jsonld} "$WORK/connectors/$CONNECTOR/"
# One page of all the notices: larger than the connector's default size limit (32 MiB) from ~35,000 notices.
sed -i -E "s#^(  url: .*/$CONNECTOR/).*#\\1bench.json\n  maxBytes: 1073741824#; s#^schedule: .*#schedule: PT1M#" \
  "$WORK/connectors/$CONNECTOR/connector.yaml"
grep -q '^schedule: PT1M' "$WORK/connectors/$CONNECTOR/connector.yaml" || fail "could not set the bench schedule"
python3 bench/ingest/generate_notices.py "$N" --seed "$SEED" --out "$SAMPLE" --summary "$WORK/generated.json" 2>/dev/null
EXPECTED=$(jq .entities "$WORK/generated.json")

read -r HTTP_PORT KAFKA_PORT CONTROLLER_PORT < <(python3 -c '
import socket
s = [socket.socket() for _ in range(3)]
[x.bind(("127.0.0.1", 0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
HUB="http://localhost:$HTTP_PORT"
HUB_PID=""
stop_hub() {
  if [[ -n "$HUB_PID" ]] && kill -0 "$HUB_PID" 2>/dev/null; then
    kill "$HUB_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$HUB_PID" 2>/dev/null || true
  fi
  HUB_PID=""
}
trap stop_hub EXIT
trap 'exit 130' INT TERM
log "starting the hub on port $HTTP_PORT with $N notices ($EXPECTED entities), polled every PT1M"
# shellcheck disable=SC2086 # HUB_JAVA_OPTS and HUB_ARGS are lists of options
java ${HUB_JAVA_OPTS:-} -jar "$WORK/spojka.jar" --spojka.data-dir="$WORK/data" \
  --spojka.connectors-dir="$WORK/connectors" --server.port="$HTTP_PORT" \
  --spojka.kafka.embedded.port="$KAFKA_PORT" --spojka.kafka.embedded.controller-port="$CONTROLLER_PORT" \
  --spojka.limits.public.timeout=30m --spojka.limits.public.result-rows=2000000000 ${HUB_ARGS:-} \
  >"$WORK/hub.log" 2>&1 &
HUB_PID=$!

last_run() { curl -fsS -H "X-Api-Key: demo-admin" "$HUB/api/connectors" 2>/dev/null | jq -c ".[] | select(.id == \"$CONNECTOR\") | .lastRun" \
  2>/dev/null || echo null; }
lag() { curl -sS -H "X-Api-Key: demo-admin" "$HUB/actuator/health" 2>/dev/null | jq -r '.components.materializer.details.lag // empty' \
  2>/dev/null || true; }
# Waits for a connector run started after $1 (epoch seconds) in which at least $2 entities were created or updated,
# then for the materializer's lag 0.
await_run() {
  local after="$1" least="$2" deadline=$(( $(date +%s) + TIMEOUT )) run started
  while :; do
    kill -0 "$HUB_PID" 2>/dev/null || fail "the hub exited; see $WORK/hub.log"
    (( $(date +%s) < deadline )) || fail "no run writing $least entities after $after within ${TIMEOUT}s"
    grep -q "Connector SKIPPED  $CONNECTOR" "$WORK/hub.log" && fail "the hub skipped the connector; see $WORK/hub.log"
    run=$(last_run)
    if [[ -n "$run" && "$run" != null ]]; then
      [[ "$(jq -r .error <<<"$run")" == null ]] || fail "the connector run failed: $(jq -r .error <<<"$run")"
      started=$(date -d "$(jq -r .started <<<"$run")" +%s)
      if (( started >= after )) && (( $(jq '.created + .updated' <<<"$run") >= least )); then break; fi
    fi
    sleep 2
  done
  echo "$run" >>"$WORK/runs.jsonl"
  until [[ "$(lag)" == 0 ]]; do
    kill -0 "$HUB_PID" 2>/dev/null || fail "the hub exited; see $WORK/hub.log"
    (( $(date +%s) < deadline )) || fail "the store did not catch up within ${TIMEOUT}s"
    sleep 2
  done
}

: >"$WORK/runs.jsonl"
: >"$WORK/sizes.txt"
await_run 0 "$EXPECTED"
echo "0 $(bytes "$WORK/data/tdb2")" >>"$WORK/sizes.txt"
log "ingested: TDB2 $(du -sh "$WORK/data/tdb2" | cut -f1)"
for k in $(seq 1 "$K"); do
  # Every notice gets a new title; written beside the served file and moved over it, so no poll reads half a file.
  python3 - "$SAMPLE" "$k" <<'PY'
import json, os, sys
path, k = sys.argv[1], sys.argv[2]
boards = json.load(open(path, encoding="utf-8"))
for board in boards:
    for notice in board["informace"]:
        title = notice.setdefault("název", {"cs": "Oznámení"})
        title["cs"] = title["cs"].split(" [přepis ")[0] + f" [přepis {k}]"
json.dump(boards, open(path + ".tmp", "w", encoding="utf-8"), ensure_ascii=False)
os.replace(path + ".tmp", path)
PY
  REWRITTEN=$(date +%s)
  await_run "$REWRITTEN" "$N"
  echo "$k $(bytes "$WORK/data/tdb2")" >>"$WORK/sizes.txt"
  log "rewrite $k/$K stored: TDB2 $(du -sh "$WORK/data/tdb2" | cut -f1)"
done
RUNNING_BYTES=$(bytes "$WORK/data/tdb2")

COUNT_QUERY='SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
QUADS=$(curl -fsS -G "$HUB/sparql" --data-urlencode "query=$COUNT_QUERY" \
  -H 'Accept: application/sparql-results+json' | jq -r '.results.bindings[0].n.value')
curl -fsS -G "$HUB/sparql" --data-urlencode 'query=CONSTRUCT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }' \
  -H 'Accept: application/n-quads' -o "$WORK/export.nq"
EXPORTED=$(grep -c . "$WORK/export.nq" || true)
[[ "$EXPORTED" == "$QUADS" ]] || fail "the export has $EXPORTED quads, the store $QUADS"
log "exported $QUADS quads; stopping the hub"
stop_hub
HUB_BYTES=$(bytes "$WORK/data/tdb2")

CP_FILE="$WORK/jena-cmds.classpath"
mvn -q -o -f bench/ingest/loader-pom.xml dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null 2>&1 \
  || mvn -q -f bench/ingest/loader-pom.xml dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
java -cp "$(cat "$CP_FILE")" tdb2.tdbloader --loader=basic --loc "$WORK/loader-tdb2" "$WORK/export.nq" \
  >"$WORK/loader.log" 2>&1 || { cat "$WORK/loader.log" >&2; fail "tdbloader failed"; }
LOADER_BYTES=$(bytes "$WORK/loader-tdb2")

python3 - "$WORK" "$N" "$K" "$EXPECTED" "$QUADS" "$RUNNING_BYTES" "$HUB_BYTES" "$LOADER_BYTES" <<'PY'
import json, sys
work = sys.argv[1]
n, k, entities, quads, running, hub, loader = map(int, sys.argv[2:])
sizes = [list(map(int, l.split())) for l in open(f"{work}/sizes.txt")]
r = {"notices": n, "rewrites": k, "entities": entities, "quads": quads,
     "hub_bytes_after_each_step": {str(step): size for step, size in sizes},
     "hub_bytes_running": running, "hub_bytes": hub, "tdbloader_bytes": loader,
     "ratio": round(hub / loader, 3)}
json.dump(r, open(f"{work}/result.json", "w"), indent=2)
mb = lambda b: f"{b / 1e6:,.1f} MB"
print(f"""
Store size, {n} notices ({entities} entities, {quads} quads) rewritten {k} times
  hub TDB2 after ingest       {mb(sizes[0][1])}
  hub TDB2 after {k} rewrites    {mb(running)} (running), {mb(hub)} (stopped)
  tdbloader --loader=basic    {mb(loader)}
  ratio hub / bulk-loaded     {hub / loader:.2f} x""")
PY
echo "RESULT_JSON=$WORK/result.json"
