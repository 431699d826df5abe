#!/usr/bin/env python3
"""Check the Afghan gazetteer layer against independent reference tables.

usage: check_af.py GAZETTEER_TSV SHARED_GEO_DIR

SHARED_GEO_DIR holds the reference tables (see its README.md):
  geonames_admin1_AF.tsv                     the 34 provinces (GeoNames)
  geonames_admin2_AF.tsv                     398 districts (GeoNames, no coordinates)
  afg_districts_centroids_geoboundaries.csv  398 districts with polygon centroids

Checks:
  (a) every province in geonames_admin1_AF.tsv resolves, by name or alias, to an adm1 row;
  (b) every district in both district tables resolves to an adm2 row (names compared after
      folding case and accents, dropping spaces, hyphens and apostrophes, and treating the
      "-e-"/"-i-" linking vowels flexibly; a district may match through an alias);
  (c) the adm2 row a geoBoundaries district resolves to lies within MAX_KM of its centroid.

Prints each failure, then "check_af: N districts checked, N failed".
Exit status: 0 all passed, 1 some failed, 2 usage or unreadable gazetteer,
77 (skip) when SHARED_GEO_DIR is absent.
"""

import csv
import difflib
import math
import os
import re
import sys
import unicodedata

MAX_KM = 30.0
LINKERS = {"e", "i", "y", "ye", "yi", "wa", "o", "u"}


def fold(s):
    """Lower case, accents removed, typographic quotes/dashes folded; words kept."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower()
    s = re.sub(r"[\u2018\u2019\u02bc\u02bb\u0060\u00b4']", "", s)  # apostrophes vanish
    s = re.sub(r"[^a-z0-9]+", " ", s)  # spaces, hyphens, dashes, dots...
    return s.split()


def keys(name):
    """Comparison keys for a name: strict (all letters) and loose (linking vowels)."""
    words = fold(name)
    if not words:
        return set()
    strict = "".join(words)
    loose_words = [w for w in words if w not in LINKERS] or words
    # A linking vowel glued to the word before it ("Dashte Archi", "Puli Khumri",
    # "Mazari Sharif") is dropped, as a free-standing one is ("Dasht-e Archi").
    loose = []
    for i, w in enumerate(loose_words):
        if i < len(loose_words) - 1 and len(w) > 3 and w[-1] in "ie":
            w = w[:-1]
        loose.append(w)
    # "Qala-I- Naw", "Qalay-I- Zal": a "y"/"h" before the link is part of it too.
    loose2 = [w[:-1] if i < len(loose) - 1 and len(w) > 3 and w[-1] in "yh" else w
              for i, w in enumerate(loose)]
    return {strict, "~" + "".join(loose), "~" + "".join(loose2)}


def name_variants(name):
    """The full name, then the part outside parentheses, then the part inside."""
    out = [name]
    m = re.match(r"^(.*?)\((.*?)\)(.*)$", name)
    if m:
        outside = (m.group(1) + " " + m.group(3)).strip()
        inside = m.group(2).strip()
        out += [v for v in (outside, inside) if v]
    return out


def km(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def load_gazetteer(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                want = ["name", "aliases", "kind", "iso3", "admin1", "admin2",
                        "lat", "lon", "population"]
                if header != want:
                    raise ValueError("%s: bad header %r" % (path, header))
                continue
            if len(cells) != len(header):
                raise ValueError("%s:%d: %d cells, want %d" % (path, lineno, len(cells), len(header)))
            r = dict(zip(header, cells))
            r["lat"], r["lon"] = float(r["lat"]), float(r["lon"])
            r["names"] = [r["name"]] + [a for a in r["aliases"].split("|") if a]
            r["keys"] = set()
            for n in r["names"]:
                r["keys"] |= keys(n)
            rows.append(r)
    return rows


def build_index(rows, kind):
    idx = {}
    for r in rows:
        if r["kind"] == kind and r["iso3"] == "AFG":
            for k in r["keys"]:
                idx.setdefault(k, []).append(r)
    return idx


def lookup(idx, name):
    """Rows matching a name (strict keys first, then loose ones), de-duplicated."""
    for variant in name_variants(name):
        ks = keys(variant)
        strict = [k for k in ks if not k.startswith("~")]
        loose = [k for k in ks if k.startswith("~")]
        for group in (strict, loose):
            found = []
            for k in group:
                for r in idx.get(k, []):
                    if r not in found:
                        found.append(r)
            if found:
                return found
    return []


def resolve_province(adm1_idx, adm1_rows, name):
    hits = lookup(adm1_idx, name)
    if hits:
        return hits[0]["name"]
    # Reference tables carry the odd misspelling ("Ghanzi"): take a near-certain
    # fuzzy match on the province names and aliases, else leave it unresolved.
    best, best_ratio = None, 0.0
    target = "".join(fold(name))
    for r in adm1_rows:
        for n in r["names"]:
            ratio = difflib.SequenceMatcher(None, target, "".join(fold(n))).ratio()
            if ratio > best_ratio:
                best, best_ratio = r["name"], ratio
    return best if best_ratio >= 0.8 else None


def pick(cands, province, lat=None, lon=None):
    """Choose among same-named adm2 rows: the one in the province, else the nearest."""
    if province:
        inprov = [r for r in cands if r["admin1"] == province]
        if inprov:
            cands = inprov
    if len(cands) > 1 and lat is not None:
        cands = sorted(cands, key=lambda r: km(lat, lon, r["lat"], r["lon"]))
    return cands[0]


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: check_af.py GAZETTEER_TSV SHARED_GEO_DIR\n")
        return 2
    gaz, geo = argv[1], argv[2]
    if not os.path.isdir(geo):
        print("check_af: skipped: reference directory %s is absent" % geo)
        return 77
    try:
        rows = load_gazetteer(gaz)
    except (OSError, ValueError) as e:
        sys.stderr.write("check_af: %s\n" % e)
        return 2

    adm1_rows = [r for r in rows if r["kind"] == "adm1" and r["iso3"] == "AFG"]
    adm1_idx = build_index(rows, "adm1")
    adm2_idx = build_index(rows, "adm2")
    failures = []

    # (a) provinces
    admin1_names = {}
    nprov = 0
    with open(os.path.join(geo, "geonames_admin1_AF.tsv"), encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 3:
                continue
            code, name, ascii_name = cells[0], cells[1], cells[2]
            nprov += 1
            hit = lookup(adm1_idx, name) or lookup(adm1_idx, ascii_name)
            if hit:
                admin1_names[code] = hit[0]["name"]
            else:
                failures.append("province %s %r: no adm1 row" % (code, name))
    if nprov != 34:
        failures.append("geonames_admin1_AF.tsv: %d provinces, want 34" % nprov)

    checked = 0

    # (b) GeoNames districts: resolve only
    with open(os.path.join(geo, "geonames_admin2_AF.tsv"), encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 3:
                continue
            code, name, ascii_name = cells[0], cells[1], cells[2]
            checked += 1
            variants = [name, ascii_name, re.sub(r"\s+District$", "", ascii_name)]
            cands = []
            for v in variants:
                cands = lookup(adm2_idx, v)
                if cands:
                    break
            if not cands:
                failures.append("geonames %s %r (%s): no adm2 row"
                                % (code, ascii_name, admin1_names.get(code.rsplit(".", 1)[0], "?")))

    # (b) + (c) geoBoundaries districts: resolve, then distance to centroid
    with open(os.path.join(geo, "afg_districts_centroids_geoboundaries.csv"), encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            checked += 1
            name, prov = rec["district"], rec["province"]
            lat, lon = float(rec["lat"]), float(rec["lon"])
            cands = lookup(adm2_idx, name)
            if not cands:
                failures.append("geoboundaries %r (%s): no adm2 row" % (name, prov))
                continue
            province = resolve_province(adm1_idx, adm1_rows, prov)
            r = pick(cands, province, lat, lon)
            d = km(lat, lon, r["lat"], r["lon"])
            if d > MAX_KM:
                failures.append("geoboundaries %r (%s): adm2 %r (%s) at %.4f,%.4f is %.1f km "
                                "from the district centroid"
                                % (name, prov, r["name"], r["admin1"], r["lat"], r["lon"], d))

    for msg in failures:
        print("FAIL " + msg)
    nfailed = len(failures)
    print("check_af: %d districts checked, %d failed" % (checked, nfailed))
    return 1 if nfailed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
