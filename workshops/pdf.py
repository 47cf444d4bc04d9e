"""The attendance sheet (feuille d'émargement) of a workshop, as a PDF with the funders' emblems and mentions."""

import io
from datetime import time
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from community.organisation import publicity

from .models.registration import Registration

# A workshop that runs across the lunch break is signed twice: morning and afternoon.
NOON = time(12, 30)


def half_days(workshop):
    """The signature columns: one within a half-day, "Matin" and "Après-midi" across the lunch break."""
    start = timezone.localtime(workshop.start)
    end = timezone.localtime(workshop.end)
    if start.date() == end.date() and start.time() < NOON < end.time():
        return [_("Matin"), _("Après-midi")]
    return [_("Signature")]


def filename(workshop):
    return _("emargement-%(slug)s.pdf") % {"slug": workshop.slug}


def attendance_sheet(workshop, request=None):
    """The sheet's bytes: uncompressed and reproducible, so its text can be checked."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.2 * cm,
        bottomMargin=1.2 * cm,
        title=_("Feuille d'émargement : %(title)s") % {"title": workshop.title},
        invariant=1,
        pageCompression=0,
    )
    styles = getSampleStyleSheet()
    funders = publicity.funders(request)
    story = [*publicity.emblems(funders)]
    story.append(Paragraph(escape(_("Feuille d'émargement")), styles["Title"]))
    story.append(Paragraph(escape(workshop.title), styles["Heading2"]))
    for line in _facts(workshop):
        story.append(Paragraph(escape(line), styles["Normal"]))
    story.append(Spacer(1, 0.4 * cm))
    story.append(_people_table(workshop, doc.width, styles))
    story.append(Spacer(1, 0.6 * cm))
    story.append(KeepTogether(_animators_block(workshop, doc.width, styles)))
    story.extend(publicity.mentions(funders, styles["Italic"]))
    doc.build(story)
    return buffer.getvalue()


def _facts(workshop):
    start = timezone.localtime(workshop.start)
    end = timezone.localtime(workshop.end)
    where = workshop.location()
    return [
        _("Date : %(day)s") % {"day": date_format(start, "l j F Y")},
        _("Horaires : de %(start)s à %(end)s")
        % {"start": date_format(start, "H\\hi"), "end": date_format(end, "H\\hi")},
        _("Lieu : %(where)s") % {"where": where},
    ]


def _people_table(workshop, width, styles):
    columns = half_days(workshop)
    header = [_("Nom"), _("Prénom"), _("Structure"), *columns]
    people = Registration.objects.filter(workshop=workshop, status=Registration.Status.CONFIRMED).order_by(
        "last_name", "first_name"
    )
    rows = [header]
    for registration in people:
        rows.append(
            [
                Paragraph(escape(registration.last_name), styles["Normal"]),
                Paragraph(escape(registration.first_name), styles["Normal"]),
                Paragraph(escape(registration.structure), styles["Normal"]),
                *["" for _column in columns],
            ]
        )
    signature_width = 5 * cm if len(columns) > 1 else 7 * cm
    name_width = (width - signature_width * len(columns)) / 3
    table = Table(
        rows,
        colWidths=[name_width] * 3 + [signature_width] * len(columns),
        rowHeights=[None] + [1.2 * cm] * (len(rows) - 1),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _animators_block(workshop, width, styles):
    names = [user.get_full_name() or user.get_username() for user in workshop.animators.order_by("last_name")]
    label = _("Animé par : %(names)s") % {"names": ", ".join(names)} if names else _("Animé par :")
    box = Table(
        [[_("Signature de l'animateur ou de l'animatrice")], [""]], colWidths=[9 * cm], rowHeights=[None, 2 * cm]
    )
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.black)]))
    return [Paragraph(escape(label), styles["Normal"]), Spacer(1, 0.2 * cm), box]
