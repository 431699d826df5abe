#!/bin/sh
# Run libFuzzer targets for a while each on seeded corpora.
# usage: run.sh FUZZDIR SECONDS TARGET...    Ends with "N passed, N failed".
set -u
dir=$1
secs=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
passed=0
failed=0
seed() { # seed TARGET DIR: copy the inputs that suit the target
	case $1 in
	text) cp -f "$top"/tests/corpus/*.txt "$top"/tests/extract/*.txt "$2"/ ;;
	html) cp -f "$top"/tests/corpus/*.html "$top"/tests/golden/parse-html/*.html "$2"/ ;;
	feed) cp -f "$top"/tests/corpus/feed.jsonl "$2"/corpus.jsonl; cp -f "$top"/tests/golden/parse-feed-errors/feed.jsonl "$2"/errors.jsonl ;;
	meta) cp -f "$top"/tests/golden/parse-meta-precedence/meta.csv "$2"/ ;;
	gazetteer) head -c 4000 "$top"/src/data/gazetteer_af.tsv >"$2"/af.tsv ;;
	extract) for f in "$top"/tests/corpus/*.txt; do printf '\000' | cat - "$f" >"$2/$(basename "$f")"; done ;;
	docline) head -n 3 "$top"/tests/golden/parse-html/expout >"$2"/docs.jsonl
		split -l 1 "$2"/docs.jsonl "$2"/doc- && rm "$2"/docs.jsonl
		cp -f "$top"/tests/golden/validate-records/records.jsonl "$2"/records.jsonl ;;
	export) for f in "$top"/tests/golden/export-csv-json/records.jsonl "$top"/tests/golden/validate-records/records.jsonl; do
			printf '\000' | cat - "$f" >"$2/$(basename "$(dirname "$f")").jsonl"; done ;;
	dedup) for f in "$top"/tests/golden/dedup-incidents/reports.jsonl "$top"/tests/golden/dedup-bad-input/bad.jsonl; do
			printf '\000' | cat - "$f" >"$2/$(basename "$(dirname "$f")").jsonl"; done ;;
	esac
	[ -d "$here/regress/$1" ] && cp "$here/regress/$1"/* "$2"/ 2>/dev/null
	return 0
}
for t in "$@"; do
	corpus=$dir/corpus/$t
	mkdir -p "$corpus"
	seed "$t" "$corpus"
	echo "== fuzz_$t for ${secs}s"
	if (cd "$dir" && ./fuzz_"$t" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 "corpus/$t") >"$dir/fuzz_$t.log" 2>&1; then
		passed=$((passed + 1))
		grep -E "stat::number_of_executed_units" "$dir/fuzz_$t.log" | head -1
	else
		failed=$((failed + 1))
		echo "FAIL fuzz_$t"; tail -30 "$dir/fuzz_$t.log"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
