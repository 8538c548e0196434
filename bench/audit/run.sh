#!/usr/bin/env bash
# Benchmark of `korescore audit --format jsonl` against the bare scan (BareScan.java: the least a JVM
# program can do), a plain Python script (audit.py: json.loads per line), the fuller Jackson baseline
# (Baseline.java) and jq. Prints wall time (s, best and median of $RUNS interleaved runs) and peak RSS (MB)
# of each, then a 1,000,000-interaction memory run. Numbers, not a test: see README.md in this directory.
#
#   bench/audit/run.sh                 # 200,000 interactions, 5 runs each
#   RECORDS=50000 RUNS=1 SKIP_JQ=1 SKIP_BIG=1 bench/audit/run.sh
#
# Needs: JDK 17+, Maven (for the jar), python3, jq, GNU time (/usr/bin/time).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${WORK:-/tmp/korescore-bench-audit}"
records="${RECORDS:-200000}"
runs="${RUNS:-5}"
big="${BIG_RECORDS:-1000000}"
mkdir -p "$work"

jar="$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$jar" ] || [ "${REBUILD:-0}" = 1 ]; then
  (cd "$root" && mvn -B -q -pl app-cli -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)
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
# the bare scan and the Python script read the 2024 spaced keys only: their own data set, all spaced
spaced="$work/spaced-$records.jsonl"
if [ ! -s "$spaced" ]; then
  java -jar "$jar" generate --records "$records" --seed 42 --key-style spaced-2024 --out "$spaced"
fi
echo "spaced data: $spaced ($(du -Lm "$spaced" | cut -f1) MB)"

jackson="$(ls ~/.m2/repository/com/fasterxml/jackson/core/jackson-core/2.23.0/jackson-core-2.23.0.jar)"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jackson" "$here/Baseline.java" "$here/BareScan.java"

# One timed run: appends "wall rss_kb" to $work/NAME.runs.
run_once() { # name, command...
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
  tail -n 1 "$work/time.txt" | grep -Eq '^[0-9.]+ [0-9]+$' || { cat "$work/time.txt" "$work/stderr.txt" >&2; return 1; }
  tail -n 1 "$work/time.txt" >>"$work/$name.runs"
}

# Best and median wall time, highest peak RSS of NAME's runs; the best also goes to NAME.wall.
report() { # name
  local name="$1"
  sort -n "$work/$name.runs" | awk -v name="$name" '
    { wall[NR] = $1; if ($2 > rss) rss = $2 }
    END {
      median = NR % 2 ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2
      printf "%-18s best %6.2f s   median %6.2f s   peak RSS %5d MB   (%d runs)\n", name, wall[1], median, rss / 1024, NR
    }'
  sort -n "$work/$name.runs" | head -n 1 | cut -d' ' -f1 >"$work/$name.wall"
  sort -n "$work/$name.runs" | awk '{ wall[NR] = $1 } END { print NR % 2 ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2 }' \
    >"$work/$name.median"
}

# `korescore`: the launcher as users run it (bounded options from the options file, no relaunch, the
# class-data-sharing archive); it runs app-cli/target's jar, so nothing may rebuild it during the runs.
# One run first, so that the launcher makes its archive before the timed runs.
"$root/korescore" audit --format jsonl --out /dev/null "$spaced" >/dev/null 2>&1 || true
cat "$data" "$spaced" >/dev/null # warm the page cache
rm -f "$work"/*.runs
# Interleaved (bare scan, audit, python, baseline, audit on every key style, ...), so that the machine's
# load changes hit all alike. `audit` and `bare-scan` and `python` read the same spaced data.
for _ in $(seq "$runs"); do
  run_once bare-scan java -cp "$work/classes:$jackson" BareScan "$spaced"
  run_once audit java -jar "$jar" audit --format jsonl --out /dev/null "$spaced"
  # the launcher: the JVM options given directly (no relaunch) and the class archive
  run_once korescore "$root/korescore" audit --format jsonl --out /dev/null "$spaced"
  run_once python python3 "$here/audit.py" "$spaced"
  run_once baseline java -cp "$work/classes:$jackson" Baseline "$data" /dev/null
  run_once audit-all-keys java -jar "$jar" audit --format jsonl --out /dev/null "$data"
done
echo "wall time over $runs interleaved runs, highest peak RSS:"
report bare-scan
report audit
report korescore
report python
report baseline
report audit-all-keys
awk -v a="$(cat "$work/korescore.median")" -v b="$(cat "$work/bare-scan.median")" -v p="$(cat "$work/python.median")" \
  -v j="$(cat "$work/audit.median")" \
  'BEGIN{printf "korescore audit / bare scan: %.2fx median to median (target <= 1.3x); python / korescore audit: %.2fx (target >= 2x)\n", a / b, p / a;
         printf "java -jar audit (relaunch) / bare scan: %.2fx; python / java -jar audit: %.2fx\n", j / b, p / j}'
if [ "${SKIP_JQ:-0}" != 1 ]; then
  run_once jq sh -c "jq -c -f '$here/audit.jq' '$data' >/dev/null"
  report jq
fi
awk -v a="$(cat "$work/audit-all-keys.wall")" -v b="$(cat "$work/baseline.wall")" \
  -v am="$(cat "$work/audit-all-keys.median")" -v bm="$(cat "$work/baseline.median")" \
  'BEGIN{printf "audit (every key style) / baseline: %.2fx best to best, %.2fx median to median\n", a / b, am / bm}'
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
  run_once audit-1M java -jar "$jar" audit --format jsonl --out /dev/null "$bigdata"
  run_once korescore-1M "$root/korescore" audit --format jsonl --out /dev/null "$bigdata"
  report audit-1M
  report korescore-1M
fi
