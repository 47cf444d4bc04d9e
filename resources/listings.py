"""Listings of the resource space: the filtered tool sheet library, the wiki index (their pages pass the pages).

Each listing costs the same few queries whatever the number of pages: stream fields deferred, tags prefetched.
"""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.utils.http import urlencode
from taggit.models import Tag

from core import fragments
from core.pages import NAVIGATION

from .forms import ToolSheetFilterForm

PER_PAGE = 20


def paginate(items, page_number, per_page=PER_PAGE):
    """One page of `items`; a missing or invalid number gives the first (or last) page rather than an error."""
    return Paginator(items, per_page).get_page(page_number)


def tags_of(sheets):
    """The tags used by those sheets, by name: the choices of the tag filter. Each tag of the vocabulary is checked
    for one sheet bearing it, found from the tag (the vocabulary stays small as sheets grow in number): never by
    listing all the sheets first."""
    bearer = sheets.filter(pk=OuterRef("content_object_id"))
    borne = sheets.model.tags.through.objects.filter(Exists(bearer), tag=OuterRef("pk"))
    return Tag.objects.filter(Exists(borne)).order_by("name")


def filter_tool_sheets(sheets, *, category="", tag="", free_software_only=False):
    """The sheets of a category, carrying a tag (by slug), and free software only, each filter when given."""
    if category:
        sheets = sheets.filter(category=category)
    if tag:
        sheets = sheets.filter(tagged_items__tag__slug=tag)
    if free_software_only:
        sheets = sheets.filter(is_free_software=True)
    return sheets


def tool_sheet_library(index, sheets, params):
    """What the tool sheet index shows of these (public) sheets for the GET parameters `params`: the filter form,
    one page of sheets and the query string that keeps the filters from page to page.

    The tags to choose from are read once per index, and kept until a page is published, unpublished, moved or
    deleted, or a restriction changes (core/signals.py)."""
    tags = fragments.get(NAVIGATION, f"tool-sheet-tags:{index.pk}", lambda: list(tags_of(sheets)))
    form = ToolSheetFilterForm(params, categories=sheets.model.Category.choices, tags=tags)
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
