#!/usr/bin/env python3
"""Every Afghan district of the reference tables must resolve through sitrep's own gazetteer
lookup to a district (adm2) of Afghanistan within 30 km of the geoBoundaries centroid.

usage: resolve_af.py SITREP SHARED_GEO_DIR     (exit 77 when the folder is absent)
"""
import csv, math, os, subprocess, sys

MAX_KM = 30.0


def km(a, b, c, d):
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def main():
    sitrep, geo = sys.argv[1], sys.argv[2]
    ref = os.path.join(geo, "afg_districts_centroids_geoboundaries.csv")
    if not os.path.exists(ref):
        print("resolve_af: %s absent, skipped" % geo)
        sys.exit(77)
    rows = list(csv.DictReader(open(ref, encoding="utf-8")))
    # GeoNames' admin2 names ("Shighnan District") must resolve too, with or without the suffix.
    gn = [l.rstrip("\n").split("\t") for l in open(os.path.join(geo, "geonames_admin2_AF.tsv"), encoding="utf-8")]
    names = sorted({r["district"] for r in rows} | {f[2] for f in gn if len(f) > 2})
    out = subprocess.run([sitrep, "gazetteer", "lookup"] + names, capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines()[1:]:
        f = line.split("\t")
        if f[3] == "adm2" and f[4] == "AFG":
            found.setdefault(f[0], []).append((float(f[7]), float(f[8])))
    failures = 0
    for r in rows:
        pts = found.get(r["district"], [])
        best = min((km(float(r["lat"]), float(r["lon"]), a, b) for a, b in pts), default=None)
        if best is None or best > MAX_KM:
            failures += 1
            print("district %s (%s): %s" % (r["district"], r["province"],
                  "does not resolve" if best is None else "%.0f km away" % best))
    for f in gn:
        if len(f) > 2 and f[2] not in found:
            failures += 1
            print("GeoNames district %s does not resolve" % f[2])
    print("resolve_af: %d districts checked, %d failed" % (len(rows) + len(gn), failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
