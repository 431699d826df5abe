#!/usr/bin/env python3
"""The report in a real browser. Headless Chromium opens the report of the sample corpus
(`sitrep run --report`) and the report of the escaping case (tests/golden/report-escaping),
and the rendered page (--dump-dom) must hold one events-table row per event and one map mark
per located event, show hostile values as text, and have run its script; the browser's net
log must hold no request made by the page (a probe page that does make one proves the check
sees it). Screenshots are left in SHOTDIR for review. Without Chromium every check is
skipped, never passed.

usage: report-browser.py SITREP [SHOTDIR]     Ends with "N passed, N failed, N skipped".
"""
import glob, html.parser, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SITREP = os.path.abspath(sys.argv[1])
SHOTS = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.dirname(SITREP)
CHECKS = ["corpus report written", "a row per event", "a mark per located event",
          "script ran", "no URL in the page source", "net log sees a page's request (probe)",
          "no network request from the page", "hostile values render as text", "screenshot"]
TITLE = '"><img src=x onerror=alert(1)></title><script>alert(2)</script>'
passed = failed = skipped = 0


def report(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL %s %s" % (name, detail))


def find_browser():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Dom(html.parser.HTMLParser):
    """What the checks need from a rendered page."""

    def __init__(self):
        super().__init__()
        self.stack = []          # open elements: (tag, attrs)
        self.rows = 0            # <tr> in the events table's <tbody>
        self.marks = 0           # elements of class event-mark
        self.tags = {}           # start tags by name
        self.html_attrs = {}
        self.row_text = []       # text inside the events table's body
        self.h1 = []
        self.titles = []         # title attributes in the events table
        self.filters_hidden = None

    def in_events_body(self):
        ids = [a.get("id") for t, a in self.stack if t == "table"]
        return bool(ids) and ids[-1] == "events" and any(t == "tbody" for t, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "html":
            self.html_attrs = a
        if "event-mark" in (a.get("class") or "").split():
            self.marks += 1
        if a.get("id") == "filters":
            self.filters_hidden = "hidden" in a
        self.stack.append((tag, a))
        if self.in_events_body():
            if tag == "tr":
                self.rows += 1
            if "title" in a:
                self.titles.append(a["title"])
        if tag in ("meta", "link", "br", "img", "input", "path", "rect", "circle"):
            self.stack.pop()  # void, or self-closed in SVG

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.in_events_body():
            self.row_text.append(data)
        if any(t == "h1" for t, _ in self.stack):
            self.h1.append(data)


def chromium(browser, tmp, url, *action, netlog=None):
    argv = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--user-data-dir=" + os.path.join(tmp, "profile"), "--disable-background-networking",
            "--disable-component-update", "--host-resolver-rules=MAP * ~NOTFOUND"]
    if netlog:
        argv.append("--log-net-log=" + netlog)
    p = subprocess.run(argv + list(action) + [url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=300)
    return p.stdout.decode("utf-8", "replace")


def page_requests(netlog):
    """URLs the page asked for: requests whose initiator is a web origin (the browser's own
    update and account checks have none) or whose isolation key is the file's."""
    log = json.load(open(netlog, encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for e in log["events"]:
        p = e.get("params") or {}
        if e["type"] == start and "url" in p and (p.get("initiator") != "not an origin" or
                                                   "file://" in p.get("network_isolation_key", "")):
            urls.append(p["url"])
    return urls


def parse(text):
    d = Dom()
    d.feed(text)
    return d


def corpus_checks(browser, tmp):
    out = os.path.join(tmp, "out")
    corpus = sorted(glob.glob(os.path.join(HERE, "corpus", "*.txt")) +
                    glob.glob(os.path.join(HERE, "corpus", "*.html")) +
                    glob.glob(os.path.join(HERE, "corpus", "*.jsonl")))
    p = subprocess.run([SITREP, "run", "-q", "--report", "-f", "jsonl", "--outdir", out] + corpus,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    page = os.path.join(out, "report.html")
    report(p.returncode == 0 and os.path.exists(page), CHECKS[0], p.stderr.decode()[-300:])
    events = [json.loads(l) for l in open(os.path.join(out, "events.jsonl"), encoding="utf-8")]
    located = sum(1 for e in events if e.get("latitude") is not None and e.get("longitude") is not None)
    netlog = os.path.join(tmp, "corpus-net.json")
    dom = parse(chromium(browser, tmp, "file://" + page, "--dump-dom", netlog=netlog))
    report(dom.rows == len(events) > 0, CHECKS[1], "(%d rows, %d events)" % (dom.rows, len(events)))
    report(dom.marks == located > 0, CHECKS[2], "(%d marks, %d located)" % (dom.marks, located))
    report(dom.html_attrs.get("data-ready") == str(len(events)) and dom.filters_hidden is False,
           CHECKS[3], "(data-ready %r)" % dom.html_attrs.get("data-ready"))
    source = open(page, encoding="utf-8").read()
    urls = re.findall(r'(?:src|href|action|xlink:href)\s*=\s*["\']?\s*(?:https?:)?//[^"\' >]*|url\(\s*["\']?(?:https?:)?//',
                      source, re.I)
    report(not urls, CHECKS[4], str(urls[:3]))
    probe = os.path.join(tmp, "probe.html")
    with open(probe, "w") as fh:
        fh.write('<!DOCTYPE html><p>probe<img src="http://sitrep.invalid/probe.png">\n')
    probe_log = os.path.join(tmp, "probe-net.json")
    chromium(browser, tmp, "file://" + probe, "--dump-dom", netlog=probe_log)
    report("http://sitrep.invalid/probe.png" in page_requests(probe_log), CHECKS[5])
    asked = page_requests(netlog)
    report(not asked, CHECKS[6] + " (corpus)", str(asked[:3]))
    shot = os.path.join(SHOTS, "report-corpus.png")
    chromium(browser, tmp, "file://" + page, "--screenshot=" + shot, "--window-size=1280,2400",
             "--hide-scrollbars")
    report(os.path.exists(shot) and os.path.getsize(shot) > 10000, CHECKS[8], shot)


def escaping_checks(browser, tmp):
    case = os.path.join(HERE, "golden", "report-escaping")
    docs, recs, page = (os.path.join(tmp, n) for n in ("esc-docs.jsonl", "esc-recs.jsonl", "esc.html"))
    with open(docs, "wb") as fh:
        subprocess.run([SITREP, "parse", os.path.join(case, "article.txt")], stdout=fh, check=True)
    with open(recs, "wb") as fh:
        subprocess.run([SITREP, "extract", docs], stdout=fh, check=True)
    subprocess.run([SITREP, "report", "-o", page, "--title", TITLE, recs,
                    os.path.join(case, "mentions.jsonl")], check=True)
    netlog = os.path.join(tmp, "esc-net.json")
    dom = parse(chromium(browser, tmp, "file://" + page, "--dump-dom", netlog=netlog))
    text = "".join(dom.row_text)
    problems = []
    if dom.tags.get("img"):
        problems.append("an <img> element was made")
    if dom.tags.get("script") != 2:
        problems.append("%s script elements (2 are the page's)" % dom.tags.get("script"))
    if "<script>alert(1)</script>" not in text:
        problems.append("the sentence's markup is not shown as text")
    if "".join(dom.h1) != TITLE:
        problems.append("heading %r" % "".join(dom.h1))
    if not any(t.startswith('"><img src=x onerror=alert(1)>') for t in dom.titles):
        problems.append("source names not kept as an attribute's text")
    report(not problems, CHECKS[7], "; ".join(problems))
    asked = page_requests(netlog)
    report(not asked, CHECKS[6] + " (escaping case)", str(asked[:3]))


def main():
    global skipped
    browser = find_browser()
    if not browser:
        print("chromium is not installed (apt-get install chromium): the browser checks are skipped")
        for name in CHECKS:
            skipped += 1
            print("skip " + name)
    else:
        tmp = tempfile.mkdtemp(prefix="sitrep-report-")
        try:
            corpus_checks(browser, tmp)
            escaping_checks(browser, tmp)
        except (OSError, ValueError, subprocess.SubprocessError) as e:
            report(False, "browser checks ran to the end", repr(e))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
