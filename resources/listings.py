"""Listings of the resource space: the filtered tool sheet library, the wiki index, the latest resources.

Each listing costs the same few queries whatever the number of pages: stream fields deferred, tags prefetched.
"""

import datetime

from django.core.paginator import Paginator
from django.db.models import F
from django.utils.http import urlencode
from taggit.models import Tag

from .forms import ToolSheetFilterForm
from .models import ToolSheetPage, WikiPage

PER_PAGE = 20
FEED_SIZE = 20
# Pages made live without Wagtail's publishing (imports, fixtures) have no publication date.
NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def paginate(items, page_number, per_page=PER_PAGE):
    """One page of `items`; a missing or invalid number gives the first (or last) page rather than an error."""
    return Paginator(items, per_page).get_page(page_number)


def tool_sheets_of(index):
    return ToolSheetPage.objects.child_of(index).live().public().defer_streamfields()


def tags_of(sheets):
    """The tags used by those sheets, by name: the choices of the tag filter."""
    return Tag.objects.filter(resources_toolsheettag_items__content_object__in=sheets).distinct().order_by("name")


def filter_tool_sheets(sheets, *, category="", tag="", free_software_only=False):
    """The sheets of a category, carrying a tag (by slug), and free software only, each filter when given."""
    if category:
        sheets = sheets.filter(category=category)
    if tag:
        sheets = sheets.filter(tagged_items__tag__slug=tag)
    if free_software_only:
        sheets = sheets.filter(is_free_software=True)
    return sheets


def tool_sheet_library(index, params):
    """What the tool sheet index shows for the GET parameters `params`: the filter form, one page of sheets
    and the query string that keeps the filters from page to page."""
    sheets = tool_sheets_of(index)
    form = ToolSheetFilterForm(params, tags=tags_of(sheets))
    filters = form.valid_filters()
    matching = filter_tool_sheets(
        sheets,
        category=filters.get("categorie", ""),
        tag=filters.get("mot_cle", ""),
        free_software_only=filters.get("libre", False),
    )
    matching = matching.prefetch_related("tags").order_by("title")
    return {
        "filter_form": form,
        "is_filtered": bool(filters),
        "query": urlencode({name: "on" if value is True else value for name, value in filters.items()}),
        "sheets": paginate(matching, params.get("page")),
    }


def wiki_pages_of(index, page_number):
    return paginate(WikiPage.objects.child_of(index).live().public().defer_streamfields(), page_number)


def latest_resources(limit=FEED_SIZE):
    """The wiki pages and tool sheets published most recently, newest first, with the user who published them."""

    def latest(model):
        pages = model.objects.live().public().defer_streamfields().select_related("live_revision__user")
        return list(pages.order_by(F("last_published_at").desc(nulls_last=True), "-pk")[:limit])

    pages = latest(WikiPage) + latest(ToolSheetPage)
    return sorted(pages, key=lambda page: page.last_published_at or NEVER, reverse=True)[:limit]
