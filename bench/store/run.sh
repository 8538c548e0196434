#!/usr/bin/env bash
# The store benchmark: the sync write path into DuckDB, Parquet export, and a real sync's peak memory.
# Builds the CLI's shaded jar (no install) and runs StoreBench.java on it.
# Usage: bench/store/run.sh [all|write|export|memory] [INTERACTIONS]   (default: all 200000)
#        bench/store/run.sh ceiling [INTERACTIONS] [ROUNDS]   DuckDB's own write work, outside korescore (DuckCeiling.java)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests -pl app-cli -am package >/dev/null)
mkdir -p "$root/bench/data"
# a copy, so that a build running meanwhile cannot change the jar under the benchmark
jar="$root/bench/data/korescore-bench.jar"
cp "$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar | head -n 1)" "$jar"
if [ "${1:-}" = ceiling ]; then
  exec java -Xmx4g -cp "$jar" "$here/DuckCeiling.java" "$root/bench/data" "${2:-200000}" "${3:-2}"
fi
exec java -Xmx2g -cp "$jar" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$here/StoreBench.java" \
  "$jar" "$root/bench/data" "${1:-all}" "${2:-200000}"
