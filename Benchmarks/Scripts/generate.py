#!/usr/bin/env python3
"""Writes the benchmark corpora, deterministically, from the bundled fixtures.

    generate.py FIXTURES OUT [--events N] [--big BYTES] [--small BYTES] [--huge BYTES] [--depth D] [--seed S]

OUT/events/      N events, round-robin over every fixture (so every triggerSource), each varied
                 (user, pool, client, region, attributes) and padded to 1-3 KB; mostly 2-space
                 indents, some minified, some 4-space, some with \\u escapes.
OUT/problems/    N events made the same way, each then given 1-5 problems of the kinds captured
                 events have: wrong types (a number or "true" where a string or boolean goes), a
                 required field removed, a null, a trigger source Cognito does not send, an attribute
                 that is not a string, an unknown response key, a repeated list value, a version
                 that does not match (drawn from their own seeded generator).
OUT/big.json     one pre token generation V2 event of at least BYTES bytes: large
                 request.userAttributes and request.clientMetadata, and large V2 claims.
OUT/small.json   the same shape at SMALL bytes.
OUT/deep.json    a document nested D levels deep, repeated so it has some size.
OUT/huge-value.json  a pre token generation V2 event (2-space indents) whose one string value,
                 request.clientMetadata.payload, is HUGE bytes of words (some not ASCII).
OUT/manifest.txt what was written, with sizes: the run script reads it.

The same arguments always give the same bytes (random.Random(seed), no clock, no hash order).
"""
import argparse
import json
import os
import random
import shutil
import string
import sys

FIRST_NAMES = ["Zoë", "José", "Chloé", "Taro", "Amara", "Liam", "Noor", "Mateo", "Ingrid", "Wei",
               "Sofía", "Oluwaseun", "Björn", "Aiko", "Priya", "Dmitri", "Fatima", "Kai", "Élodie", "Jonas"]
LAST_NAMES = ["Þórsdóttir", "Álvarez", "Lefèvre", "Yamada", "Okafor", "Murphy", "Haddad", "García",
              "Solberg", "Zhang", "Núñez", "Adeyemi", "Lindqvist", "Sato", "Sharma", "Ivanov", "Rahman",
              "Kealoha", "Dubois", "Schmidt"]
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett",
         "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
         "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "tenant", "seat", "plan", "region"]
REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "eu-north-1",
           "ap-northeast-1", "ap-southeast-2", "sa-east-1", "ca-central-1"]


def uuid4(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4], h[17:20], h[20:32])


def token(rng, n, alphabet=string.ascii_lowercase + string.digits):
    return "".join(rng.choice(alphabet) for _ in range(n))


def phrase(rng, low, high):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def fixture_events(fixtures):
    found = []
    for folder, dirs, files in os.walk(fixtures):
        dirs[:] = sorted(d for d in dirs if d != "invalid")
        for name in sorted(files):
            if name.endswith(".json"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    found.append((os.path.relpath(path, fixtures), json.load(f)))
    found.sort(key=lambda item: item[0])
    return found


def vary(event, rng, n):
    """A copy of a fixture event with other people, pools and values; same shape and validity."""
    e = json.loads(json.dumps(event))
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    email = "%s.%s.%d@example.%s" % (first.lower(), last.lower(), n, rng.choice(["com", "org"]))
    user_id = uuid4(rng)
    old_user = e.get("userName")
    region = rng.choice(REGIONS)
    if "region" in e:
        e["region"] = region
    if "userPoolId" in e:
        e["userPoolId"] = region + "_" + token(rng, 9, string.ascii_letters + string.digits)
    if isinstance(old_user, str):
        e["userName"] = user_id if len(old_user) == 36 and old_user.count("-") == 4 else "user%05d" % n
    caller = e.get("callerContext")
    if isinstance(caller, dict) and "clientId" in caller:
        caller["clientId"] = token(rng, 26)
    request = e.get("request") if isinstance(e.get("request"), dict) else {}
    attributes = request.get("userAttributes")
    if isinstance(attributes, dict):
        for key in list(attributes):
            if key == "sub":
                attributes[key] = user_id
            elif key in ("email", "cognito:email_alias") and attributes[key]:
                attributes[key] = email
            elif key == "name":
                attributes[key] = first + " " + last
            elif key == "given_name":
                attributes[key] = first
            elif key == "family_name":
                attributes[key] = last
    metadata = request.get("clientMetadata")
    if isinstance(metadata, dict):
        metadata["requestId"] = uuid4(rng)
    return e


def pad(e, rng, target, dump):
    """Adds custom attributes (or client metadata) until the text is at least `target` bytes."""
    request = e.get("request") if isinstance(e.get("request"), dict) else None
    if request is None:
        return
    bag = request.get("userAttributes")
    prefix = "custom:"
    if not isinstance(bag, dict):
        bag = request.get("clientMetadata")
        prefix = ""
        if not isinstance(bag, dict):
            return
    k = 0
    while len(dump(e)) < target:
        bag["%s%s_%d" % (prefix, rng.choice(WORDS), k)] = phrase(rng, 1, 6)
        k += 1


def dumper(style):
    if style == "min":
        return lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    if style == "indent4":
        return lambda v: json.dumps(v, ensure_ascii=False, indent=4).encode() + b"\n"
    if style == "ascii":
        return lambda v: json.dumps(v, ensure_ascii=True, indent=2).encode() + b"\n"
    return lambda v: json.dumps(v, ensure_ascii=False, indent=2).encode() + b"\n"


COMMON_STRINGS = ["region", "userPoolId", "userName", "version"]


def break_event(e, rng):
    """Gives the event one problem, drawn from the kinds found in captured events; the shape of
    the rest is kept."""
    request = e.get("request") if isinstance(e.get("request"), dict) else None
    response = e.get("response") if isinstance(e.get("response"), dict) else None
    caller = e.get("callerContext") if isinstance(e.get("callerContext"), dict) else None
    kind = rng.choice(["wrong-type", "wrong-type", "missing", "missing", "null", "source", "attribute",
                       "attribute", "response-key", "response-type", "repeat", "version", "caller"])
    if kind == "wrong-type":
        key = rng.choice(COMMON_STRINGS)
        e[key] = rng.choice([rng.randint(0, 10**6), True, ["x"], {"value": "x"}])
    elif kind == "missing":
        key = rng.choice(["region", "userPoolId", "callerContext", "request"])
        e.pop(key, None)
    elif kind == "null":
        key = rng.choice(["region", "userPoolId", "callerContext"])
        e[key] = None
    elif kind == "source":
        source = e.get("triggerSource")
        if isinstance(source, str) and "_" in source:
            e["triggerSource"] = source.split("_")[0] + "_" + rng.choice(["Unknown", "SignUpV2", "Legacy", "Test"])
    elif kind == "attribute" and request is not None and isinstance(request.get("userAttributes"), dict):
        attributes = request["userAttributes"]
        name = rng.choice(["email_verified", "custom:%s_%d" % (rng.choice(WORDS), rng.randint(0, 99)), "phone_number"])
        attributes[name] = rng.choice([True, False, rng.randint(0, 9999), None, ["a", "b"], {"nested": 1}])
    elif kind == "response-key" and response is not None:
        response[rng.choice(["claimsOverride", "autoConfirm", "challengeMetadataX", "smsMesage", "issue_tokens"])] = rng.choice(["x", True, 1])
    elif kind == "response-type" and response is not None and response:
        key = rng.choice(sorted(response))
        response[key] = rng.choice(["true", 12, ["a"], {"x": "y"}])
    elif kind == "repeat" and request is not None:
        metadata = request.get("clientMetadata")
        if isinstance(metadata, dict):
            metadata["retries"] = rng.choice([3, False, None, ["x"]])
        else:
            request["clientMetadata"] = rng.choice(["text", 7, ["x"]])
    elif kind == "version":
        e["version"] = rng.choice(["0", "4", "v2", "1.0"])
    elif caller is not None:
        if "awsSdkVersion" in caller:
            caller["awsSdk"] = caller.pop("awsSdkVersion")
        caller["clientId"] = rng.choice([None, 42, True])
    else:
        e["callerContext"] = rng.choice(["", 0, []])




def write_events(fixtures, out, count, rng, folder_name="events", problems=False):
    """`count` events varied from the fixtures, padded to 1-3 KB in a mix of styles; with `problems`,
    each then gets 1-5 problems (`break_event`)."""
    folder = os.path.join(out, folder_name)
    os.makedirs(folder)
    total = 0
    for n in range(count):
        rel, base = fixtures[n % len(fixtures)]
        e = vary(base, rng, n)
        roll = rng.random()
        style = "min" if roll < 0.10 else "indent4" if roll < 0.15 else "ascii" if roll < 0.20 else "indent2"
        dump = dumper(style)
        pad(e, rng, rng.randint(1000, 2900), dump)
        if problems:
            for _ in range(rng.randint(1, 5)):
                break_event(e, rng)
        text = dump(e)
        source = e.get("triggerSource", "event")
        with open(os.path.join(folder, "%05d-%s.json" % (n, source)), "wb") as f:
            f.write(text)
        total += len(text)
    return folder, total


def big_event(base, rng, target):
    """A pre token generation V2 event of about `target` bytes (2-space indents)."""
    e = vary(base, rng, 0)
    request = e["request"]
    details = e["response"]["claimsAndScopeOverrideDetails"]
    id_claims = details["idTokenGeneration"]["claimsToAddOrOverride"]
    access = details["accessTokenGeneration"]
    # Shares of the size: attributes 40%, metadata 30%, ID claims 15%, access claims and scopes 15%.
    shares = [(request["userAttributes"], 0.40, "custom:attr_%07d", "attr"),
              (request["clientMetadata"], 0.30, "meta_%07d", "meta"),
              (id_claims, 0.15, "claim_%07d", "claim"),
              (access["claimsToAddOrOverride"], 0.10, "access_%07d", "claim")]
    # Measure one entry of each kind roughly: ~ key + value + indentation + punctuation.
    for bag, share, key, kind in shares:
        budget = int(target * share)
        used = 0
        k = 0
        while used < budget:
            name = key % k
            if kind == "claim" and k % 5 == 1:
                value = [rng.choice(WORDS) + ":" + rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
                used += len(name) + 20 + sum(len(v) + 12 for v in value)
            elif kind == "claim" and k % 5 == 3:
                value = rng.randint(0, 10**6)
                used += len(name) + 18
            else:
                value = phrase(rng, 1, 6)
                used += len(name) + len(value) + 14
            bag[name] = value
            k += 1
    scopes = access["scopesToAdd"]
    budget = int(target * 0.05)
    used = 0
    k = 0
    while used < budget:
        scope = "reports-api/%s.%d" % (rng.choice(WORDS), k)
        scopes.append(scope)
        used += len(scope) + 12
        k += 1
    dump = dumper("indent2")
    text = dump(e)
    # Top up with attributes until the target is reached (the estimate is close, not exact).
    k = 0
    attributes = request["userAttributes"]
    while len(text) < target:
        missing = target - len(text)
        step = max(1, missing // 60)
        for _ in range(step):
            attributes["custom:fill_%07d" % k] = phrase(rng, 1, 6)
            k += 1
        text = dump(e)
    return text


def sized_event(base, seed, target):
    """`big_event` at `target` bytes: a first try measures how far the size estimate is off."""
    first = big_event(base, random.Random(seed), target)
    if len(first) <= target * 1.01:
        return first
    return big_event(base, random.Random(seed), int(target * target / len(first)))


def huge_value_event(base, rng, size):
    """An event whose request.clientMetadata.payload is one string of about `size` bytes."""
    e = vary(base, rng, 0)
    words = WORDS + [n.lower() for n in FIRST_NAMES + LAST_NAMES]
    # A block of about 1 MB, repeated: the same bytes every time, quickly.
    block = []
    used = 0
    while used < min(size, 1 << 20):
        word = rng.choice(words)
        block.append(word)
        used += len(word.encode()) + 1
    block = " ".join(block) + " "
    piece = block.encode()
    text = (block * (size // len(piece) + 1)).encode()[:size].decode("utf-8", "ignore")
    e["request"]["clientMetadata"] = {"payload": text}
    return dumper("indent2")(e)


def deep_document(depth, copies):
    """`copies` chains of objects and arrays nested `depth` levels deep, each level with a few members."""
    chain = []
    for level in range(depth):
        if level % 2 == 0:
            chain.append('{"level":%d,"name":"n%d","ok":true,"child":' % (level, level))
        else:
            chain.append('[%d,"s%d",null,' % (level, level))
    inner = '"leaf"'
    closers = "".join("}" if level % 2 == 0 else "]" for level in reversed(range(depth)))
    one = "".join(chain) + inner + closers
    # The array around the copies adds one level.
    return ("[\n" + ",\n".join([one] * copies) + "\n]\n").encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fixtures")
    parser.add_argument("out")
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--big", type=int, default=50 * 1024 * 1024)
    parser.add_argument("--small", type=int, default=50 * 1024)
    parser.add_argument("--huge", type=int, default=100 * 1000 * 1000)
    parser.add_argument("--depth", type=int, default=500)
    parser.add_argument("--deep-copies", type=int, default=400)
    parser.add_argument("--seed", type=int, default=20240611)
    args = parser.parse_args()

    fixtures = fixture_events(args.fixtures)
    if not fixtures:
        sys.exit("generate.py: no fixtures under %s" % args.fixtures)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    rng = random.Random(args.seed)

    folder, total = write_events(fixtures, args.out, args.events, rng)
    base = dict(fixtures)["pre-token-generation-v2/TokenGeneration_Authentication.json"]
    big = sized_event(base, args.seed + 1, args.big)
    small = sized_event(base, args.seed + 2, args.small)
    deep = deep_document(args.depth, args.deep_copies)
    # Its own generator, so the corpora above keep their bytes.
    _, problem_total = write_events(fixtures, args.out, args.events, random.Random(args.seed + 3), "problems", problems=True)
    huge = huge_value_event(base, random.Random(args.seed + 4), args.huge)
    for name, data in (("big.json", big), ("small.json", small), ("deep.json", deep), ("huge-value.json", huge)):
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
    with open(os.path.join(args.out, "manifest.txt"), "w") as f:
        f.write("events %d %d\n" % (args.events, total))
        f.write("problems %d %d\n" % (args.events, problem_total))
        f.write("big %d\nsmall %d\ndeep %d %d\n" % (len(big), len(small), len(deep), args.depth))
        f.write("huge %d %d\n" % (len(huge), args.huge))
    print("generated %d events (%.1f MB), big %.1f MB, small %.1f KB, deep %.1f KB (depth %d) in %s"
          % (args.events, total / 1e6, len(big) / 1e6, len(small) / 1e3, len(deep) / 1e3, args.depth + 1, args.out))


if __name__ == "__main__":
    main()
