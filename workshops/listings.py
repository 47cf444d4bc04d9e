"""The workshop agenda at /ateliers/: upcoming or past workshops, filtered by commune, format and theme, paginated.

The listing costs the same few queries whatever the number of workshops: stream fields deferred, one page at a time,
counted up to a bound (core/paging.py).
"""

from django.utils.http import urlencode

from core import fragments
from core.pages import NAVIGATION
from core.paging import BoundedPaginator
from core.tags import borne_by

from .forms import WorkshopFilterForm

PER_PAGE = 20


def filter_workshops(workshops, *, when="", commune="", format="", theme=""):
    """Upcoming workshops soonest first, or past ones latest first; then those of a commune, a format, a theme."""
    workshops = workshops.past() if when == "passes" else workshops.upcoming()
    if commune:
        workshops = workshops.filter(commune__iexact=commune)
    if format:
        workshops = workshops.filter(format=format)
    if theme:
        workshops = workshops.filter(tags__slug=theme)
    return workshops


def theme_choices(workshops):
    """The themes of the agenda's workshops (the live, public ones), for its filter form: read once, kept until a
    page is published, unpublished, moved or deleted, or a restriction changes (core/signals.py)."""
    return fragments.get(NAVIGATION, "workshop-themes", lambda: list(borne_by(workshops).values_list("slug", "name")))


def workshop_agenda(workshops, params):
    """What the workshop index shows of these (public) workshops for the GET parameters: the filter form, one page
    of workshops, and the query string that keeps the filters from page to page."""
    form = WorkshopFilterForm(params, themes=theme_choices(workshops))
    filters = form.valid_filters()
    matching = filter_workshops(
        workshops,
        when=filters.get("quand", ""),
        commune=filters.get("commune", ""),
        format=filters.get("format", ""),
        theme=filters.get("theme", ""),
    )
    return {
        "filter_form": form,
        "showing_past": filters.get("quand") == "passes",
        "query": urlencode(filters),
        "workshops": BoundedPaginator(matching, PER_PAGE).get_page(params.get("page")),
    }
