#!/usr/bin/env python3
"""Writes a big Lambda log with Cognito events among many other lines, deterministically.

    generate_log.py FIXTURES OUT.log [--lines N] [--events M] [--distinct D] [--seed S]

N other lines (START/END/REPORT, application text in the Node runtime's text format, Lambda
JSON-format records, a few that mention triggerSource in prose) and M events spread evenly among
them, each written in one of the ways the sample logs in fixtures/logs show: a Node text line with
compact JSON, a Powertools record (event under "message"), Lambda's JSON format, Python's repr
behind the Python runtime's prefix, and (one in ten) JSON pretty-printed over many lines. The
events are D distinct ones (a user per copy of each fixture), repeated: Cognito events carry no
timestamp or request id, so one user's repeated sign-ins log identical events.
Prints "bytes LINES EVENTS DISTINCT" when done.
"""
import argparse
import json
import os
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("fixtures")
    parser.add_argument("out")
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=20261205)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    fixtures = []
    for folder in sorted(os.listdir(args.fixtures)):
        path = os.path.join(args.fixtures, folder)
        if folder in ("invalid", "logs") or not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith(".json"):
                with open(os.path.join(path, name), encoding="utf-8") as handle:
                    fixtures.append(json.load(handle))

    def request_id():
        h = "%032x" % rng.getrandbits(128)
        return "%s-%s-4%s-a%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:32])

    stamp = lambda i: "2026-05-01T%02d:%02d:%02d.%03dZ" % ((i // 3_600_000) % 24, (i // 60_000) % 60, (i // 1000) % 60, i % 1000)

    # Distinct events, each already written in its style (the prefix's timestamp varies per copy).
    distinct = []
    for index in range(args.distinct):
        event = json.loads(json.dumps(fixtures[index % len(fixtures)]))
        if "userName" in event:
            event["userName"] = "user-%05d" % index
        style = index % 10
        compact = json.dumps(event, ensure_ascii=False, separators=(",", ":"))
        if style in (0, 1, 2, 3):
            distinct.append(("node", compact))
        elif style in (4, 5):
            distinct.append(("powertools", json.dumps({"level": "INFO", "location": "decorate:447", "message": event,
                                                        "service": "auth-hooks", "cold_start": False}, ensure_ascii=False, separators=(",", ":"))))
        elif style == 6:
            distinct.append(("jsonformat", compact))
        elif style in (7, 8):
            distinct.append(("python", repr(event)))
        else:
            distinct.append(("pretty", json.dumps(event, ensure_ascii=False, indent=2)))

    # A pool of other lines to draw from.
    words = ("sign-in ok cache miss refreshing token tenant plan seat quota retry upstream latency "
             "user profile loaded feature flag evaluated webhook queued email template rendered").split()
    pool = []
    for index in range(2000):
        rid = request_id()
        kind = index % 8
        if kind == 0:
            pool.append("START RequestId: %s Version: $LATEST\n" % rid)
        elif kind == 1:
            pool.append("END RequestId: %s\n" % rid)
        elif kind == 2:
            pool.append("REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: 128 MB\tMax Memory Used: %d MB\t\n"
                        % (rid, rng.uniform(1, 90), rng.randint(2, 91), rng.randint(60, 90)))
        elif kind == 3:
            text = json.dumps({"timestamp": "2026-05-01T10:00:00.000Z", "level": "INFO", "requestId": rid,
                               "message": " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))}, separators=(",", ":"))
            pool.append(text + "\n")
        elif index == 4:
            pool.append("2026-05-01T10:00:00.000Z\t%s\tWARN\tno handler for triggerSource in config, using default\n" % rid)
        else:
            pool.append("2026-05-01T10:00:00.000Z\t%s\tINFO\t%s\n" % (rid, " ".join(rng.choice(words) for _ in range(rng.randint(2, 14)))))

    every = max(1, args.lines // max(1, args.events))
    written = 0
    lines = 0
    events = 0
    with open(args.out, "w", encoding="utf-8") as out:
        block = []
        for index in range(args.lines):
            block.append(pool[rng.randrange(len(pool))])
            if index % every == every - 1 and events < args.events:
                style, text = distinct[events % len(distinct)]
                rid = "c0ffee00-0000-4000-a000-%012d" % events
                if style == "node" or style == "pretty":
                    block.append("%s\t%s\tINFO\t%s\n" % (stamp(events), rid, text))
                elif style == "python":
                    block.append("[INFO]\t%s\t%s\t%s\n" % (stamp(events), rid, text))
                elif style == "jsonformat":
                    block.append('{"timestamp":"%s","level":"INFO","requestId":"%s","message":%s}\n' % (stamp(events), rid, text))
                else:
                    block.append(text + "\n")
                events += 1
            if len(block) >= 20000:
                chunk = "".join(block)
                out.write(chunk)
                written += len(chunk.encode("utf-8"))
                lines += chunk.count("\n")
                block = []
        chunk = "".join(block)
        out.write(chunk)
        written += len(chunk.encode("utf-8"))
        lines += chunk.count("\n")
    print(written, lines, events, min(args.distinct, events))


if __name__ == "__main__":
    main()
