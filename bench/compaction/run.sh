#!/usr/bin/env bash
# Compaction benchmark: how large the TDB2 store grows under heavy incremental change, with and without the hub's
# scheduled compaction, against the same final data bulk-loaded by Jena's tdb2.tdbloader. Run by hand, never as a
# test:
#
#   bench/compaction/run.sh [N] [ROUNDS] [BATCH]     # default 20000 notices, rewritten 5 times, 200 changes/commit
#
# Compiles CompactionBench against the hub's classes (mvn -o compile first) and runs it: phase A writes N notices and
# rewrites every one ROUNDS times through TdbEntityStore.apply (the materializer's write path, full-text index
# included), one transaction per BATCH changes, without compaction, then compacts once with StoreCompaction; phase B
# does the same on a fresh store with the growth trigger (CompactionSchedule, GROWTH_FACTOR, GROWTH_MIN_MB) checked
# every CHECK batches; phase C bulk-loads phase A's final quads with tdb2.tdbloader. Sizes are the files' lengths
# (what the growth trigger reads) and the bytes du reports allocated. Output: $WORK/result.tsv.
#
# Environment: WORK=target/bench/compaction-N, CHECK=10, GROWTH_FACTOR=1.5, GROWTH_MIN_MB=64, JAVA_OPTS="".
set -euo pipefail

N="${1:-20000}"
ROUNDS="${2:-5}"
BATCH="${3:-200}"
CHECK="${CHECK:-10}"
GROWTH_FACTOR="${GROWTH_FACTOR:-1.5}"
GROWTH_MIN_MB="${GROWTH_MIN_MB:-64}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
WORK="${WORK:-target/bench/compaction-$N}"
rm -rf "$WORK" && mkdir -p "$WORK/classes"

[ -d target/classes/cz/spojka/store ] || mvn -o -q compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:$(cat "$WORK/cp.txt")"
javac -nowarn -d "$WORK/classes" -cp "$CP" bench/compaction/src/cz/spojka/store/CompactionBench.java

{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# N=$N ROUNDS=$ROUNDS BATCH=$BATCH CHECK=$CHECK GROWTH_FACTOR=$GROWTH_FACTOR GROWTH_MIN_MB=$GROWTH_MIN_MB"
  echo -e "phase\tmeasurement\tfile-bytes\tdu-bytes\tmillis"
  java ${JAVA_OPTS:-} -cp "$WORK/classes:$CP" cz.spojka.store.CompactionBench \
      "$WORK" "$N" "$ROUNDS" "$BATCH" "$CHECK" "$GROWTH_FACTOR" "$GROWTH_MIN_MB" 2>"$WORK/stderr.log" \
    | tee "$WORK/out.log" | grep -E $'^(A|B|C|quads)\t'
  grep -E 'Compacted the store|Compacting the store' "$WORK/out.log" | sed 's/^/# /' 
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$WORK/result.tsv"
