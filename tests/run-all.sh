#!/bin/sh
# Runs every test for each build directory given (default: build build/asan) and ends with
# one summary line "N passed, N failed, N skipped". Exit status 1 when anything failed.
set -eu
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
[ $# -gt 0 ] || set -- build build/asan
passed=0
failed=0
skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

count() { # count LOG: add the "N passed, N failed[, N skipped]" line of a sub-runner to the totals
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
	p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
	s=$(echo "$line" | sed -nE 's/.*, ([0-9]+) skipped.*/\1/p')
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-1}))
	skipped=$((skipped + ${s:-0}))
}

# Debian's python3 has the client libraries (pandas, openpyxl) that CI installs.
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
for b in "$@"; do
	case "$b" in /*) dir=$b ;; *) dir=$top/$b ;; esac
	echo "== $b: unit tests"
	if [ -x "$dir/unit-tests" ]; then
		if (cd "$top" && CK_VERBOSITY=minimal "$dir/unit-tests") >"$tmp/unit.log" 2>&1; then :; fi
		cat "$tmp/unit.log"
		# Check prints "100%: Checks: N, Failures: F, Errors: E"
		line=$(grep -E 'Checks: [0-9]+' "$tmp/unit.log" | tail -1)
		n=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
		f=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
		e=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
		if [ -z "$line" ]; then failed=$((failed + 1)); else
			passed=$((passed + n - f - e)); failed=$((failed + f + e)); fi
	else
		echo "missing $dir/unit-tests"; failed=$((failed + 1))
	fi
	echo "== $b: golden tests"
	"$here/golden.sh" "$dir/sitrep" >"$tmp/golden.log" 2>&1 || true
	cat "$tmp/golden.log"
	count "$tmp/golden.log"
	echo "== $b: shell tests"
	"$here/shell-tests.sh" "$dir/sitrep" >"$tmp/shell.log" 2>&1 || true
	cat "$tmp/shell.log"
	count "$tmp/shell.log"
	echo "== $b: bad-input matrix"
	"$here/badinput.sh" "$dir/sitrep" >"$tmp/bad.log" 2>&1 || true
	cat "$tmp/bad.log"
	count "$tmp/bad.log"
	echo "== $b: export round trips through the clients"
	"$py" "$here/clients/roundtrip.py" "$dir/sitrep" >"$tmp/clients.log" 2>&1 || true
	cat "$tmp/clients.log"
	count "$tmp/clients.log"
	if [ -d "$here/extract" ]; then
		echo "== $b: extraction expectations"
		python3 "$here/extract-check.py" "$dir/sitrep" >"$tmp/extract.log" 2>&1 || true
		cat "$tmp/extract.log"
		count "$tmp/extract.log"
	fi
done
# The report in headless Chromium, once (on the first build: a browser run takes a while and
# the page does not depend on the sanitizers); skipped, and counted so, without Chromium.
echo "== report in a browser"
case "$1" in /*) first=$1 ;; *) first=$top/$1 ;; esac
"$py" "$here/report-browser.py" "$first/sitrep" "$first" >"$tmp/browser.log" 2>&1 || true
cat "$tmp/browser.log"
count "$tmp/browser.log"
# SITREP_VALGRIND=1: the golden tests once more under valgrind (CI sets it); a leak or memory error
# changes the exit status and fails the case.
if [ "${SITREP_VALGRIND:-0}" = 1 ] && command -v valgrind >/dev/null 2>&1; then
	echo "== golden tests under valgrind"
	cat >"$tmp/vg-sitrep" <<VG
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--show-leak-kinds=definite,indirect "$top/build/sitrep" "\$@"
VG
	chmod +x "$tmp/vg-sitrep"
	"$here/golden.sh" "$tmp/vg-sitrep" >"$tmp/vg.log" 2>&1 || true
	cat "$tmp/vg.log"
	count "$tmp/vg.log"
fi
# SITREP_TSAN=1: `sitrep run` (parse, four extract workers, export, each on a thread) and
# `sitrep extract --jobs 3` under ThreadSanitizer, on a corpus of many batches with a long
# document among them; their output must equal the plain build's on one thread. Also the
# ordered queue's unit test.
if [ "${SITREP_TSAN:-0}" = 1 ]; then
	echo "== sitrep run and extract --jobs under ThreadSanitizer"
	t=$tmp/tsan
	mkdir -p "$t"
	if (cd "$top" && make --no-print-directory tsan build/bench/gen) >"$t/build.log" 2>&1 &&
		"$top/build/bench/gen" articles 3 >"$t/corpus.jsonl" &&
		{ for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do sed 1d "$top"/tests/corpus/*.txt; done >"$t/long.txt"; } &&
		"$top/build/tsan/sitrep" run -q --jobs 4 --outdir "$t/tsan-out" "$t/corpus.jsonl" "$t/long.txt" \
			>/dev/null 2>"$t/run.log" &&
		"$top/build/sitrep" run -q --jobs 1 --outdir "$t/plain-out" "$t/corpus.jsonl" "$t/long.txt" >/dev/null &&
		diff -r "$t/tsan-out" "$t/plain-out" >/dev/null &&
		"$top/build/sitrep" parse -q "$t/corpus.jsonl" "$t/long.txt" >"$t/docs.jsonl" &&
		"$top/build/tsan/sitrep" extract -q --jobs 3 "$t/docs.jsonl" >"$t/tsan.jsonl" 2>"$t/extract.log" &&
		"$top/build/sitrep" extract -q --jobs 1 "$t/docs.jsonl" >"$t/plain.jsonl" &&
		cmp -s "$t/tsan.jsonl" "$t/plain.jsonl" &&
		(cd "$top" && CK_RUN_SUITE=ordq CK_VERBOSITY=minimal build/tsan/unit-tests) >"$t/unit.log" 2>&1 &&
		! grep -q ThreadSanitizer "$t/run.log" "$t/extract.log" "$t/unit.log"; then
		echo "ok   sitrep run --jobs 4 and extract --jobs 3 under ThreadSanitizer"; passed=$((passed + 1))
	else
		echo "FAIL sitrep run and extract --jobs under ThreadSanitizer"
		tail -30 "$t/build.log" "$t/run.log" "$t/extract.log" "$t/unit.log"
		failed=$((failed + 1))
	fi
fi
# SITREP_LINEAR=1: each reader and writer on one long string of size x and of 2x (CI sets it;
# `make bench` runs it too); a timing test, so not part of the unit tests.
if [ "${SITREP_LINEAR:-0}" = 1 ]; then
	echo "== linear time on long strings"
	python3 "$here/lineartime.py" "$top/build/sitrep" >"$tmp/linear.log" 2>&1 || true
	cat "$tmp/linear.log"
	count "$tmp/linear.log"
fi
# SITREP_FUZZ=1: every libFuzzer target for FUZZ_SECONDS (default 30) on its seeded corpus.
if [ "${SITREP_FUZZ:-0}" = 1 ] && command -v clang >/dev/null 2>&1; then
	echo "== fuzzing (${FUZZ_SECONDS:-30}s per target)"
	(cd "$top" && make --no-print-directory fuzz-run FUZZ_SECONDS="${FUZZ_SECONDS:-30}") >"$tmp/fuzz.log" 2>&1 || true
	grep -v "^  \(CC\|FUZZ\)" "$tmp/fuzz.log" | tail -40
	count "$tmp/fuzz.log"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
