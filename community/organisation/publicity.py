"""The funders' publicity on generated PDFs: their emblems, each named, in a row at the top; their mentions and the
page number at the foot of every page.

EU-funded actions (FEDER, FSE) must show the emblem and the mention on every support they pay for.
"""

import io
from functools import partial
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .models import OrganisationSettings

EMBLEM_HEIGHT = 1.6 * cm
FOOT = 0.7 * cm  # from the page's edge to the page number
FOOT_GAP = 0.4 * cm  # between the mentions and the text of the page


class Support:
    """A PDF that carries the funders' publicity: its story opens with their emblems and its heading, each page
    ends with their mentions. Uncompressed and reproducible, so that its text can be checked."""

    def __init__(self, title, request=None, heading=None, **page):
        self.buffer = io.BytesIO()
        self.doc = SimpleDocTemplate(
            self.buffer, title=title, invariant=1, pageCompression=0, **{"pagesize": A4, **page}
        )
        self.styles = getSampleStyleSheet()
        self.funders = funders(request)
        self.story = [*emblems(self.funders), Paragraph(escape(heading or title), self.styles["Title"])]

    def render(self):
        """The PDF's bytes."""
        build(self.doc, self.story, self.funders)
        return self.buffer.getvalue()


def funders(request=None):
    """The funders of the request's site (of the first site's settings outside a request)."""
    site_settings = OrganisationSettings.for_request(request) if request else OrganisationSettings.objects.first()
    if site_settings is None:
        return []
    return list(site_settings.funders.select_related("emblem"))


def emblems(funders):
    """A row of the funders' emblems, each above its fund's name, to open the document; nothing when none can be
    read."""
    images, names = [], []
    label = getSampleStyleSheet()["Normal"].clone("emblem", fontSize=8, leading=10)
    for funder in funders:
        if funder.emblem is None:
            continue
        try:
            with funder.emblem.file.open("rb") as file:
                data = io.BytesIO(file.read())
            image_width, image_height = ImageReader(data).getSize()
        except OSError:  # a missing or unreadable file: the mention still says who funds
            continue
        data.seek(0)
        images.append(Image(data, width=EMBLEM_HEIGHT * image_width / image_height, height=EMBLEM_HEIGHT))
        names.append(Paragraph(escape(funder.name), label))
    if not images:
        return []
    row = Table([images, names], hAlign="LEFT")
    row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [row, Spacer(1, 0.3 * cm)]


def build(doc, story, funders):
    """Builds `doc` with the funders' mentions and "Page n sur N" at the foot of every page, its bottom margin made
    room for them."""
    style = getSampleStyleSheet()["Italic"].clone("mention", fontSize=8, leading=10)
    mentions = [Paragraph(escape(funder.mention), style) for funder in funders]
    heights = [mention.wrap(doc.width, doc.height)[1] for mention in mentions]
    doc.bottomMargin = max(doc.bottomMargin, FOOT + 0.5 * cm + sum(heights) + FOOT_GAP)
    furnish = partial(_foot, doc=doc, mentions=list(zip(mentions, heights, strict=True)))
    doc.build(story, canvasmaker=partial(_FurnishedCanvas, furnish=furnish))


def _foot(canvas, number, total, doc, mentions):
    canvas.setFont("Helvetica", 8)
    page = _("Page %(number)s sur %(total)s") % {"number": number, "total": total}
    canvas.drawRightString(doc.leftMargin + doc.width, FOOT, page)
    y = FOOT + 0.5 * cm
    for mention, height in reversed(mentions):
        mention.drawOn(canvas, doc.leftMargin, y)
        y += height


class _FurnishedCanvas(Canvas):
    """Holds the pages back until the last, so that each foot can say how many pages there are."""

    def __init__(self, *args, furnish, **kwargs):
        super().__init__(*args, **kwargs)
        self._furnish = furnish
        self._held_pages = []

    def showPage(self):  # noqa: N802 — reportlab's API
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._held_pages)
        for number, page in enumerate(self._held_pages, 1):
            self.__dict__.update(page)
            self._furnish(self, number, total)
            super().showPage()
        super().save()
