"""The Markdown pipeline: no XSS payload survives it, and what a contributor writes still renders."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction
from django.template import Context, Template
from hypothesis import given, settings
from hypothesis import strategies as st

from resources.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, EXTERNAL_REL, render, sanitize
from resources.markdown.links import wiki_titles

from ..factories import ResourceIndexPageFactory, WikiPageFactory

# Some payloads are bare URLs, which bs4 warns about: parsing them as HTML is the point.
pytestmark = pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")

PAYLOADS_FILE = Path(__file__).with_name("xss_payloads.txt")
# One payload a line; `\n`, `\r`, `\t` and `\xHH` stand for the characters a line cannot hold.
ESCAPE_RE = re.compile(r"\\(n|r|t|x[0-9a-fA-F]{2})")
ESCAPES = {"n": "\n", "r": "\r", "t": "\t"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src"}
# What browsers skip or the sanitizer must see through before reading a scheme.
INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f-\xa0\s\u200b-\u200f\u2028\u2029\ufeff`]+")
SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def _unescape_line(line):
    return ESCAPE_RE.sub(lambda m: ESCAPES.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), line)


def load_payloads():
    lines = PAYLOADS_FILE.read_text(encoding="utf-8").split("\n")
    return [(number, _unescape_line(line)) for number, line in enumerate(lines, start=1) if line.strip()]


PAYLOADS = load_payloads()


def url_scheme(url):
    """The scheme a browser reads in an attribute the parser already unescaped once, as browsers do."""
    cleaned = INVISIBLE_RE.sub("", url).lower()
    match = SCHEME_RE.match(cleaned)
    return match.group(1) if match else None


def leaves_site(url):
    """Absolute http(s) and protocol-relative URLs (browsers read `\\` as `/`)."""
    cleaned = INVISIBLE_RE.sub("", url)
    return url_scheme(url) in {"http", "https"} or bool(re.match(r"^[/\\]{2}", cleaned))


def unsafe_parts(output):
    """Everything in rendered HTML that breaks the sanitizer's promises; empty when safe."""
    soup = BeautifulSoup(str(output), "html.parser", multi_valued_attributes=None)
    problems = [
        f"{type(node).__name__}: {node!r}"
        for node in soup.find_all(string=True)
        if isinstance(node, Comment | CData | Declaration | Doctype | ProcessingInstruction)
    ]
    for element in soup.find_all(True):
        if element.name not in ALLOWED_TAGS:
            problems.append(f"element <{element.name}>")
        for name, value in element.attrs.items():
            lowered = name.lower()
            if lowered.startswith("on") or lowered == "style":
                problems.append(f"attribute {name}={value!r} on <{element.name}>")
            elif name not in ALLOWED_ATTRIBUTES.get(element.name, ()):
                problems.append(f"attribute {name} not allowed on <{element.name}>")
            if lowered in URL_ATTRIBUTES and url_scheme(value) not in SAFE_SCHEMES | {None}:
                problems.append(f"{name}={value!r} on <{element.name}>")
        if element.name == "a" and leaves_site(element.get("href", "")) and element.get("rel") != EXTERNAL_REL:
            problems.append(f"external link without rel: {element!r}")
    return problems


def naive_resolver(title):
    """A careless resolver that echoes the title as the URL: the sanitizer must still catch it."""
    return title, True


RENDERERS = {
    "render": render,
    "render+resolver": lambda text: render(text, resolve_wiki_link=naive_resolver),
    "sanitize": sanitize,
}


# --- The corpus ---------------------------------------------------------------------------------------------------


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= 120
    assert len({payload for _, payload in PAYLOADS}) == len(PAYLOADS), "duplicate payloads"


@pytest.mark.parametrize("renderer", RENDERERS.values(), ids=RENDERERS.keys())
@pytest.mark.parametrize(("number", "payload"), PAYLOADS, ids=[f"{n}:{p[:50]}" for n, p in PAYLOADS])
def test_payload_is_neutralized(renderer, number, payload):
    output = renderer(payload)
    assert unsafe_parts(output) == [], f"line {number}: {payload!r}\n-> {output}"


def test_checker_catches_what_it_should():
    """The invariants themselves: a checker that passes everything would make the corpus worthless."""
    for unsafe in [
        "<script>alert(1)</script>",
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<img src=" DATA:text/html,x">',
        '<p onclick="x">x</p>',
        '<a href="/x" style="x">x</a>',
        '<a href="https://example.com">x</a>',
        '<a href="/\\evil.example" rel="nofollow">x</a>',
        "<!-- x -->",
        '<img src="/x.png" onerror="x">',
    ]:
        assert unsafe_parts(unsafe), unsafe
    safe = f'<p><a href="https://example.com" rel="{EXTERNAL_REL}">x</a> <a href="/x">y</a> <a href="#z">z</a></p>'
    assert unsafe_parts(safe) == []


# --- Random input -------------------------------------------------------------------------------------------------

FRAGMENTS = [
    "script", "<script>", "</script>", "javascript:", "JaVaScRiPt:", "vbscript:", "data:text/html,", "onerror=",
    "onload=", " onclick=", "style=", "<a href=", "<img src=", "<svg", "<math>", "<mtext>", "<style>", "<iframe",
    "<!--", "-->", "<![CDATA[", "]]>", "[[", "]]", "|", "](", "![", "[x]: ", "&#", "&#106;", "&#x3a;", "&colon;",
    "&amp;", "alert(1)", "`", "```", "\n", "\n\n", "    ", "\t", "# ", "* ", "> ", "|---|", "http://", "//",
    "https://example.com", "www.example.com", "mailto:", "\x00",
]  # fmt: skip
ALPHABET = "<>\"'=&:;/()[]!#*_-|\\` \t\nabcjsxXYZ019é"
markup_soup = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=ALPHABET, max_size=6)), max_size=40).map(
    "".join
)
words = st.lists(st.text(alphabet=st.characters(categories=["L", "Nd"]), min_size=1, max_size=12), min_size=1)


@settings(max_examples=300, deadline=None)
@given(text=markup_soup)
def test_random_markup_is_neutralized(text):
    for name, renderer in RENDERERS.items():
        output = renderer(text)
        assert unsafe_parts(output) == [], f"{name}({text!r}) -> {output}"


@settings(max_examples=300, deadline=None)
@given(words=words)
def test_plain_text_survives(words):
    text = BeautifulSoup(render(" ".join(words)), "html.parser").get_text()
    for word in words:
        assert word in text


# --- What contributors see ----------------------------------------------------------------------------------------


def parse(output):
    return BeautifulSoup(str(output), "html.parser", multi_valued_attributes=None)


def test_table():
    soup = parse(render("| Outil | Prix |\n|:------|-----:|\n| Firefox | 0 € |"))
    assert soup.select("table thead th")[0].get_text() == "Outil"
    assert soup.select("table tbody td")[1].get_text() == "0 €"
    assert soup.select("table tbody td")[1]["align"] == "right"


def test_fenced_code_keeps_markup_as_text():
    soup = parse(render("```python\nprint('<b>')\n```"))
    code = soup.select_one("pre > code")
    assert code["class"] == "language-python"
    assert code.get_text() == "print('<b>')\n"
    assert soup.find("b") is None


def test_headings_get_ids():
    soup = parse(render("# Premiers pas\n\n## Ouvrir une session"))
    assert soup.find("h1")["id"] == "premiers-pas"
    assert soup.find("h2")["id"] == "ouvrir-une-session"


def test_inline_formatting():
    soup = parse(render("*un* **deux** `trois`\n\n- a\n- b\n\n> cité"))
    assert [soup.find(tag).get_text() for tag in ("em", "strong", "code")] == ["un", "deux", "trois"]
    assert len(soup.select("ul > li")) == 2
    assert soup.select_one("blockquote p").get_text() == "cité"


@pytest.mark.parametrize(
    "text",
    [
        "[site](https://example.com/page)",
        "<https://example.com/page>",
        "https://example.com/page",
        "[site](//example.com/page)",
    ],
)
def test_external_link_gets_rel(text):
    link = parse(render(text)).find("a")
    assert link["href"].endswith("example.com/page")
    assert link["rel"] == EXTERNAL_REL


def test_raw_html_link_rel_is_replaced():
    link = parse(render('<a href="https://example.com" rel="opener">x</a>')).find("a")
    assert link["rel"] == EXTERNAL_REL


@pytest.mark.parametrize("href", ["/ressources/wiki/", "#section", "page-voisine/", "?page=2"])
def test_relative_link_has_no_rel(href):
    link = parse(render(f'[ici]({href})\n\n<a href="{href}" rel="opener">là</a>')).find_all("a")
    assert [a["href"] for a in link] == [href, href]
    assert all("rel" not in a.attrs for a in link)


def test_mailto_and_tel_links_survive():
    links = parse(render("[écrire](mailto:contact@exemple.org) [appeler](tel:+33123456789)")).find_all("a")
    assert [a["href"] for a in links] == ["mailto:contact@exemple.org", "tel:+33123456789"]
    assert all("rel" not in a.attrs for a in links)


def test_image_keeps_src_and_alt():
    image = parse(render('![Un écran](https://example.com/ecran.png "Titre")')).find("img")
    assert image.attrs == {"src": "https://example.com/ecran.png", "alt": "Un écran", "title": "Titre"}


def test_dangerous_link_keeps_its_text():
    soup = parse(render("[cliquez](javascript:alert(1))"))
    assert "cliquez" in soup.get_text()
    assert all("href" not in a.attrs for a in soup.find_all("a"))


def test_wiki_link_calls_the_resolver():
    calls = []

    def resolve(title):
        calls.append(title)
        return f"/wiki/{title.lower()}/", True

    link = parse(render("Voir [[Titre]].", resolve_wiki_link=resolve)).find("a")
    assert calls == ["Titre"]
    assert link.attrs == {"href": "/wiki/titre/", "class": "wikilink"}
    assert link.get_text() == "Titre"


def test_wiki_link_with_label():
    link = parse(render("[[Titre|ce texte]]", resolve_wiki_link=lambda title: ("/wiki/titre/", True))).find("a")
    assert link.get_text() == "ce texte"
    assert link["href"] == "/wiki/titre/"


def test_missing_wiki_page():
    link = parse(render("[[Absente]]", resolve_wiki_link=lambda title: ("/a-creer/?titre=Absente", False))).find("a")
    assert link["class"].split() == ["wikilink", "wikilink-missing"]
    assert link["href"] == "/a-creer/?titre=Absente"
    # In the text, not only in a tooltip: read aloud by a screen reader and seen on a phone.
    assert link.get_text() == "Absente (page à créer)"
    assert link.find("span", class_="wikilink-note").get_text() == " (page à créer)"


def test_wiki_link_without_resolver_is_missing():
    link = parse(render("[[Titre]]")).find("a")
    assert "wikilink-missing" in link["class"].split()
    assert "href" not in link.attrs


def test_wiki_titles():
    assert wiki_titles("[[ Un ]] et [[Deux|texte]] et [[Un]] mais pas [Trois]") == {"Un", "Deux"}
    assert wiki_titles(None) == set()


def test_sanitize_keeps_safe_html():
    safe = (
        '<h2 id="etapes">Étapes</h2><p>Un <strong>texte</strong> <em>sûr</em> avec <a href="/page/">un lien</a>.</p>'
        '<ol start="3"><li>trois</li></ol><table><thead><tr><th scope="col">A</th></tr></thead>'
        "<tbody><tr><td>1</td></tr></tbody></table>"
    )
    assert sanitize(safe) == safe


def test_sanitize_and_render_handle_empty_input():
    assert render("") == render(None) == ""
    assert sanitize("") == sanitize(None) == ""


# --- The template filter ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_markdown_filter_resolves_wiki_links(home):
    page = WikiPageFactory(parent=ResourceIndexPageFactory(parent=home), title="Accueillir")
    template = Template("{% load markdown_tags %}{{ text|markdown }}")
    output = template.render(Context({"text": "# Bienvenue\n\n[[Accueillir]], [[Absente]] <script>alert(1)</script>"}))
    soup = parse(output)
    assert soup.find("h1").get_text() == "Bienvenue"
    found, missing = soup.find_all("a")
    assert (found["href"], found["class"]) == (page.url, "wikilink")
    assert missing["class"] == "wikilink wikilink-missing"
    assert missing["href"].endswith("?titre=Absente")
    assert missing.get_text() == "Absente (page à créer)"
    assert unsafe_parts(output) == []


def test_markdown_filter_renders_nothing_for_none():
    assert Template("{% load markdown_tags %}{{ text|markdown }}").render(Context({"text": None})) == ""
