#!/usr/bin/env python3
"""Python peers of the benchmarks, on the same files as cognito-explorer.

    python_peers.py powertools PATH...   parse each *.json with json, wrap it in the matching data
                                         class of Powertools for AWS Lambda
                                         (aws_lambda_powertools...cognito_user_pool_event) and read
                                         every property of the event, its request and response,
                                         recursively (the reads `check` makes), like a handler would
    python_peers.py json PATH...         parse each *.json with json.loads, nothing else
    python_peers.py parse REPEAT PATH... read the files into memory first, then time REPEAT passes
                                         of json.loads over the bytes; prints "pass MS" per pass
    python_peers.py lines LOG            json.loads every line of a log (the script a user would
                                         write to pull JSON events out of one); counts the lines
                                         that parse and those holding a triggerSource at the top
                                         or under "message"

Folders are walked recursively in name order, as `check` does. Prints one summary line.
"""
import json
import os
import sys
import time


def files_of(paths):
    result = []
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                result += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".json") and not n.startswith(".")]
        else:
            result.append(path)
    return result


def powertools(paths):
    from aws_lambda_powertools.utilities.data_classes import cognito_user_pool_event as c
    from aws_lambda_powertools.utilities.data_classes.common import DictWrapper

    by_prefix = {
        "PreSignUp": c.PreSignUpTriggerEvent,
        "PostConfirmation": c.PostConfirmationTriggerEvent,
        "UserMigration": c.UserMigrationTriggerEvent,
        "CustomMessage": c.CustomMessageTriggerEvent,
        "PreAuthentication": c.PreAuthenticationTriggerEvent,
        "PostAuthentication": c.PostAuthenticationTriggerEvent,
        "DefineAuthChallenge": c.DefineAuthChallengeTriggerEvent,
        "CreateAuthChallenge": c.CreateAuthChallengeTriggerEvent,
        "VerifyAuthChallengeResponse": c.VerifyAuthChallengeResponseTriggerEvent,
        "CustomEmailSender": getattr(c, "CustomEmailSenderTriggerEvent", c.BaseTriggerEvent),
        "CustomSMSSender": getattr(c, "CustomSMSSenderTriggerEvent", c.BaseTriggerEvent),
    }
    # DictWrapper's own helpers (raw_event, ...) are not event fields.
    skip = {name for name in dir(DictWrapper) if isinstance(getattr(DictWrapper, name, None), property)}
    properties = {}

    def names(cls):
        if cls not in properties:
            properties[cls] = [n for n in dir(cls) if n not in skip and isinstance(getattr(cls, n, None), property)]
        return properties[cls]

    def read_all(wrapper, depth=0):
        reads = 0
        for name in names(type(wrapper)):
            try:
                value = getattr(wrapper, name)
            except (KeyError, TypeError, AttributeError, IndexError):
                # A field the event does not have: Powertools raises, a handler would catch.
                continue
            reads += 1
            if isinstance(value, DictWrapper) and depth < 4:
                reads += read_all(value, depth + 1)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, DictWrapper):
                        reads += read_all(item, depth + 1)
        return reads

    count = reads = 0
    for path in files_of(paths):
        with open(path, "rb") as f:
            data = json.loads(f.read())
        source = data.get("triggerSource", "") if isinstance(data, dict) else ""
        prefix = source.split("_", 1)[0]
        if prefix == "TokenGeneration":
            cls = c.PreTokenGenerationTriggerEvent if str(data.get("version")) == "1" and "scopes" not in data.get("request", {}) \
                else c.PreTokenGenerationV2TriggerEvent
        else:
            cls = by_prefix.get(prefix, c.BaseTriggerEvent)
        reads += read_all(cls(data))
        count += 1
    print("powertools: %d files, %d property reads" % (count, reads))


def plain_json(paths):
    count = 0
    for path in files_of(paths):
        with open(path, "rb") as f:
            json.loads(f.read())
        count += 1
    print("json: %d files" % count)


def parse_passes(repeat, paths):
    blobs = []
    for path in files_of(paths):
        with open(path, "rb") as f:
            blobs.append(f.read())
    json.loads(blobs[0])  # warm up
    for _ in range(repeat):
        start = time.perf_counter()
        for blob in blobs:
            json.loads(blob)
        print("pass %.3f" % ((time.perf_counter() - start) * 1000))


def json_lines(path):
    parsed = events = 0
    with open(path, "rb") as f:
        for line in f:
            try:
                value = json.loads(line)
            except ValueError:
                continue
            parsed += 1
            if isinstance(value, dict):
                inner = value.get("message")
                if "triggerSource" in value or (isinstance(inner, dict) and "triggerSource" in inner):
                    events += 1
    print("lines: %d parsed, %d events" % (parsed, events))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    mode, rest = sys.argv[1], sys.argv[2:]
    sys.setrecursionlimit(10000)
    if mode == "powertools":
        powertools(rest)
    elif mode == "json":
        plain_json(rest)
    elif mode == "parse":
        parse_passes(int(rest[0]), rest[1:])
    elif mode == "lines":
        json_lines(rest[0])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
