#!/usr/bin/env bash
# The content-hash benchmark: CanonicalJson.hash against the implementation it replaced (copied into
# HashBench.java), interleaved, on generated Kore records and on other input shapes.
# Builds the CLI's shaded jar (no install) and runs HashBench.java on it.
# Usage: bench/hash/run.sh [RECORDS] [ROUNDS]   (default: 60000 9)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && mvn -B -q -DskipTests -pl app-cli -am package >/dev/null)
fi
mkdir -p "$root/bench/data"
# a copy, so that a build running meanwhile cannot change the jar under the benchmark
jar="$root/bench/data/korescore-hash-bench.jar"
cp "$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar | head -n 1)" "$jar"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)"
java -Xmx2g -cp "$jar" "$here/HashBench.java" "${1:-60000}" "${2:-9}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
