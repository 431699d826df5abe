#!/usr/bin/env python3
"""sitrep benchmarks (never part of `make check`): throughput, peak memory, scaling with
--jobs, export speed against mlr and jq on the same files, long inputs, and the linear-time
test (tests/lineartime.py), measured side by side in one run.

usage: bench.py SITREP GEN WORKDIR [--scale S]
  S multiplies the default sizes (100 MB of articles, 1,000,000 event records); 0.1 is quick.
  BENCH_REPEAT=N (default 3): runs of each measured command; the best time is reported.
"""
import argparse, hashlib, json, os, re, shutil, subprocess, sys, tempfile, time

JQ_CSV = ('[.doc_id,.event_id,.event_date,.time_precision,.date_text,.event_type,.sub_event_type,'
          '.actor1,.assoc_actor_1,.inter1,.actor2,.assoc_actor_2,.inter2,.civilian_targeting,.country,'
          '.iso3,.admin1,.admin2,.location,.latitude,.longitude,.geo_precision,.fatalities,'
          '.fatalities_low,.fatalities_high,.injuries,.detained,.claimed_by,.source,.notes,'
          '.char_start,.char_end,.cameo_code] | @csv')


RSS = WORK = None  # the rss helper (next to gen) and the work directory, set by main
LAST_CPU = 0.0  # processor seconds (user + system) of the last run()
BEST_CPU = None  # the shortest of them in the last timed()
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))  # runs per measurement, best time kept


def run(cmd, stdin=None, stdout=None):
    """Run cmd (a list, or a shell string); return (seconds, peak RSS in MiB).
    The peak comes from the rss helper (see rss.c): a child of this interpreter would report
    at least the interpreter's own peak."""
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    fout = open(stdout, "wb") if stdout else subprocess.DEVNULL
    argv = ["sh", "-c", cmd] if isinstance(cmd, str) else list(cmd)
    rss_file = os.path.join(WORK, "rss.out")
    t0 = time.perf_counter()
    p = subprocess.run([RSS, rss_file] + argv, stdin=fin, stdout=fout, stderr=subprocess.PIPE)
    secs = time.perf_counter() - t0
    err = p.stderr.decode(errors="replace")
    if p.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (cmd, p.returncode, err[-500:]))
    global LAST_CPU
    with open(rss_file) as fh:
        lines = fh.read().split()
    LAST_CPU = float(lines[1])
    return secs, int(lines[0]) / 1024.0


def timed(cmd, stdin=None, stdout=None):
    """run() REPEAT times: the shortest time (the machine's noise only ever adds) and the
    highest peak RSS; the shortest processor time goes to BEST_CPU."""
    global BEST_CPU
    best, peak, BEST_CPU = None, 0.0, None
    for _ in range(REPEAT):
        secs, rss = run(cmd, stdin=stdin, stdout=stdout)
        best = secs if best is None else min(best, secs)
        BEST_CPU = LAST_CPU if BEST_CPU is None else min(BEST_CPU, LAST_CPU)
        peak = max(peak, rss)
    return best, peak


def load():
    """The load average over the last minute: other work on the machine slows what is timed
    (and, with --jobs, takes the cores the workers would have)."""
    try:
        with open("/proc/loadavg") as fh:
            return float(fh.read().split()[0])
    except OSError:
        return float("nan")


def size_mb(path):
    return os.path.getsize(path) / 1e6


def text_mb(docs):
    """Megabytes of article text in a document stream (the extract workload)."""
    total = 0
    with open(docs, "rb") as fh:
        for line in fh:
            i = line.find(b'"n_chars":')
            if i >= 0:
                total += int(line[i + 10:line.index(b",", i)])
    return total / 1e6


def line(name, secs, rss, mb=None, recs=None):
    parts = ["%-34s %7.2f s" % (name, secs)]
    if mb is not None:
        parts.append("%8.1f MB/s" % (mb / secs))
    if recs is not None:
        parts.append("%10.0f records/s" % (recs / secs))
    parts.append("peak RSS %6.1f MiB" % rss)
    print("  ".join(parts), flush=True)


REPORT_EVENTS = 10_000  # the report's target: under 3 MB, opens in under 2 s

# A page that opens the report in a frame and times it: from before the frame is made to its
# load event plus a forced layout of the whole page (style, layout, the page's script).
OPEN_TIMER = """<!DOCTYPE html><html><body><script>
var t0 = performance.now(), f = document.createElement("iframe");
f.style.width = "1280px"; f.style.height = "900px";
f.onload = function () {
  var d = f.contentDocument, h = d.body.offsetHeight, t1 = performance.now();
  document.body.setAttribute("data-ms", String(Math.round(t1 - t0)));
  document.body.setAttribute("data-ready", d.documentElement.getAttribute("data-ready") || "");
};
f.src = %s; document.body.appendChild(f);
</script></body></html>
"""


def report_bench(sitrep, gen, work):
    """Size of the report of REPORT_EVENTS event records, the time to write it, and the time
    headless Chromium takes to open it (best of REPEAT)."""
    recs, page, timer = (os.path.join(work, n) for n in ("report-records.jsonl", "report.html", "report-open.html"))
    run([gen, "records", str(REPORT_EVENTS)], stdout=recs)
    s, r = timed([sitrep, "report", "-o", page, recs])
    print("  %-32s %7.2f s  %6.2f MB page (target < 3 MB)  peak RSS %6.1f MiB"
          % ("report of %d events" % REPORT_EVENTS, s, size_mb(page), r), flush=True)
    browser = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if not browser:
        print("  (chromium not installed: opening time not measured)")
        return
    with open(timer, "w") as fh:
        fh.write(OPEN_TIMER % repr("file://" + os.path.abspath(page)))
    best = None
    for _ in range(REPEAT):
        profile = tempfile.mkdtemp(prefix="sitrep-bench-chromium-")
        try:
            dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                  "--user-data-dir=" + profile, "--allow-file-access-from-files",
                                  "--host-resolver-rules=MAP * ~NOTFOUND", "--dump-dom", "file://" + os.path.abspath(timer)],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=300).stdout.decode()
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        m = re.search(r'data-ms="(\d+)" data-ready="(\d*)"', dom)
        if not m or m.group(2) != str(REPORT_EVENTS):
            sys.exit("bench: the report did not open in chromium: %s" % dom[-300:])
        best = int(m.group(1)) if best is None else min(best, int(m.group(1)))
    print("  %-32s %7.2f s  (load and lay out in headless Chromium; target < 2 s)"
          % ("open the report", best / 1000.0), flush=True)


def startup(sitrep, w):
    """extract on one short document: what every small job pays for the lexicons (the
    gazetteer, the town index, the rules) before its first record."""
    with open(w("one-doc.jsonl"), "w") as out:
        out.write('{"type":"document","doc_id":"one","published":"2021-08-08",'
                  '"text":"Gunmen killed two soldiers near Kunduz on Sunday, police said."}\n')
    best, cpu, peak = None, None, 0.0
    for _ in range(max(REPEAT, 10)):
        secs, rss = run([sitrep, "extract", "-q", "--jobs", "1", "--no-documents", w("one-doc.jsonl")])
        best = secs if best is None else min(best, secs)
        cpu = LAST_CPU if cpu is None else min(cpu, LAST_CPU)
        peak = max(peak, rss)
    print("  start-up (extract on one short document, best of %d): %.0f ms wall, %.0f ms of"
          " processor time, %.1f MiB (target: at most 100 ms)"
          % (max(REPEAT, 10), best * 1000, cpu * 1000, peak))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sitrep")
    ap.add_argument("gen")
    ap.add_argument("work")
    ap.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1")))
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    global RSS, WORK
    RSS = os.path.join(os.path.dirname(os.path.abspath(a.gen)), "rss")
    WORK = a.work
    w = lambda name: os.path.join(a.work, name)
    mb = 100 * a.scale
    n_rec = int(1_000_000 * a.scale)
    n_text = int(200_000 * a.scale)
    cores = os.cpu_count() or 1
    print("%d online processors; load average %.2f at the start" % (cores, load()))
    print("generating %.0f MB of articles, %d event records and %d text-heavy event records in %s"
          % (mb, n_rec, n_text, a.work), flush=True)
    run([a.gen, "articles", str(mb)], stdout=w("corpus.jsonl"))
    run([a.gen, "articles", str(mb / 10)], stdout=w("corpus-small.jsonl"))
    run([a.gen, "records", str(n_rec)], stdout=w("records.jsonl"))
    run([a.gen, "text-records", str(n_text)], stdout=w("text-records.jsonl"))
    # The files just written (about 300 MB at scale 1) would otherwise be flushed to disk by
    # the kernel during the first timings, which then pay for it.
    os.sync()
    corpus_mb, rec_mb = size_mb(w("corpus.jsonl")), size_mb(w("records.jsonl"))
    text_rec_mb = size_mb(w("text-records.jsonl"))
    print("corpus %.1f MB, records %.1f MB, text-heavy records %.1f MB\n" % (corpus_mb, rec_mb, text_rec_mb))

    print("sitrep stages (--jobs 1: one core each, run on three threads; best of %d runs, as for"
          " every figure below):" % REPEAT)
    s, r = timed([a.sitrep, "parse", "-q", w("corpus.jsonl")], stdout=w("docs.jsonl"))
    os.sync()  # the documents parse wrote, before extract is timed on them
    line("parse (feed -> documents)", s, r, corpus_mb)
    tmb = text_mb(w("docs.jsonl"))
    # Records go to /dev/null here, as for export, mlr and jq below: extract writes about nine
    # bytes of records per byte of text, and on a slow disk that would time the disk.
    s, r = timed([a.sitrep, "extract", "-q", "--jobs", "1", "--no-documents", w("docs.jsonl")])
    line("extract (%.0f MB of article text)" % tmb, s, r, tmb)
    extract_1x = (s, r)
    # The tables go to memory (/dev/shm) when it is there, for the same reason.
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    outdir = tempfile.mkdtemp(prefix="sitrep-bench-", dir=shm or a.work)
    try:
        s, r = timed([a.sitrep, "run", "-q", "--jobs", "1", "--outdir", outdir, w("corpus.jsonl")])
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
    line("run --jobs 1: parse+extract+export", s, r, corpus_mb)
    print("  (run: parse, one extract worker and export on threads of their own; tables written"
          " to %s)" % (shm or a.work))

    startup(a.sitrep, w)

    for label, recs, n, mbytes in (("same records file", "records.jsonl", n_rec, rec_mb),
                                   ("text-heavy records (notes: sentences with quotes and commas)",
                                    "text-records.jsonl", n_text, text_rec_mb)):
        compare_export(a.sitrep, label, w(recs), n, mbytes)

    run([a.sitrep, "parse", "-q", w("corpus-small.jsonl")], stdout=w("docs-small.jsonl"))
    scaling(a.sitrep, w, cores, corpus_mb, tmb, shm)

    print("\ninput size (extract, 1/10 input vs full input):")
    s1, r1 = timed([a.sitrep, "extract", "-q", "--jobs", "1", "--no-documents", w("docs-small.jsonl")])
    s10, r10 = extract_1x
    print("  1x: %.2f s, %.1f MiB   10x: %.2f s, %.1f MiB   time ratio %.1f (linear: <= 11)"
          % (s1, r1, s10, r10, s10 / s1))

    print("\nreport (sitrep report on %d event records, best of %d runs):" % (REPORT_EVENTS, REPEAT))
    report_bench(a.sitrep, a.gen, a.work)

    print("\nlong inputs (no quadratic path):")
    with open(w("long-article.jsonl"), "wb") as out:
        body = open(w("corpus.jsonl"), "rb").read(12_000_000)
        text = b" ".join(l[l.index(b'"text":"') + 8:l.rindex(b'"}')] for l in body.splitlines()[:-1])[:10_000_000]
        text = whole_escapes(text)
        out.write(b'{"id":"long","published":"2021-08-08","text":"' + text + b'"}\n')
    with open(w("long-paragraph.jsonl"), "wb") as out:
        para = text[:1_000_000].replace(b"\\n", b" ")
        out.write(b'{"id":"para","published":"2021-08-08","text":"' + para + b'"}\n')
    with open(w("long-article.txt"), "w", encoding="utf-8") as out:
        out.write("Title: A long report\nDate: 2021-08-08\n\n")
        out.write(json.loads(b'"' + text + b'"'))
    for name, f in (("10 MB article (feed)", "long-article.jsonl"),
                    ("10 MB article (text)", "long-article.txt"),
                    ("1 MB paragraph", "long-paragraph.jsonl")):
        s, r = timed("%s parse -q %s | %s extract -q --jobs 1 --no-documents" % (a.sitrep, w(f), a.sitrep))
        line("parse|extract " + name, s, r, size_mb(w(f)))
        pipe = s
        outdir = tempfile.mkdtemp(prefix="sitrep-bench-", dir=shm or a.work)
        try:
            s, r = timed([a.sitrep, "run", "-q", "--jobs", "1", "--outdir", outdir, w(f)])
        finally:
            shutil.rmtree(outdir, ignore_errors=True)
        line("run " + name, s, r, size_mb(w(f)))
        print("  run takes %.2fx the time of parse|extract" % (s / pipe))

    print("\nlinear time on long strings (tests/lineartime.py; processor time, start-up taken off):",
          flush=True)
    subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                 "lineartime.py"), a.sitrep])
    print("\nload average %.2f at the end" % load())


def whole_escapes(text):
    """JSON string text cut anywhere, shortened until no escape is cut in two."""
    for _ in range(8):
        try:
            json.loads(b'"' + text + b'"')
            return text
        except ValueError:
            text = text[:-1]
    sys.exit("bench: cannot cut the long article's text cleanly")


def compare_export(sitrep, label, recs, n, mbytes):
    """sitrep export, mlr and jq on the same records file: the same CSV table."""
    print("\n%s, sitrep export and other tools:" % label)
    s, r = timed([sitrep, "export", recs])
    line("sitrep export JSONL -> CSV", s, r, mbytes, n)
    sitrep_export = s
    ratios = []
    if shutil.which("mlr"):
        s, r = timed(["mlr", "--ijsonl", "--ocsv", "cat", recs])
        line("mlr --ijsonl --ocsv cat", s, r, mbytes, n)
        ratios.append("sitrep export is %.1fx faster than mlr" % (s / sitrep_export))
    if shutil.which("jq"):
        s, r = timed(["jq", "-r", JQ_CSV, recs])
        line("jq -r '[...] | @csv'", s, r, mbytes, n)
        ratios.append("sitrep export is %.1fx faster than jq" % (s / sitrep_export))
    for x in ratios:
        print("  " + x)


def scaling(sitrep, w, cores, corpus_mb, tmb, shm):
    """extract and run with 1, 2 and all cores; the records must not change with --jobs."""
    print("\nscaling with --jobs (load average now %.2f; the figures need an idle machine):" % load())
    jobs = sorted({1, 2, cores})
    digests = {j: digest([sitrep, "extract", "-q", "--jobs", str(j), w("docs-small.jsonl")]) for j in jobs}
    if len(set(digests.values())) != 1:
        sys.exit("bench: extract output changes with --jobs: %s" % digests)
    base = {}
    for j in jobs:
        s, r = timed([sitrep, "extract", "-q", "--jobs", str(j), "--no-documents", w("docs.jsonl")])
        base.setdefault("extract", s)
        line("extract --jobs %d" % j, s, r, tmb)
        print("  %.2fx the speed of --jobs 1" % (base["extract"] / s))
    for j in jobs:
        outdir = tempfile.mkdtemp(prefix="sitrep-bench-", dir=shm or os.path.dirname(w("x")))
        try:
            s, r = timed([sitrep, "run", "-q", "--jobs", str(j), "--outdir", outdir, w("corpus.jsonl")])
        finally:
            shutil.rmtree(outdir, ignore_errors=True)
        base.setdefault("run", s)
        line("run --jobs %d" % j, s, r, corpus_mb)
        print("  %.2fx the speed of --jobs 1" % (base["run"] / s))


def digest(cmd):
    """SHA-256 of a command's standard output, read as it comes."""
    h = hashlib.sha256()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as p:
        for block in iter(lambda: p.stdout.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()

    dedup(a, w, n_rec)


def dedup(a, w, n_rep):
    """sitrep dedup on a stream of n_rep reports (gen reports): most events told by two to four
    outlets, each with its own date words, place, sub-type, roles and toll; 900 reports a day,
    so a tenth of them spans a tenth of the days. Targets: a million in under 30 s, peak RSS
    under 256 MiB, time linear in the number of reports."""
    print("\ndedup (%d reports of about %d events, 900 a day; output to /dev/null):"
          % (n_rep, n_rep // 2), flush=True)
    run([a.gen, "reports", str(n_rep)], stdout=w("reports.jsonl"))
    run([a.gen, "reports", str(n_rep // 10)], stdout=w("reports-small.jsonl"))
    s, r = timed([a.sitrep, "dedup", "-q", w("reports.jsonl")])
    cpu = BEST_CPU
    line("dedup", s, r, size_mb(w("reports.jsonl")), n_rep)
    s1, r1 = timed([a.sitrep, "dedup", "-q", w("reports-small.jsonl")])
    cpu1 = BEST_CPU
    print("  processor time (user + system): %.2f s; a tenth of the reports: %.2f s, %.1f MiB"
          % (cpu, cpu1, r1))
    print("  time ratio 10x/1x: %.1f wall, %.1f processor (linear: <= 11)" % (s / s1, cpu / cpu1))
    if n_rep >= 1_000_000:
        print("  targets (1,000,000 reports): under 30 s %s, peak RSS under 256 MiB %s"
              % ("met" if s < 30 else "MISSED", "met" if r < 256 else "MISSED"))


if __name__ == "__main__":
    main()
