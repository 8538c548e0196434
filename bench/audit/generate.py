#!/usr/bin/env python3
"""Generates N Kore Raw Data interactions as JSON Lines, seeded and deterministic.

Usage: generate.py N SEED OUT.jsonl

Records mix the 2024 key style ("Kore Evaluation Score", "Metric Name") and the later camelCase
style (koreEvaluationScore, metricName), carry intents, topics, agents, queues, unknown fields and
2 to 12 weighted metrics (NA answers, negative weights, fatal metrics). Kore's score is computed
with Kore's documented rule (exclude NA, fatal zeroes, clamp at -100, >= pass); about 2% of the
records get a planted wrong score or wrong pass flag. About 1,400 bytes per record.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

METRICS = ["Customer Verification", "Greeting", "Policy", "Empathy", "Hold Procedure",
           "Recommend/explain other options", "Closing", "Agent Rude", "Cross talk check",
           "Disclosure read", "Call Summary", "Ownership"]
CHANNELS = ["korevg", "voice", "chat", "email", "messaging"]
FORMS = ["Support QA", "Sales QA ", "Collections"]


def score(metrics):
    yes = sum(m[1] for m in metrics if m[3] == "YES")
    no_w = sum(m[1] for m in metrics if m[3] == "NO")
    no_neg = sum(m[2] for m in metrics if m[3] == "NO")
    if any(m[4] and m[3] == "NO" for m in metrics):
        return 0, True
    den = yes + no_w
    if den == 0:
        return None, False
    num = 100 * (yes - no_neg)
    return max(-100, num // den), False  # floor


def record(i, rnd, base):
    start = base + timedelta(seconds=rnd.randrange(0, 30 * 86400), milliseconds=rnd.randrange(1000))
    dur_ms = rnd.randrange(20_000, 900_000)
    end = start + timedelta(milliseconds=dur_ms)
    n = rnd.randint(2, 10)
    names = rnd.sample(METRICS, n)
    metrics = []
    for name in names:
        w = rnd.choice([5, 10, 10, 15, 20, 25, 30])
        neg = rnd.choice([0, 0, 0, 0, w // 2, w])
        q = rnd.choices(["YES", "NO", "NA", "-"], [50, 25, 20, 5])[0]
        if q == "-":
            w, neg = 0, 0
        fatal = rnd.random() < 0.04
        metrics.append((name, w, neg, q, fatal))
    kore, fatal_failed = score(metrics)
    pass_score = rnd.choice([60, 70, 75, 80])
    passed = (not fatal_failed) and kore is not None and kore >= pass_score
    if kore is not None and rnd.random() < 0.02:
        if rnd.random() < 0.5:
            kore = max(-100, min(100, kore + rnd.choice([-7, -3, 4, 9])))
        else:
            passed = not passed
    camel = i % 2 == 1
    agent_no = rnd.randrange(200)
    queue_no = rnd.randrange(20)
    cid = "c-%08x-%04x-4e26-9404-%012x" % (rnd.getrandbits(32), rnd.getrandbits(16), i)
    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
    intents = [{"intent": "authorization assistance",
                "keywords": ["account authorization assistance", "code intent request"]}]
    topics = [{"topic": "intent", "keywords": ["intent name inquiry", "account authorization assistance"]}]
    if not camel:
        return {
            "src": rnd.choice(CHANNELS),
            "Conversation Start Time": iso(start), "Conversation End Time": iso(end),
            "Duration": "%d milliseconds" % dur_ms, "Conversation ID": cid,
            "Sentiment Score": rnd.randint(1, 10), "Intents": intents, "Topics": topics,
            "Kore Evaluation Score": kore if kore is not None else "NA",
            "IsChurnRiskObserved": rnd.random() < 0.1, "IsEscalationObserved": rnd.random() < 0.1,
            "Pass Score": pass_score, "IsPassed": passed,
            "Queues": [{"Queue ID": "qu-%04d" % queue_no, "Queue Name": "Queue %d " % queue_no}],
            "Agents": [{"agentId": "a-%04d" % agent_no, "Agent Name": "Agent %d" % agent_no,
                        "Agent Start Time": iso(start), "Agent Email": "agent%d@example.com" % agent_no}],
            "Metrics": [dict([("Metric ID", "em-%04d" % METRICS.index(m[0])), ("Metric Name", m[0]),
                              ("Metric Weight", m[1]), ("Metric Negative Weight", m[2]),
                              ("Qualification", m[3]), ("isFatalError", m[4])]) for m in metrics],
            "x_custom": {"region": "emea", "tier": i % 3},
        }
    return {
        "conversationId": cid, "src": rnd.choice(CHANNELS),
        "conversationStartTime": iso(start), "conversationEndTime": iso(end),
        "duration": "%d milliseconds" % dur_ms, "sentimentScore": round(rnd.uniform(1, 10), 1),
        "intents": intents, "topics": topics,
        "koreEvaluationScore": kore, "passScore": pass_score, "isPassed": passed,
        "isChurnRiskObserved": False, "isEscalationObserved": rnd.random() < 0.1,
        "fatalErrorCount": sum(1 for m in metrics if m[4] and m[3] == "NO"),
        "duration_status": "evaluated", "evaluationFormName": rnd.choice(FORMS),
        "evaluationFormScoringType": "points",
        "queues": [{"queueId": "qu-%04d" % queue_no, "queueName": "Queue %d " % queue_no}],
        "agents": [{"agentId": "a-%04d" % agent_no, "agentName": "Agent %d" % agent_no,
                    "agentEmail": "agent%d@example.com" % agent_no}],
        "metrics": [{"metricId": "em-%04d" % METRICS.index(m[0]), "metricName": m[0], "metricWeight": m[1],
                     "metricNegativeWeight": m[2], "qualification": m[3], "isFatalError": m[4]}
                    for m in metrics],
        "custom_fields": {"x_justification": "agent verified the caller"},
    }


def main():
    n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(seed)
    base = datetime(2026, 3, 1, tzinfo=timezone.utc)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(record(i, rnd, base), separators=(",", ":")))
            f.write("\n")


if __name__ == "__main__":
    main()
