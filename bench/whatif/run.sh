#!/usr/bin/env bash
# Benchmark of `korescore whatif` against `korescore audit` on the same file: both read, recompute and
# write one JSON Lines row per interaction. Prints wall time (s, best and median of $RUNS interleaved
# runs), peak RSS (MB) and the ratios. Numbers, not a test: README.md in this directory has the results.
#
#   bench/whatif/run.sh                    # 200,000 interactions, 5 runs each
#   RECORDS=50000 RUNS=3 bench/whatif/run.sh
#
# Needs: JDK 17+, Maven (builds the jar in the reactor, never installs), GNU time (/usr/bin/time).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${WORK:-/tmp/korescore-bench-whatif}"
records="${RECORDS:-200000}"
runs="${RUNS:-5}"
mkdir -p "$work"

jar="$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$jar" ] || [ "${REBUILD:-0}" = 1 ]; then
  (cd "$root" && mvn -B -q package -pl app-cli -am -DskipTests)
  jar="$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar | head -n 1)"
fi
# a private copy, so that a rebuild by someone else does not change the jar under a run
cp "$jar" "$work/korescore.jar"
jar="$work/korescore.jar"

data="$work/data-$records.jsonl"
if [ ! -s "$data" ]; then
  echo "generating $records interactions..." >&2
  java -jar "$jar" generate --records "$records" --seed 42 --out "$data" >&2
fi
echo "data: $data ($(du -Lm "$data" | cut -f1) MB, $(wc -l <"$data") lines)"

# The change: a pass score, a re-weighted metric made fatal, a dropped metric, another NA treatment.
change="$work/change.json"
cat >"$change" <<'JSON'
{"passScore": 75, "na": "award-full",
 "metrics": {"Policy": {"weight": 40, "fatal": true}, "Greeting": {"drop": true}, "Empathy": {"negativeWeight": 5}}}
JSON

run_once() { # name, command...
  local name="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
  tail -n 1 "$work/time.txt" | grep -Eq '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' || { cat "$work/time.txt" "$work/stderr.txt" >&2; return 1; }
  tail -n 1 "$work/time.txt" >>"$work/$name.runs"
}

report() { # name
  local name="$1"
  sort -n "$work/$name.runs" | awk -v name="$name" '
    { wall[NR] = $1; if ($2 > rss) rss = $2 }
    END {
      median = NR % 2 ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2
      printf "%-8s best %6.2f s   median %6.2f s   peak RSS %5d MB   (%d runs)\n", name, wall[1], median, rss / 1024, NR
    }'
  awk '{ print $3 + $4 }' "$work/$name.runs" | sort -n | awk -v name="$name" '
    { cpu[NR] = $1 }
    END {
      median = NR % 2 ? cpu[(NR + 1) / 2] : (cpu[NR / 2] + cpu[NR / 2 + 1]) / 2
      printf "%-8s CPU (user + system) best %6.2f s   median %6.2f s\n", name, cpu[1], median
      print median > "'"$work/$name"'.cpu"
    }'
  sort -n "$work/$name.runs" | head -n 1 | cut -d' ' -f1 >"$work/$name.wall"
  sort -n "$work/$name.runs" | awk '{ wall[NR] = $1 } END { print NR % 2 ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2 }' \
    >"$work/$name.median"
}

# what whatif says about the change (exit 1: something flips), once
java -jar "$jar" whatif --change "$change" --format jsonl --out /dev/null "$data" 2>&1 | tail -n 1 || true

cat "$data" >/dev/null # warm the page cache
rm -f "$work"/*.runs
# Interleaved (audit, whatif, audit, whatif, ...), so that the machine's load changes hit both alike.
for _ in $(seq "$runs"); do
  run_once audit java -jar "$jar" audit --format jsonl --out /dev/null "$data"
  run_once whatif java -jar "$jar" whatif --change "$change" --format jsonl --out /dev/null "$data"
done
echo "wall time over $runs interleaved runs, highest peak RSS:"
report audit
report whatif
awk -v w="$(cat "$work/whatif.wall")" -v a="$(cat "$work/audit.wall")" \
  -v wm="$(cat "$work/whatif.median")" -v am="$(cat "$work/audit.median")" \
  'BEGIN{printf "whatif / audit: %.2fx best to best, %.2fx median to median\n", w / a, wm / am}'
awk -v w="$(cat "$work/whatif.cpu")" -v a="$(cat "$work/audit.cpu")" \
  'BEGIN{printf "whatif / audit CPU time: %.2fx median to median\n", w / a}'
