"""Wiki links: resolves every `[[Titre]]` of a text in one query, then renders it."""

import operator
from functools import reduce

from django.apps import apps
from django.db.models import Q
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Page

from . import markdown


def resolver_for(text):
    titles = markdown.wiki_titles(text)
    if not titles:
        return None
    same_titles = reduce(operator.or_, (Q(title__iexact=title) for title in titles))
    # The page models by name: they hold the blocks that render these links, so they import this module.
    linkable_types = (apps.get_model("resources", "WikiPage"), apps.get_model("resources", "ToolSheetPage"))
    linkable = Page.objects.live().public().type(*linkable_types).filter(same_titles)
    pages = {page.title.casefold(): page for page in linkable}

    def resolve(title):
        page = pages.get(title.casefold())
        if page:
            return page.url, True
        return f"{reverse('resources:missing_wiki_page')}?{urlencode({'titre': title})}", False

    return resolve


def render_markdown(text):
    """The site's Markdown rendering: sanitized, with wiki links resolved."""
    return markdown.render(text, resolve_wiki_link=resolver_for(text))
