"""'Près de chez moi' without geolocation: a commune or postcode → a point, then distances in km."""

import math
import re
from dataclasses import dataclass

from . import communes

EARTH_RADIUS_KM = 6371.0
# The other communes of an ambiguous name offered at most (by their postcodes).
HOMONYMS_SHOWN = 5


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
    department: str = ""  # of the commune named, when it was ambiguous
    homonyms: tuple = ()  # then, the other communes the name typed may mean


def _at(commune, homonyms=()):
    department = commune.department if homonyms else ""
    return Location(commune.name, commune.latitude, commune.longitude, department, tuple(homonyms))


def resolve(query, known=()):
    """Where a commune or a postcode typed is, or None: any French one, from the reference of communes.

    A postcode alone means the centre of its communes ('37340'); with a name, that commune ('59220 Denain'). A
    name several communes bear means one where the network has places (`known`, their names), else the most
    populous; the others are kept to be offered."""
    query = (query or "").strip()
    reference = communes.reference()
    postcode = re.search(r"\b\d{5}\b", query)
    if postcode:
        sharing = reference.with_postcode(postcode[0])
        wanted = communes.normalize(query.replace(postcode[0], ""))
        named = [commune for commune in sharing if communes.normalize(commune.name) == wanted]
        if named or not sharing:
            return _at(named[0]) if named else None
        return Location(
            postcode[0],
            sum(commune.latitude for commune in sharing) / len(sharing),
            sum(commune.longitude for commune in sharing) / len(sharing),
        )
    named = reference.named(query)
    if not named:
        return None
    if len(named) > 1:  # only then are the network's communes read (hundreds of names to normalize)
        known = {communes.normalize(name) for name in known}
        named.sort(key=lambda commune: (communes.normalize(commune.name) not in known, -commune.population))
    return _at(named[0], named[1 : 1 + HOMONYMS_SHOWN])


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
