"""Finding places: the public structures and upcoming mobile sessions that match the map's filters, a page at a time.

The filters, counts and pages are SQL; near a commune, only the places inside a box around it are read, then
measured. So a search costs the same queries, and about the same time, whatever the number of places."""

import json
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core import fragments
from core.paging import paginate

from . import nearby
from .communes import normalize
from .forms import DEFAULT_RADIUS_KM, PERMANENCE_KIND, MapFilterForm
from .models import PLACES_TOPIC, Permanence, Structure
from .opening_hours import hour

# Places, and sessions, a page of the map's list (and so of its markers).
PER_PAGE = 20
# A mobile session farther than this from the commune searched is not "near" it.
NEXT_SESSION_RADIUS_KM = 15
# What a place's card and marker show.
CARD_FIELDS = ["name", "slug", "kind", "address", "postcode", "commune", "latitude", "longitude", "services"]
# What a session's card and marker show: where and when, whether it moved from its series' times, and its structure.
SESSION_FIELDS = [
    *("date", "start_time", "end_time", "original_date", "is_cancelled", "offer"),
    *("place", "address", "postcode", "commune", "latitude", "longitude"),
    *("structure__name", "structure__slug", "series__start_time", "series__end_time"),
]


@dataclass
class Entry:
    item: object
    distance: float | None = None


@dataclass
class Result:
    form: MapFilterForm
    structures: object = field(default_factory=list)  # entries: a page of them on the map
    permanences: object = field(default_factory=list)
    location: nearby.Location | None = None
    radius_km: int | None = None  # set when the lists hold the places within it, nearest first
    next_nearby: Entry | None = None
    is_filtered: bool = False


def upcoming_permanences(today=None):
    return (
        Permanence.objects.upcoming(today)
        .filter(structure__is_public=True)
        .select_related("structure", "series__structure")
        .order_by("date", "start_time", "pk")
    )


def known_communes(today=None):
    """The communes of the public places and of the upcoming sessions, in the order of their names: one query, or
    none while no place changes (signals.py)."""
    today = today or timezone.localdate()

    def build():
        names = (
            Structure.objects.public()
            .order_by()
            .values_list("commune", flat=True)
            .union(upcoming_permanences(today).order_by().values_list("commune", flat=True))
        )
        return sorted(names, key=normalize)

    return fragments.get(PLACES_TOPIC, f"communes:{today.isoformat()}", build)


def locate(query, today=None, communes=None):
    """Where the commune or postcode typed is, or None; of two communes of that name, one with places first."""
    if communes is None:
        communes = known_communes(today)
    return nearby.resolve(query, communes)


def unknown_place(query):
    return _(
        "Nous ne trouvons aucune commune française « %(query)s ». Vérifiez l'orthographe ou tapez son code postal."
    ) % {"query": query}


def near(places, location, radius_km):
    """The entries of the places within `radius_km` of `location`, nearest first (none without coordinates)."""
    inside = places.filter(**nearby.bounding_box(location, radius_km))
    found = [Entry(place, nearby.distance_from(location, place)) for place in inside]
    return sorted((entry for entry in found if entry.distance <= radius_km), key=lambda entry: entry.distance)


def _offer(data, prefix=""):
    """The service and public filters on a structure, or with prefix "structure__" on a session's structure.

    Both are JSON lists of codes, where a code is found with its quotes: SQLite cannot look inside a list."""
    query = Q()
    if data.get("service"):
        query &= Q(**{f"{prefix}services__icontains": json.dumps(data["service"])})
    if data.get("public"):
        # A structure with no specific public welcomes everyone.
        query &= Q(**{f"{prefix}publics": []}) | Q(**{f"{prefix}publics__icontains": json.dumps(data["public"])})
    return query


# The filters _filtered applies in the database.
FILTERED_IN_DATABASE = ("type", "commune", "service", "public")


def _filtered(data, today):
    """The public structures and the upcoming sessions the filters keep, as queries."""
    structures = Structure.objects.public().filter(_offer(data)).only(*CARD_FIELDS).order_by("commune", "name", "pk")
    permanences = (
        upcoming_permanences(today)
        .filter(_offer(data, "structure__"))
        .select_related(None)
        .select_related("structure", "series")
        .only(*SESSION_FIELDS)
    )
    kind, commune = data.get("type"), data.get("commune")
    if kind == PERMANENCE_KIND:
        structures = structures.none()
    elif kind:
        structures, permanences = structures.filter(kind=kind), permanences.none()
    if commune:
        structures, permanences = structures.filter(commune=commune), permanences.filter(commune=commune)
    return structures, permanences


def _page(items, number, count_key=""):
    """A page of entries: of a list of entries, or of a query that the database slices. The query's count is kept
    under `count_key` until a place or a session changes (signals.py): across thousands of places, counting them
    cost more than drawing the page."""
    count = fragments.get(PLACES_TOPIC, count_key, items.count) if isinstance(items, QuerySet) else None
    page = paginate(items, number, PER_PAGE, count=count)
    if isinstance(items, QuerySet):
        page.object_list = [Entry(item) for item in page.object_list]
    return page


def _count_key(listed, data, today):
    """What a count of the lists depends on: the filters the database applies, and the day (sessions to come)."""
    filters = urlencode([(name, data.get(name) or "") for name in FILTERED_IN_DATABASE])
    return f"count:{listed}:{today.isoformat()}:{filters}"


def next_session(permanences, location, communes):
    """The next session in the commune searched, or else the soonest one within NEXT_SESSION_RADIUS_KM."""
    wanted = normalize(location.label)
    here = [name for name in communes if normalize(name) == wanted]
    held = permanences.filter(is_cancelled=False).filter(
        Q(commune__in=here) | Q(**nearby.bounding_box(location, NEXT_SESSION_RADIUS_KM))
    )
    found = [Entry(session, nearby.distance_from(location, session)) for session in held]
    in_commune = [entry for entry in found if entry.item.commune in here]
    within = [entry for entry in found if entry.distance is not None and entry.distance <= NEXT_SESSION_RADIUS_KM]
    return min(in_commune or within, key=lambda entry: (entry.item.date, entry.item.start_time), default=None)


def search(params, today=None):
    """The map's lists for these GET parameters: the filters, "près de chez moi" and the page of each list."""
    params = params or {}
    today = today or timezone.localdate()
    communes = known_communes(today)
    form = MapFilterForm(params or None, communes=communes)
    data = form.cleaned_data if form.is_valid() else {}
    if not data and form.is_bound:
        # Keep the valid filters of a partly invalid form: the visitor sees the message and a useful list.
        data = {name: form.cleaned_data.get(name) for name in form.fields if name not in form.errors}
    result = Result(form=form, is_filtered=any(value for name, value in data.items() if name != "rayon"))
    structures, permanences = _filtered(data, today)

    query, commune = data.get("pres_de"), data.get("commune")
    location = locate(query or commune, today, communes) if query or commune else None
    if query and location is None:
        form.add_error("pres_de", unknown_place(query))
    result.location = location
    if query and location:
        result.radius_km = data.get("rayon") or DEFAULT_RADIUS_KM
        structures = near(structures, location, result.radius_km)
        sessions = near(permanences, location, result.radius_km)
    else:
        sessions = permanences
    result.structures = _page(structures, params.get("page"), _count_key("structures", data, today))
    result.permanences = _page(sessions, params.get("page_permanences"), _count_key("permanences", data, today))
    if location:
        result.next_nearby = next_session(permanences, location, communes)
    return result


def features(result):
    """The listed places as GeoJSON features for the map script (public fields only), centred on the place searched.

    On the map page, those of the pages shown: the map shows what the list beside it shows."""
    out = []
    for entry in result.structures:
        s = entry.item
        if s.has_coordinates:
            out.append(_feature(s.longitude, s.latitude, "structure", s.name, s.get_absolute_url(), s.commune))
    for entry in result.permanences:
        p = entry.item
        if p.has_coordinates:
            when = f"{p.date:%d/%m/%Y}, {hour(p.start_time)} – {hour(p.end_time)}"
            if p.is_cancelled:
                when = _("%(when)s (annulée)") % {"when": when}
            out.append(
                _feature(
                    p.longitude,
                    p.latitude,
                    "permanence",
                    _("Permanence : %(commune)s, %(when)s") % {"commune": p.commune, "when": when},
                    p.structure.get_absolute_url(),
                    p.place,
                )
            )
    collection = {"type": "FeatureCollection", "features": out}
    if result.location:
        collection["center"] = [result.location.latitude, result.location.longitude]
    return collection


def _feature(lon, lat, kind, name, url, detail):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"kind": kind, "name": name, "url": url, "detail": detail},
    }


def structure_sessions(structure, today=None):
    return list(
        structure.permanences.upcoming(today or timezone.localdate())
        .select_related("series")
        .order_by("date", "start_time")[:10]
    )
