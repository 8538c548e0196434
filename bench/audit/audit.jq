# The benchmark's jq recomputation: the same rule as `korescore audit` (exclude NA, >= pass,
# fatal zeroes, clamp at -100, Kore's integer must be the floor or the ceiling), one JSON Lines row
# per record. Keys are matched like the baseline does: case, spaces and underscores ignored, so the
# 2024 style ("Kore Evaluation Score"), camelCase and the misspelt koreEvalutionScore all work.
# Usage: jq -c -f audit.jq data.jsonl > out.jsonl
def norm: ascii_downcase | split(" ") | join("") | split("_") | join("");
def n: with_entries(.key |= norm);
def pick(a; b): if has(a) then .[a] elif has(b) then .[b] else null end;
def floordiv(n; d): ((n / d) | floor);
n
| .conversationid as $id
| pick("koreevaluationscore"; "koreevalutionscore") as $kore
| .passscore as $pass
| .ispassed as $passed
| .durationstatus as $status
| ([.metrics // [] | .[] | n
    | {w: .metricweight, neg: (.metricnegativeweight // 0), q: .qualification, fatal: (.isfatalerror // false)}]) as $m
| ([$m[] | select(.q == "YES") | .w] | add // 0) as $yes
| ([$m[] | select(.q == "NO") | .w] | add // 0) as $now
| ([$m[] | select(.q == "NO") | .neg] | add // 0) as $noneg
| ([$m[] | select(.q == "NO" and .fatal)] | length > 0) as $fatal
| ([$m[] | select(.q != "YES" and .q != "NO" and .q != "NA" and .q != "-")] | length > 0) as $invalid
| if ($kore | type) != "number" or ($status != null and $status != "evaluated") or ($m | length) == 0 then
    {verdict: "NOT_AUDITABLE", computed: null, cpass: null}
  elif $invalid then {verdict: "INVALID", computed: null, cpass: null}
  elif ($fatal | not) and ($yes + $now) == 0 then {verdict: "NOT_AUDITABLE", computed: null, cpass: null}
  else
    (if $fatal then {num: 0, den: 1} else {num: (100 * ($yes - $noneg)), den: ($yes + $now)} end
     | if .num < -100 * .den then {num: -100, den: 1} else . end) as $f
    | floordiv($f.num; $f.den) as $floor
    | (- floordiv(- $f.num; $f.den)) as $ceil
    | ($kore >= $floor and $kore <= $ceil) as $agrees
    | (if $pass == null then null elif $fatal then false elif $agrees then $kore >= $pass
       else $f.num >= $pass * $f.den end) as $cpass
    | (($fatal | not) and $pass != null and $kore >= $pass) as $expected
    | {verdict: (if ($agrees | not) then "SCORE_MISMATCH"
                 elif $passed != null and $pass != null and $passed != $expected then "PASS_MISMATCH"
                 else "MATCH" end),
       computed: (($f.num / $f.den) * 1000000 | round / 1000000), cpass: $cpass}
  end
| {conversationId: $id, verdict: .verdict, koreScore: (if ($kore | type) == "number" then $kore else null end), computedScore: .computed, passScore: $pass,
   korePassed: $passed, computedPassed: .cpass, reasons: []}
