#!/usr/bin/env bash
# The store benchmark: the sync write path into DuckDB, Parquet export, and a real sync's peak memory.
# Builds the CLI's shaded jar (no install) and runs StoreBench.java on it.
# Usage: bench/store/run.sh [all|write|export|memory] [INTERACTIONS]   (default: all 200000)
#        bench/store/run.sh ceiling [INTERACTIONS] [ROUNDS]   DuckDB's own write work, outside korescore (DuckCeiling.java)
# BENCH_JAR=PATH: run on this jar instead of building one (e.g. main's, for a before/after).
# BENCH_SYNC_JVM_OPTS, BENCH_SAMPLE: the memory run's extra JVM options and jcmd sampling (README.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$root/bench/data"
jar="$root/bench/data/korescore-bench.jar"
if [ -n "${BENCH_JAR:-}" ]; then
  jar="$BENCH_JAR"
else
  (cd "$root" && mvn -B -q -DskipTests -pl app-cli -am package >/dev/null)
  # a copy, so that a build running meanwhile cannot change the jar under the benchmark
  cp "$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar | head -n 1)" "$jar"
fi
if [ "${1:-}" = ceiling ]; then
  exec java -Xmx4g -cp "$jar" "$here/DuckCeiling.java" "$root/bench/data" "${2:-200000}" "${3:-2}"
fi
n="${2:-200000}"
# the memory run's simulator holds every record's JSON (about 1.6 KB each) in this JVM
heap_mb=$(( n * 5 / 1000 )); [ "$heap_mb" -lt 2048 ] && heap_mb=2048
exec java -Xmx${heap_mb}m -cp "$jar" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$here/StoreBench.java" \
  "$jar" "$root/bench/data" "${1:-all}" "$n"
