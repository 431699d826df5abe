#!/usr/bin/env python3
"""Linear time on long strings: each reader and writer gets one long string of size x and then
2x, and must take less than 3 times as long on the second (a quadratic scan takes 4 times).
Kept out of the unit tests, whose timing it would dominate; run by `make bench` and by CI
(SITREP_LINEAR=1 tests/run-all.sh).

usage: lineartime.py SITREP        Ends with "N passed, N failed".
The time of a run on 1 KB (start-up: loading lexicons) is taken off every figure, and the
size x starts at 1 MB and doubles until the rest takes 0.1 s of processor time; each time is the best of LINEAR_REPEAT runs
(default 3; the machine's noise only adds).
"""
import json, os, resource, subprocess, sys, tempfile

BEST = int(os.environ.get("LINEAR_REPEAT", "3"))
MIN_SECONDS = 0.1
MAX_BYTES = 16 << 20
LIMIT = 3.0

# Pieces of long strings, each stressing a scan: escapes far from any quote (the JSON
# reader's old rescan), quotes and commas (CSV quoting), tabs and backslashes (TSV), non-ASCII
# (UTF-8 cuts), sentences (extract), one line without a break (line readers).
PROSE = ("Gunmen attacked a police post near the market on Tuesday, killing two officers, "
         "a local official said.\n\n")
ESCAPES = "line one\nline two\ttab \\ back\n"
QUOTES = 'He said "no, never" and "later", twice. '
WIDE = "Situation r\u00e9sum\u00e9: \u0642\u062a\u0627\u0644 \u6218\u6597 "


def text_of(piece, size):
    return (piece * (size // len(piece.encode()) + 1))[:size]


def record(kind, text):
    return json.dumps({"type": kind, "doc_id": "long", "text": text, "n_chars": len(text)},
                      ensure_ascii=False) + "\n"


def feed(text):
    return json.dumps({"id": "long", "published": "2021-08-08", "text": text},
                      ensure_ascii=False) + "\n"


# name, file suffix, maker(size) -> file content, command(path, outdir) -> argv
CASES = [
    ("export csv: escapes far from quotes", "jsonl", lambda n: record("document", text_of(ESCAPES, n)),
     lambda s, f, o: [s, "export", "--table", "documents", f]),
    ("export csv: quotes and commas", "jsonl", lambda n: record("document", text_of(QUOTES, n)),
     lambda s, f, o: [s, "export", "--table", "documents", f]),
    ("export tsv: tabs and backslashes", "jsonl", lambda n: record("document", text_of(ESCAPES, n)),
     lambda s, f, o: [s, "export", "--format", "tsv", "--table", "documents", f]),
    ("export jsonl: one long line", "jsonl", lambda n: record("document", text_of(WIDE, n)),
     lambda s, f, o: [s, "export", "--format", "jsonl", "--table", "documents", f]),
    ("export xlsx: long cell cut", "jsonl", lambda n: record("document", text_of(WIDE, n)),
     lambda s, f, o: [s, "export", "--format", "xlsx", "--table", "documents",
                      "--output", os.path.join(o, "t.xlsx"), f]),
    ("export unknown type (json tree)", "jsonl", lambda n: record("note", text_of(QUOTES, n)),
     lambda s, f, o: [s, "export", "--table", "notes", f]),
    ("parse feed: long body", "jsonl", lambda n: feed(text_of(PROSE, n)),
     lambda s, f, o: [s, "parse", "-q", f]),
    ("parse text: one line, no break", "txt", lambda n: text_of(QUOTES, n),
     lambda s, f, o: [s, "parse", "-q", "--date", "2021-08-08", f]),
    ("extract: long document", "jsonl",
     lambda n: record("document", text_of(PROSE, n)).replace('"n_chars"', '"published":"2021-08-08","n_chars"'),
     lambda s, f, o: [s, "extract", "-q", f]),
    ("run: long article", "jsonl", lambda n: feed(text_of(PROSE, n)),
     lambda s, f, o: [s, "run", "-q", "--outdir", os.path.join(o, "out"), f]),
]


def cpu_seconds():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def best_time(argv):
    """Processor time (user and system, all threads) rather than wall time: on a machine
    shared with other work it varies far less, and a quadratic scan shows in it all the same."""
    best = None
    for _ in range(BEST):
        t0 = cpu_seconds()
        p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        secs = cpu_seconds() - t0
        if p.returncode not in (0, 1):
            raise RuntimeError("%s: exit %d: %s" % (" ".join(argv[:3]), p.returncode,
                                                      p.stderr.decode(errors="replace")[-300:]))
        best = secs if best is None else min(best, secs)
    return best


def measure(sitrep, tmp, suffix, make, command):
    """(x in bytes, seconds at x, seconds at 2x), start-up (a run on 1 KB) taken off."""
    def at(size):
        path = os.path.join(tmp, "in-%d.%s" % (size, suffix))
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(make(size))
        try:
            return best_time(command(sitrep, path, tmp))
        finally:
            os.remove(path)
    base = at(1024)
    size = 1 << 20
    t1 = at(size) - base
    while t1 < MIN_SECONDS and 2 * size * 2 <= MAX_BYTES:
        size *= 2
        t1 = at(size) - base
    return size, max(t1, 1e-3), at(2 * size) - base


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sitrep = os.path.abspath(sys.argv[1])
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="sitrep-linear-") as tmp:
        for name, suffix, make, command in CASES:
            try:
                size, t1, t2 = measure(sitrep, tmp, suffix, make, command)
            except RuntimeError as e:
                print("FAIL %s: %s" % (name, e))
                failed += 1
                continue
            ratio = t2 / t1
            verdict = "ok  " if ratio < LIMIT else "FAIL"
            print("%s %-36s %5.1f MB %6.3f s, %5.1f MB %6.3f s: x%.2f (limit %.0f)"
                  % (verdict, name, size / 1e6, t1, 2 * size / 1e6, t2, ratio, LIMIT), flush=True)
            if ratio < LIMIT:
                passed += 1
            else:
                failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
