#!/usr/bin/env python3
"""Export round trips through the programs users open sitrep's tables with: pandas (CSV,
JSON Lines, SQLite), openpyxl (XLSX), LibreOffice (XLSX and CSV), ogrinfo (GeoJSON), jq, mlr
and sqlite3. A hostile record (formula-like cells, quotes, newlines, tabs, non-Latin scripts,
a 40,000-character note, codes with leading zeros, date-like text) must survive every trip or
be neutralised as documented. Clients that are not installed are skipped.

usage: roundtrip.py SITREP      Ends with "N passed, N failed, N skipped".
"""
import csv, io, json, os, shutil, sqlite3, subprocess, sys, tempfile, time

SITREP = os.path.abspath(sys.argv[1])
passed = failed = skipped = 0


def report(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL %s %s" % (name, detail))


def skip(name):
    global skipped
    skipped += 1
    print("skip " + name)


def event(i, **over):
    e = {"type": "event", "doc_id": "d%d" % i, "event_id": "d%d-e1" % i, "event_date": "2021-08-0%d" % (i + 1),
         "time_precision": 1, "date_text": "Sunday", "event_type": "Battles", "sub_event_type": "Armed clash",
         "actor1": "Taliban", "assoc_actor_1": None, "inter1": 2, "actor2": "Military Forces of Afghanistan",
         "assoc_actor_2": None, "inter2": 1, "civilian_targeting": None, "country": "Afghanistan", "iso3": "AFG",
         "admin1": "Kunduz", "admin2": "Kunduz", "location": "Kunduz", "latitude": 36.729 + i, "longitude": 68.857,
         "geo_precision": 1, "fatalities": 56 + i, "fatalities_low": 56, "fatalities_high": None, "injuries": 85,
         "detained": None, "claimed_by": "Interior Ministry", "source": "Wire", "notes": "Fighting in Kunduz.",
         "char_start": 0, "char_end": 19, "cameo_code": "190"}
    e.update(over)
    return e


HOSTILE = event(1, actor1="=HYPERLINK(\"http://x.example\",\"click\")", actor2="@SUM(1+1)", claimed_by="+1-2",
                location="-Kunduz", source="\tTabbed", date_text="1-2", cameo_code="0874",
                admin2="\u0642\u0646\u062f\u0648\u0632 \u041a\u0443\u043d\u0434\u0443\u0437 \u6606\u90fd\u58eb",
                notes="He said \"stop\", then left.\nSecond line\twith tab. " + "x" * 40000)
PLAIN = event(0)
NOCOORD = event(2, latitude=None, longitude=None, geo_precision=None, location=None)
RECORDS = [PLAIN, HOSTILE, NOCOORD]
NEUTRAL = {"actor1", "actor2", "claimed_by", "location", "source"}  # start with = @ + - tab


def export(tmp, fmt, *extra):
    src = os.path.join(tmp, "in.jsonl")
    with open(src, "w", encoding="utf-8") as fh:
        for r in RECORDS:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    out = os.path.join(tmp, fmt)
    subprocess.run([SITREP, "export", "--format", fmt, "--outdir", out] + list(extra) + [src],
                   check=True, capture_output=True)
    return out


def have(mod):
    try:
        __import__(mod)
        return True
    except ImportError:
        return False


def check_csv_pandas(tmp):
    if not have("pandas"):
        return skip("pandas read_csv")
    import pandas as pd
    out = export(tmp, "csv")
    df = pd.read_csv(os.path.join(out, "events.csv"), dtype={"cameo_code": str, "iso3": str, "event_id": str,
                     "doc_id": str, "date_text": str}, parse_dates=["event_date"], keep_default_na=False,
                     na_values=[""])
    report(str(df["fatalities"].dtype) == "int64", "pandas read_csv: fatalities are integers", df["fatalities"].dtype)
    report(str(df["latitude"].dtype) == "float64", "pandas read_csv: latitude is float", df["latitude"].dtype)
    report(str(df["event_date"].dtype).startswith("datetime64"), "pandas read_csv: event_date parses as dates")
    h = df.iloc[1]
    report(h["cameo_code"] == "0874" and h["date_text"] == "1-2", "pandas read_csv: codes and date-like text stay text")
    report(h["notes"] == HOSTILE["notes"], "pandas read_csv: 40,000-character note with quotes, newline, tab intact")
    report(h["admin2"] == HOSTILE["admin2"], "pandas read_csv: Arabic, Cyrillic and Chinese intact")
    report(all(h[k] == "'" + HOSTILE[k] for k in NEUTRAL), "csv: formula-like text neutralised with a leading '",
           [h[k] for k in NEUTRAL])
    dp = json.load(open(os.path.join(out, "datapackage.json")))
    fields = {f["name"]: f["type"] for r in dp["resources"] if r["name"] == "events" for f in r["schema"]["fields"]}
    report(fields.get("cameo_code") == "string" and fields.get("fatalities") == "integer" and
           fields.get("event_date") == "date", "datapackage.json types the columns", fields.get("cameo_code"))
    raw = export(tmp, "csv", "--raw")
    df = pd.read_csv(os.path.join(raw, "events.csv"), dtype=str, keep_default_na=False)
    report(df.iloc[1]["actor1"] == HOSTILE["actor1"], "csv --raw keeps text as it was")


def check_jsonl_pandas(tmp):
    if not have("pandas"):
        return skip("pandas read_json")
    import pandas as pd
    out = export(tmp, "jsonl")
    df = pd.read_json(os.path.join(out, "events.jsonl"), lines=True, dtype={"cameo_code": str})
    report(len(df) == 3 and df.iloc[1]["notes"] == HOSTILE["notes"] and df.iloc[1]["actor1"] == HOSTILE["actor1"],
           "pandas read_json(lines=True): values unchanged")


def check_sqlite(tmp):
    out = export(tmp, "sqlite")
    path = os.path.join(out, "sitrep.sqlite")
    con = sqlite3.connect(path)
    rows = con.execute("select fatalities, typeof(fatalities), cameo_code, notes from events order by doc_id").fetchall()
    report(rows[1][1] == "integer" and rows[1][2] == "0874" and rows[1][3] == HOSTILE["notes"],
           "sqlite: typed columns, codes as text, long note intact", rows[1][:3])
    idx = {r[1] for r in con.execute("pragma index_list(events)")}
    report({"events_doc_id", "events_event_date"} <= idx, "sqlite: indexes on doc_id and event_date", idx)
    if have("pandas"):
        import pandas as pd
        df = pd.read_sql("select * from events", con)
        report(str(df["fatalities"].dtype) == "int64" and len(df) == 3, "pandas read_sql on the SQLite file")
    else:
        skip("pandas read_sql")
    con.close()
    if shutil.which("sqlite3"):
        n = subprocess.run(["sqlite3", path, "select count(*) from events"], capture_output=True, text=True).stdout
        report(n.strip() == "3", "sqlite3 CLI counts the events", n)
    else:
        skip("sqlite3 CLI")


def soffice(args, expect, conv):
    """Run a headless LibreOffice conversion; a fresh profile sometimes makes the first start
    exit without converting, so try up to three times."""
    r = None
    for _ in range(3):
        r = subprocess.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + conv + "/profile"]
                           + args, capture_output=True, timeout=240, stdin=subprocess.DEVNULL)
        if any(os.path.exists(e) for e in expect):
            return
        time.sleep(1)
    print("     soffice said: %s %s" % (r.stdout.decode(errors="replace")[-300:], r.stderr.decode(errors="replace")[-300:]))


def check_xlsx(tmp):
    out = export(tmp, "xlsx")
    path = os.path.join(out, "sitrep.xlsx")
    if not have("openpyxl"):
        skip("openpyxl")
    else:
        import openpyxl, datetime
        ws = openpyxl.load_workbook(path)["events"]
        head = [c.value for c in ws[1]]
        col = {name: i for i, name in enumerate(head)}
        r = [c for c in ws[3]]
        report(ws.freeze_panes == "A2" and ws.auto_filter.ref is not None, "xlsx: header frozen with autofilter",
               (ws.freeze_panes, ws.auto_filter.ref))
        report(isinstance(r[col["fatalities"]].value, (int, float)) and r[col["fatalities"]].value == 57,
               "xlsx: numbers are numbers", r[col["fatalities"]].value)
        report(isinstance(r[col["event_date"]].value, datetime.datetime), "xlsx: dates are dates")
        report(r[col["cameo_code"]].value == "0874" and r[col["date_text"]].value == "1-2",
               "xlsx: '0874' and '1-2' stay text")
        report(r[col["actor1"]].data_type == "s" and r[col["actor1"]].value == HOSTILE["actor1"],
               "xlsx: formula-like text is a string cell, not a formula")
        note = r[col["notes"]].value
        report(len(note) <= 32767 and note.endswith("[truncated by sitrep]"), "xlsx: 40,000 characters cut with a marker",
               len(note))
    if shutil.which("soffice"):
        conv = os.path.join(tmp, "lo")
        os.makedirs(conv, exist_ok=True)
        # Sheet 2 is "events": the 12th token of the CSV filter options picks the sheet.
        flt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2"
        soffice(["--convert-to", flt, "--outdir", conv, path],
                [os.path.join(conv, "sitrep-events.csv"), os.path.join(conv, "sitrep.csv")], conv)
        got = os.path.join(conv, "sitrep-events.csv")
        if not os.path.exists(got):
            got = os.path.join(conv, "sitrep.csv")
        rows = list(csv.reader(open(got, encoding="utf-8"))) if os.path.exists(got) else []
        ok = len(rows) == 4 and rows[2][rows[0].index("actor1")] == HOSTILE["actor1"] and \
            rows[2][rows[0].index("cameo_code")] == "0874" and rows[2][rows[0].index("fatalities")] == "57"
        report(ok, "LibreOffice reads the xlsx back with the same values", rows[2][:8] if len(rows) > 2 else rows)
        src = os.path.join(export(tmp, "csv"), "events.csv")
        # The import filter of the man page: cameo_code (column 33) read as text.
        code_col = 1 + list(csv.reader(open(src, encoding="utf-8")))[0].index("cameo_code")
        back = os.path.join(conv, "csv", "events.csv")
        soffice(["--infilter=CSV:44,34,76,1,%d/2,0,false,false,false,false,false" % code_col, "--convert-to",
                 "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
                 "--outdir", os.path.join(conv, "csv"), src], [back], conv)
        rows2 = list(csv.reader(open(back, encoding="utf-8"))) if os.path.exists(back) else []
        same = len(rows2) == 4 and all(rows2[i][rows2[0].index(k)] == rows[i][rows[0].index(k)]
                                       for i in (1, 2) for k in ("fatalities", "admin2", "event_id", "cameo_code",
                                                                 "date_text", "latitude"))
        report(same, "LibreOffice: the CSV and the xlsx give the same values",
               (rows2[2][:6] if len(rows2) > 2 else rows2))
    else:
        skip("LibreOffice")


def check_geojson(tmp):
    out = export(tmp, "geojson")
    g = json.load(open(os.path.join(out, "events.geojson")))
    f = g["features"]
    report(g["type"] == "FeatureCollection" and len(f) == 2 and f[0]["geometry"]["coordinates"] == [68.857, 36.729],
           "geojson: Points are [longitude, latitude]; rows without coordinates left out")
    if shutil.which("ogrinfo"):
        info = subprocess.run(["ogrinfo", "-ro", "-al", "-so", os.path.join(out, "events.geojson")],
                              capture_output=True, text=True).stdout
        report("Feature Count: 2" in info and "Point" in info, "ogrinfo reads the GeoJSON", info[-200:])
    else:
        skip("ogrinfo")


def check_jq_mlr(tmp):
    out = export(tmp, "jsonl")
    if shutil.which("jq"):
        n = subprocess.run(["jq", "-s", "length", os.path.join(out, "events.jsonl")], capture_output=True,
                           text=True).stdout
        report(n.strip() == "3", "jq reads the JSON Lines", n)
    else:
        skip("jq")
    if shutil.which("mlr"):
        csvdir = export(tmp, "csv", "--raw")
        js = subprocess.run(["mlr", "--icsv", "--ojson", "cat", os.path.join(csvdir, "events.csv")],
                            capture_output=True, text=True).stdout
        rows = json.loads(js)
        report(len(rows) == 3 and rows[1]["notes"] == HOSTILE["notes"] and rows[1]["admin2"] == HOSTILE["admin2"],
               "mlr reads the CSV with the same values")
    else:
        skip("mlr")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for check in (check_csv_pandas, check_jsonl_pandas, check_sqlite, check_xlsx, check_geojson, check_jq_mlr):
            try:
                check(tmp)
            except Exception as e:  # a crash in one client is a failure, not the end
                report(False, check.__name__, repr(e))
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
