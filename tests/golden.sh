#!/bin/sh
# Golden tests: each folder under tests/golden/ holds `cmd` (a shell command run in that
# folder with $SITREP set), its inputs, `expout` (expected stdout) and optionally `experr`
# (expected stderr) and `status` (expected exit status, default 0).
# usage: golden.sh SITREP [--regen] [CASE...]   (--regen rewrites expout/experr/status)
set -eu
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
SITREP=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export SITREP
shift
regen=0
if [ "${1:-}" = "--regen" ]; then regen=1; shift; fi
[ $# -gt 0 ] || set -- $(ls "$here/golden")
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for c in "$@"; do
	d=$here/golden/$c
	[ -f "$d/cmd" ] || continue
	status=0
	(cd "$d" && sh ./cmd) >"$tmp/out" 2>"$tmp/err" || status=$?
	if [ "$regen" = 1 ]; then
		cp "$tmp/out" "$d/expout"
		if [ -s "$tmp/err" ] || [ -f "$d/experr" ]; then cp "$tmp/err" "$d/experr"; fi
		if [ "$status" != 0 ]; then echo "$status" >"$d/status"; else rm -f "$d/status"; fi
		echo "regenerated $c"
		continue
	fi
	want=0
	[ -f "$d/status" ] && want=$(cat "$d/status")
	ok=1
	if ! cmp -s "$tmp/out" "$d/expout"; then
		ok=0; echo "FAIL $c: stdout differs"; diff -u "$d/expout" "$tmp/out" | head -40 || true
	fi
	if [ -f "$d/experr" ] && ! cmp -s "$tmp/err" "$d/experr"; then
		ok=0; echo "FAIL $c: stderr differs"; diff -u "$d/experr" "$tmp/err" | head -20 || true
	fi
	if [ "$status" != "$want" ]; then
		ok=0; echo "FAIL $c: exit status $status, expected $want"; head -5 "$tmp/err"
	fi
	if [ "$ok" = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
