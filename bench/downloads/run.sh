#!/usr/bin/env bash
# Downloads of a large dataset with a small heap: bench/downloads/run.sh [notices] [max heap]
# (defaults 100000 and 384m; with 256m TDB2's node caches alone outgrow the heap). Fills a fresh TDB2 store under target/bench/downloads/ with synthetic notices (a JVM with
# the default heap: TDB2's write caches thrash a small one), then, in a JVM with the small heap, writes every download
# of the dataset uredni-deska through the hub's own writers (RdfDownload, CsvDownload, OfnDownload) to a counting
# sink and prints bytes, seconds and the heap's peak use. Run from anywhere. The last line names the machine-readable
# result, RESULT_JSON=$WORK/result.json (WORK defaults to target/bench/downloads).
set -euo pipefail
cd "$(dirname "$0")/../.."
notices="${1:-100000}"
heap="${2:-384m}"
work="${WORK:-target/bench/downloads}"
rm -rf "$work"
mkdir -p "$work/classes"
mvn -o -q compile dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt"
classpath="target/classes:$(cat "$work/classpath.txt")"
javac -d "$work/classes" -cp "$classpath" bench/downloads/DownloadsBench.java
java -cp "$work/classes:$classpath" cz.spojka.downloads.DownloadsBench fill "$notices" "$work/tdb2"
java -Xmx"$heap" -cp "$work/classes:$classpath" cz.spojka.downloads.DownloadsBench download "$work/tdb2" \
  "$work/result.json"
