"""Markdown's cost stays bounded whatever a contributor types: the work is counted in function calls, never timed."""

import sys

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.fields import StreamField

from core.limits import TEXT_MAX_LENGTH
from resources.blocks import MarkdownBlock
from resources.markdown import LINKIFY, links, render
from resources.wiki import MAX_WIKI_LINKS, render_markdown

from ..factories import ResourceIndexPageFactory, WikiPageFactory

PROJECT_APPS = {
    *("home", "resources", "workshops"),
    *("members", "organisation", "places", "competences", "badges", "journal"),
}


def work_done(function, *args):
    """The lines of Python run and the C functions called by `function`: the same on a fast or a busy machine."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += 1
        return trace

    def profile(frame, event, arg):
        nonlocal count
        count += event == "c_call"

    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return count


# Texts of `size` characters on which python-markdown's own link patterns read to the end of the text at every
# bracket: their work grew with the square of the size.
LINK_FAMILIES = {
    "brackets never closed": lambda size: "[" * size,
    "brackets closed once at the end": lambda size: "[" * (size - 1) + "]",
    "images never closed": lambda size: "![" * (size // 2),
    "addresses never closed": lambda size: "[a](" * (size // 4),
    "one address opening forever": lambda size: "[a](" + "(" * (size - 4),
    "references never closed": lambda size: "[a][" * (size // 4),
    "brackets nested deep": lambda size: "[" * (size // 2) + "]" * (size // 2),
}


@pytest.mark.parametrize("family", LINK_FAMILIES)
def test_link_work_grows_no_faster_than_the_text(family, monkeypatch):
    # A budget smaller than the site's keeps the traced runs short; the bound it shows holds for any budget.
    monkeypatch.setattr(links, "BUDGET", 20_000)
    make = LINK_FAMILIES[family]
    small, large = work_done(render, make(3_000)), work_done(render, make(6_000))
    assert large <= 2.5 * small, f"{family}: {small} steps for 3,000 characters, {large} for 6,000"


def test_a_long_text_full_of_real_links_keeps_every_link():
    text = " ".join(f"[fiche {n}](https://exemple.org/{n}) ![logo {n}](/media/{n}.png)" for n in range(300))
    assert len(text) < TEXT_MAX_LENGTH
    html = str(render(text))
    assert html.count('<a href="https://exemple.org/') == 300
    assert html.count('<img alt="logo ') == 300


def test_lists_nested_hundreds_deep_show_as_typed_text():
    text = "".join("  " * depth + "- <b>point</b>\n" for depth in range(600))
    html = str(render(text))
    assert html.startswith("<p>- &lt;b&gt;point&lt;/b&gt;<br>")
    assert "<b>" not in html


@pytest.mark.django_db
def test_a_thousand_different_wiki_links_render_in_one_bounded_query(home):
    wiki = ResourceIndexPageFactory(parent=home, title="Wiki", slug="wiki")
    WikiPageFactory(parent=wiki, title="Écrire à plusieurs", slug="ecrire")
    WikiPageFactory(parent=wiki, title="Tableur", slug="tableur")
    text = "[[Écrire à plusieurs]] [[tableur]] " + " ".join(f"[[Page {n}]]" for n in range(1_100))

    render_markdown("[[Tableur]]")  # the site's root paths, read once then kept
    with CaptureQueriesContext(connection) as few_links:
        render_markdown("[[Écrire à plusieurs]] [[tableur]]")
    with CaptureQueriesContext(connection) as many_links:
        html = str(render_markdown(text))
    assert len(many_links) == len(few_links)
    assert 'class="wikilink" href="/wiki/ecrire/">Écrire à plusieurs</a>' in html
    assert 'class="wikilink" href="/wiki/tableur/">tableur</a>' in html
    assert html.count("wikilink-missing") == MAX_WIKI_LINKS - 2
    # Past the bound, the brackets stay as typed rather than claim a page is missing.
    assert "[[Page 1099]]" in html


@pytest.mark.django_db
@pytest.mark.parametrize("paragraph", ["Un long paragraphe. " * 150, "Court."], ids=["long", "short"])
def test_a_text_is_rendered_once_then_again_when_a_page_is_published(home, paragraph, django_assert_num_queries):
    wiki = ResourceIndexPageFactory(parent=home, title="Wiki", slug="wiki")
    text = "Voir [[Visioconférence]]. " + paragraph
    assert "wikilink-missing" in render_markdown(text)
    with django_assert_num_queries(0):
        assert "wikilink-missing" in render_markdown(text)

    page = WikiPageFactory(parent=wiki, title="Visioconférence", slug="visio", live=False)
    page.save_revision().publish()
    assert 'class="wikilink" href="/wiki/visio/"' in render_markdown(text)


def test_a_markdown_block_refuses_a_text_past_the_limit_in_french():
    block = MarkdownBlock()
    assert block.clean("a" * TEXT_MAX_LENGTH) == "a" * TEXT_MAX_LENGTH
    with pytest.raises(ValidationError) as refused:
        block.clean("a" * (TEXT_MAX_LENGTH + 1))
    assert f"au plus {TEXT_MAX_LENGTH} caractères" in str(refused.value)


def _text_blocks(block, path):
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)):
        yield path, block
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from _text_blocks(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from _text_blocks(block.child_block, f"{path}.item")


def test_every_text_a_person_types_has_a_length_limit():
    unbounded = []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields(include_parents=False):
            where = f"{model._meta.label}.{getattr(field, 'name', '')}"
            # A text no form shows is made from the others (a page's search_text), not typed.
            if isinstance(field, models.TextField) and field.editable and not field.max_length:
                unbounded.append(where)
            elif isinstance(field, StreamField):
                for path, block in _text_blocks(field.stream_block, where):
                    if not (getattr(block, "max_length", None) or block.field.max_length):
                        unbounded.append(path)
    assert unbounded == []


def test_addresses_are_still_made_links_from_parentheses_and_dashed_names():
    html = str(render("Voir (https://exemple.org/a), www.exemple.fr et centre-social.fr."))
    assert '(<a href="https://exemple.org/a" rel="nofollow ugc noopener">https://exemple.org/a</a>)' in html
    assert '<a href="http://www.exemple.fr" rel="nofollow ugc noopener">www.exemple.fr</a>' in html
    assert '<a href="http://centre-social.fr" rel="nofollow ugc noopener">centre-social.fr</a>' in html


@pytest.mark.parametrize("run, inside", [("((((centre.fr", 2), ("a-b-c-d-centre.fr", 4)])
def test_the_address_pattern_starts_a_match_only_where_a_run_starts(run, inside):
    # bleach's own pattern also starts one at every `(` or `-` of a run and reads to its end: 20,000 took 5 s.
    url_re = LINKIFY["url_re"]
    assert url_re.match(run, 0)
    assert url_re.match(run, inside) is None
