#!/usr/bin/env python3
"""kenya_units: write src/data/gazetteer_ke.tsv, Kenya's units below the county, from the
npm package kenya-locations (MIT licence, by David Amunga; names of Kenya's constituencies,
sub-counties, wards, localities and areas, with the county of each).

Kenya's news and ACLED's notes name constituencies, sub-counties and wards ("Kwanza
constituency", "Tiaty sub county", "Mathare") that GeoNames' town tables lack, so a report
naming only them had no country and no county. The package gives names and counties but no
coordinates: a unit is located at a town of the same name in the gazetteer tables where one
exists, a ward or area at its constituency or locality, else at its county's seat (the adm1
row's coordinates); the header of the written file says so.

Rows: constituencies and sub-counties as adm2 (their own admin2), wards, localities and areas
as ppl (admin2: the constituency of a ward). Left out: names the gazetteer tables already have
in Kenya, names of fewer than four letters, and one-word names that are an English word
(Debian's wamerican dictionary), a first name or other word of src/data/placewords.tsv, an
actor's name or a nationality word, so that "Soy", "Hospital", "Karen" or "Maasai" do not
become places; and names that several counties share ("Milimani", "Majengo").

Reproduce:
  npm pack kenya-locations && tar xzf kenya-locations-*.tgz
  node -e 'const m=require("./package/dist/index.cjs");console.log(JSON.stringify({
      constituencies:m.getConstituencies(),subcounties:m.getSubCounties(),wards:m.getWards(),
      localities:m.getLocalities(),areas:m.getAreas()}))' > kenya.json
  tools/kenya_units.py kenya.json --dict /usr/share/dict/american-english \\
      --actors src/data/actors.tsv --countries src/data/countries.tsv --skip Maasai \\
      src/data/placewords.tsv src/data/gazetteer_af.tsv src/data/gazetteer_world.tsv \\
      src/data/cities_world.tsv > src/data/gazetteer_ke.tsv
"""
import argparse
import json
import re
import sys
import unicodedata


def key(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def read_tsv(path):
    header = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if header is None:
                header = f
                continue
            yield dict(zip(header, f))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kenya_json")
    ap.add_argument("--dict", required=True)
    ap.add_argument("--actors", required=True)
    ap.add_argument("--countries", required=True)
    ap.add_argument("--skip", action="append", default=[],
                    help="a name to leave out (a people's name the lists above lack)")
    ap.add_argument("placewords")
    ap.add_argument("gazetteers", nargs="+")
    a = ap.parse_args()
    data = json.load(open(a.kenya_json, encoding="utf-8"))

    words = set()
    for line in open(a.dict, encoding="utf-8"):
        w = line.strip()
        if w and "'" not in w:
            words.add(w.lower())
    for row in read_tsv(a.placewords):
        words.add(key(row["name"]))
    for row in read_tsv(a.actors):   # "Maasai", "Pokot": a people, not a ward
        for n in [row["name"]] + row["aliases"].split("|"):
            words.add(key(n))
    for row in read_tsv(a.countries):
        for n in row["demonyms"].split("|"):
            words.add(key(n))
    words.update(key(n) for n in a.skip)

    counties = {}   # key -> (name, lat, lon)
    known = {}      # key -> (lat, lon) of Kenyan places the tables have
    for path in a.gazetteers:
        for row in read_tsv(path):
            if row.get("iso3") != "KEN":
                continue
            names = [row["name"]] + [x for x in row["aliases"].split("|") if x]
            if row["kind"] == "adm1":
                for n in names:
                    counties[key(n)] = (row["name"], row["lat"], row["lon"])
            for n in names:
                known.setdefault(key(n), (row["lat"], row["lon"]))

    def county_of(name):
        c = counties.get(key(name)) or counties.get(key(name.replace("-", " ")))
        if not c:
            sys.exit("kenya_units: county %r is no adm1 row of the gazetteer" % name)
        return c

    def usable(name):
        k = key(name)
        if len(k.replace(" ", "")) < 4 or k in known:
            return False
        base = re.sub(r" (town|township)$", "", k)
        if base != k and base in known:
            return False  # "Molo Town" ward: "Molo town" in a text is the town
        return " " in k or k not in words

    rows = {}   # (key, kind, county) -> row

    def add(name, kind, county, admin2, where):
        name = re.sub(r"\s+", " ", name).strip()
        if not usable(name):
            return
        cname, clat, clon = county_of(county)
        lat, lon = where or (clat, clon)
        if kind == "ppl" and (key(name), "adm2", cname) in rows:
            return  # the ward named after its constituency: the constituency
        rows.setdefault((key(name), kind, cname), [name, "", kind, "KEN", cname,
                                                    name if kind == "adm2" else admin2,
                                                    lat, lon, ""])

    place_of = {}   # constituency or locality key -> coordinates
    for unit in data["constituencies"] + data["subcounties"]:
        where = known.get(key(unit["name"]))
        place_of[key(unit["name"])] = where
        add(unit["name"], "adm2", unit["county"], "", where)
    constituency_county = {key(c["name"]): c["county"] for c in data["constituencies"]}
    constituency_name = {key(c["name"]): c["name"] for c in data["constituencies"]}
    for ward in data["wards"]:
        ck = key(ward["constituency"])
        if ck not in constituency_county:
            continue
        for part in ward["name"].split("/"):
            add(part, "ppl", constituency_county[ck], constituency_name[ck], place_of.get(ck))
    for loc in data["localities"]:
        where = known.get(key(loc["name"]))
        place_of.setdefault(key(loc["name"]), where)
        add(loc["name"], "ppl", loc["county"], "", where)
    for area in data["areas"]:
        add(area["name"], "ppl", area["county"], "", place_of.get(key(area["locality"])))

    # A name several counties share ("Milimani", "Majengo": the hill, the buildings) is a
    # common noun of Swahili more than one place: left out.
    counties_of = {}
    for (k, kind, cname) in rows:
        counties_of.setdefault(k, set()).add(cname)
    rows = {rk: r for rk, r in rows.items() if len(counties_of[rk[0]]) == 1}

    print("# gazetteer_ke.tsv: Kenya's units below the county (see README.md in this folder):")
    print("# constituencies and sub-counties (adm2), wards, localities and areas (ppl), with their")
    print("# county. Names and counties from the npm package kenya-locations (MIT licence, by David")
    print("# Amunga). It gives no coordinates: a unit is placed at a town of the same name in the")
    print("# other gazetteer tables (GeoNames, CC BY 4.0), a ward or area at its constituency or")
    print("# locality, else at its county's seat. Generated by tools/kenya_units.py; do not edit.")
    print("name\taliases\tkind\tiso3\tadmin1\tadmin2\tlat\tlon\tpopulation")
    for r in sorted(rows.values(), key=lambda r: (r[4], r[2], r[0])):
        print("\t".join(str(x) for x in r))


if __name__ == "__main__":
    main()
