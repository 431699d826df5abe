#!/bin/sh
# Behaviour tests that need a shell: exit codes, pipes, full disks, the reference place
# tables in ../shared/geo (skipped when absent), schema validity of the pipeline's output.
# usage: shell-tests.sh SITREP      Ends with "N passed, N failed".
set -u
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
SITREP=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=$top/../shared
passed=0
failed=0
skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
skip() { skipped=$((skipped + 1)); echo "skip $1"; }
expect_status() { # NAME WANT GOT
	if [ "$3" = "$2" ]; then ok "$1"; else bad "$1 (exit $3, expected $2)"; fi
}

corpus="$top/tests/corpus/*.txt $top/tests/corpus/*.html $top/tests/corpus/*.jsonl"

# Exit statuses scripts rely on.
"$SITREP" >/dev/null 2>&1; expect_status "no command is a usage error" 2 $?
"$SITREP" frobnicate >/dev/null 2>&1; expect_status "unknown command is a usage error" 2 $?
"$SITREP" parse --format nope x >/dev/null 2>&1; expect_status "bad option value is a usage error" 2 $?
"$SITREP" --version >"$tmp/v" 2>&1; expect_status "--version succeeds" 0 $?
grep -q '^sitrep [0-9]' "$tmp/v" && ok "--version names the program" || bad "--version output"
for c in parse extract export run validate gazetteer report dedup; do
	"$SITREP" "$c" --help >"$tmp/h" 2>&1 && grep -q "usage: sitrep $c" "$tmp/h" &&
		ok "$c --help" || bad "$c --help"
done
"$SITREP" help extract | grep -q "usage: sitrep extract" && ok "help COMMAND" || bad "help COMMAND"
"$SITREP" parse "$tmp" >/dev/null 2>"$tmp/err"; expect_status "a directory is an I/O error" 3 $?
grep -q "is a directory" "$tmp/err" && ok "directory error names the problem" || bad "directory message"

# A reader that goes away is a quiet success.
# shellcheck disable=SC2086
"$SITREP" parse $corpus 2>"$tmp/err" | head -c1 >/dev/null
[ ! -s "$tmp/err" ] && ok "closed stdout is quiet" || bad "closed stdout printed: $(head -2 "$tmp/err")"

# A full disk is an I/O error.
if [ -w /dev/full ]; then
	# shellcheck disable=SC2086
	"$SITREP" parse $corpus >/dev/full 2>"$tmp/err"; expect_status "write to /dev/full fails" 3 $?
	grep -q "write error" "$tmp/err" && ok "/dev/full message" || bad "/dev/full message"
else
	skip "/dev/full"
fi

# Every record of the pipeline is valid against the schemas.
# shellcheck disable=SC2086
"$SITREP" parse $corpus >"$tmp/docs.jsonl" && "$SITREP" extract "$tmp/docs.jsonl" >"$tmp/rec.jsonl"
"$SITREP" validate --unknown "$tmp/rec.jsonl" 2>"$tmp/err"; expect_status "pipeline output validates" 0 $?
n_docs=$(grep -c '"type":"document"' "$tmp/docs.jsonl")
[ "$n_docs" -ge 12 ] && ok "every corpus article became a document ($n_docs)" || bad "documents: $n_docs"

# Stages compose: run gives the same events as parse | extract | export.
# shellcheck disable=SC2086
"$SITREP" run -q --outdir "$tmp/out" $corpus >/dev/null
"$SITREP" export --outdir "$tmp/out2" "$tmp/rec.jsonl"
cmp -s "$tmp/out/events.csv" "$tmp/out2/events.csv" && ok "run equals the three stages" ||
	bad "run and parse|extract|export differ"
for t in documents events places actors quotes; do
	[ -s "$tmp/out/$t.csv" ] && ok "run wrote $t.csv" || bad "run did not write $t.csv"
done

# The report: run --report writes the page report writes from the same records; a full disk
# fails it, whether the page goes to stdout or to a file.
# shellcheck disable=SC2086
"$SITREP" run -q --report --outdir "$tmp/out3" $corpus >/dev/null; expect_status "run --report" 0 $?
"$SITREP" report -o "$tmp/report.html" "$tmp/rec.jsonl"; expect_status "report -o" 0 $?
cmp -s "$tmp/out3/report.html" "$tmp/report.html" && ok "run --report equals report over the records" ||
	bad "run --report and report differ"
if [ -w /dev/full ]; then
	"$SITREP" report "$tmp/rec.jsonl" >/dev/full 2>"$tmp/err"; expect_status "report to a full stdout" 3 $?
	"$SITREP" report -o /dev/full "$tmp/rec.jsonl" 2>"$tmp/err"; expect_status "report -o a full disk" 3 $?
	grep -q "write error" "$tmp/err" && ok "report's write error message" || bad "report's write error message"
fi

# Scale-out: extract is a pure map over JSON Lines, so GNU parallel gives the same records.
if command -v parallel >/dev/null 2>&1; then
	"$SITREP" extract "$tmp/docs.jsonl" | sort >"$tmp/serial"
	parallel --will-cite --pipe --block 4k -j 2 "$SITREP" extract --jobs 1 <"$tmp/docs.jsonl" | sort >"$tmp/parallel"
	cmp -s "$tmp/serial" "$tmp/parallel" && ok "parallel --pipe extract equals serial (sorted)" ||
		bad "parallel output differs from serial"
	"$SITREP" export "$tmp/rec.jsonl" | tail -n +2 | sort >"$tmp/serial.csv"
	parallel --will-cite --pipe --block 16k -j 2 "$SITREP" export <"$tmp/rec.jsonl" | grep -v '^doc_id,event_id,' |
		sort >"$tmp/parallel.csv"
	cmp -s "$tmp/serial.csv" "$tmp/parallel.csv" && ok "parallel --pipe export equals serial (sorted)" ||
		bad "parallel export differs from serial"
else
	skip "GNU parallel"
fi

# Gazetteer import reads GeoNames' dump format.
if [ -f "$shared/geo/geonames_cities15000_AF.tsv" ]; then
	"$SITREP" gazetteer import "$shared/geo/geonames_cities15000_AF.tsv" >"$tmp/gn.tsv"
	expect_status "gazetteer import of GeoNames cities" 0 $?
	rows=$(grep -vc '^#' "$tmp/gn.tsv")
	src=$(grep -c . "$shared/geo/geonames_cities15000_AF.tsv")
	[ "$rows" -eq $((src + 1)) ] && ok "import kept every populated place ($src)" ||
		bad "import rows $rows for $src places"
	"$SITREP" gazetteer lookup --gazetteer "$tmp/gn.tsv" Kunduz >/dev/null &&
		ok "imported table loads as a user gazetteer" || bad "imported table does not load"
else
	skip "gazetteer import (no ../shared/geo)"
fi

# The embedded layers against independent reference tables.
for check in check_af check_countries; do
	case $check in
	check_af) table=$top/src/data/gazetteer_af.tsv ;;
	*) table=$top/src/data/countries.tsv ;;
	esac
	python3 "$here/geo/$check.py" "$table" "$shared/geo" >"$tmp/geo.log" 2>&1
	rc=$?
	if [ $rc = 77 ]; then skip "$check (no ../shared/geo)"; elif [ $rc = 0 ]; then
		ok "$check: $(tail -1 "$tmp/geo.log")"; else bad "$check"; tail -5 "$tmp/geo.log"; fi
done

# Every Afghan district resolves through sitrep's own lookup, within 30 km of the reference.
python3 "$here/geo/resolve_af.py" "$SITREP" "$shared/geo" >"$tmp/geo.log" 2>&1
rc=$?
if [ $rc = 77 ]; then skip "resolve_af (no ../shared/geo)"; elif [ $rc = 0 ]; then
	ok "$(tail -1 "$tmp/geo.log")"; else bad "resolve_af"; tail -5 "$tmp/geo.log"; fi

# A text longer than extract's window (128 KiB) is read window by window: ids go on across
# windows and every offset still points into the whole text.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
	for f in "$top"/tests/corpus/*.txt; do sed 1d "$f"; echo; done
done >"$tmp/long.txt"
"$SITREP" parse --date 2021-08-08 "$tmp/long.txt" >"$tmp/long.jsonl" &&
	"$SITREP" extract "$tmp/long.jsonl" >"$tmp/long-rec.jsonl"
if python3 - "$tmp/long-rec.jsonl" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
text = recs[0]["text"].encode("utf-8")
assert len(text) > 6 * 128 * 1024, len(text)
events = [r for r in recs if r["type"] == "event"]
quotes = [r for r in recs if r["type"] == "quote"]
places = [r for r in recs if r["type"] == "place"]
doc = recs[0]["doc_id"]
assert [e["event_id"] for e in events] == ["%s-e%d" % (doc, i + 1) for i in range(len(events))]
assert [q["quote_id"] for q in quotes] == ["%s-q%d" % (doc, i + 1) for i in range(len(quotes))]
assert len(events) > 100 and places, (len(events), len(places))
for e in events:
    assert text[e["char_start"]:e["char_end"]].decode() == e["notes"], e["event_id"]
for p in places:
    assert text[p["char_start"]:p["char_end"]].decode() == p["text"], p
assert max(p["char_start"] for p in places) > 4 * 128 * 1024
PY
then ok "long text read in windows: ids go on, offsets hold"; else bad "long text in windows"; fi

# A cell longer than export's piece (64 KiB) is written piece by piece: the same field as a
# short one would be, quotes doubled, escapes decoded across piece boundaries, the formula
# guard on its first byte.
if python3 - "$SITREP" "$tmp" <<'PY'
import csv, io, json, subprocess, sys
sitrep, tmp = sys.argv[1], sys.argv[2]
csv.field_size_limit(1 << 24)
unit = 'A "quoted" word, a comma,\ta tab\nnew line \\ back\\slash \u00e9t\u00e9 \u6218 \r'
text = "=" + (unit * (300000 // len(unit)))
with open(tmp + "/longcell.jsonl", "w") as fh:
    fh.write(json.dumps({"type": "document", "doc_id": "long", "text": text}) + "\n")
    fh.write(json.dumps({"type": "document", "doc_id": "plain", "text": "x" * 100000}) + "\n")
out = subprocess.run([sitrep, "export", "--table", "documents", tmp + "/longcell.jsonl"],
                     capture_output=True, check=True).stdout.decode()
rows = list(csv.DictReader(io.StringIO(out, newline="")))
assert rows[0]["text"] == "'" + text, "csv text differs"
assert rows[1]["text"] == "x" * 100000 and out.count('"' + "x" * 10) == 0, "plain cell quoted"
tsv = subprocess.run([sitrep, "export", "--format", "tsv", "--table", "documents",
                      tmp + "/longcell.jsonl"], capture_output=True, check=True).stdout.decode()
esc = "'" + text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
assert tsv.split("\n")[1].split("\t")[7] == esc, "tsv text differs"
PY
then ok "long cells written piece by piece equal short ones"; else bad "long cells"; fi

# --jobs: extract workers hand back records in input order, so every N gives the same bytes,
# messages and explanations included; many batches, bad lines and a long text among them.
{
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
		cat "$tmp/docs.jsonl"
		[ "$i" = 10 ] && cat "$tmp/long.jsonl"
		[ "$i" = 20 ] && printf 'not json\n{"type":"document"}\n[1]\n{"type":"note","n":%s}\n' "$i"
	done
} >"$tmp/many.jsonl"
"$SITREP" extract --jobs 1 --explain "$tmp/many.jsonl" >"$tmp/j1.out" 2>"$tmp/j1.err"
want=$?
for j in 2 3 8; do
	"$SITREP" extract --jobs $j --explain "$tmp/many.jsonl" >"$tmp/jn.out" 2>"$tmp/jn.err"
	got=$?
	if [ "$got" = "$want" ] && [ "$want" = 1 ] && cmp -s "$tmp/j1.out" "$tmp/jn.out" &&
		cmp -s "$tmp/j1.err" "$tmp/jn.err"; then
		ok "extract --jobs $j: same records, messages and status as --jobs 1"
	else
		bad "extract --jobs $j differs from --jobs 1 (status $got, $want)"
	fi
done
"$SITREP" extract --jobs 3 <"$tmp/docs.jsonl" | cmp -s - "$tmp/rec.jsonl" &&
	ok "extract --jobs 3 from a pipe equals the serial run" || bad "extract --jobs 3 from a pipe"
# shellcheck disable=SC2086
"$SITREP" run -q --jobs 1 --outdir "$tmp/run1" $corpus "$tmp/long.txt" >"$tmp/run1.txt"
# shellcheck disable=SC2086
"$SITREP" run -q --jobs 3 --outdir "$tmp/run3" $corpus "$tmp/long.txt" >"$tmp/run3.txt"
sed -i "s|$tmp/run[13]/||" "$tmp/run1.txt" "$tmp/run3.txt" # the summary names the directory
diff -r "$tmp/run1" "$tmp/run3" >/dev/null && cmp -s "$tmp/run1.txt" "$tmp/run3.txt" &&
	ok "run --jobs 3: same tables and summary as --jobs 1" || bad "run --jobs 3 differs from --jobs 1"
for arg in 0 -1 x 1x; do
	"$SITREP" extract --jobs "$arg" "$tmp/docs.jsonl" >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc = 2 ] && grep -q -- "--jobs wants a number" "$tmp/err" && ok "extract --jobs $arg is a usage error" ||
		bad "extract --jobs $arg: exit $rc"
done

# dedup: the corpus's records and a second copy of them as told by another outlet (other
# doc_ids and publisher): every event finds its twin, nothing is lost, and run --dedup
# writes the same tables as the stages in a pipe.
sed -e 's/"doc_id":"\([^"]*\)"/"doc_id":"copy-\1"/' -e 's/"event_id":"\([^"]*\)"/"event_id":"copy-\1"/' \
	-e 's/"source":"[^"]*"/"source":"Second Outlet"/' "$tmp/rec.jsonl" >"$tmp/twice.jsonl"
cat "$tmp/rec.jsonl" >>"$tmp/twice.jsonl"
"$SITREP" dedup -q "$tmp/twice.jsonl" >"$tmp/dedup.jsonl"; expect_status "dedup of two outlets" 0 $?
"$SITREP" validate --unknown "$tmp/dedup.jsonl" 2>"$tmp/err"; expect_status "dedup output validates" 0 $?
if python3 - "$tmp/twice.jsonl" "$tmp/dedup.jsonl" <<'PY'
import collections, json, sys
ins = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
outs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
events_in = [(r["doc_id"], r["event_id"]) for r in ins if r["type"] == "event"]
mentions = [(r["doc_id"], r["mention_event_id"]) for r in outs if r["type"] == "mention"]
merged = {r["event_id"]: r for r in outs if r["type"] == "event"}
assert sorted(mentions) == sorted(events_in), "each input event in exactly one mention"
assert sum(r["type"] != "event" for r in ins) == sum(r["type"] not in ("event", "mention") for r in outs)
by_event = collections.defaultdict(list)
for r in outs:
    if r["type"] == "mention":
        by_event[r["event_id"]].append(r["mention_event_id"])
assert set(by_event) == set(merged)
for eid, ms in by_event.items():
    assert merged[eid]["source_count"] == len(ms), eid
    if len(ms) == 2:  # twins: an event and its copy
        short, long = sorted(ms, key=len)
        assert long == "copy-" + short, ms
dated = sum(1 for r in ins if r["type"] == "event" and r["event_date"])
twins = sum(1 for ms in by_event.values() if len(ms) == 2)
assert twins * 2 >= 0.9 * dated, (twins, dated)
PY
then ok "dedup: every event in one mention, twins merged"; else bad "dedup invariants"; fi
# shellcheck disable=SC2086
"$SITREP" run -q --dedup --format jsonl --outdir "$tmp/run-dd" $corpus >/dev/null
"$SITREP" dedup -q "$tmp/rec.jsonl" | "$SITREP" export -f jsonl --outdir "$tmp/pipe-dd"
for t in events mentions places; do
	sort "$tmp/run-dd/$t.jsonl" >"$tmp/a" && sort "$tmp/pipe-dd/$t.jsonl" >"$tmp/b" &&
		cmp -s "$tmp/a" "$tmp/b" && ok "run --dedup: $t as from the pipe" || bad "run --dedup: $t differ"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
