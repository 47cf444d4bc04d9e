"""The one pipeline that turns user Markdown (and any HTML inside it) into safe HTML."""

import re
from html import unescape
from urllib.parse import urlsplit

import bleach
import markdown
from bleach import linkifier
from bleach.linkifier import LinkifyFilter
from django.template.defaultfilters import linebreaksbr
from django.utils.safestring import mark_safe

from .links import BoundedLinksExtension, WikiLinkExtension

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


def _linear_url_re():
    """bleach's pattern of addresses to make links of, started only at the first `(` of a run and the first letter of
    a name: as bleach writes it, every `(` or `-` of a long run starts a match that reads to the run's end, and 20,000
    of them took five seconds."""
    pattern = linkifier.URL_RE.pattern
    for theirs, ours in [(r"\(*", r"(?<!\()\(*"), (r"([\w-]+\.)+", r"(?<![\w-])([\w-]+\.)+")]:
        assert pattern.count(theirs) == 1, f"bleach's URL pattern changed: {theirs} is no longer in it once"
        pattern = pattern.replace(theirs, ours)
    return re.compile(pattern, linkifier.URL_RE.flags)


LINKIFY = {"callbacks": [_mark_external], "skip_tags": {"pre", "code"}, "url_re": _linear_url_re()}
_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=dict.fromkeys(ALLOWED_ATTRIBUTES, _allowed_attribute),
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[lambda source: LinkifyFilter(source, **LINKIFY)],
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
            BoundedLinksExtension(),
            WikiLinkExtension(resolve_wiki_link or _no_wiki_pages),
        ],
        extension_configs={"tables": {"use_align_attribute": True}, "toc": {"permalink": False}},
        output_format="html",
    )
    try:
        html = sanitize(md.convert(text or ""))
    except RecursionError:
        # Lists or quotes nested hundreds deep exhaust python-markdown's recursion: the text shows as typed.
        html = f"<p>{linebreaksbr(text)}</p>"
    return mark_safe(html)  # noqa: S308 — the sanitizer's output, or escaped text
