#!/usr/bin/env bash
# Runs the fetch benchmark on this checkout's classes (core, adapters-http, testkit compiled in the
# reactor; nothing is installed into ~/.m2).
# Usage: bench/fetch/run.sh [all|concurrency|ratelimit [REQUESTS]|faults [ROUNDS]]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
mvn -B -q -pl testkit,adapters-http -am compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 || \
  mvn -B -q -pl testkit,adapters-http -am compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
libs="$(cat adapters-http/target/bench-classpath.txt testkit/target/bench-classpath.txt | tr ':' '\n' \
  | grep -v '/dev/korescore/' | sort -u | paste -sd:)"
own="$root/core/target/classes:$root/adapters-http/target/classes:$root/testkit/target/classes"
exec java -cp "$own:$libs" -Dorg.slf4j.simpleLogger.defaultLogLevel=error "$here/FetchBench.java" "$@"
