"""The news index's listing: newest first, filtered by tag, one page at a time, in the same few queries whatever
the number of news items (stream fields deferred, tags prefetched)."""

from django.utils.http import urlencode

from core.paging import paginate
from core.tags import borne_by
from resources.listings import PER_PAGE

from .forms import NewsFilterForm


def newest_first(pages):
    return pages.order_by("-date", "-first_published_at", "-pk")


def news_listing(pages, params):
    """What the index shows of these (live, public) news items for the GET parameters `params`."""
    form = NewsFilterForm(params, tags=borne_by(pages))
    filters = form.valid_filters()
    if tag := filters.get("mot_cle"):
        pages = pages.filter(tagged_items__tag__slug=tag)
    pages = newest_first(pages.defer_streamfields().prefetch_related("tags"))
    return {
        "filter_form": form,
        "is_filtered": bool(filters),
        "query": urlencode(filters),
        "news_items": paginate(pages, params.get("page"), PER_PAGE),
    }


def latest(pages, count):
    """The `count` newest of these (live, public) news items, for the home page."""
    return newest_first(pages.defer_streamfields())[:count]
