"""The site's Markdown: resolves every `[[Titre]]` of a text in one query, renders it, and keeps it rendered.

A text is rendered once and kept in the cache, shared by every server, under the text's own digest (one round trip
costs less than building a Markdown parser, even for a short text): an edit makes a new text, and publishing, moving
or removing a page (which may make a missing link exist, or the reverse) makes a new links version, under which every
text is rendered afresh.
"""

import re
from hashlib import sha256

from django.apps import apps
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from wagtail.models import Page

from core import cache_versions
from core.pages import pages

from .markdown import render
from .markdown.links import WIKI_LINK_RE, wiki_titles

# The distinct pages one text may link to: keeps the lookup one query of bounded size (SQLite refuses a query of a
# thousand conditions). Links past it stay plain text rather than claim a page is missing.
MAX_WIKI_LINKS = 300
RENDERED_SECONDS = 7 * 24 * 3600
LINKS_VERSION_KEY = "wiki-links-version"


def resolver_for(text):
    titles = wiki_titles(text, limit=MAX_WIKI_LINKS)
    if not titles:
        return None
    # The page models by name: they hold the blocks that render these links, so they import this module.
    linkable_types = (apps.get_model("resources", "WikiPage"), apps.get_model("resources", "ToolSheetPage"))
    # The title as typed, or lower-cased: SQLite lowers ASCII letters only, so the first catches "Écrire". Found
    # apart, by the indexes on both (home/migrations/0005), which the page's other conditions would make the
    # database pass over for a scan of every page of these types.
    same_titles = Q(title__in=titles) | Q(lower_title__in={title.lower() for title in titles})
    titled = Page.objects.annotate(lower_title=Lower("title")).filter(same_titles).values("pk")
    linkable = pages().live().public().type(*linkable_types).filter(pk__in=titled)
    by_title = {page.title.casefold(): page for page in linkable}
    looked_up = {title.casefold() for title in titles}

    def resolve(title):
        if title.casefold() not in looked_up:
            return None
        page = by_title.get(title.casefold())
        if page:
            return page.url, True
        return f"{reverse('resources:missing_wiki_page')}?{urlencode({'titre': title})}", False

    return resolve


def with_absolute_links(text, absolute):
    """The text with its `[[Titre]]` as Markdown links to the full addresses of the pages (`absolute(url)`), for a
    copy read away from the site; a link to a missing page keeps only its words."""
    resolve = resolver_for(text)
    if resolve is None:
        return text

    def replace(match):
        title = match.group(1).strip()
        resolved = resolve(title)
        if resolved is None:  # past the links a text may make, as on the site
            return match.group(0)
        url, exists = resolved
        label = (match.group(2) or title).strip()
        return f"[{label}]({absolute(url)})" if exists else label

    return re.sub(WIKI_LINK_RE, replace, text)


def render_markdown(text):
    """The site's Markdown rendering: sanitized, with wiki links resolved."""
    if not text.strip():
        return mark_safe("")
    key = f"markdown:{sha256(text.encode()).hexdigest()}"
    versions, html = cache_versions.read_shared([LINKS_VERSION_KEY], key)
    if html is cache_versions.MISSING:
        html = str(render(text, resolve_wiki_link=resolver_for(text)))
        cache_versions.keep_shared(versions, key, html, RENDERED_SECONDS)
    return mark_safe(html)  # noqa: S308 — the sanitizer's output, as it was kept


def renew_links(**kwargs):
    """A page appeared, moved or went: the links of every text are resolved again."""
    cache_versions.move_on(LINKS_VERSION_KEY)
