"""A member's competence profile: per competence, the entries evidencing it, the latest, the highest self-assessed
level, and the level a coordinator validated.

The profile counts the member's entries that the viewer may read, by the journal's own rule: the member sees all
of theirs; a coordinator sees what was shared with them (never a private entry — private means the author alone).
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from community.competences.models import Competence, CompetenceValidation
from community.members import accounts, notices, roles

from . import entries
from .models import EvidencedCompetence


@dataclass
class CompetenceRow:
    competence: Competence
    evidence: list = field(default_factory=list)  # EvidencedCompetence, newest entry first
    validation: CompetenceValidation | None = None

    @property
    def entries(self):
        return [evidence.entry for evidence in self.evidence]

    @property
    def latest(self):
        return self.evidence[0].entry if self.evidence else None

    @property
    def highest_level(self):
        return max((evidence.level for evidence in self.evidence), default=None)

    @property
    def framework(self):
        return self.competence.area.framework


def can_view(viewer, member):
    return viewer.is_authenticated and (viewer.pk == member.pk or accounts.is_coordinator(viewer))


def profile(member, viewer):
    """The rows of `member`'s profile as `viewer` may see it, ordered by framework and competence."""
    if not can_view(viewer, member):
        raise PermissionDenied
    readable = entries.visible_entries(viewer).filter(author=member).values("pk")
    evidence = (
        EvidencedCompetence.objects.filter(entry__in=readable)
        .select_related("entry", "competence__area__framework")
        .order_by("-entry__date", "-entry__created_at")
    )
    rows = {}
    for item in evidence:
        rows.setdefault(item.competence_id, CompetenceRow(item.competence)).evidence.append(item)
    validations = CompetenceValidation.objects.filter(member=member).select_related(
        "competence__area__framework", "validated_by__member_profile"
    )
    for validation in validations:  # newest first: the first one of each competence counts
        row = rows.setdefault(validation.competence_id, CompetenceRow(validation.competence))
        if row.validation is None:
            row.validation = validation
    return sorted(
        rows.values(),
        key=lambda row: (row.framework.name, row.framework.version, row.competence.area.order, row.competence.order),
    )


class CannotValidate(Exception):  # noqa: N818 — domain names, as the style guide asks
    def __init__(self, message):
        self.message = message
        super().__init__(message)


@transaction.atomic
def validate(member, competence, level, coordinator, comment=""):
    """A coordinator validates the level `member` reached in `competence`."""
    if not accounts.is_coordinator(coordinator):
        raise PermissionDenied
    if coordinator.pk == member.pk:
        raise CannotValidate(_("Un coordinateur ne valide pas ses propres compétences."))
    top = competence.area.framework.levels.count()
    if not 1 <= level <= (top or 8):
        raise CannotValidate(_("Ce référentiel compte %(top)s niveaux.") % {"top": top})
    validation = CompetenceValidation.objects.create(
        member=member, competence=competence, level=level, validated_by=coordinator, comment=comment
    )
    # Without the coordinator's name: a notice is the member's text, and must not keep it if that account goes (the
    # profile shows who validated, by the name they have now).
    message = _("Votre niveau %(level)s en « %(competence)s » est validé par la coordination du réseau.") % {
        "level": level,
        "competence": f"{competence.code} {competence.title}",
    }
    notices.tell(member, message, reverse("journal:profile"))
    return validation


def members():
    """The people a coordinator may look at: members of the network's roles, by display name."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=roles.ROLES, is_active=True)
        .distinct()
        .select_related("member_profile")
        .order_by("member_profile__display_name", "username")
    )
