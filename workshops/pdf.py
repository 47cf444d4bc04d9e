"""The attendance sheet (feuille d'émargement) of a workshop, as a PDF with the funders' emblems and mentions."""

from datetime import time
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from community.organisation import publicity
from core.french import format_date

from .models.registration import Registration

# A workshop that runs across the lunch break is signed twice: morning and afternoon.
NOON = time(12, 30)
# Empty rows at the end of the list, for those who come without having signed up.
BLANK_ROWS = 5
ROW_HEIGHT = 1.2 * cm
NUMBER_WIDTH = 1.1 * cm
# The rows that go with the animators' signature to a new page, rather than let it stand there alone.
ROWS_WITH_SIGNATURE = 2


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
    """The sheet's bytes."""
    support = publicity.Support(
        _("Feuille d'émargement : %(title)s") % {"title": workshop.title},
        request,
        heading=_("Feuille d'émargement"),
        pagesize=landscape(A4),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.2 * cm,
        bottomMargin=1.2 * cm,
    )
    story, styles, doc = support.story, support.styles, support.doc
    story.append(Paragraph(escape(workshop.title), styles["Heading2"]))
    for line in _facts(workshop):
        story.append(Paragraph(escape(line), styles["Normal"]))
    story.append(Spacer(1, 0.4 * cm))
    rows, last_rows = _people_tables(workshop, doc.width, styles)
    story.append(rows)
    story.append(KeepTogether([last_rows, Spacer(1, 0.6 * cm), *_animators_block(workshop, styles)]))
    return support.render()


def _facts(workshop):
    start = timezone.localtime(workshop.start)
    end = timezone.localtime(workshop.end)
    where = workshop.location()
    return [
        _("Date : %(day)s") % {"day": format_date(start, "l j F Y")},
        _("Horaires : de %(start)s à %(end)s")
        % {"start": date_format(start, "H\\hi"), "end": date_format(end, "H\\hi")},
        _("Lieu : %(where)s") % {"where": where},
    ]


def _people_tables(workshop, width, styles):
    """The confirmed people then the blank rows, every row numbered, as two tables of the same columns: the list,
    whose heading repeats on every page, and its last rows, which stay with the signature."""
    columns = half_days(workshop)
    people = Registration.objects.filter(workshop=workshop, status=Registration.Status.CONFIRMED).order_by(
        "last_name", "first_name"
    )
    signatures = ["" for _column in columns]
    names = [
        [Paragraph(escape(text), styles["Normal"]) for text in (person.last_name, person.first_name, person.structure)]
        for person in people
    ]
    names += [["", "", ""] for _row in range(BLANK_ROWS)]
    rows = [[str(number), *row, *signatures] for number, row in enumerate(names, 1)]
    signature_width = 5 * cm if len(columns) > 1 else 7 * cm
    widths = [NUMBER_WIDTH] + [(width - NUMBER_WIDTH - signature_width * len(columns)) / 3] * 3
    widths += [signature_width] * len(columns)
    header = [_("N°"), _("Nom"), _("Prénom"), _("Structure"), *columns]
    listed, last = [header, *rows[:-ROWS_WITH_SIGNATURE]], rows[-ROWS_WITH_SIGNATURE:]
    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    heading = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
    ]
    table = Table(listed, colWidths=widths, rowHeights=[None] + [ROW_HEIGHT] * (len(listed) - 1), repeatRows=1)
    table.setStyle(TableStyle(grid + heading))
    tail = Table(last, colWidths=widths, rowHeights=[ROW_HEIGHT] * len(last))
    tail.setStyle(TableStyle(grid))
    return table, tail


def _animators_block(workshop, styles):
    names = [user.get_full_name() or user.get_username() for user in workshop.animators.order_by("last_name")]
    label = _("Animé par : %(names)s") % {"names": ", ".join(names)} if names else _("Animé par :")
    box = Table(
        [[_("Signature de l'animateur ou de l'animatrice")], [""]], colWidths=[9 * cm], rowHeights=[None, 2 * cm]
    )
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.black)]))
    return [Paragraph(escape(label), styles["Normal"]), Spacer(1, 0.2 * cm), box]
