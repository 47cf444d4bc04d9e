"""'Près de chez moi' without geolocation: a commune or postcode → a point, then distances in km."""

import math
import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Q

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


def communes_matching(query, communes):
    """The names among `communes` that the text typed means: the same commune written otherwise, else those it
    begins ('Conde sur')."""
    wanted = normalize(query)
    if not wanted:
        return []
    names = [(name, normalize(name)) for name in communes]
    return [name for name, normal in names if normal == wanted] or [
        name for name, normal in names if normal.startswith(wanted)
    ]


def resolve(query, communes, places):
    """The centre of the known places of a commune or a postcode, or None.

    `communes` are the names the text typed is matched against; `places` are querysets of models with commune,
    postcode, latitude and longitude, whose located rows of that commune or postcode are read in one query."""
    query = (query or "").strip()
    postcode = re.search(r"\b\d{5}\b", query)
    if postcode:  # '59770', or '59770 Marly'
        where, label = Q(postcode=postcode[0]), query
    else:
        names = communes_matching(query, communes)
        if not names:
            return None
        where, label = Q(commune__in=names), names[0]
    located = [
        queryset.filter(where, latitude__isnull=False, longitude__isnull=False)
        .order_by()
        .values_list("latitude", "longitude")
        for queryset in places
    ]
    points = list(located[0].union(*located[1:], all=True))
    if not points:
        return None
    return Location(
        label,
        sum(latitude for latitude, _longitude in points) / len(points),
        sum(longitude for _latitude, longitude in points) / len(points),
    )


def bounding_box(location, radius_km):
    """Latitude and longitude ranges around `location` that hold every point within `radius_km` of it, for a
    query an index on (latitude, longitude) serves; the exact distance sorts out the corners."""
    degrees = math.degrees(radius_km / EARTH_RADIUS_KM)
    latitudes = (location.latitude - degrees, location.latitude + degrees)
    # A degree of longitude shrinks away from the equator: widest at the box's edge nearest a pole.
    nearest_pole = min(89.0, max(abs(latitude) for latitude in latitudes))
    spread = min(180.0, degrees / math.cos(math.radians(nearest_pole)))
    return {
        "latitude__range": latitudes,
        "longitude__range": (location.longitude - spread, location.longitude + spread),
    }


def distance_from(location, place):
    if location is None or place.latitude is None or place.longitude is None:
        return None
    return distance_km(location.latitude, location.longitude, place.latitude, place.longitude)
