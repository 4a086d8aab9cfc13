#!/usr/bin/env bash
# Runs the mapping benchmark in its own JVM with a fixed heap (the numbers in docs/decisions/0001-mapping-language.md).
# Usage: ./run.sh [--mode=all|compare|bench] [--engines=hub-flat,jena-flat,carml,carml-jena,hub-official]
#                 [--seconds=10] [--iterations=5] [--warmup=20] [--copies=1]
# Environment: HEAP (default 2g), JAVA_OPTS (more JVM options), SKIP_HUB_COMPILE=1 to use ../../target/classes as it is.
# --json=FILE also writes the machine-readable result (median records/s per engine) there, for bench/run-suite.sh.
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${SKIP_HUB_COMPILE:-}" != 1 ]]; then
  (cd ../.. && mvn -q -o compile)
fi
if [[ -f ../../target/classes/cz/spojka/mapping/RecordMapper.class ]]; then
  mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
elif [[ -f target/classes/cz/spojka/mapping/RecordMapper.class && -f target/classpath.txt ]]; then
  # Someone cleaned the hub's target/ meanwhile (shared work tree): keep the copy taken by the last build.
  echo "warning: ../../target/classes is gone; using the hub classes copied by the last bench build" >&2
else
  echo "compile the hub first: (cd ../.. && mvn -q -o compile)" >&2
  exit 1
fi
heap="${HEAP:-2g}"
exec java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Dfile.encoding=UTF-8 ${JAVA_OPTS:-} \
  -cp "target/classes:$(cat target/classpath.txt)" cz.spojka.bench.MappingBench "$@"
