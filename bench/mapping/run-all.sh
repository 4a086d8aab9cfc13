#!/usr/bin/env bash
# The full measurement behind docs/decisions/0001-mapping-language.md: the output comparison once, then every engine
# in its own fresh JVM (so JIT profiles and heaps do not mix). Takes about 20 minutes. Writes target/results.md.
# Run on an otherwise idle machine; the load average is printed with every iteration.
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
SKIP_HUB_COMPILE=1 ./run.sh --mode=compare --engines=hub-flat,carml-jena,hub-official | tee target/compare.txt
for engine in hub-flat jena-flat jena-flat-parse carml carml-jena; do
  SKIP_HUB_COMPILE=1 ./run.sh --mode=bench --engines="$engine" --warmup=60 --seconds=10 --iterations=5 \
    | tee "target/bench-$engine.txt"
done
# One pass of the official context takes ~45 s: one warm-up pass, then 3 single-pass measurements.
SKIP_HUB_COMPILE=1 ./run.sh --mode=bench --engines=hub-official --warmup=1 --seconds=10 --iterations=3 \
  | tee target/bench-hub-official.txt
{
  echo; echo '| engine | passes x iterations | records/s median (min–max) | spread | triples/s median | ms per body | CPU ms per body (median) | first body, cold JVM | allocated per body | GCs / GC time |'
  echo '|---|---|---|---|---|---|---|---|---|---|'
  grep -h '^| [a-z]' target/bench-*.txt | grep -v '^| engine'
  echo; echo '```'; grep -E '^(=>|raw triples|after normalising|entities)' target/compare.txt; echo '```'
} >> "$out"
echo "written $out"
