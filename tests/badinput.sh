#!/bin/bash
# Bad-input matrix: each row is an input made here, the command run on it, the exit status
# expected, a pattern its stderr must match (the message names the file and line), and how
# many records must still come out. Ends with "N passed, N failed".
# usage: badinput.sh SITREP
set -u
LC_ALL=C
export LC_ALL
SITREP=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
passed=0
failed=0
skipped=0

# Inputs.
printf 'Title: Bad bytes\nDate: 2021-01-01\n\nCaf\xe9 attacked \xff\xfe in Kabul.\n' >invalid.txt
printf 'Title: Overlong\nDate: 2021-01-01\n\nAn overlong slash \xc0\xaf and a surrogate \xed\xa0\x80.\n' >overlong.txt
printf 'Title: Nul\nDate: 2021-01-01\n\nA NUL\000byte in the text.\n' >nul.txt
printf '\xef\xbb\xbfTitle: With BOM\nDate: 2021-01-01\n\nBody.\n' >bom.txt
printf 'Title: CR only\rDate: 2021-01-01\r\rFirst paragraph.\rSecond paragraph.\r' >cr.txt
printf 'Title: Mixed\r\nDate: 2021-01-01\n\r\nFirst.\rSecond.\nThird.\r\n' >mixed.txt
: >empty.txt
mkdir adir
printf 'Title: secret\n\nText.\n' >unreadable.txt
chmod 000 unreadable.txt
printf '{"id":"ok1","text":"Police arrested five men in Kano on Monday."}\n' >big.jsonl
{ printf '{"id":"big","text":"'; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '"}\n'; } >>big.jsonl
printf '{"id":"ok2","text":"Soldiers clashed with rebels near Goma on Friday."}\n' >>big.jsonl
python3 -c 'print("{\"id\":\"deep\",\"text\":" + "[" * 100000 + "]" * 100000 + "}")' >deep.jsonl
printf '{"id":"ok","text":"Fighting in Mogadishu on Friday."}\n' >>deep.jsonl
printf '{"id":"ok","text":"Fighting in Mogadishu on Friday."}\n{"id":"cut","text":"Half a rec' >truncated.jsonl
printf '{"id":5,"text":7}\n{"id":6,"text":"A bomb hit Kabul on Monday.","title":3,"published":true}\n' >types.jsonl
printf '{"id":"dup","text":"first body","text":"second body"}\n' >dup.jsonl
printf '{"id":1e999,"text":"A huge id."}\n{"id":12345678901234567890,"text":"Big id."}\n' >huge.jsonl
python3 -c 'print("{\"type\":\"event\",\"doc_id\":\"d\",\"x\":" + "[" * 50000 + "]" * 50000 + "}")' >deep-records.jsonl
printf '{"type":"event","doc_id":"d","event_id":"e1","fatalities":1e999,"notes":"n"}\n' >>deep-records.jsonl

# Not text: magic numbers and byte shares; each beside an article that must still go through.
printf 'Title: Good\nDate: 2021-01-01\n\nPolice in Jos arrested four men on Friday.\n' >good.txt
printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n' >a.pdf
gzip -c good.txt >good.txt.gz
cp good.txt.gz gz.jsonl
python3 -c 'import zipfile; z = zipfile.ZipFile("a.docx", "w"); z.writestr("[Content_Types].xml", "<Types/>"); z.writestr("word/document.xml", "<w:document/>"); z.close()'
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >a.png
printf '\377\330\377\340\000\020JFIF\000' >a.jpg
printf 'GIF89a\001\000\001\000\000\000' >a.gif
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000' >a.elf
printf 'SQLite format 3\000\020\000\001\001' >a.sqlite
head -c 3000000 /dev/urandom >random.bin
iconv -f UTF-8 -t UTF-16 good.txt >utf16.txt
cp a.pdf pdf.html
{ printf '{"id":"ok1","text":"Police in Jos arrested four men on Friday."}\n'
  printf '{"id":"pdf","text":"%%PDF-1.4\\n%%\\u00e2\\u00e3 1 0 obj"}\n'
  printf '{"id":"ok2","text":"Soldiers clashed with rebels near Goma on Friday."}\n'; } >pdf-field.jsonl

# name, command, status, stderr pattern ('-' = must be empty), stdout lines: tab-separated
while IFS=$'\t' read -r name cmd want pattern lines; do
	case $name in ''|'#'*) continue ;; esac
	if [ "$name" = unreadable-file ] && [ "$(id -u)" = 0 ]; then
		skipped=$((skipped + 1)); echo "skip $name (root reads everything)"; continue
	fi
	eval "$cmd" >out 2>err
	got=$?
	n=$(wc -l <out | tr -d ' ')
	ok=1
	[ "$got" = "$want" ] || { ok=0; echo "FAIL $name: exit $got, expected $want"; }
	if [ "$pattern" = - ]; then
		[ -s err ] && { ok=0; echo "FAIL $name: unexpected stderr: $(head -2 err)"; }
	else
		grep -Eq "$pattern" err || { ok=0; echo "FAIL $name: stderr does not match /$pattern/: $(head -3 err)"; }
	fi
	[ "$n" = "$lines" ] || { ok=0; echo "FAIL $name: $n output lines, expected $lines"; }
	if [ $ok = 1 ]; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); fi
done <<'ROWS'
# text inputs
invalid-utf8	"$SITREP" parse invalid.txt	0	-	1
invalid-utf8-reported	"$SITREP" parse invalid.txt | grep -c 'replaced with U+FFFD'	0	-	1
overlong-utf8	"$SITREP" parse overlong.txt | grep -c 'replaced with U+FFFD'	0	-	1
nul-bytes	"$SITREP" parse nul.txt | grep -c 'NUL bytes replaced'	0	-	1
bom	"$SITREP" parse bom.txt | grep -c '"title":"With BOM"'	0	-	1
cr-only-line-ends	"$SITREP" parse cr.txt | grep -c 'First paragraph.\\n\\nSecond paragraph.'	0	-	1
mixed-line-ends	"$SITREP" parse mixed.txt | grep -c '"title":"Mixed"'	0	-	1
empty-file	"$SITREP" parse empty.txt	1	empty\.txt: empty document	0
directory	"$SITREP" parse adir	3	adir: is a directory	0
missing-file	"$SITREP" parse nope.txt empty.txt	3	nope\.txt: cannot open	0
unreadable-file	"$SITREP" parse unreadable.txt	3	unreadable\.txt: cannot open	0
# feeds
100mb-single-line	"$SITREP" parse big.jsonl	1	big\.jsonl:2: line longer than	2
100mb-with-bigger-limit	"$SITREP" parse --max-doc 200000000 big.jsonl | wc -l | tr -d ' '	0	-	1
deep-nesting	"$SITREP" parse deep.jsonl	1	deep\.jsonl:1: invalid JSON	1
truncated-last-line	"$SITREP" parse truncated.jsonl	1	truncated\.jsonl:2: invalid JSON	1
wrong-field-types	"$SITREP" parse types.jsonl	1	types\.jsonl:1: no article body	1
duplicate-keys	"$SITREP" parse dup.jsonl | grep -c '"text":"first body"'	0	-	1
huge-numbers	"$SITREP" parse huge.jsonl	0	-	2
strict-stops	"$SITREP" parse --strict truncated.jsonl types.jsonl	1	truncated\.jsonl:2	1
# not text
pdf	"$SITREP" parse a.pdf good.txt	1	a\.pdf: not text \(looks like a PDF\); convert it first, for example with pdftotext	1
gzip	"$SITREP" parse good.txt.gz good.txt	1	good\.txt\.gz: not text \(looks like a gzip file\); convert it first, for example with gunzip	1
gzip-named-jsonl	"$SITREP" parse gz.jsonl good.txt	1	gz\.jsonl: not text \(looks like a gzip file\)	1
docx	"$SITREP" parse a.docx good.txt	1	a\.docx: not text \(looks like a Word document\); convert it first, for example with pandoc	1
png	"$SITREP" parse a.png good.txt	1	a\.png: not text \(looks like a PNG image\); convert it first, for example with tesseract	1
jpeg	"$SITREP" parse a.jpg good.txt	1	a\.jpg: not text \(looks like a JPEG image\)	1
gif	"$SITREP" parse a.gif good.txt	1	a\.gif: not text \(looks like a GIF image\)	1
elf	"$SITREP" parse a.elf good.txt	1	a\.elf: not text \(looks like an ELF program\)	1
sqlite	"$SITREP" parse a.sqlite good.txt	1	a\.sqlite: not text \(looks like an SQLite database\); convert it first, for example with sqlite3	1
random-bytes	"$SITREP" parse random.bin good.txt	1	random\.bin: not text \(looks like binary data, [0-9]+% control bytes\)	1
utf16	"$SITREP" parse utf16.txt good.txt	1	utf16\.txt: not text \(looks like UTF-16 text\); convert it first, for example with iconv	1
html-body	"$SITREP" parse pdf.html good.txt	1	pdf\.html: not text \(looks like a PDF\)	1
feed-text-field	"$SITREP" parse pdf-field.jsonl	1	pdf-field\.jsonl:2: not text \(looks like a PDF\)	2
run-skips-it	("$SITREP" run -q --outdir runout a.pdf good.txt >/dev/null; s=$?; tail -n +2 runout/documents.csv | grep -c '^good,'; exit $s)	1	a\.pdf: not text \(looks like a PDF\)	1
# later stages
extract-bad-lines	"$SITREP" extract truncated.jsonl	1	truncated\.jsonl:1: document has no string "doc_id"	0
export-deep-nesting	"$SITREP" export deep-records.jsonl	1	deep-records\.jsonl:1: invalid JSON	2
validate-bad-lines	"$SITREP" validate truncated.jsonl	1	truncated\.jsonl:2: invalid JSON	0
report-deep-nesting	"$SITREP" report -o page.html deep-records.jsonl	1	deep-records\.jsonl:1: invalid JSON	0
report-keeps-the-rest	grep -c '^<tr class=' page.html	0	-	1
report-bad-lines	"$SITREP" report -o page.html truncated.jsonl	1	truncated\.jsonl:2: invalid JSON	0
# output
dev-full	"$SITREP" parse invalid.txt >/dev/full	3	write error	0
closed-stdout	"$SITREP" parse big.jsonl 2>&1 | head -c1 >/dev/null; echo "${PIPESTATUS[0]}"	0	-	1
ROWS
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
