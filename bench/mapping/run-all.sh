#!/usr/bin/env bash
# The full measurement behind docs/decisions/0001-mapping-language.md (about 35 minutes), written to target/results.md:
#  1. the output comparison;
#  2. the engines measured in turn in one JVM (interleaved: on a shared machine, other load falls on all alike);
#  3. every engine in its own fresh JVM (isolated JIT and heap; gives the cold first pass);
#  4. the official OFN context (one pass takes ~45 s).
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
  echo '```'
} > "$out"
table() {
  echo
  echo '| engine | passes x iterations | records/s median (min–max) | spread | triples/s median | ms per body | CPU ms per body (median) | first body, cold JVM | allocated per body | GCs / GC time |'
  echo '|---|---|---|---|---|---|---|---|---|---|'
  grep -h '^| [a-z]' "$@" | grep -v '^| engine'
}
SKIP_HUB_COMPILE=1 ./run.sh --mode=compare --engines=hub-flat,carml-jena,hub-official | tee target/compare.txt
SKIP_HUB_COMPILE=1 ./run.sh --mode=bench --interleave=true --engines=hub-flat,jena-flat,jena-flat-parse,carml,carml-jena \
  --warmup=60 --seconds=10 --iterations=5 | tee target/bench-interleaved.txt
for engine in hub-flat jena-flat carml carml-jena; do
  SKIP_HUB_COMPILE=1 ./run.sh --mode=bench --engines="$engine" --warmup=60 --seconds=10 --iterations=3 \
    | tee "target/bench-separate-$engine.txt"
done
SKIP_HUB_COMPILE=1 ./run.sh --mode=bench --engines=hub-official --warmup=1 --seconds=10 --iterations=3 \
  | tee target/bench-separate-hub-official.txt
{
  echo; echo "## Interleaved, one JVM"; table target/bench-interleaved.txt
  echo; echo "## Separate JVMs"; table target/bench-separate-*.txt
  echo; echo "## Outputs"; echo '```'; grep -E '^(==|=>|raw triples|blank nodes|isomorphic|after normalising|entities)' target/compare.txt; echo '```'
} >> "$out"
echo "written $out"
