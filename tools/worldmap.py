#!/usr/bin/env python3
"""worldmap: turn world-atlas's TopoJSON country outlines into src/data/world.tsv, the
compact table `sitrep report` draws its map from. Run once when the outlines change:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/worldmap.py package/countries-50m.json > src/data/world.tsv

Each shared border (a TopoJSON arc) is simplified once (Douglas-Peucker, TOLERANCE degrees),
so neighbours keep the same edge; then rings are cut to hundredths of a degree and written
one per line: the first point absolute, the others as differences from the one before.
"""
import json
import sys

TOLERANCE = 0.02  # degrees a simplified border may stray from the original
MIN_AREA = 0.02   # square degrees: smaller islands are left out
SCALE = 100       # stored units per degree


def decode_arcs(topo):
    """Absolute (lon, lat) points of every arc."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def simplify(pts, tol):
    """Douglas-Peucker keeping both ends (iterative, so long arcs do not recurse deeply)."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, far = -1.0, None
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, far = d, i
        if far is not None and best > tol:
            keep[far] = True
            stack.append((a, far))
            stack.append((far, b))
    return [p for p, k in zip(pts, keep) if k]


def ring_points(ring, arcs):
    out = []
    for idx in ring:
        pts = arcs[idx] if idx >= 0 else arcs[~idx][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def quantise(pts):
    out = []
    for lon, lat in pts:
        q = (round(lon * SCALE), round(lat * SCALE))
        if not out or q != out[-1]:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()  # rings are closed when drawn
    return out


def area(q):
    s = 0
    for i in range(len(q)):
        x1, y1 = q[i]
        x2, y2 = q[(i + 1) % len(q)]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2 / (SCALE * SCALE)


def encode(q):
    parts = ["%d %d" % q[0]]
    for (x0, y0), (x1, y1) in zip(q, q[1:]):
        parts.append("%d %d" % (x1 - x0, y1 - y0))
    return " ".join(parts)


def main():
    topo = json.load(open(sys.argv[1], encoding="utf-8"))
    arcs = [simplify(a, TOLERANCE) for a in decode_arcs(topo)]
    rows = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = {"Polygon": [g.get("arcs", [])], "MultiPolygon": g.get("arcs", [])}.get(g["type"], [])
        name = g.get("properties", {}).get("name", "")
        for poly in polys:
            for ring in poly:  # outer ring, then holes (lakes, enclaves): all drawn even-odd
                q = quantise(ring_points(ring, arcs))
                if len(q) >= 3 and area(q) >= MIN_AREA:
                    rows.append((name, encode(q)))
    print("# Country outlines for the map of `sitrep report`. Made by tools/worldmap.py from")
    print("# world-atlas 2.0.2 countries-50m.json: Natural Earth 1:50m admin-0 countries (public")
    print("# domain), converted to TopoJSON by world-atlas (ISC licence, Mike Bostock).")
    print("# One ring per line: first point absolute, then differences, in hundredths of a degree")
    print("# (longitude latitude). Borders simplified to %g degrees; islands under %g square"
          % (TOLERANCE, MIN_AREA))
    print("# degrees left out.")
    print("name\tring")
    for name, ring in rows:
        print("%s\t%s" % (name, ring))


if __name__ == "__main__":
    main()
