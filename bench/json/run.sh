#!/usr/bin/env bash
# Memory benchmark of the JSON reader: generates a ~1 GB JSON Lines file (once) from
# bench/json/records.template.jsonl with fresh conversation ids, then reads it through
# JacksonInteractionReaderAdapter under -Xmx256m and prints records, wall time, MB/s and peak RSS.
#
# usage: bench/json/run.sh [SIZE_MB (default 1024)] [HEAP (default 256m)]
# env:   BENCH_GZIP=1 also benchmarks the gzip-compressed file.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
size_mb="${1:-1024}"
heap="${2:-256m}"
data_dir="$root/bench/data"
data="$data_dir/interactions-${size_mb}mb.jsonl"
template="$root/bench/json/records.template.jsonl"
mkdir -p "$data_dir"

if [[ ! -s "$data" ]]; then
  echo "generating $data (~${size_mb} MB)..." >&2
  template_bytes=$(wc -c < "$template")
  template_records=$(grep -c . "$template")
  rounds=$(( size_mb * 1000000 / template_bytes + 1 ))
  # A tiny generator: repeat the template's records, each with a new conversation id.
  awk -v rounds="$rounds" '
    { at = index($0, "@ID@"); head[NR] = substr($0, 1, at - 1); tail[NR] = substr($0, at + 4) }
    END {
      n = 0
      for (r = 0; r < rounds; r++)
        for (i = 1; i <= NR; i++)
          printf "%sc-bench-%09d%s\n", head[i], n++, tail[i]
    }' "$template" > "$data.tmp"
  mv "$data.tmp" "$data"
  echo "generated $((rounds * template_records)) records" >&2
fi

cd "$root"
mvn -B -q install -pl adapters-json -DskipTests >&2
cp_file="$root/adapters-json/target/bench.classpath"
(cd adapters-json && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2)
classpath="$root/adapters-json/target/test-classes:$root/adapters-json/target/classes:$(cat "$cp_file")"

run() {
  local file="$1"
  echo "== java -Xmx$heap ... ReadBench $file" >&2
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v java -Xmx"$heap" -cp "$classpath" dev.korescore.adapters.json.bench.ReadBench "$file" \
      2> >(grep -E "Maximum resident set size|Elapsed \(wall clock\)" >&2)
  else
    java -Xmx"$heap" -cp "$classpath" dev.korescore.adapters.json.bench.ReadBench "$file"
  fi
}

run "$data"
if [[ "${BENCH_GZIP:-0}" == "1" ]]; then
  [[ -s "$data.gz" ]] || gzip -1 -k -c "$data" > "$data.gz"
  run "$data.gz"
fi
