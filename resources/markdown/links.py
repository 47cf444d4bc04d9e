"""Markdown's link patterns, with a cost that stays bounded whatever the text.

python-markdown reads the text after every `[` up to its matching `]`, and the address after every `](` up to its
`)`. On thousands of brackets that never close, each one reads to the end of the paragraph: the work grows with the
square of the text (8,000 `[` kept a server busy 15 seconds). Here each bracket reads at most `SPAN` characters, and
one rendering reads at most `BUDGET` in all; once the budget is spent, the brackets left stay plain text.
"""

import re
from xml.etree import ElementTree

from django.utils.translation import gettext
from markdown import Extension
from markdown import inlinepatterns as patterns
from markdown.util import STX

SPAN = 2_000  # longer than any link text or address a person writes
BUDGET = 500_000  # ten times the longest text the site accepts: a text full of real links never runs out
WIKI_LINK_RE = r"\[\[([^\]\|\n]{1,200})(?:\|([^\]\n]{1,200}))?\]\]"


class ScanBudget:
    """The characters that the link patterns of one rendering may still read."""

    def __init__(self, characters):
        self.left = characters

    def spend(self, characters):
        self.left -= characters


class BoundedScan:
    """Reads the text and address of a link within `SPAN` characters, on the rendering's budget."""

    def __init__(self, pattern, md, budget):
        super().__init__(pattern, md)
        self.budget = budget

    def _within_span(self, read, data, index, *args):
        if self.budget.left <= 0:
            return None
        # The library reads from `index` onwards only, so a slice gives the same answer at bounded cost.
        *found, end, handled = read(data[index : index + SPAN], 0, *args)
        self.budget.spend(end)
        return (*found, index + end, handled)

    def getText(self, data, index):  # noqa: N802 — python-markdown's API
        return self._within_span(super().getText, data, index) or ("", index, False)

    def getLink(self, data, index):  # noqa: N802
        return self._within_span(super().getLink, data, index) or ("", None, index, False)

    def evalId(self, data, index, text):  # noqa: N802
        return self._within_span(super().evalId, data, index, text) or (None, index, False)


class Link(BoundedScan, patterns.LinkInlineProcessor):
    pass


class Image(BoundedScan, patterns.ImageInlineProcessor):
    pass


class Reference(BoundedScan, patterns.ReferenceInlineProcessor):
    pass


class ImageReference(BoundedScan, patterns.ImageReferenceInlineProcessor):
    pass


class ShortReference(BoundedScan, patterns.ShortReferenceInlineProcessor):
    pass


class ShortImageReference(BoundedScan, patterns.ShortImageReferenceInlineProcessor):
    pass


class BoundedLinksExtension(Extension):
    """Puts the bounded patterns in the place, and at the priority, of python-markdown's own."""

    def extendMarkdown(self, md):  # noqa: N802
        budget = ScanBudget(BUDGET)
        for pattern, regex, name, priority in [
            (Reference, patterns.REFERENCE_RE, "reference", 170),
            (Link, patterns.LINK_RE, "link", 160),
            (Image, patterns.IMAGE_LINK_RE, "image_link", 150),
            (ImageReference, patterns.IMAGE_REFERENCE_RE, "image_reference", 140),
            (ShortReference, patterns.REFERENCE_RE, "short_reference", 130),
            (ShortImageReference, patterns.IMAGE_REFERENCE_RE, "short_image_ref", 125),
        ]:
            md.inlinePatterns.register(pattern(regex, md, budget), name, priority)


class WikiLinkInline(patterns.InlineProcessor):
    """`[[Titre]]` or `[[Titre|texte]]`: a link to the wiki page of that title, marked when missing.

    `resolve(title)` gives `(url, exists)`, or None to leave the brackets as they are."""

    def __init__(self, pattern, md, resolve):
        super().__init__(pattern, md)
        self.resolve = resolve

    def handleMatch(self, m, data):  # noqa: N802 — python-markdown's API
        title = m.group(1).strip()
        if STX in title:
            # Raw HTML, entities or code already became placeholders: no page has such a title.
            return None, None, None
        resolved = self.resolve(title)
        if resolved is None:  # past the links a text may make
            return None, None, None
        url, exists = resolved
        label = (m.group(2) or title).strip()
        link = ElementTree.Element("a")
        link.text = label
        if url:
            link.set("href", url)
        link.set("class", "wikilink" if exists else "wikilink wikilink-missing")
        if not exists:
            # Said in the text itself, so that it is read aloud and seen on a phone, where no tooltip shows.
            note = ElementTree.SubElement(link, "span")
            note.set("class", "wikilink-note")
            note.text = " " + gettext("(page à créer)")
        return link, m.start(0), m.end(0)


class WikiLinkExtension(Extension):
    def __init__(self, resolve, **kwargs):
        self.resolve = resolve
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 — python-markdown's API
        md.inlinePatterns.register(WikiLinkInline(WIKI_LINK_RE, md, self.resolve), "wikilink", 75)


def wiki_titles(text, limit=None):
    """The page titles that a text links to with `[[…]]` (the first `limit` of them), to resolve in one query."""
    titles = {}
    for m in re.finditer(WIKI_LINK_RE, text or ""):
        titles[m.group(1).strip()] = None
        if len(titles) == limit:
            break
    return set(titles)
