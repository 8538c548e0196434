#!/usr/bin/env bash
# Side-by-side timing of a few commands, interleaved round by round (so that the machine's load changes hit
# all alike): prints each command's best and median wall time, median CPU time (user + system) and peak RSS.
# Numbers, not a test (bench/audit/README.md, "Issue 13, second session").
#
#   bench/audit/cmp.sh RUNS NAME 'COMMAND' [NAME 'COMMAND' ...]
#   bench/audit/cmp.sh 5 bare "java -cp classes:jackson-core.jar BareScan data.jsonl" audit "java -jar k.jar audit --format jsonl --out /dev/null data.jsonl"
#
# Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail
runs=$1; shift
names=(); cmds=()
while [ $# -gt 0 ]; do names+=("$1"); cmds+=("$2"); shift 2; done
out="$(mktemp -d)"
for r in $(seq $runs); do
  for i in "${!names[@]}"; do
    /usr/bin/time -f "%e %U %S %M" -o $out/t bash -c "${cmds[$i]}" >/dev/null 2>$out/err || true
    tail -1 $out/t >> $out/${names[$i]}
  done
done
python3 - "$out" "${names[@]}" <<'PY'
import sys, statistics
out=sys.argv[1]
for n in sys.argv[2:]:
    rows=[list(map(float,l.split())) for l in open(out+'/'+n) if l.strip()]
    w=sorted(r[0] for r in rows); c=[r[1]+r[2] for r in rows]; m=max(r[3] for r in rows)
    print(f"{n:16s} best {w[0]:6.2f} s  median {statistics.median(w):6.2f} s  median CPU {statistics.median(c):6.2f} s  RSS {m/1024:4.0f} MB ({len(rows)} runs)")
PY
rm -rf $out
