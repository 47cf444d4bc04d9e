"""The half-yearly cadre de référence: per area and competence of a framework, how many shared entries and people
evidence it, the validated levels, example excerpts from public entries, the competences nobody evidences yet, and
what changed since the previous half-year. As HTML and as PDF.

Private entries never count, not even as a number: a private entry is its author's alone. Team and network entries
are counted (never quoted); only public entries are quoted. Competences are matched by area and competence code
across the framework's versions, so a half-year written against the previous version still compares.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.platypus import Paragraph

from community.competences.models import CompetenceValidation, Framework
from community.organisation import publicity

from .models import PERIOD_YEARS, EvidencedCompetence, JournalEntry

EXAMPLES_PER_COMPETENCE = 2
EXCERPT_LENGTH = 300


@dataclass(frozen=True)
class Semester:
    year: int
    half: int  # 1: January–June, 2: July–December

    @classmethod
    def containing(cls, day):
        return cls(day.year, 1 if day.month <= 6 else 2)

    @classmethod
    def parse(cls, text):
        """ "2026-1" or "2026-2"; ValueError otherwise, and outside PERIOD_YEARS (the previous half-year too)."""
        year, half = text.split("-")
        if half not in ("1", "2") or not year.isdigit() or len(year) != 4 or int(year) - 1 not in PERIOD_YEARS:
            raise ValueError(text)
        return cls(int(year), int(half))

    @property
    def start(self):
        return datetime.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self):
        return datetime.date(self.year, 6, 30) if self.half == 1 else datetime.date(self.year, 12, 31)

    def previous(self):
        return Semester(self.year - 1, 2) if self.half == 1 else Semester(self.year, 1)

    def __str__(self):
        return f"{self.year}-{self.half}"

    def label(self):
        return (_("1er semestre %(year)s") if self.half == 1 else _("2d semestre %(year)s")) % {"year": self.year}


@dataclass
class CompetenceLine:
    code: str
    title: str
    entries: int = 0
    people: int = 0
    previous_entries: int = 0
    previous_people: int = 0
    levels: dict = field(default_factory=dict)  # validated level -> number of people
    examples: list = field(default_factory=list)  # (title, author, date, excerpt) of public entries

    @property
    def to_acquire(self):
        return self.entries == 0

    @property
    def change(self):
        return self.entries - self.previous_entries

    @property
    def is_new(self):
        return self.entries > 0 and self.previous_entries == 0


@dataclass
class AreaSection:
    code: str
    title: str
    competences: list


@dataclass
class Report:
    framework: Framework
    semester: Semester
    areas: list
    entries: int
    people: int

    @property
    def to_acquire(self):
        return [line for area in self.areas for line in area.competences if line.to_acquire]

    @property
    def newly_evidenced(self):
        return [line for area in self.areas for line in area.competences if line.is_new]


SHARED = [JournalEntry.Visibility.TEAM, JournalEntry.Visibility.NETWORK, JournalEntry.Visibility.PUBLIC]


def _evidence(framework, semester):
    """(area code, competence code) -> evidence of shared entries written in the semester, any version."""
    rows = EvidencedCompetence.objects.filter(
        competence__area__framework__slug=framework.slug,
        entry__visibility__in=SHARED,
        entry__date__gte=semester.start,
        entry__date__lte=semester.end,
    ).select_related("entry__author__member_profile", "competence__area")
    found = defaultdict(list)
    for evidence in rows:
        found[(evidence.competence.area.code, evidence.competence.code)].append(evidence)
    return found


def _validated_levels(framework, semester):
    """(area code, competence code) -> Counter of the latest level validated per person by the semester's end."""
    validations = (
        CompetenceValidation.objects.filter(
            competence__area__framework__slug=framework.slug, validated_at__date__lte=semester.end
        )
        .select_related("competence__area")
        .order_by("validated_at", "pk")
    )
    latest = {}
    for validation in validations:  # oldest first: the last one written wins
        key = (validation.competence.area.code, validation.competence.code)
        latest[(key, validation.member_id)] = validation.level
    levels = defaultdict(Counter)
    for (key, _member), level in latest.items():
        levels[key][level] += 1
    return levels


def _excerpt(text):
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[:EXCERPT_LENGTH].rsplit(" ", 1)[0] + " […]"


def build_report(framework, semester):
    """The cadre de référence of `framework` (its areas and competences) for `semester`."""
    current = _evidence(framework, semester)
    previous = _evidence(framework, semester.previous())
    levels = _validated_levels(framework, semester)
    areas = []
    for area in framework.areas.prefetch_related("competences"):
        lines = []
        for competence in area.competences.all():
            key = (area.code, competence.code)
            evidence, before = current.get(key, []), previous.get(key, [])
            public = [e.entry for e in evidence if e.entry.visibility == JournalEntry.Visibility.PUBLIC]
            public.sort(key=lambda entry: entry.date, reverse=True)
            lines.append(
                CompetenceLine(
                    code=competence.code,
                    title=competence.title,
                    entries=len({e.entry_id for e in evidence}),
                    people=len({e.entry.author_id for e in evidence}),
                    previous_entries=len({e.entry_id for e in before}),
                    previous_people=len({e.entry.author_id for e in before}),
                    levels=dict(sorted(levels.get(key, Counter()).items())),
                    examples=[
                        (entry.title, entry.author_name, entry.date, _excerpt(entry.body))
                        for entry in public[:EXAMPLES_PER_COMPETENCE]
                    ],
                )
            )
        areas.append(AreaSection(area.code, area.title, lines))
    all_evidence = [e for found in current.values() for e in found]
    return Report(
        framework=framework,
        semester=semester,
        areas=areas,
        entries=len({e.entry_id for e in all_evidence}),
        people=len({e.entry.author_id for e in all_evidence}),
    )


def filename(report):
    return f"cadre-de-reference-{report.framework.slug}-{report.semester}.pdf"


def render_pdf(report, request=None):
    """The report's bytes, with the funders' publicity."""
    title = _("Cadre de référence — %(framework)s — %(semester)s") % {
        "framework": report.framework.name,
        "semester": report.semester.label(),
    }
    support = publicity.Support(title, request)
    story, styles = support.story, support.styles
    story.append(
        Paragraph(
            escape(
                _("%(entries)s, par %(people)s.")
                % {"entries": shared_entries(report.entries), "people": people(report.people)}
            ),
            styles["Normal"],
        )
    )
    for area in report.areas:
        story.append(Paragraph(escape(f"{area.code}. {area.title}"), styles["Heading2"]))
        for line in area.competences:
            story.append(Paragraph(escape(f"{line.code} {line.title}"), styles["Heading4"]))
            facts = _("%(entries)s, %(people)s (semestre précédent : %(previous)s).") % {
                "entries": entries(line.entries),
                "people": people(line.people),
                "previous": entries(line.previous_entries),
            }
            if line.levels:
                facts += " " + _("Niveaux validés : %(levels)s.") % {
                    "levels": ", ".join(
                        _("niveau %(level)s × %(count)s") % {"level": k, "count": v} for k, v in line.levels.items()
                    )
                }
            if line.to_acquire:
                facts += " " + _("Compétence à acquérir : personne ne la met encore en évidence.")
            story.append(Paragraph(escape(facts), styles["Normal"]))
            for example_title, author, date, text in line.examples:
                story.append(
                    Paragraph(escape(f"« {text} » — {example_title}, {author}, {date:%d/%m/%Y}"), styles["Italic"])
                )
    return support.render()


# The counts in words, singular for 0 and 1 as in French.
def entries(count):
    return ngettext("%(count)s entrée", "%(count)s entrées", count) % {"count": count}


def shared_entries(count):
    return ngettext("%(count)s entrée partagée", "%(count)s entrées partagées", count) % {"count": count}


def people(count):
    return ngettext("%(count)s personne", "%(count)s personnes", count) % {"count": count}
