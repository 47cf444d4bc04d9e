"""Every French commune and postcode, with a position: the reference in data/communes.csv.gz (see data/LISEZMOI.md),
read once on first use and kept for the life of the process (about 37,000 rows, a few MB)."""

import bisect
import csv
import functools
import gzip
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

REFERENCE = Path(__file__).resolve().parent / "data" / "communes.csv.gz"
SAINTS = {"st": "saint", "ste": "sainte"}


def normalize(name):
    """'Condé-sur-l'Escaut' and 'CONDE SUR L ESCAUT' compare equal; 'St', 'Ste' read as 'Saint', 'Sainte'."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"\b(st|ste)\b", lambda m: SAINTS[m[1]], text)


class Commune(NamedTuple):  # a tuple: 37,000 of them are built quickly
    insee: str
    name: str
    postcodes: tuple
    population: int
    latitude: float
    longitude: float

    @property
    def department(self):
        return self.insee[:3] if self.insee.startswith("97") else self.insee[:2]


@dataclass(frozen=True)
class Reference:
    by_name: dict  # normalized name → communes of that name
    by_postcode: dict
    names: list  # the normalized names, sorted: those a text begins are found by bisection, not by reading them all

    def named(self, query):
        """The communes the text typed names: written otherwise ('st saulve'), else those whose name it begins with
        whole words ('saint yrieix' → Saint-Yrieix-la-Perche…)."""
        wanted = normalize(query)
        if not wanted:
            return []
        if wanted in self.by_name:
            return list(self.by_name[wanted])
        start = wanted + " "
        found = []
        for name in self.names[bisect.bisect_left(self.names, start) :]:
            if not name.startswith(start):
                break
            found += self.by_name[name]
        return found

    def with_postcode(self, postcode):
        return list(self.by_postcode.get(postcode, ()))


@functools.cache
def reference():
    by_name, by_postcode = defaultdict(list), defaultdict(list)
    with gzip.open(REFERENCE, "rt", encoding="utf-8", newline="") as rows:
        lines = csv.reader(rows)
        next(lines)  # insee, nom, codes_postaux, population, latitude, longitude
        for insee, name, postcodes, population, latitude, longitude in lines:
            commune = Commune(insee, name, tuple(postcodes.split()), int(population), float(latitude), float(longitude))
            by_name[normalize(commune.name)].append(commune)
            for postcode in commune.postcodes:
                by_postcode[postcode].append(commune)
    return Reference(dict(by_name), dict(by_postcode), sorted(by_name))
