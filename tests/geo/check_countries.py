#!/usr/bin/env python3
"""Check sitrep's countries.tsv against the shared GeoNames reference.

usage: check_countries.py COUNTRIES_TSV SHARED_GEO_DIR

For every country in SHARED_GEO_DIR/countries_capitals_geonames.tsv:
  - its iso3 must be present in COUNTRIES_TSV;
  - when the reference has capital coordinates, the capital in COUNTRIES_TSV must lie
    within MAX_KM of them.
Also checks that COUNTRIES_TSV itself is well formed (9 columns, header, numeric
coordinates, unique codes).

Exit status: 0 all good, 1 failures, 2 usage error, 77 (skip) when SHARED_GEO_DIR is absent.
"""

import math
import os
import sys

MAX_KM = 50.0
REFERENCE = "countries_capitals_geonames.tsv"
HEADER = ["iso2", "iso3", "name", "aliases", "demonyms", "capital", "lat", "lon", "article"]


def haversine_km(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def to_float(s):
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def load_countries(path, failures):
    rows = {}
    header_seen = False
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen:
                header_seen = True
                if cols != HEADER:
                    failures.append("%s:%d: header is %r, expected %r"
                                    % (path, lineno, cols, HEADER))
                continue
            if len(cols) != len(HEADER):
                failures.append("%s:%d: %d columns, expected %d"
                                % (path, lineno, len(cols), len(HEADER)))
                continue
            rec = dict(zip(HEADER, cols))
            iso3 = rec["iso3"]
            if len(rec["iso2"]) != 2 or len(iso3) != 3:
                failures.append("%s:%d: bad iso codes %r %r" % (path, lineno, rec["iso2"], iso3))
            if not rec["name"]:
                failures.append("%s:%d: %s has no name" % (path, lineno, iso3))
            lat, lon = to_float(rec["lat"]), to_float(rec["lon"])
            if lat is None or lon is None or not (-90 <= lat <= 90) or not (-180 <= lon <= 180):
                failures.append("%s:%d: %s has bad coordinates %r %r"
                                % (path, lineno, iso3, rec["lat"], rec["lon"]))
                lat = lon = None
            rec["lat"], rec["lon"] = lat, lon
            if iso3 in rows:
                failures.append("%s:%d: duplicate iso3 %s" % (path, lineno, iso3))
            rows[iso3] = rec
    if not header_seen:
        failures.append("%s: no header line" % path)
    return rows


def load_reference(path):
    ref = []
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            cols = line.rstrip("\n").rstrip("\r").split("\t")
            if header is None:
                header = cols
                continue
            if len(cols) < len(header):
                cols += [""] * (len(header) - len(cols))
            ref.append(dict(zip(header, cols)))
    return ref


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: check_countries.py COUNTRIES_TSV SHARED_GEO_DIR\n")
        return 2
    countries_path, geo_dir = argv[1], argv[2]
    ref_path = os.path.join(geo_dir, REFERENCE)
    if not os.path.isdir(geo_dir) or not os.path.isfile(ref_path):
        print("check_countries: SKIP: %s not found" % ref_path)
        return 77

    failures = []
    ours = load_countries(countries_path, failures)
    ref = load_reference(ref_path)
    checked = 0
    failed = set()
    for r in ref:
        iso3 = r.get("iso3", "").strip()
        if not iso3:
            continue
        checked += 1
        mine = ours.get(iso3)
        if mine is None:
            failures.append("%s (%s): missing from %s" % (iso3, r.get("country", ""), countries_path))
            failed.add(iso3)
            continue
        rlat, rlon = to_float(r.get("lat", "")), to_float(r.get("lon", ""))
        if rlat is None or rlon is None:
            continue  # the reference has no capital coordinates for this one
        if mine["lat"] is None:
            failed.add(iso3)
            continue  # already reported as malformed
        d = haversine_km(mine["lat"], mine["lon"], rlat, rlon)
        if d > MAX_KM:
            failures.append("%s (%s): capital %r at %.4f,%.4f is %.0f km from reference %r at %.4f,%.4f"
                            % (iso3, mine["name"], mine["capital"], mine["lat"], mine["lon"], d,
                               r.get("capital", ""), rlat, rlon))
            failed.add(iso3)

    for msg in failures:
        print("FAIL: " + msg)
    # malformed-file problems that are not tied to a reference country still count as a failure
    nfailed = len(failed) + (1 if failures and not failed else 0)
    print("check_countries: %d countries checked, %d failed" % (checked, nfailed))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
