"""The steering committee's pack: for a territory and a quarter, one PDF of the quarter's figures beside those of the
year to date, with the funders' publicity, ready to send."""

import datetime
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib import colors
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from community.journal.models import PERIOD_YEARS
from community.organisation import publicity

from . import figures
from .figures import Scope

ORDINALS = {1: gettext_lazy("1er"), 2: gettext_lazy("2e"), 3: gettext_lazy("3e"), 4: gettext_lazy("4e")}


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int  # 1: January–March … 4: October–December

    @classmethod
    def containing(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text):
        """ "2026-T2"; ValueError otherwise, or outside 2000–2100."""
        year, _t, number = text.upper().partition("-T")
        if not (year.isdigit() and len(year) == 4 and int(year) in PERIOD_YEARS and number in {"1", "2", "3", "4"}):
            raise ValueError(text)
        return cls(int(year), int(number))

    @property
    def start(self):
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self):
        following = (
            datetime.date(self.year + 1, 1, 1) if self.number == 4 else datetime.date(self.year, 3 * self.number + 1, 1)
        )
        return following - datetime.timedelta(days=1)

    def label(self):
        return _("%(ordinal)s trimestre %(year)s") % {"ordinal": ORDINALS[self.number], "year": self.year}

    def __str__(self):
        return f"{self.year}-T{self.number}"


def filename(quarter, territory):
    place = slugify(territory) if territory else "reseau"
    return f"comite-de-pilotage-{place}-{quarter}.pdf"


def summary(scope, now):
    """(label, figure) lines of one scope, in the order of the committee's questions."""
    participation = figures.participation(scope, now)
    reach = figures.reach(scope, now)
    sessions = figures.sessions_table(scope, timezone.localdate(now))
    structures = figures.structures_table(scope)
    journal = figures.journal(scope)
    rate = participation["attendance_rate"]
    return [
        (_("Communes touchées"), reach["communes"]),
        (_("Associations touchées"), reach["associations"]),
        (_("Ateliers tenus"), participation["workshops"]),
        (_("Inscriptions"), participation["signups"]),
        (_("Personnes différentes"), participation["people"]),
        (_("Présents"), participation["present"]),
        (_("Taux de présence"), figures.percent(rate)),
        (_("En liste d'attente"), participation["waiting"]),
        (
            _("Satisfaction moyenne (sur 5)"),
            f"{figures.decimal(participation['satisfaction'])} ({participation['satisfaction_answers']})",
        ),
        *((_("Permanences : %(offer)s") % {"offer": row[0]}, row[1]) for row in sessions.rows),
        (_("Personnes rencontrées en permanence"), sum(row[2] for row in sessions.rows)),
        (_("Structures relais"), sum(row[1] for row in structures.rows)),
        (_("Entrées partagées du journal de bord"), journal["entries"]),
    ]


def committee_pack(quarter, territory="", request=None, now=None):
    """The pack's bytes."""
    now = now or timezone.now()
    quarter_scope = Scope(quarter.start, quarter.end, territory)
    year_scope = Scope(datetime.date(quarter.year, 1, 1), quarter.end, territory)
    where = territory or _("tout le réseau")
    title = _("Comité de pilotage — %(where)s — %(quarter)s") % {"where": where, "quarter": quarter.label()}
    support = publicity.Support(title, request)
    story, styles = support.story, support.styles
    story.append(
        Paragraph(
            escape(
                _("Du %(start)s au %(end)s ; l'année depuis le 1er janvier %(year)s. Établi le %(today)s.")
                % {
                    "start": quarter.start.strftime("%d/%m/%Y"),
                    "end": quarter.end.strftime("%d/%m/%Y"),
                    "year": quarter.year,
                    "today": timezone.localdate(now).strftime("%d/%m/%Y"),
                }
            ),
            styles["Normal"],
        )
    )
    story.append(Spacer(1, 0.4 * cm))
    rows = [[_("Indicateur"), quarter.label(), _("Depuis le 1er janvier")]]
    for (label, in_quarter), (_label, in_year) in zip(
        summary(quarter_scope, now), summary(year_scope, now), strict=True
    ):
        rows.append([Paragraph(escape(label), styles["Normal"]), str(in_quarter), str(in_year)])
    story.append(_table(rows, [9 * cm, 4 * cm, 4 * cm]))
    journeys = figures.journeys_table(quarter_scope, now)
    if journeys.rows:
        story.append(Paragraph(escape(_("Les parcours du trimestre")), styles["Heading2"]))
        story.append(
            _table(
                [journeys.headers[:4] + journeys.headers[5:6]]
                + [[Paragraph(escape(str(row[0])), styles["Normal"]), *row[1:4], row[5]] for row in journeys.rows],
                [5 * cm, 3 * cm, 3 * cm, 3 * cm, 3 * cm],
            )
        )
    return support.render()


def _table(rows, widths):
    header = [Paragraph(escape(str(cell)), getSampleStyleSheet()["Normal"]) for cell in rows[0]]
    table = Table([header, *rows[1:]], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table
