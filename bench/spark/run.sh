#!/usr/bin/env bash
# Records per second of the Spark audit job (dev.korescore.spark.KorescoreSpark audit) in local[2] against the CLI
# (`korescore audit --format jsonl`), on the same generated interactions, interleaved runs. Prints each
# tool's wall time (best and median of $RUNS), peak RSS and records/s at the median, and the Spark job's
# fixed cost (the same job over one record) with the rate net of it. Numbers, not a test: README.md in
# this directory has the recorded results and the arithmetic for 100 million interactions.
#
#   bench/spark/run.sh                        # 1,000,000 interactions, 3 runs each
#   RECORDS=200000 RUNS=1 bench/spark/run.sh
#
# Needs: JDK 17+, Maven (builds the CLI jar and the job jar), GNU time (/usr/bin/time).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${WORK:-/tmp/korescore-bench-spark}"
records="${RECORDS:-1000000}"
runs="${RUNS:-3}"
master="${MASTER:-local[2]}"
mkdir -p "$work"

cli="$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar 2>/dev/null | head -n 1 || true)"
job="$(ls "$root"/spark/target/korescore-spark-*-job.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$cli" ] || [ -z "$job" ] || [ ! -s "$root/spark/target/spark-classpath.txt" ] || [ "${REBUILD:-0}" = 1 ]; then
  (cd "$root" && mvn -B -q -DskipTests -pl app-cli,spark -am package)
  cli="$(ls "$root"/app-cli/target/korescore-app-cli-*-all.jar | head -n 1)"
  job="$(ls "$root"/spark/target/korescore-spark-*-job.jar | head -n 1)"
fi
# private copies, so that a rebuild by someone else does not change a jar under a run
cp "$cli" "$work/korescore.jar"
cp "$job" "$work/korescore-spark-job.jar"
spark_cp="$work/korescore-spark-job.jar:$(cat "$root/spark/target/spark-classpath.txt")"

data="$work/data-$records.jsonl"
if [ ! -s "$data" ]; then
  echo "generating $records interactions with korescore generate..." >&2
  java -jar "$work/korescore.jar" generate --records "$records" --seed 42 --out "$data" >&2
fi
one="$work/one.jsonl"
head -n 1 "$data" >"$one"
echo "data: $data ($(du -Lm "$data" | cut -f1) MB, $records interactions); Spark master $master; $(nproc) cores"

# the job as spark/run-local runs it (a plain JVM: /usr/bin/time cannot run a shell function)
spark_job=(java -Dspark.master="$master" -Dspark.ui.enabled=false
  -Dlog4j2.configurationFile="$root/spark/conf/log4j2.properties" -cp "$spark_cp" dev.korescore.spark.KorescoreSpark audit)

# One timed run: appends "wall rss_kb" to $work/NAME.runs. Exit 0 or 1 (mismatches found) is success.
run_once() { # name, command...
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
  tail -n 1 "$work/time.txt" | grep -Eq '^[0-9.]+ [0-9]+$' || { cat "$work/time.txt" "$work/stderr.txt" >&2; return 1; }
  tail -n 1 "$work/time.txt" >>"$work/$name.runs"
}

rm -f "$work"/*.runs
for i in $(seq 1 "$runs"); do
  echo "round $i of $runs..." >&2
  run_once cli java -jar "$work/korescore.jar" audit --format jsonl --out "$work/cli.jsonl" "$data"
  rm -rf "$work/out"; run_once spark-jsonl "${spark_job[@]}" --input "$data" --output "$work/out" --format jsonl
  du -sm "$work/out/verdicts" | cut -f1 >"$work/verdicts-jsonl.mb"
  rm -rf "$work/out"; run_once spark-parquet "${spark_job[@]}" --input "$data" --output "$work/out" --format parquet
  du -sm "$work/out/verdicts" | cut -f1 >"$work/verdicts-parquet.mb"
  rm -rf "$work/out-one"; run_once spark-fixed "${spark_job[@]}" --input "$one" --output "$work/out-one" --format parquet
done

median() { sort -n "$work/$1.runs" | awk '{ w[NR] = $1 } END { print (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2 }'; }
best() { sort -n "$work/$1.runs" | head -n 1 | cut -d' ' -f1; }
rss() { sort -k2 -n "$work/$1.runs" | tail -n 1 | awk '{ printf "%d", $2 / 1024 }'; }

fixed="$(median spark-fixed)"
printf '%-26s %9s %9s %9s %12s %16s\n' "tool" "best s" "median s" "peak MB" "records/s" "net of fixed"
for name in cli spark-jsonl spark-parquet spark-fixed; do
  m="$(median "$name")"
  if [ "$name" = spark-fixed ]; then
    printf '%-26s %9s %9s %9s %12s %16s\n' "$name (1 record)" "$(best "$name")" "$m" "$(rss "$name")" "-" "-"
    continue
  fi
  rate="$(awk -v n="$records" -v s="$m" 'BEGIN { printf "%d", n / s }')"
  net="-"
  case "$name" in spark-*) net="$(awk -v n="$records" -v s="$m" -v f="$fixed" 'BEGIN { printf "%d", n / (s - f) }')";; esac
  printf '%-26s %9s %9s %9s %12s %16s\n' "$name" "$(best "$name")" "$m" "$(rss "$name")" "$rate" "$net"
done
echo "verdicts/ (last run): $(ls "$work/out/verdicts" | grep -c '^part-') part files;" \
  "$(cat "$work/verdicts-jsonl.mb") MB as JSON Lines, $(cat "$work/verdicts-parquet.mb") MB as Parquet"
