"""The open-data files as served (lieux.csv, lieux.json, lieux.geojson, permanences.ics): each is built on the first
request after a change of the places, then each server sends it from a file on its own disk (core/export_files.py).

Every public place is in them, so building one grows with the network; serving one does not. A save or a deletion of
a structure, a mobile session, a series, a charter signature or the charter's settings forgets them (signals.py)."""

import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from core import export_files

from . import charter, finder, ical, opendata
from .models import PLACES_TOPIC


def _cached(name, request, build):
    """The file `name`, open, kept per address of the site (the files link to its pages, and the charter's settings
    are the site's) and per day (the JSON states its date; the calendar, what is still to come)."""
    return export_files.open_file(
        PLACES_TOPIC, f"{name}:{request.scheme}://{request.get_host()}", build, timezone.localdate().isoformat()
    )


def _json(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


def places_geojson(request):
    return _cached(
        "lieux.geojson",
        request,
        lambda: _json(opendata.geojson(opendata.exported_structures(), request, charter.open_data_entry(request))),
    )


def places_json(request):
    return _cached(
        "lieux.json",
        request,
        lambda: _json(
            opendata.json_document(opendata.exported_structures(), request, charter.open_data_entry(request))
        ),
    )


def places_csv(request):
    def build():
        out = io.StringIO()
        opendata.write_csv(opendata.exported_structures(), out, charter.open_data_entry(request))
        return out.getvalue().encode()

    return _cached("lieux.csv", request, build)


def permanences_ical(request):
    return _cached("permanences.ics", request, lambda: ical.calendar(finder.upcoming_permanences(), request).to_ical())
