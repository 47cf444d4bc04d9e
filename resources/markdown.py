"""The one pipeline that turns user Markdown (and any HTML inside it) into safe HTML."""

import re
from html import unescape
from urllib.parse import urlsplit
from xml.etree import ElementTree

import bleach
import markdown
from bleach.linkifier import LinkifyFilter
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from markdown.inlinepatterns import InlineProcessor
from markdown.util import STX

WIKI_LINK_RE = r"\[\[([^\]\|\n]{1,200})(?:\|([^\]\n]{1,200}))?\]\]"

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
        "pre", "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel", "class"],
    "abbr": ["title"],
    "code": ["class"],
    "div": ["class"],
    "span": ["class"],
    "img": ["src", "alt", "title", "width", "height"],
    "ol": ["start"],
    "td": ["align", "colspan", "rowspan"],
    "th": ["align", "colspan", "rowspan", "scope"],
    **{f"h{level}": ["id"] for level in range(1, 7)},
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})
EXTERNAL_REL = "nofollow ugc noopener"
SAFE_CLASS_RE = re.compile(r"^[\w\- ]{1,80}$")
URL_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")


class WikiLinkInline(InlineProcessor):
    """`[[Titre]]` or `[[Titre|texte]]`: a link to the wiki page of that title, marked when missing."""

    def __init__(self, pattern, md, resolve):
        super().__init__(pattern, md)
        self.resolve = resolve

    def handleMatch(self, m, data):  # noqa: N802 — python-markdown's API
        title = m.group(1).strip()
        if STX in title:
            # Raw HTML, entities or code already became placeholders: no page has such a title.
            return None, None, None
        label = (m.group(2) or title).strip()
        url, exists = self.resolve(title)
        link = ElementTree.Element("a")
        link.text = label
        if url:
            link.set("href", url)
        link.set("class", "wikilink" if exists else "wikilink wikilink-missing")
        if not exists:
            link.set("title", gettext("Page à créer"))
        return link, m.start(0), m.end(0)


class WikiLinkExtension(markdown.Extension):
    def __init__(self, resolve, **kwargs):
        self.resolve = resolve
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 — python-markdown's API
        md.inlinePatterns.register(WikiLinkInline(WIKI_LINK_RE, md, self.resolve), "wikilink", 75)


def wiki_titles(text):
    """The page titles that a text links to with `[[…]]`, so callers can resolve them in one query."""
    return {m.group(1).strip() for m in re.finditer(WIKI_LINK_RE, text or "")}


def _no_wiki_pages(title):
    return None, False


def _is_external(href):
    # Browsers drop tabs and newlines and read a backslash as a slash: "//x", "\\x" and "/\x" leave the site.
    try:
        url = urlsplit(re.sub(r"[\x00-\x20]", "", href).replace("\\", "/"))
    except ValueError:  # e.g. "\\[x", which bleach lets through: marking it costs nothing
        return True
    return url.scheme in {"http", "https"} or bool(url.netloc)


def _mark_external(attrs, new=False):
    if _is_external(attrs.get((None, "href"), "")):
        attrs[(None, "rel")] = EXTERNAL_REL
    elif (None, "rel") in attrs:
        del attrs[(None, "rel")]
    return attrs


def _allowed_attribute(tag, name, value):
    if name not in ALLOWED_ATTRIBUTES.get(tag, []):
        return False
    if name == "class":
        return bool(SAFE_CLASS_RE.match(value))
    if name in {"href", "src"}:
        # bleach reads "javascript:0" as host:port and keeps it: read the scheme as a browser would.
        scheme = URL_SCHEME_RE.match(re.sub(r"[\x00-\x20\x7f-\xa0\s]", "", unescape(value)).lower())
        return not scheme or scheme.group(1) in ALLOWED_PROTOCOLS
    return True


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=dict.fromkeys(ALLOWED_ATTRIBUTES, _allowed_attribute),
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[lambda source: LinkifyFilter(source, callbacks=[_mark_external], skip_tags={"pre", "code"})],
)


def sanitize(html):
    """Cleans HTML against the allow-list; external links get rel="nofollow ugc noopener"."""
    return _cleaner.clean(html or "")


def render(text, resolve_wiki_link=None):
    """Markdown to safe HTML. `resolve_wiki_link(title) -> (url, exists)` turns `[[Titre]]` into links."""
    md = markdown.Markdown(
        extensions=[
            "tables",
            "fenced_code",
            "sane_lists",
            "toc",
            WikiLinkExtension(resolve_wiki_link or _no_wiki_pages),
        ],
        extension_configs={"tables": {"use_align_attribute": True}, "toc": {"permalink": False}},
        output_format="html",
    )
    return mark_safe(sanitize(md.convert(text or "")))  # noqa: S308 — the output of the sanitizer
