"""The journal de bord's operations: who may read which entry, one's own entries filtered, saving, exports.

Privacy rule: a private entry is read by its author alone — not by coordinators, not in the network view, search,
feeds, exports or reports. Team entries are read by members of the author's structure, network entries by the
network's members, public entries by everyone.
"""

import json

from django.db import transaction
from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.utils import timezone

from community.members import accounts

from .models import EvidencedCompetence, JournalEntry

Visibility = JournalEntry.Visibility


def _with_related(entries):
    evidence = EvidencedCompetence.objects.select_related("competence__area__framework").order_by(
        "competence__area__order", "competence__order"
    )
    return entries.select_related("author__member_profile").prefetch_related(
        "tags", Prefetch("evidence", queryset=evidence)
    )


def own_entries(user):
    """Every entry of the user, private ones included: the author reads all of their journal."""
    return _with_related(JournalEntry.objects.filter(author=user))


def shared_with(viewer):
    """The condition on entries of other people that `viewer` may read (never a private one)."""
    if not accounts.is_member(viewer):
        return Q(visibility=Visibility.PUBLIC)
    condition = Q(visibility__in=[Visibility.PUBLIC, Visibility.NETWORK])
    structure_id = getattr(getattr(viewer, "member_profile", None), "structure_id", None)
    if structure_id:
        condition |= Q(visibility=Visibility.TEAM, author__member_profile__structure_id=structure_id)
    return condition


def visible_entries(viewer):
    """The entries `viewer` may read: their own, and the ones others shared with them."""
    condition = shared_with(viewer)
    if viewer.is_authenticated:
        condition |= Q(author=viewer)
    return _with_related(JournalEntry.objects.filter(condition))


def network_entries(viewer):
    """The shared entries of the network view: everything `viewer` may read but private entries."""
    return visible_entries(viewer).exclude(visibility=Visibility.PRIVATE)


def filter_entries(entries, kind=None, tag=None, competence=None, start=None, end=None, query=""):
    """Narrows a listing by kind, tag, competence, period and words of the title or text."""
    if kind:
        entries = entries.filter(kind=kind)
    if tag:
        entries = entries.filter(tags__slug=tag.slug)
    if competence:
        entries = entries.filter(evidence__competence=competence)
    if start:
        entries = entries.filter(date__gte=start)
    if end:
        entries = entries.filter(date__lte=end)
    for word in query.split():
        entries = entries.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return entries.distinct()


@transaction.atomic
def save_entry(form, evidence_formset, author):
    """Saves an entry with its tags and evidenced competences, all or nothing."""
    entry = form.save(commit=False)
    entry.author = author
    entry.save()
    form.save_m2m()
    # Evidence changed elsewhere meanwhile, and left alone here, stays as saved (core.editing merged it).
    if not form.keeps_saved_evidence:
        evidence_formset.instance = entry
        evidence_formset.save()
    return entry


def delete_entry(entry):
    entry.delete()


def entry_data(entry):
    return {
        "date": entry.date.isoformat(),
        "title": entry.title,
        "kind": entry.kind,
        "kind_label": str(entry.get_kind_display()),
        "visibility": entry.visibility,
        "tags": sorted(tag.name for tag in entry.tags.all()),
        "competences": [
            {
                "framework": evidence.competence.area.framework.slug,
                "version": evidence.competence.area.framework.version,
                "code": evidence.competence.code,
                "title": evidence.competence.title,
                "level": evidence.level,
            }
            for evidence in entry.evidence.all()
        ],
        "body": entry.body,
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
    }


def export_json(user):
    """The user's own journal (and only theirs) as a JSON document."""
    entries = [entry_data(entry) for entry in own_entries(user).order_by("date", "created_at")]
    document = {
        "author": accounts.display_name(user),
        "exported_at": timezone.now().isoformat(),
        "entries": entries,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def export_markdown(user):
    """The user's own journal (and only theirs) as one Markdown document, oldest entry first."""
    context = {
        "author": accounts.display_name(user),
        "exported_at": timezone.now(),
        "entries": own_entries(user).order_by("date", "created_at"),
    }
    return render_to_string("journal/export.md", context)
