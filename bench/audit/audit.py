#!/usr/bin/env python3
"""The plain-Python reference of the audit benchmark: json.loads per line of JSON Lines with the 2024
spaced keys, the same recomputation as BareScan.java (YES weight over YES and NO weight, NA excluded;
Kore's score must be the floor or the ceiling; pass flag = score >= pass score), printing only a count.

Usage: python3 audit.py IN.jsonl
"""
import json
import sys


def main(path):
    records = 0
    disagree = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            records += 1
            kore = r.get("Kore Evaluation Score")
            if not isinstance(kore, int) or isinstance(kore, bool):
                continue
            yes = no = 0
            for m in r.get("Metrics") or []:
                w = m.get("Metric Weight")
                if not isinstance(w, int):
                    w = 0
                q = m.get("Qualification")
                if q == "YES":
                    yes += w
                elif q == "NO":
                    no += w
            if yes + no == 0:
                continue
            floor = (100 * yes) // (yes + no)
            ceil = -((-100 * yes) // (yes + no))
            pass_score = r.get("Pass Score")
            score_agrees = floor <= kore <= ceil
            pass_agrees = not isinstance(pass_score, int) or (r.get("IsPassed") is True) == (kore >= pass_score)
            if not score_agrees or not pass_agrees:
                disagree += 1
    print(f"{records} records, {disagree} disagree")


if __name__ == "__main__":
    main(sys.argv[1])
