"""'Près de chez moi' without geolocation: a commune or postcode → a point, then distances in km."""

import math
import re
import unicodedata
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0


def normalize(name):
    """'Condé-sur-l'Escaut' and 'CONDE SUR L ESCAUT' compare equal; 'St' reads as 'Saint'."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(st|ste)\b", lambda m: "saint" if m[1] == "st" else "sainte", text)


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Location:
    label: str
    latitude: float
    longitude: float


def resolve(query, places):
    """The centroid of the known places (structures, permanences) of a commune or a postcode, or None.

    `places` are objects with commune, postcode, latitude and longitude."""
    query = (query or "").strip()
    if not query:
        return None
    located = [p for p in places if p.latitude is not None and p.longitude is not None]
    postcode = re.search(r"\b\d{5}\b", query)
    if postcode:  # '59770', or '59770 Marly'
        matches = [p for p in located if p.postcode == postcode[0]]
        label = query
    else:
        wanted = normalize(query)
        matches = [p for p in located if normalize(p.commune) == wanted]
        if not matches:  # a prefix such as 'Conde sur'
            matches = [p for p in located if wanted and normalize(p.commune).startswith(wanted)]
        label = matches[0].commune if matches else query
    if not matches:
        return None
    return Location(
        label,
        sum(p.latitude for p in matches) / len(matches),
        sum(p.longitude for p in matches) / len(matches),
    )


def distance_from(location, place):
    if location is None or place.latitude is None or place.longitude is None:
        return None
    return distance_km(location.latitude, location.longitude, place.latitude, place.longitude)
