"""The map page, each structure's page, the open-data exports, the mobile sessions' calendar and the members'
directory of referents."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail import hooks

from community.members import accounts
from community.members.access import members_only
from core import export_files, page_cache
from core.paging import query_without

from . import directory, exports, finder, ical, opendata, vocabulary
from .models import Structure

PER_PAGE = 20


def _map_settings():
    """The tile server of the maps (Leaflet itself is vendored in static/vendor/leaflet/, loaded with the map)."""
    return {
        # Defaults live in config/settings/base.py, read from the environment.
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        # Named to the person before the map asks it for anything.
        "tile_host": urlsplit(settings.MAP_TILE_URL).hostname.removeprefix("{s}."),
    }


@require_GET
def map_view(request):
    result = finder.search(request.GET)
    response = render(
        request,
        "places/map.html",
        {
            "result": result,
            "form": result.form,
            "map": _map_settings(),
            "features": finder.features(result),
            "places_query": query_without(request),
            "sessions_query": query_without(request, "page_permanences"),
            "schema_version": vocabulary.SCHEMA_VERSION,
            "is_member": accounts.is_member(request.user),
        },
    )
    # Anonymous visitors share the page cache's copy of the map (the same for all of them until a place or a session
    # changes, or the day does); nobody else's is ever kept, not even by their browser.
    if request.user.is_authenticated:
        add_never_cache_headers(response)
    else:
        page_cache.share(request, page_cache.next_midnight())
    return response


@require_GET
@never_cache
def structure_detail(request, slug):
    structure = get_object_or_404(Structure.objects.select_related("charter_signature"), slug=slug)
    member = accounts.is_member(request.user)
    if not structure.is_public and not member:
        raise Http404
    sessions = finder.structure_sessions(structure)
    # Apps above this one add their sections (a prototype adopted, a charter signed) without being imported here.
    sections = [section for hook in hooks.get_hooks("structure_page_sections") if (section := hook(request, structure))]
    return render(
        request,
        "places/structure.html",
        {
            "structure": structure,
            "signature": getattr(structure, "charter_signature", None),
            "sessions": sessions,
            "is_member": member,
            "sections": sections,
            "map": _map_settings(),
            "features": finder.features(finder.Result(form=None, structures=[finder.Entry(structure)], permanences=[])),
        },
    )


def _file(request, file, content_type, filename):
    """A file of exports.py, sent as a static file is (sendfile, under gunicorn), or "not modified" to a browser or
    a harvester that already has this very copy."""
    tag = export_files.etag(file)
    if (answer := get_conditional_response(request, etag=tag)) is not None:
        # The file is closed, not a response made for it: closing a response ends the request (request_finished),
        # which would close the database connection in the middle of it.
        file.close()
        answer["ETag"] = tag
        return answer
    response = FileResponse(file, content_type=content_type, filename=filename)
    response["ETag"] = tag
    return response


def _open_data(response):
    """Anyone's page or program may read the open data; it states its licence."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{opendata.LICENCE_URL}>; rel="license"'
    return response


@require_GET
def places_geojson(request):
    return _open_data(_file(request, exports.places_geojson(request), "application/geo+json", "lieux.geojson"))


@require_GET
def places_json(request):
    return _open_data(_file(request, exports.places_json(request), "application/json", "lieux.json"))


@require_GET
def places_csv(request):
    return _open_data(_file(request, exports.places_csv(request), "text/csv; charset=utf-8", "lieux.csv"))


@require_GET
def permanences_ical(request):
    return _file(request, exports.permanences_ical(request), ical.CONTENT_TYPE, "permanences.ics")


@require_GET
@members_only
def referents(request):
    """Members only, never cached (members_only makes the response private)."""
    result = directory.search(request.GET)
    return render(
        request,
        "places/directory.html",
        {
            "result": result,
            "form": result.form,
            "structures": Paginator(result.structures, PER_PAGE).get_page(request.GET.get("page")),
            "query": query_without(request),
        },
    )
