#!/usr/bin/env python3
"""Runs every benchmark case side by side and prints one table (Markdown).

Called by Benchmarks/run, which builds the tools, prepares the peers and the corpora first:

    measure.py --corpus DIR --explorer BIN --bench-parse BIN --read-floor BIN --scripts DIR
               [--venv-python PY] [--runs N] [--smoke] [--log LOG] [--only TEXT]

Each case runs each of its tools RUNS times, in rounds (tool A, tool B, ..., then again), so noise
on this shared machine hits every tool alike. A sample is either the wall time of the process
(fork to exit, measured here) or a time the process prints about its own work (parse passes,
per-key times). Peak memory is the process's maximum resident set size from wait4(2), which
includes the children it waited for (a shell pipeline's find, xargs and cat).

Ratios compare medians measured in this run: "peer/ours" above 1 means we are that many times
faster. With --smoke the corpora are tiny, each tool runs once, and no target is judged.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time


class Sample:
    def __init__(self, ms, rss_kb):
        self.ms = ms
        self.rss_kb = rss_kb


def run_process(argv, stdout_path=os.devnull, env=None):
    """Runs argv; returns (wall ms, max RSS KB, exit status, stdout text, stderr text)."""
    out = open(stdout_path, "w+b") if stdout_path != os.devnull else None
    err_path = "/tmp/cte-bench-stderr-%d" % os.getpid()
    err = open(err_path, "w+b")
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            os.dup2(out.fileno() if out else os.open(os.devnull, os.O_WRONLY), 1)
            os.dup2(err.fileno(), 2)
            os.execvpe(argv[0], argv, env or os.environ)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - start) * 1000
    code = os.waitstatus_to_exitcode(status)
    text = ""
    if out:
        out.seek(0)
        text = out.read().decode(errors="replace")
        out.close()
    err.seek(0)
    errors = err.read().decode(errors="replace")
    err.close()
    os.unlink(err_path)
    return wall, usage.ru_maxrss, code, text, errors


class Tool:
    """One contender in a case: how to run it once, and how to read its sample."""

    def __init__(self, name, argv, kind="wall", ok_codes=(0,), per=1, note="", prepare=None):
        self.name = name
        self.argv = argv          # a list, or a function of the run index giving a list
        self.kind = kind          # "wall", "passes" (prints "pass MS"), "per-key" or "last-key" (render --timing)
        self.ok_codes = ok_codes
        self.per = per            # divide sample times by this (documents per pass)
        self.note = note
        self.prepare = prepare    # called with the run index before each run (not timed)
        self.samples = []
        self.failure = None

    def run(self, index):
        if self.failure:
            return
        if self.prepare:
            self.prepare(index)
        argv = self.argv(index) if callable(self.argv) else self.argv
        wall, rss, code, out, err = run_process(argv, stdout_path="/tmp/cte-bench-stdout-%d" % os.getpid())
        if code not in self.ok_codes:
            self.failure = "exit %d: %s" % (code, (err.strip() or out.strip()).splitlines()[-1:] or "")
            return
        if self.kind == "wall":
            self.samples.append(Sample(wall / self.per, rss))
        elif self.kind == "passes":
            for ms in re.findall(r"^pass ([0-9.]+)$", out, re.M):
                self.samples.append(Sample(float(ms) / self.per, rss))
        elif self.kind == "per-key":
            found = re.search(r"keys: \d+ in [0-9.]+ ms, ([0-9.]+) ms per key", err)
            if not found:
                self.failure = "no key timing in the output"
                return
            self.samples.append(Sample(float(found.group(1)), rss))
        elif self.kind == "last-key":
            found = re.search(r"last key: ([0-9.]+) ms", err)
            if not found:
                self.failure = "no last-key timing in the output"
                return
            self.samples.append(Sample(float(found.group(1)), rss))

    def median(self):
        return statistics.median(s.ms for s in self.samples) if self.samples else None

    def spread(self):
        if not self.samples:
            return ""
        values = [s.ms for s in self.samples]
        return "%s–%s" % (fmt_ms(min(values)), fmt_ms(max(values)))

    def peak_kb(self):
        return max(s.rss_kb for s in self.samples) if self.samples else None


class Case:
    def __init__(self, title, tools, runs, target=None, note=""):
        self.title = title
        self.tools = tools        # the first tool is ours
        self.runs = runs
        self.target = target      # function(case) -> (met: bool, text), or None
        self.note = note

    def run(self):
        for index in range(self.runs):
            for tool in self.tools:
                tool.run(index)

    def tool(self, name):
        return next(t for t in self.tools if t.name == name)


def fmt_ms(ms):
    if ms is None:
        return "—"
    if ms >= 100:
        return "%.0f" % ms
    if ms >= 10:
        return "%.1f" % ms
    if ms >= 1:
        return "%.2f" % ms
    return "%.3f" % ms


def fmt_mb(kb):
    return "—" if kb is None else "%.0f MB" % (kb / 1024)


def ratio(peer, ours):
    a, b = peer.median(), ours.median()
    if a is None or b is None or b == 0:
        return None
    return a / b


def judge(met, text):
    return ("met: " if met else "MISSED: ") + text


def instructions_per_event(explorer, folders, work):
    """Instructions `check` executes per event, counted by callgrind (exact, so a change can be
    judged on a noisy machine): the count on a sample of files less the count on a tenth of it,
    over the difference in files, so the process's start and end (loading, argument parsing) are
    left out. Returns rows (name, files, per event, total of the big sample) or a reason it could not."""
    if shutil.which("valgrind") is None:
        return "valgrind is not installed"
    os.makedirs(work, exist_ok=True)
    # Valgrind 3.19 cannot read the DWARF 5 that Swift writes; the symbols are enough.
    binary = os.path.join(work, "cognito-explorer-nodebug")
    if subprocess.run(["objcopy", "--strip-debug", explorer, binary]).returncode != 0:
        return "objcopy could not strip the debug information"
    rows = []
    for name, folder in folders:
        files = sorted(f for f in os.listdir(folder) if f.endswith(".json"))
        big = min(1000, len(files))
        small = max(1, big // 10)
        counts = []
        for n in (big, small):
            sample = os.path.join(work, "sample-%s-%d" % (os.path.basename(folder), n))
            shutil.rmtree(sample, ignore_errors=True)
            os.makedirs(sample)
            for f in files[:n]:
                try:
                    os.link(os.path.join(folder, f), os.path.join(sample, f))
                except OSError:
                    shutil.copyfile(os.path.join(folder, f), os.path.join(sample, f))
            done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary, "check", "--quiet", sample],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            found = re.search(r"Collected : (\d+)", done.stderr)
            if not found:
                return "callgrind gave no count: " + done.stderr.strip()[-200:]
            counts.append(int(found.group(1)))
        rows.append((name, big, small, (counts[0] - counts[1]) / (big - small), counts[0], counts[1]))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--explorer", required=True)
    parser.add_argument("--bench-parse", required=True)
    parser.add_argument("--read-floor", required=True, help="Floor/read-floor.c built: read-floor read|list DIR")
    parser.add_argument("--scripts", required=True)
    parser.add_argument("--venv-python", default=None, help="Python with aws-lambda-powertools; without it that peer is skipped")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--log", default=None, help="a big log made by generate_log.py, for the import case")
    parser.add_argument("--only", default=None, help="run only the cases whose title contains this text (e.g. import)")
    args = parser.parse_args()

    corpus = os.path.abspath(args.corpus)
    events = os.path.join(corpus, "events")
    problem_events = os.path.join(corpus, "problems")
    big = os.path.join(corpus, "big.json")
    small = os.path.join(corpus, "small.json")
    deep = os.path.join(corpus, "deep.json")
    explorer, bench = os.path.abspath(args.explorer), os.path.abspath(args.bench_parse)
    peers = os.path.join(os.path.abspath(args.scripts), "python_peers.py")
    python = sys.executable
    manifest = dict(line.split(None, 1) for line in open(os.path.join(corpus, "manifest.txt")))
    event_count, event_bytes = map(int, manifest["events"].split())
    problem_count, problem_bytes = map(int, manifest["problems"].split())
    floor = os.path.abspath(args.read_floor)
    floor_name = "read floor (C: list, open, read, close)"
    floor_tools = lambda folder: [Tool(floor_name, [floor, "read", folder]),
                                  Tool("list only (C: opendir, readdir)", [floor, "list", folder])]
    big_bytes, small_bytes = int(manifest["big"]), int(manifest["small"])
    deep_bytes, deep_depth = map(int, manifest["deep"].split())
    runs = 1 if args.smoke else args.runs
    have_jq = shutil.which("jq") is not None
    small_copies = 20 if args.smoke else 200

    def parse_tools(paths, per=1, decoder=True):
        tools = [Tool("JSONDocument", [bench, "jsondocument", "1"] + paths, "passes", per=per),
                 Tool("JSONSerialization", [bench, "jsonserialization", "1"] + paths, "passes", per=per)]
        if decoder:
            tools.append(Tool("JSONDecoder (into a JSON enum)", [bench, "jsondecoder", "1"] + paths, "passes", per=per))
        tools.append(Tool("Python json.loads", [python, peers, "parse", "1"] + paths, "passes", per=per))
        return tools

    def parse_target(case):
        r = ratio(case.tool("JSONSerialization"), case.tools[0])
        return judge(r is not None and r >= 1, "%.1f× JSONSerialization's speed (target ≥ 1×)" % (r or 0))

    cases = []
    mb = lambda n: "%.1f MB" % (n / 1e6)
    cases.append(Case("parse %d events (%s), all in memory, per pass" % (event_count, mb(event_bytes)),
                      parse_tools([events]), runs, parse_target))
    cases.append(Case("parse the %s event" % mb(big_bytes), parse_tools([big]), runs, parse_target))
    cases.append(Case("parse the %.0f KB event (per document, %d in a pass)" % (small_bytes / 1e3, small_copies),
                      parse_tools([small] * small_copies, per=small_copies), runs, parse_target))
    cases.append(Case("parse a document nested %d deep (%s)" % (deep_depth + 1, mb(deep_bytes)),
                      parse_tools([deep], decoder=False), runs, parse_target,
                      note="JSONDecoder is left out here: decoding a generic enum with try? tries each type in turn, and at this depth it ran for over 10 minutes."))

    # check of the folder, against the peers doing the same reads over the same files.
    check_tools = [Tool("cognito-explorer check", [explorer, "check", events])]
    if args.venv_python:
        check_tools.append(Tool("Powertools (Python) data classes", [args.venv_python, peers, "powertools", events]))
    check_tools.append(Tool("Python json.loads per file", [python, peers, "json", events]))
    finder = 'find "$1" -name "*.json" -print0 | sort -z | xargs -0 '
    if have_jq:
        check_tools.append(Tool("jq empty", ["sh", "-c", finder + "jq empty", "sh", events]))
    check_tools.append(Tool("cat (the floor)", ["sh", "-c", finder + "cat > /dev/null", "sh", events]))
    check_tools += floor_tools(events)

    def check_target(case):
        ours = case.tools[0]
        parts, met = [], True
        if args.venv_python:
            r = ratio(case.tool("Powertools (Python) data classes"), ours)
            met &= r is not None and r >= 20
            parts.append("%.1f× faster than Powertools (≥ 20×)" % (r or 0))
        if have_jq:
            r = ratio(case.tool("jq empty"), ours)
            met &= r is not None and r > 1
            parts.append("%.2f× jq's speed (> 1×)" % (r or 0))
        r = ratio(ours, case.tool("cat (the floor)"))
        met &= r is not None and r <= 4
        parts.append("%.1f× cat's time (≤ 4×)" % (r or 0))
        r = ratio(ours, case.tool(floor_name))
        met &= r is not None and r <= 1.5
        parts.append("%.2f× the read floor's time (≤ 1.5×)" % (r or 0))
        return judge(met, "; ".join(parts))

    cases.append(Case("check the %d-event folder (process wall time)" % event_count, check_tools, runs, check_target))

    # The same check on events that each have problems (status 1 is the expected outcome), against
    # the check of the valid folder.
    def problems_target(case):
        r = ratio(case.tools[0], case.tool("cognito-explorer check, the valid folder"))
        f = ratio(case.tools[0], case.tool(floor_name))
        return judge(r is not None and r <= 2, "%.2f× the valid folder's time (≤ 2×); %.2f× the read floor's" % (r or 0, f or 0))

    cases.append(Case("check %d events with 1-5 problems each (process wall time)" % problem_count,
                      [Tool("cognito-explorer check", [explorer, "check", problem_events], ok_codes=(1,)),
                       Tool("cognito-explorer check, the valid folder", [explorer, "check", events])] + floor_tools(problem_events),
                      runs, problems_target))

    # The explorer, headless.
    def under(limit, label):
        def target(case):
            m = case.tools[0].median()
            return judge(m is not None and m < limit, "%s ms %s (< %d ms)" % (fmt_ms(m), label, limit))
        return target

    # The read floor runs beside the explorer too, for the ratios of the same round.
    def under_and_floor(limit, label, floor_limit=None):
        def target(case):
            m = case.tools[0].median()
            r = ratio(case.tools[0], case.tool(floor_name))
            met = m is not None and m < limit and (floor_limit is None or (r is not None and r <= floor_limit))
            bound = " (≤ %g×)" % floor_limit if floor_limit else ""
            return judge(met, "%s ms %s (< %d ms); %.2f× the read floor's time%s" % (fmt_ms(m), label, limit, r or 0, bound))
        return target

    cases.append(Case("explorer on the folder: first frame (render --until first-frame, wall time)",
                      [Tool("cognito-explorer render", [explorer, "render", "--until", "first-frame", events])] + floor_tools(events)[:1],
                      runs, under_and_floor(150, "to the first frame")))
    cases.append(Case("explorer on the folder: all %d events indexed (render, wall time)" % event_count,
                      [Tool("cognito-explorer render", [explorer, "render", events])] + floor_tools(events)[:1],
                      runs, under_and_floor(1000, "to index every event", 2)))

    navigation = "Tab " + " ".join(["j"] * 12 + ["k"] * 6 + ["Tab"] + ["j"] * 8 + ["k"] * 4 + ["BTab"])
    # In the response editor: flip a boolean claim, undo it, redo it (each one edits the document).
    editing = "Tab Tab j j j j j " + " ".join(["Space", "u", "C-r", "u"] * 3)

    key_tools = lambda keys: [Tool("the %s event" % mb(big_bytes), [explorer, "render", "--timing", "--keys", keys, big], "per-key"),
                              Tool("the %.0f KB event" % (small_bytes / 1e3), [explorer, "render", "--timing", "--keys", keys, small], "per-key")]

    def keystroke_target(case):
        a, b = case.tools[0].median(), case.tools[1].median()
        if a is None or b is None:
            return judge(False, "no sample")
        return judge(a < 5 and a <= 1.5 * b, "%s ms per key on the big event (< 5 ms), %.2f× the small event's (≤ 1.5×)" % (fmt_ms(a), a / b))

    cases.append(Case("explorer: one keystroke, moving through the trees (render --timing, per key with its frame)",
                      key_tools(navigation), runs, keystroke_target,
                      note="keys: " + navigation))
    cases.append(Case("explorer: one keystroke that edits (flip a boolean claim, undo, redo)",
                      key_tools(editing), runs, keystroke_target, note="keys: " + editing))

    # One huge value: an event whose one string is 100 MB. Each tool times the last key of its
    # script (with its frame); the keys before it find the value (a search) and are not timed.
    huge = os.path.join(corpus, "huge-value.json")
    if os.path.exists(huge) and "huge" in manifest:
        huge_bytes, huge_value = map(int, manifest["huge"].split())
        find = "Tab / 'payload' Enter"
        last_key = lambda name, keys, path=huge: Tool(name, [explorer, "render", "--timing", "--size", "120x35", "--keys", keys, path], "last-key")
        huge_tools = [last_key("v on the value (viewer opens)", find + " v"),
                      last_key("G in the viewer (the value's last line)", find + " v G"),
                      last_key("a plain key (k) beside the value", find + " k"),
                      last_key("J: the raw view opens at the value", find + " J"),
                      last_key("G in the raw view", find + " J G"),
                      last_key("peer: a plain key (j) in the %.0f KB event" % (small_bytes / 1e3), "Tab j j", small)]

        def huge_target(case):
            slow = [(t.name, t.median()) for t in case.tools[:-1] if t.median() is None or t.median() >= 50]
            worst = max((t.median() or 0) for t in case.tools[:-1])
            return judge(not slow, "every key under 50 ms (slowest %s ms)" % fmt_ms(worst))

        cases.append(Case("explorer: one huge value, a %s string in a %s event (render --timing, the last key with its frame)"
                          % (mb(huge_value), mb(huge_bytes)), huge_tools, runs, huge_target,
                          note="keys before the timed one: " + find))

    # set one response field in the big event and save; cat of the same file as the floor.
    work = os.path.join(corpus, "work")
    os.makedirs(work, exist_ok=True)
    edited = os.path.join(work, "big-edited.json")
    copy_target = os.path.join(work, "big-cat-copy.json")
    shutil.copyfile(big, edited)
    field = "response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride.mfa_enrolled"
    set_tools = [Tool("cognito-explorer set (saves with fsync)",
                      lambda i: [explorer, "set", edited, "%s=%s" % (field, "false" if i % 2 == 0 else "true")]),
                 Tool("cat FILE > /dev/null", ["sh", "-c", 'cat "$1" > /dev/null', "sh", big]),
                 # Synced like our save, so it leaves no dirty pages for the next save's fsync to write.
                 Tool("cat FILE > COPY; sync COPY", ["sh", "-c", 'cat "$1" > "$2" && sync "$2"', "sh", big, copy_target])]

    # A save reads the file and writes it durably, so the floor it is judged against is cat copying
    # the file and syncing the copy; the ratio to cat reading it alone is printed as well.
    def set_target(case):
        r = ratio(case.tools[0], case.tool("cat FILE > /dev/null"))
        r2 = ratio(case.tools[0], case.tool("cat FILE > COPY; sync COPY"))
        return judge(r2 is not None and r2 <= 1.5, "%.1f× a synced cat copy (≤ 1.5×); %.1f× cat FILE > /dev/null" % (r2 or 0, r or 0))

    cases.append(Case("set one response field in the %s event and save" % mb(big_bytes), set_tools, runs, set_target))

    # import of a big log: events among many other lines, against grep -c and a Python script that
    # json-parses each line. Each import writes into a fresh folder (removed before the run, untimed).
    if args.log:
        log_bytes = os.path.getsize(args.log)
        work_import = os.path.join(corpus, "work", "imported")

        def fresh(_index):
            shutil.rmtree(work_import, ignore_errors=True)

        import_tools = [Tool("cognito-explorer import --into (writes each distinct event)",
                             [explorer, "import", args.log, "--into", work_import], prepare=fresh),
                        Tool("cognito-explorer import --dry-run", [explorer, "import", args.log, "--into", work_import, "--dry-run"]),
                        Tool("grep -c triggerSource (the floor)", ["grep", "-c", "triggerSource", args.log]),
                        Tool("Python: json.loads of each line", [python, peers, "lines", args.log])]

        def import_target(case):
            m = case.tools[0].median()
            rate = log_bytes / 1e6 / (m / 1000) if m else 0
            return judge(rate >= 300, "%.0f MB/s (≥ 300 MB/s); %.0f MB/s without writing; peak %s for a %.0f MB log"
                         % (rate, log_bytes / 1e6 / ((case.tools[1].median() or 1e9) / 1000), fmt_mb(case.tools[0].peak_kb()), log_bytes / 1e6))

        cases.append(Case("import a %s log (%s)" % (mb(log_bytes), os.path.basename(args.log)), import_tools, runs, import_target))

    if args.only:
        cases = [case for case in cases if args.only in case.title]

    started = time.time()
    for case in cases:
        print("running: " + case.title, file=sys.stderr, flush=True)
        case.run()

    # Peak memory with the big event open: the explorer moving through it, and editing it.
    explorer_big = [case.tools[0] for case in cases if case.title.startswith("explorer: one keystroke")]
    peak = (explorer_big[0].peak_kb() or 0) if len(explorer_big) > 0 else 0
    edit_peak = (explorer_big[1].peak_kb() or 0) if len(explorer_big) > 1 else 0
    memory_ratio = peak * 1024 / big_bytes
    edit_ratio = edit_peak * 1024 / big_bytes

    lines = ["| case | tool | median ms | spread ms (min–max) | peak RSS | peer/ours | target |",
             "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
    for case in cases:
        ours = case.tools[0]
        verdict = "smoke run: not judged" if args.smoke else (case.target(case) if case.target else "")
        for position, tool in enumerate(case.tools):
            first = position == 0
            r = ratio(tool, ours) if not first and case.title[:9] != "explorer:" else None
            cells = [case.title if first else "", tool.name,
                     tool.failure and "failed" or fmt_ms(tool.median()), tool.spread(), fmt_mb(tool.peak_kb()),
                     ("%.2f×" % r) if r is not None else "", verdict if first else ""]
            if tool.failure:
                cells[3] = tool.failure.replace("|", "/")[:80]
            lines.append("| " + " | ".join(cells) + " |")
        if case.note:
            lines.append("| | *%s* | | | | | |" % case.note.replace("|", "/"))
    verdict = "smoke run: not judged" if args.smoke else judge(memory_ratio <= 2, "%.2f× the file size (≤ 2×)" % memory_ratio)
    if explorer_big:
        lines.append("| peak memory with the %s event open (the explorer runs above) | open, moving through the trees | | | %s | | %s |"
                 % (mb(big_bytes), fmt_mb(peak), verdict))
    if len(explorer_big) > 1:
        lines.append("| | after edits, undos and redos | | | %s | | %s |" % (
            fmt_mb(edit_peak), "smoke run: not judged" if args.smoke else judge(edit_ratio <= 2, "%.2f× the file size (≤ 2×)" % edit_ratio)))
    print("\n".join(lines))
    print("\n%d runs per tool; %s; measured in %.0f s." % (runs, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), time.time() - started))

    title = "instructions per event of check (callgrind)"
    if not args.only or args.only in title:
        print("running: " + title, file=sys.stderr, flush=True)
        counted = instructions_per_event(explorer, [("the valid events", events), ("the events with problems", problem_events)],
                                         os.path.join(corpus, "work"))
        print("\n| %s | files | instructions per event | instructions in all (the two samples) |" % title)
        print("| --- | ---: | ---: | ---: |")
        if isinstance(counted, str):
            print("| not counted: %s | | | |" % counted)
        else:
            for name, big, small, per, total_big, total_small in counted:
                print("| check --quiet, %s | %d less %d | %.0f | %d and %d |" % (name, big, small, per, total_big, total_small))
    missing = [t.name for c in cases for t in c.tools if t.failure]
    if missing:
        print("Failed: " + ", ".join(sorted(set(missing))), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
