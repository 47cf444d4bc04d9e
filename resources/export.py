"""Licensed pages as Markdown: the download another network can reuse, and the text the history compares."""

import json
import re
from html.parser import HTMLParser

from django.db import models
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.rich_text import expand_db_html

from core.french import format_date

from . import wiki
from .blocks import CalloutBlock, CaptionedImageBlock, DocumentBlock

# The fields each kind of licensed page may have, in the order a reader meets them on the page.
FACT_FIELDS = (
    "tool_name",
    "replaces",
    "category",
    "is_free_software",
    "software_licence",
    "website",
    "difficulty",
    "last_checked",
    # A prototype's (network/prototypes): what it answers, who made it, where it stands, what it costs.
    "problem",
    "domain",
    "status",
    "structure",
    "community",
    "cost",
)
STREAM_FIELDS = ("body", "steps", "use_cases")
BLANK_LINES_RE = re.compile(r"\n{3,}")
NEWLINE_RE = re.compile(r"\r\n?")


def _relative(url):
    return url


def _has_field(page, name):
    return any(field.name == name for field in page._meta.concrete_fields)


def field_label(page, name):
    return str(capfirst(page._meta.get_field(name).verbose_name))


def field_text(page, name, absolute=_relative):
    """One field of the page as the text a reader sees: choices by their label, dates in French, blocks as Markdown."""
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if isinstance(field, StreamField):
        return stream_to_markdown(value, absolute)
    if field.choices:
        return str(getattr(page, f"get_{name}_display")())
    if isinstance(field, models.BooleanField):
        return _("Oui") if value else _("Non")
    if value and isinstance(field, models.DateField):
        return format_date(value)
    return str(value or "")


def text_fields(page, absolute=_relative):
    """Every field a contributor edits, as (label, text) pairs: what two revisions are compared on."""
    names = ["title", "summary", *FACT_FIELDS, *STREAM_FIELDS, "licence"]
    return [(field_label(page, name), field_text(page, name, absolute)) for name in names if _has_field(page, name)]


def to_markdown(page, attribution, absolute=_relative):
    """The page as a Markdown document, its licence and attribution in a YAML front matter.

    Its `[[Titre]]` links become links to the pages' full addresses: the file is read away from the site."""
    published = localtime(page.last_published_at).date().isoformat() if page.last_published_at else "null"
    lines = [
        "---",
        f"title: {_yaml(page.title)}",
        f"licence: {_yaml(attribution.licence)}",
        f"licence_url: {_yaml(attribution.licence_url)}",
        "authors:",
        *(f"  - {_yaml(author)}" for author in attribution.authors),
        f"source_url: {_yaml(attribution.source_url)}",
        f"last_update: {published}",
        "---",
        "",
        f"# {page.title}",
    ]
    if getattr(page, "summary", ""):
        lines += ["", page.summary]
    facts = [
        (field_label(page, name), field_text(page, name, absolute)) for name in FACT_FIELDS if _has_field(page, name)
    ]
    if facts:
        lines.append("")
        lines += [f"- **{label}** : {text}" for label, text in facts if text]
    for name in STREAM_FIELDS:
        if _has_field(page, name) and getattr(page, name):
            # A wiki page's body carries its own headings; a sheet's parts get the headings the page shows.
            lines += ["", f"## {field_label(page, name)}"] if name != "body" else []
            lines += ["", wiki.with_absolute_links(field_text(page, name, absolute), absolute)]
    # The attribution again at the end, for whoever copies the text without its front matter.
    lines += ["", "---", "", _("Contributions : %(authors)s.") % {"authors": ", ".join(attribution.authors)}, ""]
    lines.append(
        _("Publié sous licence [%(licence)s](%(url)s). Source : <%(source)s>")
        % {"licence": attribution.licence, "url": attribution.licence_url, "source": attribution.source_url}
    )
    return BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip() + "\n"


def _yaml(text):
    """A YAML double-quoted scalar: JSON strings are valid YAML, with every escape done for us."""
    return json.dumps(str(text), ensure_ascii=False)


def stream_to_markdown(stream, absolute=_relative):
    """A StreamField as Markdown: Markdown blocks as they were typed, the others in their nearest Markdown form."""
    parts = [_block_to_markdown(child.block, child.value, absolute) for child in stream]
    # Browsers send text areas with CRLF line ends: one convention, so that diffs see only real changes.
    parts = [NEWLINE_RE.sub("\n", part).strip() for part in parts if part]
    return "\n\n".join(part for part in parts if part)


def _block_to_markdown(block, value, absolute):
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_to_markdown(value.source, absolute)
    if isinstance(block, CaptionedImageBlock):
        if not value["image"]:
            return ""
        image = f"![{value['alt'] or ''}]({absolute(value['image'].file.url)})"
        return f"{image}\n\n_{value['caption']}_" if value["caption"] else image
    if isinstance(block, DocumentBlock):
        document = value["document"]
        return f"[{value['title'] or document.title}]({absolute(document.url)})" if document else ""
    if isinstance(block, EmbedBlock):
        return f"<{value.url}>" if value else ""
    if isinstance(block, CalloutBlock):
        text = f"**{value['title']}**\n\n{value['text']}" if value["title"] else value["text"]
        return "\n".join(f"> {line}".rstrip() for line in text.splitlines())
    if isinstance(block, TableBlock):
        return _table_to_markdown(value or {})
    if isinstance(block, blocks.TextBlock):
        return value  # Markdown, as typed
    return "\n\n".join(str(text) for text in block.get_searchable_content(value))


def _table_to_markdown(table):
    rows = [[str(cell or "").replace("|", "\\|").replace("\n", " ") for cell in row] for row in table.get("data") or []]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    header = rows.pop(0) if table.get("first_row_is_table_header") else [""] * width
    lines = [f"| {' | '.join(header)} |", f"|{'---|' * width}", *(f"| {' | '.join(row)} |" for row in rows)]
    caption = table.get("table_caption")
    return (f"_{caption}_\n\n" if caption else "") + "\n".join(lines)


def rich_text_to_markdown(source, absolute=_relative):
    """Wagtail rich text (its few features: headings, lists, bold, italic, links) as minimal Markdown."""
    converter = _RichTextConverter(absolute)
    converter.feed(expand_db_html(source))
    converter.close()
    return BLANK_LINES_RE.sub("\n\n", "".join(converter.out)).strip()


class _RichTextConverter(HTMLParser):
    INLINE = {"b": "**", "strong": "**", "i": "_", "em": "_"}

    def __init__(self, absolute):
        super().__init__(convert_charrefs=True)
        self.absolute = absolute
        self.out = []
        self.lists = []  # [tag, items so far] of each open list
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag in {"h2", "h3", "h4", "h5", "h6"}:
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "p":
            self.out.append("\n\n")
        elif tag in {"ul", "ol"}:
            self.out.append("\n" if self.lists else "\n\n")
            self.lists.append([tag, 0])
        elif tag == "li":
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            marker = f"{kind[1]}." if kind[0] == "ol" else "-"
            self.out.append("\n" + "  " * max(len(self.lists) - 1, 0) + marker + " ")
        elif tag in self.INLINE:
            self.out.append(self.INLINE[tag])
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))
            self.out.append("[")
        elif tag == "br":
            self.out.append("  \n")

    def handle_endtag(self, tag):
        if tag in {"ul", "ol"} and self.lists:
            self.lists.pop()
            self.out.append("\n\n" if not self.lists else "")
        elif tag in self.INLINE:
            self.out.append(self.INLINE[tag])
        elif tag == "a":
            href = self.links.pop() if self.links else None
            self.out.append(f"]({self.absolute(href)})" if href else "]")

    def handle_data(self, data):
        self.out.append(data)
