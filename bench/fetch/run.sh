#!/usr/bin/env bash
# Runs the fetch benchmark against the installed modules (mvn -B install -pl core,adapters-http,testkit first).
# Usage: bench/fetch/run.sh [all|concurrency|ratelimit [REQUESTS]]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cp_file="$root/adapters-http/target/bench-classpath.txt"
(cd "$root" && mvn -B -q -pl adapters-http dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null)
cp="$root/adapters-http/target/classes:$(cat "$cp_file")"
exec java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$here/FetchBench.java" "$@"
