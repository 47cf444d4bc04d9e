"""The bimonthly récit collectif: a draft page compiled from the journal entries shared with the network in a
two-month period, grouped by kind, which a coordinator then edits and publishes under /recits/.

Only network and public entries are compiled: sharing an entry with the network is its author's consent to appear
in the récit. If the author later makes the entry private (or deletes it), its excerpt leaves the published page.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import cadre
from .drafts import NoIndexPage, add_draft
from .models import PERIOD_YEARS, JournalEntry, RecitIndexPage, RecitPage

Kind = JournalEntry.Kind

# The call's three headings first, then what observation and reflection brought.
SECTIONS = [
    (Kind.CHANGE, gettext_lazy("Les changements engagés")),
    (Kind.OBSTACLE_LIFTED, gettext_lazy("Les freins levés")),
    (Kind.LEVER_FOUND, gettext_lazy("Les leviers trouvés")),
    (Kind.PRACTICE, gettext_lazy("Les mises en pratique")),
    (Kind.REFLECTION, gettext_lazy("Les réflexions")),
    (Kind.OBSERVATION, gettext_lazy("Les observations")),
]
EXCERPT_LENGTH = 1200


class NoRecitIndex(NoIndexPage):
    def __init__(self):
        super().__init__(_("Il n'y a pas encore de page « Récits collectifs » où ranger le récit."))


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @classmethod
    def two_months_from(cls, year, month):
        """The bimester that starts on the first day of `month`; ValueError outside PERIOD_YEARS."""
        if year not in PERIOD_YEARS or year + (month == 12) not in PERIOD_YEARS:
            raise ValueError(year)
        end_year, end_month = (year, month + 1) if month < 12 else (year + 1, 1)
        last_day = calendar.monthrange(end_year, end_month)[1]
        return cls(datetime.date(year, month, 1), datetime.date(end_year, end_month, last_day))

    def label(self):
        return _("%(start)s – %(end)s") % {
            "start": date_format(self.start, "F Y"),
            "end": date_format(self.end, "F Y"),
        }


def shared_entries(period):
    """The entries shared with the network or the public, written in the period, oldest first."""
    return (
        JournalEntry.objects.filter(
            visibility__in=JournalEntry.SHARED_WITH_NETWORK, date__gte=period.start, date__lte=period.end
        )
        .select_related("author__member_profile")
        .order_by("date", "created_at")
    )


def _excerpt(text):
    text = text.strip()
    if len(text) <= EXCERPT_LENGTH:
        return text
    return text[:EXCERPT_LENGTH].rsplit(" ", 1)[0] + " […]"


def sections_for(entries):
    by_kind = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry)
    sections = []
    for kind, heading in SECTIONS:
        if kind not in by_kind:
            continue
        excerpts = [
            {
                "entry_id": entry.pk,
                "title": entry.title,
                "author": entry.author_name,
                "date": entry.date,
                "text": _excerpt(entry.body),
            }
            for entry in by_kind[kind]
        ]
        sections.append(("section", {"heading": str(heading), "introduction": "", "excerpts": excerpts}))
    return sections


@transaction.atomic
def compile_recit(period, user=None):
    """A new draft RecitPage for the period, under the récits' index; returns it (unpublished)."""
    index = RecitIndexPage.objects.single()
    if index is None:
        raise NoRecitIndex
    entries = list(shared_entries(period))
    title = _("Récit collectif : %(period)s") % {"period": period.label()}
    page = RecitPage(
        title=title,
        slug=slugify(f"recit-{period.start:%Y-%m}-{period.end:%Y-%m}"),
        period_start=period.start,
        period_end=period.end,
        intro=_compiled_intro(entries),
        sections=sections_for(entries),
    )
    return add_draft(index, page, user)


def _compiled_intro(entries):
    authors = {entry.author_id for entry in entries}
    return "<p>%s</p>" % (
        _("Compilé à partir de %(entries)s par %(authors)s du réseau.")
        % {
            "entries": cadre.shared_entries(len(entries)),
            "authors": ngettext("%(count)s membre", "%(count)s membres", len(authors)) % {"count": len(authors)},
        }
    )


# --- The excerpts of a member's entries: what the export shows, what an erasure removes ----------------------------


def _excerpt_fields(item):
    """An excerpt's fields, whether the list item is stored in Wagtail's newer format or as the bare value."""
    return item["value"] if item.get("type") == "item" else item


def _entry_ids(page):
    return {
        _excerpt_fields(item).get("entry_id") for block in page.sections.raw_data for item in block["value"]["excerpts"]
    }


def recits_quoting(entry_ids):
    """{entry id: [the récits, published or draft, that quote it]}."""
    wanted = set(entry_ids)
    quoting = {}
    for page in RecitPage.objects.order_by("period_start", "pk"):
        for entry_id in _entry_ids(page) & wanted:
            quoting.setdefault(entry_id, []).append(page)
    return quoting


def _without_excerpts(page, entry_ids):
    """Takes the excerpts of `entry_ids` out of the page's sections; whether there was any."""
    if not _entry_ids(page) & entry_ids:
        return False
    page.sections = [
        {
            **block,
            "value": {
                **block["value"],
                "excerpts": [
                    item
                    for item in block["value"]["excerpts"]
                    if _excerpt_fields(item).get("entry_id") not in entry_ids
                ],
            },
        }
        for block in page.sections.raw_data
    ]
    return True


@transaction.atomic
def withdraw_excerpts(entry_ids):
    """Removes the excerpts of these entries from every récit, its history included: their author erased them.

    Hiding them would not do (the page already hides an excerpt whose entry is gone): the stored copy holds the
    author's name and words. The rest of the récit, the network's publication, stays as published.
    """
    entry_ids = set(entry_ids)
    for page in RecitPage.objects.all():
        if _without_excerpts(page, entry_ids):
            page.save(update_fields=["sections"], clean=False)
        for revision in page.revisions.all():
            former = revision.as_object()
            if _without_excerpts(former, entry_ids):
                revision.content = former.serializable_data()
                revision.save(update_fields=["content"])
