"""Journeys' final reports: a coordinator compiles the draft from the journey, people write its conclusions, and it
downloads as a PDF with the funders' publicity."""

import re
from xml.sax.saxutils import escape

from django.apps import apps
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from wagtail.rich_text import expand_db_html

from community.journal import drafts
from community.organisation import publicity

from . import figures

BLOCK_END = re.compile(r"</(?:p|li|h\d|div)>|<br\s*/?>")


def compile_report(journey, user=None):
    """A new draft report under `journey`, its aims taken from the journey; returns it (unpublished)."""
    # By name: the page model uses this module for its PDF.
    report_page = apps.get_model("indicators", "JourneyReportPage")
    objectives = []
    for workshop in journey.workshops():
        objectives += [line for line in workshop.objective_list() if line not in objectives]
    aims = f"<p>{escape(journey.summary)}</p>"
    if objectives:
        aims += "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in objectives) + "</ul>"
    title = _("Rapport final : %(journey)s") % {"journey": journey.title}
    return drafts.add_draft(journey, report_page(title=title, slug="rapport-final", aims=aims), user)


def _paragraphs(html):
    """Rich text as plain paragraphs, for the PDF."""
    chunks = (strip_tags(chunk).strip() for chunk in BLOCK_END.split(expand_db_html(html or "")))
    return [chunk for chunk in chunks if chunk]


def report_pdf(page, request=None):
    """The report's bytes: its texts, and the figures computed from its journey at this moment."""
    support = publicity.Support(page.title, request)
    story, styles = support.story, support.styles
    report = figures.journey_report(page.journey())
    base = request.build_absolute_uri("/")[:-1] if request else ""

    def section(title, html=None):
        story.append(Paragraph(escape(title), styles["Heading2"]))
        for text in _paragraphs(html):
            story.append(Paragraph(escape(text), styles["Normal"]))

    section(_("Rappel de la commande et des objectifs"), page.aims)
    story.append(Paragraph(escape(_("Calendrier des travaux réalisés")), styles["Heading2"]))
    rows = [[_("Date"), _("Atelier"), _("Commune"), _("Inscriptions"), _("Présents")]]
    for workshop in report["workshops"]:
        day = timezone.localtime(workshop.start).strftime("%d/%m/%Y")
        title = Paragraph(escape(workshop.title), styles["Normal"])
        rows.append([day, title, workshop.commune, workshop.signups, workshop.present])
    table = Table(rows, colWidths=[2.5 * cm, 7 * cm, 3.5 * cm, 2.5 * cm, 2 * cm], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story.append(table)
    story.append(Paragraph(escape(_("Participation")), styles["Heading2"]))
    for line in participation_lines(report):
        story.append(Paragraph(escape(line), styles["Normal"]))
    section(_("Travaux et résultats"), page.results)
    story.append(Paragraph(escape(_("Documents et outils produits")), styles["Heading2"]))
    for title, url in produced(report):
        story.append(Paragraph(escape(f"{title} : {base}{url}"), styles["Normal"]))
    section(_("Conclusions"), page.conclusions)
    section(_("Recommandations"), page.recommendations)
    story.append(Spacer(1, 0.3 * cm))
    return support.render()


def participation_lines(report):
    participation = report["participation"]
    return [
        _("%(workshops)s, %(signups)s de %(people)s, %(present)s (%(rate)s).")
        % {
            "workshops": ngettext("%(count)s atelier tenu", "%(count)s ateliers tenus", participation["workshops"])
            % {"count": participation["workshops"]},
            "signups": ngettext("%(count)s inscription", "%(count)s inscriptions", participation["signups"])
            % {"count": participation["signups"]},
            "people": ngettext("%(count)s personne", "%(count)s personnes", participation["people"])
            % {"count": participation["people"]},
            "present": ngettext("%(count)s présence", "%(count)s présences", participation["present"])
            % {"count": participation["present"]},
            "rate": figures.percent(participation["attendance_rate"]),
        },
        _("%(associations)s au parcours, pour %(announced)s.")
        % {
            "associations": ngettext(
                "%(count)s association inscrite", "%(count)s associations inscrites", report["associations"]
            )
            % {"count": report["associations"]},
            "announced": ngettext("%(count)s personne annoncée", "%(count)s personnes annoncées", report["announced"])
            % {"count": report["announced"]},
        },
        _("Satisfaction moyenne : %(average)s sur 5 (%(answers)s).")
        % {
            "average": figures.decimal(participation["satisfaction"]),
            "answers": ngettext("%(count)s réponse", "%(count)s réponses", participation["satisfaction_answers"])
            % {"count": participation["satisfaction_answers"]},
        },
    ]


def produced(report):
    """(title, address) of the memories and tool sheets the journey's workshops produced or used, once each."""
    found = {}
    for workshop in report["workshops"]:
        if workshop.has_memory:
            found.setdefault(workshop.url, _("Mémoire : %(title)s") % {"title": workshop.title})
        for tool in workshop.tools_used.all():
            found.setdefault(tool.url, _("Fiche outil : %(title)s") % {"title": tool.title})
    return [(title, url) for url, title in found.items()]
