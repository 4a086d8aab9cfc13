#!/usr/bin/env bash
# Ingest benchmark: the hub end to end vs Jena's `tdb2.tdbloader --loader=basic`, on the same machine and the same
# quads. Run by hand, never as a test:
#
#   bench/ingest/run.sh [N]            # N generated notices, default 100000
#
# 1. Generates N notices (bench/ingest/generate_notices.py, OFN Úřední desky JSON-LD, boards of ~100) into a copy of
#    the uredni-deska-ofn connector under $WORK/connectors (the only connector the hub sees there).
# 2. Starts the hub (target/spojka.jar, copied to $WORK first) on free localhost ports with a fresh data dir; in demo
#    mode it serves the generated file itself and the connector's real HTTP route polls it once at start-up.
# 3. Times the run from the connector run's start (lastRun.started: the body has been fetched, mapping begins)
#    until the materializer's lag is 0 and appliedChanges equals boards + notices; reports the connector run's own
#    millis (mapping + SHACL gate + change detection + publishing to Kafka) and the materializer's tail after it.
#    Meanwhile takes $JSTACK_SAMPLES jstack samples of the hub, every $JSTACK_EVERY seconds.
# 4. Counts the stored quads over SPARQL, exports the whole dataset as N-Quads (GET /sparql, Accept:
#    application/n-quads) and checks the export has as many quads; stops the hub.
# 5. Loads the export with `tdb2.tdbloader --loader=basic` (jena-cmds, same Jena version as the hub, resolved through
#    bench/ingest/loader-pom.xml) into a fresh directory, LOADER_RUNS times, and checks the loaded count.
# 6. Prints both rates and their ratio, and writes them to $WORK/result.json; the last line names it for
#    bench/run-suite.sh: RESULT_JSON=$WORK/result.json.
#
# Environment (all optional):
#   SEED=42                 generator seed
#   WORK=target/bench/ingest-N   work directory (wiped at start; give concurrent runs different ones)
#   HUB_JAVA_OPTS=""        JVM options of the hub (default: none, i.e. the JVM's default max heap)
#   LOADER_JAVA_OPTS=""     JVM options of tdbloader (default: none)
#   JSTACK_SAMPLES=5 JSTACK_EVERY=10   stack samples of the hub while it ingests (0 samples: none)
#   TIMEOUT=3600            seconds the ingest may take before the benchmark gives up
#   LOADER_RUNS=3           times tdbloader is run; the median run is the reference
#   QUIET_WAIT=900          seconds to wait, before each timed phase, for other processes to leave the CPUs alone
#                           (the phase is then timed anyway; result.json says how much CPU others took meanwhile)
#
# Only localhost is used. The hub is killed on exit whatever happens.
set -euo pipefail

N="${1:-100000}"
SEED="${SEED:-42}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
WORK="${WORK:-target/bench/ingest-$N}"
HUB_JAVA_OPTS="${HUB_JAVA_OPTS:-}"
LOADER_JAVA_OPTS="${LOADER_JAVA_OPTS:-}"
JSTACK_SAMPLES="${JSTACK_SAMPLES:-5}"
JSTACK_EVERY="${JSTACK_EVERY:-10}"
TIMEOUT="${TIMEOUT:-3600}"
QUIET_WAIT="${QUIET_WAIT:-900}"
LOADER_RUNS="${LOADER_RUNS:-3}"
CONNECTOR=uredni-deska-ofn
SAMPLE_FILE="bench-$N.json"

for tool in java mvn python3 curl jq; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
# CPU accounting, to show how much of the machine other processes took while a phase was timed: busy jiffies of the
# whole machine (/proc/stat) and of one process (utime + stime).
busy_jiffies() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
proc_jiffies() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
TICK=$(getconf CLK_TCK)
# Waits (at most QUIET_WAIT s) until the rest of the machine uses under 0.25 cores over 5 s, so that a phase is
# not timed while someone else's build or test run competes for the two cores.
wait_for_quiet() {
  local until=$(( $(date +%s) + QUIET_WAIT )) b0 b1 used
  while :; do
    b0=$(busy_jiffies); sleep 5; b1=$(busy_jiffies)
    used=$(( (b1 - b0) * 100 / (5 * TICK) ))
    (( used < 25 )) && { log "machine quiet (${used}% of a core busy) before: $1"; return; }
    if (( $(date +%s) >= until )); then
      log "WARNING: still ${used}% of a core busy after ${QUIET_WAIT}s; timing $1 anyway"
      ps -eo pid,pcpu,etime,args --sort=-pcpu | head -5 | cut -c1-160 >&2
      return
    fi
    log "waiting for a quiet machine (${used}% of a core busy) before: $1"
    sleep 10
  done
}

rm -rf "$WORK"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

# --- the hub's jar ---------------------------------------------------------------------------------------------
if [[ ! -f target/spojka.jar ]]; then
  log "building target/spojka.jar"
  mvn -q -o -DskipTests package
fi
# A copy, so that a rebuild of target/ while the benchmark runs cannot pull the jar from under the running hub.
cp target/spojka.jar "$WORK/spojka.jar"
JAR_SHA=$(sha256sum "$WORK/spojka.jar" | cut -c1-16)
JAR_BUILT=$(date -r target/spojka.jar '+%F %T')
HEAD_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
log "hub jar: target/spojka.jar (built $JAR_BUILT, sha256 $JAR_SHA…; HEAD is $HEAD_COMMIT)"

# --- the bench connector with N generated notices -------------------------------------------------------------
mkdir -p "$WORK/connectors/$CONNECTOR/samples"
cp "connectors/$CONNECTOR/connector.yaml" "connectors/$CONNECTOR/mapping.yaml" "connectors/$CONNECTOR/context.jsonld" \
  "$WORK/connectors/$CONNECTOR/"
# The bench's one page (90 MB for 100,000 notices) is larger than the connector's default size limit (32 MiB).
sed -i -E "s#^(  url: \\\$\\{spojka.demo.base-url\\}/$CONNECTOR/).*#\\1$SAMPLE_FILE\\n  maxBytes: 1073741824#" \
  "$WORK/connectors/$CONNECTOR/connector.yaml"
grep -q "url: \${spojka.demo.base-url}/$CONNECTOR/$SAMPLE_FILE" "$WORK/connectors/$CONNECTOR/connector.yaml" \
  || fail "could not point the bench connector at $SAMPLE_FILE"
log "generating $N notices (seed $SEED)"
python3 bench/ingest/generate_notices.py "$N" --seed "$SEED" \
  --out "$WORK/connectors/$CONNECTOR/samples/$SAMPLE_FILE" --summary "$WORK/generated.json" 2>/dev/null
BOARDS=$(jq .boards "$WORK/generated.json")
EXPECTED=$(jq .entities "$WORK/generated.json")
log "generated $N notices on $BOARDS boards ($(du -h "$WORK/connectors/$CONNECTOR/samples/$SAMPLE_FILE" | cut -f1)); expecting $EXPECTED entities"

# --- start the hub ----------------------------------------------------------------------------------------------
read -r HTTP_PORT KAFKA_PORT CONTROLLER_PORT < <(python3 - <<'EOF'
import socket
socks = []
for _ in range(3):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(*[s.getsockname()[1] for s in socks])
EOF
)
HUB="http://localhost:$HTTP_PORT"
HUB_PID=""
DONE_FLAG="$WORK/.ingested"
SAMPLER_PID=""
cleanup() {
  if [[ -n "$SAMPLER_PID" ]] && kill -0 "$SAMPLER_PID" 2>/dev/null; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
  if [[ -n "$HUB_PID" ]] && kill -0 "$HUB_PID" 2>/dev/null; then
    kill "$HUB_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$HUB_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for_quiet "the hub"
log "starting the hub on port $HTTP_PORT (kafka $KAFKA_PORT, controller $CONTROLLER_PORT), data in $WORK/data"
HUB_LAUNCHED=$(now)
# shellcheck disable=SC2086 # HUB_JAVA_OPTS is a list of options
java $HUB_JAVA_OPTS -jar "$WORK/spojka.jar" \
  --spojka.data-dir="$WORK/data" \
  --spojka.connectors-dir="$WORK/connectors" \
  --server.port="$HTTP_PORT" \
  --spojka.kafka.embedded.port="$KAFKA_PORT" \
  --spojka.kafka.embedded.controller-port="$CONTROLLER_PORT" \
  --spojka.limits.public.timeout=30m \
  --spojka.limits.public.result-rows=2000000000 \
  >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
echo "$HUB_PID" >"$WORK/hub.pid"
HEAP=$(jcmd "$HUB_PID" VM.flags 2>/dev/null | tr ' ' '\n' | sed -n 's/^-XX:MaxHeapSize=//p' || true)
for _ in $(seq 1 60); do
  [[ -n "$HEAP" ]] && break
  sleep 0.5
  HEAP=$(jcmd "$HUB_PID" VM.flags 2>/dev/null | tr ' ' '\n' | sed -n 's/^-XX:MaxHeapSize=//p' || true)
done
HEAP_MB=$(( ${HEAP:-0} / 1024 / 1024 ))
log "hub pid $HUB_PID, JVM options '${HUB_JAVA_OPTS:-(none)}', max heap ${HEAP_MB} MiB"

# jstack samples while the hub ingests: every $JSTACK_EVERY s after start-up, at most $JSTACK_SAMPLES, none once
# ingested.
mkdir -p "$WORK/jstack"
if (( JSTACK_SAMPLES > 0 )); then
  (
    # From the moment the hub has started (its start-up summary), when the connector's first poll begins.
    until grep -q 'Spojka is running' "$WORK/hub.log" 2>/dev/null; do
      kill -0 "$HUB_PID" 2>/dev/null || exit 0
      sleep 0.5
    done
    for i in $(seq 1 "$JSTACK_SAMPLES"); do
      sleep "$JSTACK_EVERY"
      [[ -e "$DONE_FLAG" ]] && break
      kill -0 "$HUB_PID" 2>/dev/null || break
      { echo "# sample $i at $(date +%T.%N)"; jstack "$HUB_PID"; } >"$WORK/jstack/sample-$i.txt" 2>&1 || true
    done
  ) &
  SAMPLER_PID=$!
fi

# --- wait for the connector run -------------------------------------------------------------------------------
DEADLINE=$(( $(date +%s) + TIMEOUT ))
RUN="null"
CPU0=""
while :; do
  kill -0 "$HUB_PID" 2>/dev/null || fail "the hub exited; see $WORK/hub.log"
  if [[ -z "$CPU0" ]] && grep -q 'Spojka is running' "$WORK/hub.log"; then
    CPU0="$(busy_jiffies) $(proc_jiffies "$HUB_PID")"   # the connector's first poll starts now
    jstack "$HUB_PID" >"$WORK/jstack/begin.txt" 2>&1 || true  # per-thread CPU so far, for summarize_jstack.py
  fi
  (( $(date +%s) < DEADLINE )) || fail "no connector run within ${TIMEOUT}s"
  RUN=$(curl -fsS -H "X-Api-Key: demo-admin" "$HUB/api/connectors" 2>/dev/null | jq -c ".[] | select(.id == \"$CONNECTOR\") | .lastRun" \
    2>/dev/null || echo null)
  [[ -n "$RUN" && "$RUN" != "null" ]] && break
  sleep 0.5
done
echo "$RUN" >"$WORK/lastRun.json"
[[ "$(jq -r .error <<<"$RUN")" == "null" ]] || fail "the connector run failed: $(jq -r .error <<<"$RUN")"
STARTED_AT=$(jq -r .started <<<"$RUN")
RUN_START=$(date -d "$STARTED_AT" +%s.%N)
RUN_MILLIS=$(jq -r .millis <<<"$RUN")
log "connector run: $RUN"

# --- wait for the materializer ----------------------------------------------------------------------------------
while :; do
  kill -0 "$HUB_PID" 2>/dev/null || fail "the hub exited; see $WORK/hub.log"
  (( $(date +%s) < DEADLINE )) || fail "the store did not catch up within ${TIMEOUT}s"
  HEALTH=$(curl -sS -H "X-Api-Key: demo-admin" "$HUB/actuator/health" 2>/dev/null || echo '{}')
  LAG=$(jq -r '.components.materializer.details.lag // empty' <<<"$HEALTH" 2>/dev/null || true)
  APPLIED=$(jq -r '.components.materializer.details.appliedChanges // empty' <<<"$HEALTH" 2>/dev/null || true)
  if [[ "$LAG" == "0" && "$APPLIED" == "$EXPECTED" ]]; then
    INGESTED=$(now)
    CPU1="$(busy_jiffies) $(proc_jiffies "$HUB_PID")"
    break
  fi
  if [[ "$APPLIED" =~ ^[0-9]+$ ]] && (( APPLIED > EXPECTED )); then
    fail "appliedChanges $APPLIED exceeds the expected $EXPECTED"
  fi
  # One health request costs the hub ~0.1 s of CPU (its lag() opens a Kafka consumer each time), so it is asked
  # every 2 s while far from done and every 0.25 s for the last 10 %.
  if [[ "$APPLIED" =~ ^[0-9]+$ ]] && (( (EXPECTED - APPLIED) * 10 <= EXPECTED )); then sleep 0.25; else sleep 2; fi
done
touch "$DONE_FLAG"
jstack "$HUB_PID" >"$WORK/jstack/end.txt" 2>&1 || true  # per-thread CPU of the whole ingest, with begin.txt
echo "$HEALTH" >"$WORK/health.json"
HUB_SECONDS=$(elapsed "$RUN_START" "$INGESTED")
MATERIALIZER_TAIL=$(python3 -c "print(f'{float(\"$HUB_SECONDS\") - $RUN_MILLIS / 1000:.3f}')")
FETCH_OFFSET=$(elapsed "$HUB_LAUNCHED" "$RUN_START")
read -r B0 H0 <<<"${CPU0:-0 0}"; read -r B1 H1 <<<"$CPU1"
HUB_CPU=$(python3 -c "print(round(($H1 - $H0) / $TICK, 1))")
HUB_OTHERS_CPU=$(python3 -c "print(round((($B1 - $B0) - ($H1 - $H0)) / $TICK, 1))")
log "CPU while ingesting: hub ${HUB_CPU} s, other processes ${HUB_OTHERS_CPU} s"
log "ingested: $HUB_SECONDS s from the run's start (connector run ${RUN_MILLIS} ms, materializer tail ${MATERIALIZER_TAIL} s)"
if [[ -n "$SAMPLER_PID" ]]; then wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""; fi
HUB_RSS_PEAK=$(sed -n 's/^VmHWM:\s*//p' "/proc/$HUB_PID/status" 2>/dev/null || echo '?')

# --- count and export ------------------------------------------------------------------------------------------
COUNT_QUERY='SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
QUADS=$(curl -fsS -G "$HUB/sparql" --data-urlencode "query=$COUNT_QUERY" \
  -H 'Accept: application/sparql-results+json' | jq -r '.results.bindings[0].n.value')
[[ "$QUADS" =~ ^[0-9]+$ ]] || fail "could not count the stored quads"
log "store: $QUADS quads in named graphs"
# A CONSTRUCT of every quad in the named graphs (the same set as the Graph Store Protocol's whole-dataset read, which
# answered 500 in hubs before commit dfa7b01: NullPointerException in DataAccessCtl.filteredDataset).
EXPORT_QUERY='CONSTRUCT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }'
curl -fsS -G "$HUB/sparql" --data-urlencode "query=$EXPORT_QUERY" -H 'Accept: application/n-quads' \
  -o "$WORK/export.nq"
EXPORTED=$(grep -c . "$WORK/export.nq" || true)
[[ "$EXPORTED" == "$QUADS" ]] || fail "the export has $EXPORTED quads, the store $QUADS"
log "exported $EXPORTED quads ($(du -h "$WORK/export.nq" | cut -f1)) to $WORK/export.nq"
HUB_STORE_SIZE=$(du -sh "$WORK/data/tdb2" | cut -f1)

log "stopping the hub"
kill "$HUB_PID"
for _ in $(seq 1 60); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 1; done
kill -9 "$HUB_PID" 2>/dev/null || true
wait "$HUB_PID" 2>/dev/null || true
HUB_PID=""
grep -E ' (ERROR|WARN) |Rejected|[1-9][0-9]* rejected|Exception' "$WORK/hub.log" >"$WORK/hub-problems.log" || true

# --- the reference: tdb2.tdbloader --loader=basic --------------------------------------------------------------
CP_FILE="$WORK/jena-cmds.classpath"
mvn -q -o -f bench/ingest/loader-pom.xml dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null 2>&1 \
  || mvn -q -f bench/ingest/loader-pom.xml dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
[[ -s "$CP_FILE" ]] || fail "could not resolve jena-cmds"
sync
# The loader is timed LOADER_RUNS times (each into a fresh directory) and its median run is the reference: its time
# varies by up to a third between runs on this VM, more than the hub's parts do.
TIMEFORMAT='%U %S'
: >"$WORK/loader-runs.txt"
for run in $(seq 1 "$LOADER_RUNS"); do
  rm -rf "$WORK/loader-tdb2"
  sync
  wait_for_quiet "tdbloader run $run/$LOADER_RUNS"
  LB0=$(busy_jiffies)
  LOADER_START=$(now)
  # shellcheck disable=SC2086
  { time java $LOADER_JAVA_OPTS -cp "$(cat "$CP_FILE")" tdb2.tdbloader --loader=basic --loc "$WORK/loader-tdb2" \
    "$WORK/export.nq" >"$WORK/loader-$run.log" 2>&1 ; } 2>"$WORK/loader-$run.cpu" \
    || { cat "$WORK/loader-$run.log" >&2; fail "tdbloader failed"; }
  LOADER_END=$(now)
  LB1=$(busy_jiffies)
  cpu=$(awk '{printf "%.1f", $1 + $2}' "$WORK/loader-$run.cpu")
  others=$(python3 -c "print(round(($LB1 - $LB0) / $TICK - $cpu, 1))")
  wall=$(elapsed "$LOADER_START" "$LOADER_END")
  report=$(grep -o 'Finished: .*' "$WORK/loader-$run.log" | tail -1 || true)
  # tdbloader's own time for the load, without the JVM's start-up (like the hub's time, which starts after it).
  own=$(sed -n 's/.* tuples in \([0-9.]*\)s .*/\1/p' <<<"$report")
  echo "${own:-$wall} $wall $cpu $others $run" >>"$WORK/loader-runs.txt"
  log "tdbloader run $run: ${own:-?} s (wall $wall s), CPU ${cpu} s, other processes ${others} s"
done
read -r LOADER_OWN LOADER_SECONDS LOADER_CPU LOADER_OTHERS_CPU MEDIAN_RUN < <(sort -n "$WORK/loader-runs.txt" \
  | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}')
LOADER_ALL=$(awk '{printf "%s%s", (NR > 1 ? ", " : ""), $1}' "$WORK/loader-runs.txt")
cp "$WORK/loader-$MEDIAN_RUN.log" "$WORK/loader.log"
LOADER_REPORT=$(grep -o 'Finished: .*' "$WORK/loader.log" | tail -1 || true)
LOADED=$(java -cp "$(cat "$CP_FILE")" tdb2.tdbquery --loc "$WORK/loader-tdb2" --results=CSV "$COUNT_QUERY" 2>/dev/null \
  | tail -1 | tr -dc '0-9')
[[ "$LOADED" == "$QUADS" ]] || fail "tdbloader's store has $LOADED quads, the hub's $QUADS"
LOADER_STORE_SIZE=$(du -sh "$WORK/loader-tdb2" | cut -f1)

# --- results ---------------------------------------------------------------------------------------------------
python3 - "$WORK/result.json" <<EOF
import glob, json, sys
n, boards, entities, quads = $N, $BOARDS, $EXPECTED, $QUADS
hub, run_ms, tail = $HUB_SECONDS, $RUN_MILLIS, $MATERIALIZER_TAIL
loader_wall, loader = $LOADER_SECONDS, $LOADER_OWN
r = {
  "notices": n, "boards": boards, "entities": entities, "quads": quads, "seed": $SEED,
  "jar": {"built": "$JAR_BUILT", "sha256_prefix": "$JAR_SHA", "head_commit": "$HEAD_COMMIT"},
  "hub": {"seconds": hub, "connector_run_millis": run_ms, "materializer_tail_seconds": tail,
          "run_started_seconds_after_launch": $FETCH_OFFSET,
          "quads_per_second": round(quads / hub), "notices_per_second": round(n / hub),
          "java_opts": "${HUB_JAVA_OPTS}", "max_heap_mib": $HEAP_MB, "peak_rss": "$HUB_RSS_PEAK",
          "cpu_seconds": $HUB_CPU, "other_processes_cpu_seconds": $HUB_OTHERS_CPU,
          "store_size": "$HUB_STORE_SIZE", "jstack_samples": len(glob.glob("$WORK/jstack/sample-*.txt"))},
  "tdbloader_basic": {"seconds": loader, "wall_seconds_with_jvm_start": loader_wall,
                      "quads_per_second": round(quads / loader), "notices_per_second": round(n / loader),
                      "report": "$LOADER_REPORT", "java_opts": "${LOADER_JAVA_OPTS}",
                      "runs_seconds": [$LOADER_ALL], "median_of": $LOADER_RUNS,
                      "cpu_seconds": $LOADER_CPU, "other_processes_cpu_seconds": $LOADER_OTHERS_CPU,
                      "store_size": "$LOADER_STORE_SIZE"},
  "ratio": round(loader / hub, 3),
  "ratio_vs_loader_wall": round(loader_wall / hub, 3),
  "cpu_ratio": round($LOADER_CPU / $HUB_CPU, 3),
  "target": 0.75,
}
json.dump(r, open(sys.argv[1], "w"), indent=2)
print(f"""
Ingest benchmark, N = {n} notices ({boards} boards, {entities} entities), {quads} quads
  hub end to end             {hub:8.1f} s {quads / hub:9.0f} quads/s {n / hub:7.0f} notices/s
    connector run            {run_ms / 1000:8.1f} s   (mapping + SHACL gate + change detection + publish)
    materializer tail        {tail:8.1f} s   (after the run's publish, until lag 0)
  tdbloader --loader=basic   {loader:8.1f} s {quads / loader:9.0f} quads/s {n / loader:7.0f} notices/s   (its own time, median of [$LOADER_ALL] s)
    wall, with JVM start     {loader_wall:8.1f} s {quads / loader_wall:9.0f} quads/s
  ratio hub / loader         {loader / hub:8.3f} x  (vs the loader's wall time: {loader_wall / hub:.3f} x; target >= 0.75 x: {'met' if loader / hub >= 0.75 else 'NOT met'})
  hub JVM: options '{r['hub']['java_opts'] or '(none)'}', max heap {r['hub']['max_heap_mib']} MiB, peak RSS {r['hub']['peak_rss']}
  CPU: hub {r['hub']['cpu_seconds']} s (others meanwhile {r['hub']['other_processes_cpu_seconds']} s); tdbloader {r['tdbloader_basic']['cpu_seconds']} s (others meanwhile {r['tdbloader_basic']['other_processes_cpu_seconds']} s); CPU ratio {r['cpu_ratio']} x
  stores: hub {r['hub']['store_size']}, loader {r['tdbloader_basic']['store_size']}
  details: $WORK (result.json, hub.log, hub-problems.log, loader-*.log, jstack/, jstack-summary.txt)""")
EOF
python3 bench/ingest/summarize_jstack.py "$WORK"/jstack/sample-*.txt --begin "$WORK/jstack/begin.txt" \
  --end "$WORK/jstack/end.txt" --depth 16 >"$WORK/jstack-summary.txt" 2>&1 || true
log "stack samples summarised in $WORK/jstack-summary.txt"
echo "RESULT_JSON=$WORK/result.json"
