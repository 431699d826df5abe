#!/usr/bin/env python3
"""Extraction expectations: run sitrep on each tests/extract/NAME.txt and check the events
against NAME.expect (JSON Lines written by hand; see tests/extract/README.md).

usage: extract-check.py SITREP [NAME...]

An expectation line matches an event with the same sub_event_type whose location (or admin1)
equals the expected location, ignoring case, accents, spaces, hyphens and words like
"province"; every other field given must then agree (actor1/actor2 as lower-case substrings,
numbers exactly). {"absent": true, ...} lines must match no event (by location name only:
an event inside the named province is not an event at the province). Cases listed in
tests/extract/KNOWN_FAILURES are run and reported as "xfail" without counting as passed.
Ends with "N passed, N failed".
"""
import json, os, re, subprocess, sys, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
cases_dir = os.path.join(here, "extract")


def norm(s):
    s = unicodedata.normalize("NFKD", str(s or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\b(city|district|province|governorate|state|region|oblast|town)\b", " ", s)
    return re.sub(r"[^a-z0-9]", "", s)


def events_of(sitrep, path):
    parse = subprocess.run([sitrep, "parse", path], capture_output=True, check=True)
    ext = subprocess.run([sitrep, "extract", "--types", "events", "--no-documents"],
                         input=parse.stdout, capture_output=True, check=True)
    return [json.loads(l) for l in ext.stdout.decode().splitlines() if l.strip()]


def place_ok(ev, want):
    w = norm(want)
    return w and (norm(ev.get("location")) == w or norm(ev.get("admin1")) == w)


def field_ok(ev, key, want):
    got = ev.get(key)
    if key in ("actor1", "actor2"):
        return got is not None and str(want).lower() in str(got).lower()
    if key == "location":
        return place_ok(ev, want)
    return got == want


def check_case(sitrep, name):
    evs = events_of(sitrep, os.path.join(cases_dir, name + ".txt"))
    problems = []
    for n, line in enumerate(open(os.path.join(cases_dir, name + ".expect"), encoding="utf-8"), 1):
        if not line.strip():
            continue
        exp = json.loads(line)
        if exp.get("absent"):
            bad = [e for e in evs if ("location" not in exp or norm(e.get("location")) == norm(exp["location"])) and
                   ("sub_event_type" not in exp or e.get("sub_event_type") == exp["sub_event_type"])]
            if bad:
                problems.append("line %d: expected no event %s, got %s at %s" % (
                    n, exp.get("note", ""), bad[0].get("sub_event_type"), bad[0].get("location")))
            continue
        cands = [e for e in evs if e.get("sub_event_type") == exp["sub_event_type"] and
                 place_ok(e, exp["location"])]
        if not cands:
            problems.append("line %d: no %s at %s (got: %s)" % (n, exp["sub_event_type"], exp["location"],
                            "; ".join("%s@%s" % (e.get("sub_event_type"), e.get("location")) for e in evs) or "nothing"))
            continue
        fields = [k for k in exp if k not in ("sub_event_type", "location", "note")]
        if not any(all(field_ok(e, k, exp[k]) for k in fields) for e in cands):
            e = cands[0]
            problems.append("line %d: %s at %s: %s" % (n, exp["sub_event_type"], exp["location"], ", ".join(
                "%s=%r want %r" % (k, e.get(k), exp[k]) for k in fields if not field_ok(e, k, exp[k]))))
    return problems


def main():
    sitrep = os.path.abspath(sys.argv[1])
    names = sys.argv[2:] or sorted(f[:-7] for f in os.listdir(cases_dir) if f.endswith(".expect"))
    known = set()
    kf = os.path.join(cases_dir, "KNOWN_FAILURES")
    if os.path.exists(kf):
        known = {l.split("#")[0].strip() for l in open(kf) if l.split("#")[0].strip()}
    passed = failed = xfail = 0
    for name in names:
        problems = check_case(sitrep, name)
        if name in known:
            xfail += 1
            print("xfail %s%s" % (name, "" if problems else " (now passes: remove it from KNOWN_FAILURES)"))
            for p in problems:
                print("      " + p)
        elif problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("     " + p)
        else:
            passed += 1
            print("ok   %s" % name)
    print("%d passed, %d failed%s" % (passed, failed, ", %d known failures" % xfail if xfail else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
