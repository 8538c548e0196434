#!/usr/bin/env bash
# Benchmark of `korescore audit --format jsonl` against a bare Jackson streaming baseline and jq.
# Prints wall time (s) and peak RSS (MB) of each, best of $RUNS runs, then a 1,000,000-interaction
# memory run. Numbers, not a test: see README.md in this directory for the recorded results.
#
#   bench/audit/run.sh                 # 200,000 interactions, 3 runs each
#   RECORDS=50000 RUNS=1 bench/audit/run.sh
#
# Needs: JDK 17+, Maven (for the jar), python3 (data, unless the testkit generator's
# `korescore generate` exists), jq, GNU time (/usr/bin/time).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${WORK:-/tmp/korescore-bench-audit}"
records="${RECORDS:-200000}"
runs="${RUNS:-3}"
big="${BIG_RECORDS:-1000000}"
mkdir -p "$work"

jar="$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$jar" ] || [ "${REBUILD:-0}" = 1 ]; then
  (cd "$root" && mvn -B -q install -pl app-cli -DskipTests)
  jar="$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar | head -n 1)"
fi
# a private copy, so that a rebuild by someone else does not change the jar under a run
cp "$jar" "$work/korescore.jar"
jar="$work/korescore.jar"

data="$work/data-$records.jsonl"
if [ ! -s "$data" ]; then
  if java -jar "$jar" generate --help >/dev/null 2>&1; then
    echo "generating $records interactions with korescore generate..." >&2
    java -jar "$jar" generate --records "$records" --seed 42 --out "$data"
  else
    echo "generating $records interactions with generate.py..." >&2
    python3 "$here/generate.py" "$records" 42 "$data"
  fi
fi
echo "data: $data ($(du -Lm "$data" | cut -f1) MB, $(wc -l <"$data") lines)"

jackson="$(ls ~/.m2/repository/com/fasterxml/jackson/core/jackson-core/2.23.0/jackson-core-2.23.0.jar)"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jackson" "$here/Baseline.java"

measure() { # name, command...
  local name="$1"; shift
  local best_wall="" best_rss=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
    read -r wall rss < <(tail -n 1 "$work/time.txt") || { cat "$work/time.txt" "$work/stderr.txt" >&2; return 1; }
    if [ -z "$best_wall" ] || awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall="$wall"; fi
    if [ -z "$best_rss" ] || [ "$rss" -gt "$best_rss" ]; then best_rss="$rss"; fi
  done
  printf '%-34s %8.2f s %8d MB\n' "$name" "$best_wall" "$((best_rss / 1024))"
  echo "$best_wall" >"$work/$name.wall"
}

cat "$data" >/dev/null # warm the page cache
echo "best wall time of $runs runs, highest peak RSS:"
measure baseline java -cp "$work/classes:$jackson" Baseline "$data" /dev/null
measure audit java -jar "$jar" audit --format jsonl --out /dev/null "$data"
measure audit-2-threads java -jar "$jar" audit --threads 2 --format jsonl --out /dev/null "$data"
if [ "${SKIP_JQ:-0}" != 1 ]; then
  runs=1 measure jq sh -c "jq -c -f '$here/audit.jq' '$data' >/dev/null"
fi
awk -v a="$(cat "$work/audit.wall")" -v b="$(cat "$work/baseline.wall")" \
  'BEGIN{printf "audit / baseline: %.2fx\n", a / b}'
if [ -f "$work/jq.wall" ] && [ "${SKIP_JQ:-0}" != 1 ]; then
  awk -v a="$(cat "$work/audit.wall")" -v j="$(cat "$work/jq.wall")" 'BEGIN{printf "audit / jq: %.2fx\n", a / j}'
fi

if [ "${SKIP_BIG:-0}" != 1 ]; then
  bigdata="$work/data-$big.jsonl"
  if [ ! -s "$bigdata" ]; then
    echo "building $big interactions by repeating the data..." >&2
    : >"$bigdata"
    while [ "$(wc -l <"$bigdata")" -lt "$big" ]; do cat "$data" >>"$bigdata"; done
  fi
  echo "memory over $(wc -l <"$bigdata") interactions ($(du -Lm "$bigdata" | cut -f1) MB):"
  runs=1 measure audit-1M java -jar "$jar" audit --format jsonl --out /dev/null "$bigdata"
fi
