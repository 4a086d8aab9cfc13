#!/usr/bin/env bash
# The benchmark suite: every benchmark under bench/ in turn, each beside its reference run on the same machine, and
# one table of the results appended as a new dated section at the end of BENCHMARKS.md. Run by hand, never as a test:
#
#   bench/run-suite.sh [quick|full]      # default quick
#
# quick: small sizes, one repetition each (~25–40 minutes on the 2-core machine, more when it is shared);
# full:  the sizes of the recorded runs; the timed benchmarks without rounds of their own (ingest, events) three
#        times (REPS), interleaved with the others (~1.5–2 hours on a quiet machine).
# Each benchmark's run.sh runs the hub and its reference one after the other; sparql, mapping and publish alternate
# them over rounds inside the run and give medians over those rounds, so the suite runs them once. The suite runs in
# rounds: round 1 runs every benchmark, each later round only the repeated ones, so the repetitions of one benchmark
# are spread over the suite's whole time instead of meeting the same minutes of a shared machine. It takes medians
# over the repetitions. Each run.sh names its machine-readable result on its last line (RESULT_JSON=…);
# bench/suite_summary.py reads them, never the prose. Raw outputs: target/bench/suite/<date>/ (<bench>-<rep>.log,
# <bench>-<rep>/ work directories, runs.jsonl, machine.txt, summary.md — rewritten after every run, so a suite
# stopped early still has the table of what it ran).
#
# Environment: REPS (quick 1, full 3), ONLY="ingest store ..." (a subset, in the suite's order), SKIP_BUILD=1 (use
# target/spojka.jar as it is instead of building it from the checkout), NO_RECORD=1 (do not touch BENCHMARKS.md).
# Needs JDK 17, Maven, python3, curl, jq and wrk (query-load; Debian: apt-get install wrk); everything else (kafka-tools, jena-cmds, Fuseki, CARML, WireMock) is
# fetched by Maven.
set -uo pipefail
MODE="${1:-quick}"
case "$MODE" in
  quick) REPS="${REPS:-1}" ;;
  full) REPS="${REPS:-3}" ;;
  *) echo "usage: bench/run-suite.sh [quick|full]" >&2; exit 2 ;;
esac
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
for tool in java mvn python3 curl jq; do
  command -v "$tool" >/dev/null || { echo "run-suite.sh: $tool is needed" >&2; exit 2; }
done
STAMP="$(date -u +%Y-%m-%dT%H%MZ)"
OUT="$ROOT/target/bench/suite/$STAMP"
mkdir -p "$OUT"
log() { printf '[%s] %s\n' "$(date +%T)" "$*" | tee -a "$OUT/suite.log" >&2; }

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  log "building target/spojka.jar from the checkout"
  mvn -q -o -DskipTests package >"$OUT/build.log" 2>&1 || { log "the build failed; see $OUT/build.log"; exit 1; }
fi
[[ -f target/spojka.jar ]] || { log "target/spojka.jar is missing"; exit 1; }

{
  echo "date: $(date -u '+%F %T UTC')"
  echo "mode: $MODE, repetitions: $REPS"
  echo "commit: $(git rev-parse --short HEAD) ($(git status --porcelain | wc -l) changed files in the checkout)"
  echo "jar: target/spojka.jar built $(date -u -r target/spojka.jar '+%F %T UTC'), sha256 $(sha256sum target/spojka.jar | cut -c1-12)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "memory: $(free -g | awk '/^Mem:/{print $2}') GiB RAM, swap $(free -g | awk '/^Swap:/{print $2}') GiB"
  echo "jdk: $(java -version 2>&1 | sed -n 2p)"
  echo "os: $( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null), Linux $(uname -r)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# name | quick command | full command. Each runs from the repository root with WORK set by the suite.
single='-Djava.util.concurrent.ForkJoinPool.common.parallelism=0'
command_of() { # bench mode -> the command line
  case "$1:$2" in
    ingest:quick) echo "LOADER_RUNS=1 QUIET_WAIT=0 JSTACK_SAMPLES=0 bench/ingest/run.sh 5000" ;;
    ingest:full) echo "QUIET_WAIT=0 bench/ingest/run.sh 100000" ;;
    store:quick) echo "bench/store/run.sh 2000 2" ;;
    store:full) echo "bench/store/run.sh 20000 5" ;;
    mapping:quick) echo "JAVA_OPTS=$single bench/mapping/run.sh --mode=bench --interleave=true --engines=hub-flat,carml --warmup=5 --seconds=3 --iterations=3 --json=\$WORK/result.json" ;;
    mapping:full) echo "JAVA_OPTS=$single bench/mapping/run.sh --mode=bench --interleave=true --engines=hub-flat,carml --warmup=45 --seconds=10 --iterations=5 --json=\$WORK/result.json" ;;
    sparql:quick) echo "CLIENTS=1 ROUNDS=2 WARMUP=3 TIMED=10 bench/sparql/run.sh 5000" ;;
    sparql:full) echo "ROUNDS=3 WARMUP=10 TIMED=20 bench/sparql/run.sh 50000" ;;
    events:quick) echo "bench/events/run.sh 200 50 500" ;;
    events:full) echo "bench/events/run.sh 500 50 1000" ;;
    publish:quick) echo "bench/publish/run.sh 10000 2 1000" ;;
    publish:full) echo "bench/publish/run.sh 100000 3 1000" ;;
    municipalities:quick) echo "bench/municipalities/run.sh 1000 480" ;;
    municipalities:full) echo "bench/municipalities/run.sh 6254 1080" ;;
    downloads:quick) echo "bench/downloads/run.sh 10000 384m" ;;
    downloads:full) echo "bench/downloads/run.sh 100000 384m" ;;
    query-load:quick) echo "bench/query-load/run.sh 5000 30 4" ;;
    query-load:full) echo "bench/query-load/run.sh 20000 60 8" ;;
  esac
}
BENCHES="${ONLY:-ingest mapping sparql events municipalities downloads store publish query-load}"

: >"$OUT/runs.jsonl"
# Benchmarks measured once per suite: sparql, mapping and publish take medians over their own interleaved rounds;
# store and downloads measure sizes (bytes on disk, heap), which do not follow the machine's speed; municipalities is
# one 18-minute observation of thousands of polls; query-load has no reference, its latencies a distribution over
# thousands of requests, its other figures counts that must be 0.
ONCE=" mapping sparql publish municipalities downloads store query-load "
summarize() { python3 bench/suite_summary.py "$OUT" "$MODE" >"$OUT/summary.md" 2>>"$OUT/suite.log"; }
for rep in $(seq 1 "$REPS"); do
  for bench in $BENCHES; do
    cmd=$(command_of "$bench" "$MODE")
    [[ -n "$cmd" ]] || { log "unknown benchmark $bench"; continue; }
    reps="$REPS"
    [[ "$ONCE" == *" $bench "* ]] && reps=1
    (( rep <= reps )) || continue
    work="$OUT/$bench-$rep"
    mkdir -p "$work"
    before=$(cut -d' ' -f1-3 /proc/loadavg)
    start=$(date +%s)
    log "$bench $rep/$reps: $cmd"
    WORK="$work" bash -c "export WORK; $cmd" >"$OUT/$bench-$rep.log" 2>&1
    rc=$?
    after=$(cut -d' ' -f1-3 /proc/loadavg)
    seconds=$(( $(date +%s) - start ))
    result=$(sed -n 's/^RESULT_JSON=//p' "$OUT/$bench-$rep.log" | tail -1)
    [[ -n "$result" && -f "$result" ]] || result=""
    log "$bench $rep/$reps: exit $rc after ${seconds}s, load $before -> $after, result ${result:-none}"
    python3 -c 'import json, sys; print(json.dumps(dict(zip(
        ["bench", "rep", "command", "exit", "seconds", "load_before", "load_after", "result"], sys.argv[1:]))))' \
      "$bench" "$rep" "$cmd" "$rc" "$seconds" "$before" "$after" "$result" >>"$OUT/runs.jsonl"
    summarize
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

summarize
cat "$OUT/summary.md"
if [[ "${NO_RECORD:-}" != 1 ]]; then
  { echo; cat "$OUT/summary.md"; } >>BENCHMARKS.md
  log "appended the section to BENCHMARKS.md"
fi
