"""Site search over the live public wiki pages, tool sheets, workshops, journeys, news and prototypes, with
highlighted excerpts.

A search costs the same whatever the size of the site (issue 16). Wagtail's way, counting every page that matches
and ranking each before keeping ten, grows with the site: a word found on nearly every page (« numérique ») was
counted and ranked on each of them. Here one query finds the pages that match, the most recently published first,
keeps MAX_RESULTS + 1 of them (neither counted nor read in full) and ranks those alone, by Wagtail's relevance.
Only the page of results shown is read, without its stream fields: its excerpts are cut from the plain text each
page keeps.
Beyond MAX_RESULTS, the search says so (« plus de 200 résultats ») and shows the most relevant of the most recent.
What a search found is kept until a page or the search index changes: the same words asked again, and the next pages
of their results, read no index.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, Q, TextChoices
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from core import fragments
from core.database import planned_for_its_values
from core.pages import NAVIGATION, PRIVACY, SEARCH_INDEX
from core.pages import pages as all_pages
from core.tags import borne_by
from network.news.models import NewsPage
from network.prototypes.models import PrototypePage
from resources.models import ResourceIndexPage, ToolSheetIndexPage, ToolSheetPage, ToolSheetTag, WikiPage, WikiPageTag
from workshops.models import JourneyIndexPage, JourneyPage, WorkshopIndexPage, WorkshopPage

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
# The most pages a search finds and ranks: 20 pages of results. Each costs its rank (and, on PostgreSQL, the reading
# of the pages published since, when the word is common): with 1,000, the search fell short of the budget of an
# uncached page (issue 16); a word more, a type or a tag finds the others.
MAX_RESULTS = 200
# What a search found stays true until one of these changes; it is kept ten minutes at most, so that words asked once
# each (a robot's) do not fill the cache.
FOUND_TOPICS = (NAVIGATION, PRIVACY, SEARCH_INDEX)
FOUND_SECONDS = 600
EXCERPT_LENGTH = 240
EXCERPT_LEAD = 80


class Kind(TextChoices):
    WIKI = "wiki", _("Pages du wiki")
    TOOL_SHEET = "fiche-outil", _("Fiches outils")
    WORKSHOP = "atelier", _("Ateliers")
    JOURNEY = "parcours", _("Parcours")
    NEWS = "actualite", _("Actualités")
    PROTOTYPE = "prototype", _("Prototypes")


KIND_MODELS = {
    Kind.WIKI: WikiPage,
    Kind.TOOL_SHEET: ToolSheetPage,
    Kind.WORKSHOP: WorkshopPage,
    Kind.JOURNEY: JourneyPage,
    Kind.NEWS: NewsPage,
    Kind.PROTOTYPE: PrototypePage,
}


@dataclass
class Hit:
    page: Page
    kind: str
    excerpt: str


@dataclass
class SearchOutcome:
    results: object  # a Django Page of hits
    terms: list
    has_all_words: bool
    # More than MAX_RESULTS pages match: `count` is MAX_RESULTS, the most recently published of them.
    has_more: bool = False

    @property
    def count(self):
        return self.results.paginator.count


class RankedPages:
    """What the paginator reads: the ids of the pages found, best first; a slice of them is read in one query per
    page type, in that order, without the stream fields (the excerpts read the pages' plain text)."""

    def __init__(self, ids):
        self.ids = ids

    def count(self):
        return len(self.ids)

    def __getitem__(self, key):
        ids = self.ids[key]
        read = all_pages().filter(pk__in=ids).defer_streamfields().specific() if ids else []
        pages = {page.pk: page for page in read}
        return [pages[pk] for pk in ids if pk in pages]


def query_terms(query):
    """The words of a query; punctuation is dropped, so no search syntax reaches the database."""
    return re.findall(r"\w+", query or "")


def searchable_tags():
    """The tags of live public wiki pages and tool sheets: the choices of the tag filter. Read once, and kept until
    a page is published, unpublished, moved or deleted, or a restriction changes (core/signals.py)."""
    return fragments.get(
        NAVIGATION,
        "search-tags",
        lambda: list(borne_by(WikiPage.objects.live().public(), ToolSheetPage.objects.live().public())),
    )


def search(query, kind=None, tag=None, page_number=1):
    """One page of the live public pages matching `query`, most relevant first, each with its excerpt.

    All the words must match; when no page has them all, the pages with any of them are given instead.
    """
    terms = query_terms(query)
    found, has_all_words = _kept_found(terms, kind, tag) if terms else ([], True)
    has_more = len(found) > MAX_RESULTS
    hits = Paginator(RankedPages(found[:MAX_RESULTS]), PER_PAGE).get_page(page_number)
    hits.object_list = [Hit(page, kind_label(page), excerpt(page, terms)) for page in hits.object_list]
    return SearchOutcome(hits, terms, has_all_words, has_more)


def _kept_found(terms, kind, tag):
    """What `_found_anew` finds, kept in the shared cache (core/fragments.py) until a page is published, unpublished,
    moved or deleted, a restriction changes, or the search index is updated. The same words asked again, or the next
    page of their results, read no index: at scale 10 on PostgreSQL, finding and ranking cost 15 to 30 ms."""
    asked = "\n".join([str(MAX_RESULTS), kind or "", tag or "", *(term.casefold() for term in terms)])
    key = f"search:{hashlib.sha256(asked.encode()).hexdigest()}"
    return fragments.get(FOUND_TOPICS, key, lambda: _found_anew(terms, kind, tag), seconds=FOUND_SECONDS)


def _found_anew(terms, kind, tag):
    """The ids of the pages found, best first, and whether they have all the words."""
    pages = all_pages().live().public().type(*([KIND_MODELS[kind]] if kind else KIND_MODELS.values()))
    if tag:
        pages = pages.filter(
            Q(id__in=WikiPageTag.objects.filter(tag__slug=tag).values("content_object_id"))
            | Q(id__in=ToolSheetTag.objects.filter(tag__slug=tag).values("content_object_id"))
        )
    text = " ".join(terms)
    found = _found(pages, text, "and")
    if len(terms) > 1 and not found:
        return _found(pages, text, "or"), False
    return found, True


def _found(pages, text, operator):
    """The ids of the pages that match, the most relevant first, at most one more than MAX_RESULTS (to tell whether
    there are more), in one query.

    Only the most recent ones are ranked: the database reads them first, neither counted nor ranked, and stops once
    it has MAX_RESULTS + 1; then ranks those alone, in the same query. On PostgreSQL, the most recently published:
    see `_found_with_ts_rank`. On SQLite, the most recently indexed: see `_found_with_bm25`."""
    backend = get_search_backend()
    if _is_sqlite_full_text(backend):
        return _found_with_bm25(backend, pages, text, operator)
    # The path after the date keeps the pages of the same date in one order, so that the pages of results follow on.
    recent = pages.order_by("-last_published_at", "path")
    recent = recent.search(text, operator=operator, order_by_relevance=False)[: MAX_RESULTS + 1]
    if _is_postgres_full_text(backend):
        with planned_for_its_values():
            return _found_with_ts_rank(backend, pages, recent, text, operator)
    # A search engine ranks the pages kept.
    return [page.pk for page in all_pages().filter(pk__in=[page.pk for page in recent]).search(text, operator=operator)]


def _is_postgres_full_text(backend):
    """Whether the search runs on Wagtail's database backend over PostgreSQL's full-text search."""
    if connection.vendor != "postgresql":
        return False
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def _found_with_ts_rank(backend, pages, recent, text, operator):
    """`_found` on PostgreSQL: the `recent` pages ranked by Wagtail's relevance (ts_rank of the title, weighted by
    its length, and of the body; then the highest id first).

    The recent pages are found from the full-text index or by date of publication (home/migrations/0006, 0008),
    each with its entry of the index; the entries kept are then read again by their key and ranked, those alone.
    Wagtail's way, ranking the pages whose ids were kept matched their entries again, and joined the ids kept to
    every page of the site (50,000 at scale 10); a rank read in the query that keeps the most recent would be worked
    out for every page that matches."""
    compiler = backend.query_compiler_class(pages, text, operator=operator)
    config = compiler.get_config(backend)

    def rank(vector):
        return compiler.build_tsrank(F(vector), compiler.query, config=config)

    kept = IndexEntry.objects.filter(pk__in=recent.get_queryset().values("index_entries__pk"))
    scored = kept.values_list(rank("title") * F("title_norm") + rank("body"), "object_id")
    # The higher a rank, the more relevant; the object's id is its page's id, as text.
    return [pk for _, pk in sorted(((score, int(pk)) for score, pk in scored), key=lambda hit: (-hit[0], -hit[1]))]


def _is_sqlite_full_text(backend):
    """Whether the search runs on Wagtail's database backend over SQLite's FTS5 (not its fallback, nor an engine)."""
    if connection.vendor != "sqlite":
        return False
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend  # exists on SQLite only

    return isinstance(backend, SQLiteSearchBackend)


def _found_with_bm25(backend, pages, text, operator):
    """`_found` on SQLite: the pages Wagtail's backend finds, in its order of relevance (FTS5's bm25 of the title,
    weighted by its length, and of the body; then the most recently created first).

    Wagtail's backend ranks each page found by a subquery that matches the whole index again: a search grew with
    the square of the pages it found (36 million steps of SQLite for « numérique » among 5,000 pages). Here each page
    is joined to its entry of the index once, and ranked there. The entries that match are read from the most
    recently indexed (FTS5 reads its own order backwards, and stops at MAX_RESULTS + 1 pages kept), each with its
    page by the page's id as text (home/migrations/0008): read by date of publication, every page that matches would
    be joined and sorted first, ten times the work for ten times the pages. A page keeps its entry when published
    again: the most recent are those first published last. A bm25 is only read with its match, so every page found
    gets one; those kept are put in order here."""
    from modelsearch.backends.database.sqlite.query import BM25, MatchExpression  # exist on SQLite only

    compiler = backend.query_compiler_class(pages, text, operator=operator)
    matches = MatchExpression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(compiler.query))
    kept = (
        # The join to the full-text table, which MATCH, bm25() and the entries' order name.
        pages.filter(index_entries__sqliteftsindexentry__isnull=False)
        .filter(matches)
        .annotate(bm25=BM25() * F("index_entries__title_norm") + BM25())
        .order_by("-index_entries__sqliteftsindexentry__index_entry")
        .values_list("bm25", "pk")[: MAX_RESULTS + 1]
    )
    # The lower a bm25, the more relevant.
    return [pk for _, pk in sorted(kept, key=lambda hit: (hit[0], -hit[1]))]


def kind_label(page):
    return page._meta.verbose_name


class _Folding(dict):
    """Each character lower-cased without its accent, worked out the first time it is met."""

    def __missing__(self, code):
        self[code] = unicodedata.normalize("NFD", chr(code).lower())[0]
        return self[code]


_FOLDING = _Folding()
# The accents Unicode's decomposition splits from the letters.
_ACCENTS = re.compile("[\u0300-\u036f]")


def _fold(text):
    """Lower case without accents, one character for one, so positions in the folded text hold in the original.

    The whole text is lower-cased and decomposed at once, its accents dropped: each character gives what it gives
    alone (checked on every character of Unicode), twice as fast as a character at a time, for the ten texts of a
    page of results. Where that would not keep one character for one (a lone accent in the text, a Korean syllable),
    a character at a time."""
    if not _ACCENTS.search(text):
        folded = _ACCENTS.sub("", unicodedata.normalize("NFD", text.lower()))
        if len(folded) == len(text):
            return folded
    return text.translate(_FOLDING)


def _term_pattern(terms):
    # Long words also match their longer forms (atelier → ateliers), short ones their plural (pad → pads);
    # one-letter words are not marked.
    words = sorted({_fold(term) for term in terms if len(term) > 1}, key=len, reverse=True)
    if not words:
        return None
    alternatives = [re.escape(word) + (r"\w*" if len(word) >= 4 else r"[sx]?(?!\w)") for word in words]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")")


def excerpt(page, terms, length=EXCERPT_LENGTH):
    """A passage of the page around the first word of the query, the query's words in <mark>.

    The passage is cut from the page's plain text, made when it was saved (resources/search_text.py): a page of
    results renders no Markdown. The text is escaped before the marks go in: nothing the contributors typed becomes
    markup.
    """
    pattern = _term_pattern(terms)
    text = page.search_text
    folded = _fold(text)
    first = pattern.search(folded) if pattern else None
    start = text.rfind(" ", 0, first.start() - EXCERPT_LEAD) + 1 if first and first.start() > EXCERPT_LEAD else 0
    end = len(text) if start + length >= len(text) else text.rfind(" ", start, start + length)
    if end <= start:
        end = min(len(text), start + length)
    passage, folded_passage = text[start:end], folded[start:end]
    pieces, position = [], 0
    for match in pattern.finditer(folded_passage) if pattern else ():
        pieces.append(escape(passage[position : match.start()]))
        pieces.append(f"<mark>{escape(passage[match.start() : match.end()])}</mark>")
        position = match.end()
    pieces.append(escape(passage[position:]))
    html = "".join(pieces)
    return mark_safe(("… " if start else "") + html + (" …" if end < len(text) else ""))  # noqa: S308


def places_to_browse():
    """Where to go when a search finds nothing: the wiki, the tool sheets, the workshops and the journeys."""
    return all_pages().live().public().type(ResourceIndexPage, ToolSheetIndexPage, WorkshopIndexPage, JourneyIndexPage)
