#!/usr/bin/env bash
# The full measurement behind docs/decisions/0001-mapping-language.md (about 25 minutes), written to target/results.md:
#  1. the output comparison;
#  2. single-threaded, like for like: the engines take turns in one JVM (interleaved, so load from other processes on a
#     shared machine falls on all alike), with the common fork-join pool disabled so RecordMapper's parallel stream
#     runs on the calling thread as CARML does;
#  3. as shipped, each in its own fresh JVM: the hub's RecordMapper (records in parallel on all cores) and CARML,
#     with the cold first pass;
#  4. the official OFN context, single-threaded and as shipped (one pass takes ~25-45 s).
# Run it on an otherwise idle machine if you can; the load average is printed with every measurement.
set -euo pipefail
cd "$(dirname "$0")"
(cd ../.. && mvn -q -o compile)
out=target/results.md
mkdir -p target
{
  echo "# Mapping benchmark $(date -u +%FT%TZ)"
  echo; echo '```'
  echo "nproc: $(nproc)"; free -h; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1
  echo "hub commit: $(git -C ../.. rev-parse --short HEAD) $(git -C ../.. status --porcelain -- src | wc -l) changed files in src/"
  echo '```'
} > "$out"
table() {
  echo
  echo '| engine | passes x iterations | records/s median (min–max) | spread | triples/s median | ms per body | CPU ms per body (median) | first body, cold JVM | allocated per body | GCs / GC time |'
  echo '|---|---|---|---|---|---|---|---|---|---|'
  grep -h '^| [a-z]' "$@" | grep -v '^| engine'
}
single=-Djava.util.concurrent.ForkJoinPool.common.parallelism=0
export SKIP_HUB_COMPILE=1
./run.sh --mode=compare --engines=hub-flat,jena-flat,carml-jena,hub-official | tee target/compare.txt
JAVA_OPTS=$single ./run.sh --mode=bench --interleave=true \
  --engines=hub-flat,jena-flat,jena-flat-parse,carml,carml-jena --warmup=45 --seconds=10 --iterations=5 \
  | tee target/bench-single-interleaved.txt
JAVA_OPTS=$single ./run.sh --mode=bench --engines=hub-official --warmup=1 --seconds=10 --iterations=3 \
  | tee target/bench-single-hub-official.txt
for engine in hub-flat carml; do
  ./run.sh --mode=bench --engines="$engine" --warmup=45 --seconds=10 --iterations=3 \
    | tee "target/bench-shipped-$engine.txt"
done
./run.sh --mode=bench --engines=hub-official --warmup=1 --seconds=10 --iterations=3 \
  | tee target/bench-shipped-hub-official.txt
{
  echo; echo "## Single-threaded (fork-join common pool off), engines interleaved in one JVM"
  table target/bench-single-interleaved.txt target/bench-single-hub-official.txt
  echo; echo '```'; sed -n '/^throughput relative/,/^$/p' target/bench-single-interleaved.txt; echo '```'
  echo; echo "## As shipped (RecordMapper maps records in parallel), one JVM per engine"
  table target/bench-shipped-*.txt
  echo; echo "## Outputs"; echo '```'
  grep -E '^(==|=>|raw triples|blank nodes|isomorphic|after normalising|entities)' target/compare.txt; echo '```'
} >> "$out"
echo "written $out"
