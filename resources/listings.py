"""Listings of the resource space: the filtered tool sheet library, the wiki index (their pages pass the pages).

Each listing costs the same few queries whatever the number of pages: only the fields a card shows, tags read with
the page of cards.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.http import urlencode

from core import fragments
from core.pages import CARD_FIELDS, NAVIGATION
from core.paging import paginate
from core.tags import borne_by

from .forms import ToolSheetFilterForm

PER_PAGE = 20


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

    The tags to choose from are read once per index, as (slug, name) choices, and the number of sheets each set of
    filters finds (which, counted across thousands of sheets, cost more than the rest of the page), both kept until
    a page is published, unpublished, moved or deleted, or a restriction changes (core/signals.py)."""
    tags = fragments.get(
        NAVIGATION, f"tool-sheet-tag-choices:{index.pk}", lambda: list(borne_by(sheets).values_list("slug", "name"))
    )
    form = ToolSheetFilterForm(params, categories=sheets.model.Category.choices, tags=tags)
    filters = form.valid_filters()
    matching = filter_tool_sheets(
        sheets,
        category=filters.get("categorie", ""),
        tag=filters.get("mot_cle", ""),
        free_software_only=filters.get("libre", False),
    )
    matching = matching.only(*CARD_FIELDS, "category", "is_free_software").order_by("title")
    query = urlencode({name: "on" if value is True else value for name, value in filters.items()})
    count = fragments.get(NAVIGATION, f"tool-sheet-count:{index.pk}:{query}", matching.count)
    return {
        "filter_form": form,
        "is_filtered": bool(filters),
        "query": query,
        "sheets": with_tags(paginate(matching, params.get("page"), PER_PAGE, count=count)),
    }


@dataclass(frozen=True)
class CardTag:
    name: str
    slug: str


def with_tags(page):
    """A page of tagged pages, each with the tags it bears in `card_tags` (in the order they were given), read in
    one query: django-taggit's prefetch builds a query for each page to hold them, a sixth of the library's build."""
    pages = list(page.object_list)
    through = page.paginator.object_list.model.tags.through
    tags = defaultdict(list)
    borne = through.objects.filter(content_object_id__in=[each.pk for each in pages]).order_by("pk")
    for page_id, name, slug in borne.values_list("content_object_id", "tag__name", "tag__slug"):
        tags[page_id].append(CardTag(name, slug))
    for each in pages:
        each.card_tags = tags[each.pk]
    page.object_list = pages
    return page
