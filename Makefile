# sitrep: build, test, install. Plain GNU make; libraries through pkg-config.
PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
PKGS = libcjson libxml-2.0 libutf8proc xlsxwriter sqlite3
WARN = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
       -Wwrite-strings -Wvla -Wpointer-arith -fno-common -Werror
OPT ?= -O2 -g
CPPFLAGS += -D_GNU_SOURCE -Isrc -Ibuild/gen $(shell pkg-config --cflags $(PKGS))
CFLAGS ?= $(OPT)
ALL_CFLAGS = $(WARN) $(CFLAGS)
LIBS = $(shell pkg-config --libs $(PKGS)) -lcsv -lm -pthread
DEBIAN_PACKAGES = build-essential pkg-config libcsv-dev libcjson-dev libxml2-dev libutf8proc-dev \
       libxlsxwriter-dev libsqlite3-dev check python3 jq

# Sources by stage: src/<stage>/*.c (see src/README.md); main.c only dispatches.
LIB_SRC = $(filter-out src/lexicon/embedded.c,$(wildcard src/*/*.c))
HDRS = $(wildcard src/*/*.h)
DATA = $(sort $(wildcard src/data/*.tsv)) $(sort $(wildcard schemas/*.json)) \
       $(wildcard src/report/*.css src/report/*.js)

# A build directory per flavour: build/ (release), build/asan/ (sanitizers).
B ?= build
GEN = build/gen
LIB_OBJ = $(patsubst src/%.c,$(B)/obj/%.o,$(LIB_SRC)) $(B)/obj/lexicon/embedded.o

.PHONY: all check asan tsan install uninstall clean run bench format deps fuzz fuzz-run
all: $(B)/sitrep

# V=1 shows full command lines.
Q = $(if $(V),,@)
$(B)/obj/%.o: src/%.c $(HDRS) | $(B)/obj
	@$(if $(V),true,echo "  CC      $@")
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# Lexicons and schemas are compiled in: one assembler file includes each data file verbatim,
# and the packed town index (build/gen/towns.bin) that gazpack makes from cities_world.tsv.
$(B)/obj/lexicon/embedded.o: src/lexicon/embedded.c src/lexicon/embedded.h $(DATA) $(GEN)/towns.bin | $(B)/obj
	@$(if $(V),true,echo "  CC      $@")
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -DSITREP_SRCDIR='"$(CURDIR)"' -DSITREP_GENDIR='"$(CURDIR)/$(GEN)"' \
		-c -o $@ src/lexicon/embedded.c

# The town index is packed once per checkout by a host tool built from the library's own
# normalisation code (so its keys are the keys sitrep looks up), whatever flavour is built.
HOSTCC ?= cc
GAZPACK_SRC = tools/gazpack.c src/lexicon/townindex.c src/text/text.c src/text/wordset.c \
	src/base/utf8.c src/base/strbuf.c src/base/util.c src/io/tsv.c
build/host/gazpack: $(GAZPACK_SRC) $(HDRS)
	@$(if $(V),true,echo "  HOSTCC  $@")
	$(Q)mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(CPPFLAGS) $(WARN) -O2 -o $@ $(GAZPACK_SRC) $(shell pkg-config --libs libutf8proc) -lm

$(GEN)/towns.bin: src/data/countries.tsv src/data/cities_world.tsv src/data/gazetteer_ke.tsv build/host/gazpack
	@$(if $(V),true,echo "  GAZPACK $@")
	$(Q)mkdir -p $(dir $@)
	$(Q)build/host/gazpack src/data/countries.tsv src/data/cities_world.tsv src/data/gazetteer_ke.tsv $@.tmp && mv $@.tmp $@

$(B)/libsitrep.a: $(LIB_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(B)/sitrep: $(B)/obj/main.o $(B)/libsitrep.a
	@$(if $(V),true,echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/obj:
	mkdir -p $@

# Unit tests: Check framework, one binary.
TEST_SRC = $(wildcard tests/unit/*.c)
$(B)/unit-tests: $(TEST_SRC) $(B)/libsitrep.a $(HDRS)
	@$(if $(V),true,echo "  LINK    $@")
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(shell pkg-config --cflags check) -o $@ $(TEST_SRC) \
		$(B)/libsitrep.a $(LIBS) $(shell pkg-config --libs check)

SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1
asan:
	@$(MAKE) --no-print-directory B=build/asan OPT="$(SAN)" LDFLAGS="$(SAN)" build/asan/sitrep build/asan/unit-tests

# ThreadSanitizer build, for `sitrep run`, `extract --jobs` and the ordered queue's unit
# test; run-all.sh uses it when SITREP_TSAN=1.
TSAN = -fsanitize=thread -g -O1
tsan:
	@$(MAKE) --no-print-directory B=build/tsan OPT="$(TSAN)" LDFLAGS="$(TSAN)" build/tsan/sitrep build/tsan/unit-tests

# Every test: unit tests and golden tests, plain and under ASan+UBSan; one summary line.
check: all $(B)/unit-tests
	@$(MAKE) --no-print-directory asan
	@tests/run-all.sh build build/asan

run: deps all
	@mkdir -p out
	@$(B)/sitrep run --report --outdir out tests/corpus/*.txt tests/corpus/*.html tests/corpus/*.jsonl

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing:$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; \
		else \
			echo "missing Debian packages; run as root:"; echo "  apt-get install$$missing"; exit 1; \
		fi; \
	fi

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/sitrep $(DESTDIR)$(PREFIX)/bin/sitrep
	install -m 644 sitrep.1 $(DESTDIR)$(PREFIX)/share/man/man1/sitrep.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/sitrep $(DESTDIR)$(PREFIX)/share/man/man1/sitrep.1

# Benchmarks: never part of `make check`. BENCH_SCALE=0.1 for a quick run.
BENCH_SCALE ?= 1
bench: all build/bench/gen build/bench/rss
	python3 tests/bench/bench.py $(B)/sitrep build/bench/gen build/bench --scale $(BENCH_SCALE)

build/bench/gen: tests/bench/gen.c
	@mkdir -p build/bench
	$(CC) -O2 -D_GNU_SOURCE -Wall -Wextra -Werror -o $@ $<

build/bench/rss: tests/bench/rss.c
	@mkdir -p build/bench
	$(CC) -O2 -D_GNU_SOURCE -Wall -Wextra -Werror -o $@ $<

# libFuzzer targets, one per input entry point; seeds come from the golden inputs.
FUZZ_TARGETS = text html feed meta gazetteer extract docline export dedup
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1
FUZZ_SECONDS ?= 30
fuzz:
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang OPT="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
		LDFLAGS="$(FUZZ_SAN)" build/fuzz/libsitrep.a
	@for t in $(FUZZ_TARGETS); do \
		echo "  FUZZ    build/fuzz/fuzz_$$t"; \
		clang $(CPPFLAGS) $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer -Itests/fuzz -o build/fuzz/fuzz_$$t \
			tests/fuzz/fuzz_$$t.c build/fuzz/libsitrep.a $(LIBS) || exit 1; \
	done

# Run each target FUZZ_SECONDS on its corpus (seeded from tests/golden, tests/corpus,
# tests/extract and tests/fuzz/regress); a crash leaves its input in build/fuzz/.
fuzz-run: fuzz
	@tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

format:
	clang-format -i src/*.c src/*/*.c src/*/*.h

clean:
	rm -rf build
