"""The funders' publicity on generated PDFs: their emblems in a row at the top, their mentions at the end.

EU-funded actions (FEDER, FSE) must show the emblem and the mention on every support they pay for.
"""

import io
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Paragraph, Spacer, Table, TableStyle

from .models import OrganisationSettings

EMBLEM_HEIGHT = 1.6 * cm


def funders(request=None):
    """The funders of the request's site (of the first site's settings outside a request)."""
    site_settings = OrganisationSettings.for_request(request) if request else OrganisationSettings.objects.first()
    if site_settings is None:
        return []
    return list(site_settings.funders.select_related("emblem"))


def emblems(funders):
    """A row of the funders' emblems, to open the document; nothing when none can be read."""
    images = []
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
    if not images:
        return []
    row = Table([images], hAlign="LEFT")
    row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [row, Spacer(1, 0.3 * cm)]


def mentions(funders, style):
    """The funders' mentions, to close the document."""
    if not funders:
        return []
    return [Spacer(1, 0.4 * cm), *(Paragraph(escape(funder.mention), style) for funder in funders)]
