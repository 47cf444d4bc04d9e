"""The yearly job profile note (référentiel métier) of a role: the competences its people evidenced and had validated
most that year, compiled into a draft page under /referentiels-metiers/ for a coordinator to edit and publish.

As in every report, private journal entries never count.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.competences.models import Competence, CompetenceValidation
from community.members.models import MemberProfile, Role

from .drafts import NoIndexPage, add_draft
from .models import EvidencedCompetence, JobProfileIndexPage, JobProfilePage, JournalEntry

TOP_COMPETENCES = 12
# The roles whose job the network describes (coordinators and "other" have no référentiel métier).
PROFILED_ROLES = (Role.INNOVATION, Role.ANIMATION)


class NoJobProfileIndex(NoIndexPage):
    def __init__(self):
        super().__init__(_("Il n'y a pas encore de page « Référentiels métiers » où ranger le brouillon."))


@dataclass
class RoleCompetence:
    competence: Competence
    people: set = field(default_factory=set)
    entries: set = field(default_factory=set)
    # Member → their latest level validated that year.
    validated: dict = field(default_factory=dict)

    @property
    def rank(self):
        """Most people first, then most validations, then most entries."""
        return (-len(self.people), -len(self.validated), -len(self.entries), self.competence.code)


def role_competences(role, year, top=TOP_COMPETENCES):
    """The `top` competences of the people in `role` for `year`, most shared first; three queries."""
    members = MemberProfile.objects.filter(role=role).values("user_id")
    figures = defaultdict(lambda: {"people": set(), "entries": set(), "validated": {}})
    evidence = (
        EvidencedCompetence.objects.filter(entry__author__in=members, entry__date__year=year)
        .exclude(entry__visibility=JournalEntry.Visibility.PRIVATE)
        .values_list("competence_id", "entry_id", "entry__author_id")
    )
    for competence_id, entry_id, author_id in evidence:
        figures[competence_id]["people"].add(author_id)
        figures[competence_id]["entries"].add(entry_id)
    validations = (
        CompetenceValidation.objects.filter(member__in=members, validated_at__year=year)
        .order_by("validated_at", "pk")
        .values_list("competence_id", "member_id", "level")
    )
    for competence_id, member_id, level in validations:
        figures[competence_id]["validated"][member_id] = level
    competences = Competence.objects.filter(pk__in=list(figures)).select_related("area__framework").in_bulk()
    lines = [RoleCompetence(competences[pk], **figures[pk]) for pk in figures]
    return sorted(lines, key=lambda line: line.rank)[:top]


@transaction.atomic
def compile_job_profile(role, year, user=None):
    """A new draft JobProfilePage for `role` and `year` under the référentiels' index; returns it (unpublished)."""
    index = JobProfileIndexPage.objects.single()
    if index is None:
        raise NoJobProfileIndex
    label = Role(role).label
    lines = role_competences(role, year)
    page = JobProfilePage(
        title=_("Référentiel métier : %(role)s (%(year)s)") % {"role": label, "year": year},
        slug=slugify(f"{role}-{year}"),
        role=role,
        year=year,
        intro=_intro(role, year, lines),
        competences=[("competence", _block(line)) for line in lines],
    )
    return add_draft(index, page, user)


def _block(line):
    levels = list(line.validated.values())
    return {
        "code": line.competence.code,
        "title": line.competence.title,
        "framework": str(line.competence.area.framework),
        "people": len(line.people),
        "entries": len(line.entries),
        "validated": len(levels),
        "highest_validated": max(levels, default=None),
        "comment": "",
    }


def _intro(role, year, lines):
    people = MemberProfile.objects.filter(role=role).count()
    return "<p>%s</p>" % (
        _(
            "Compilé à partir des entrées partagées du journal de bord et des niveaux validés en %(year)s "
            "%(members)s : %(competences)s. Décrivez, pour chacune, ce qu'elle recouvre dans le métier."
        )
        % {
            "year": year,
            "members": ngettext("de %(count)s membre de ce rôle", "des %(count)s membres de ce rôle", people)
            % {"count": people},
            "competences": ngettext(
                "la compétence la plus attestée", "les %(count)s compétences les plus attestées", len(lines)
            )
            % {"count": len(lines)},
        }
    )
