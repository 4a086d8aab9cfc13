#!/usr/bin/env bash
# The heaviest families of the hostile-input corpus, too slow for the integration test: the three 100 MB bodies
# (a dropped file, a webhook push, an http-poll page) REPEATS times through the same HostileInputIT, with the growth
# of the old generation measured around each. Results: target/hostile-input-memory.txt (one line per round) and
# target/hostile-input-summary.md; record them in BENCHMARKS.md ("Hostile input").
set -euo pipefail
REPEATS=${1:-10}
cd "$(dirname "$0")/../.."
mvn -o verify -Dit.test=HostileInputIT -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false \
    -Dhostile.hundredMbRepeats="$REPEATS"
cat target/hostile-input-memory.txt
