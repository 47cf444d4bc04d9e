"""Finding places: the public structures and upcoming mobile sessions that match the map's filters."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from . import nearby
from .forms import PERMANENCE_KIND, MapFilterForm
from .models import Permanence, Structure
from .opening_hours import hour

# What the shared cache keeps of every public place (core/fragments.py): the open-data files.
TOPIC = "places"
# A mobile session farther than this from the commune searched is not "near" it.
NEXT_SESSION_RADIUS_KM = 15


@dataclass
class Entry:
    item: object
    distance: float | None = None


@dataclass
class Result:
    form: MapFilterForm
    structures: list = field(default_factory=list)
    permanences: list = field(default_factory=list)
    location: nearby.Location | None = None
    next_nearby: Entry | None = None
    is_filtered: bool = False


def upcoming_permanences(today=None):
    return (
        Permanence.objects.upcoming(today)
        .filter(structure__is_public=True)
        .select_related("structure", "series__structure")
        .order_by("date", "start_time")
    )


def _matches(structure, data):
    if data.get("service") and data["service"] not in structure.services:
        return False
    # A structure with no specific public welcomes everyone.
    return not (data.get("public") and structure.publics and data["public"] not in structure.publics)


def search(params, today=None):
    """Two queries, whatever the number of places."""
    structures = list(Structure.objects.public())
    permanences = list(upcoming_permanences(today))
    communes = sorted({p.commune for p in structures + permanences}, key=nearby.normalize)
    form = MapFilterForm(params or None, communes=communes)
    result = Result(form=form)
    data = form.cleaned_data if form.is_valid() else {}
    if not data and form.is_bound:
        # Keep the valid filters of a partly invalid form: the visitor sees the message and a useful list.
        data = {name: form.cleaned_data.get(name) for name in form.fields if name not in form.errors}
    result.is_filtered = any(data.values())

    kind = data.get("type")
    commune = data.get("commune")
    chosen_structures = [
        s
        for s in structures
        if _matches(s, data) and (not kind or kind == s.kind) and (not commune or s.commune == commune)
    ]
    chosen_permanences = [
        p
        for p in permanences
        if _matches(p.structure, data)
        and (not kind or kind == PERMANENCE_KIND)
        and (not commune or p.commune == commune)
    ]

    where = data.get("pres_de") or commune
    location = nearby.resolve(where, structures + permanences) if where else None
    if data.get("pres_de") and location is None:
        form.add_error(
            "pres_de",
            _("Nous ne connaissons pas de lieu à « %(query)s ». Essayez une commune voisine ou un code postal.")
            % {"query": data["pres_de"]},
        )
    result.location = location

    def entries(items):
        found = [Entry(item, nearby.distance_from(location, item)) for item in items]
        if location:
            found.sort(key=lambda e: (e.distance is None, e.distance or 0))
        return found

    result.structures = entries(chosen_structures)
    result.permanences = entries(chosen_permanences)
    if location:
        # The next session in the commune searched, or else the soonest one within reach.
        held = [e for e in result.permanences if not e.item.is_cancelled]
        here = [e for e in held if nearby.normalize(e.item.commune) == nearby.normalize(location.label)]
        near = here or [e for e in held if e.distance is not None and e.distance <= NEXT_SESSION_RADIUS_KM]
        result.next_nearby = min(near, key=lambda e: (e.item.date, e.item.start_time), default=None)
    return result


def features(result):
    """The result as GeoJSON features for the map script (public fields only), centred on the place searched."""
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
