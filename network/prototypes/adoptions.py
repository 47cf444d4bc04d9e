"""Adopting a prototype: a member declares « nous l'adoptons » for their structure, and withdraws it.

The operations take the prototype and reach its adoptions through it: the page model imports them, not the reverse.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from community.members import accounts
from community.members.page_rights import manages_everything

from .forms import AdoptionForm
from .permissions import structure_id_of


class AdoptionRefused(Exception):  # noqa: N818 — domain names, as the style guide asks
    status = 403
    text = ""

    def __init__(self):
        self.message = str(self.text)
        super().__init__(self.message)


class NotAMember(AdoptionRefused):
    @property
    def text(self):
        return _("Seuls les membres du réseau déclarent une adoption, au nom de leur structure.")


class NoStructure(AdoptionRefused):
    @property
    def text(self):
        return _(
            "Votre profil de membre n'est rattaché à aucune structure : demandez à un coordinateur de l'indiquer, "
            "puis adoptez ce prototype au nom de votre structure."
        )


class OwnStructure(AdoptionRefused):
    @property
    def text(self):
        return _("Ce prototype est celui de votre structure : ce sont les autres structures qui l'adoptent.")


class AlreadyAdopted(AdoptionRefused):
    status = 409

    @property
    def text(self):
        return _("Votre structure a déjà adopté ce prototype.")


class NotYours(AdoptionRefused):
    @property
    def text(self):
        return _(
            "Seuls les membres de la structure qui l'a adopté, et les coordinateurs, peuvent retirer cette adoption."
        )


def structure_of(user):
    """The structure a member adopts for: their profile's, or None."""
    profile = getattr(user, "member_profile", None) if user.is_authenticated else None
    return profile.structure if profile else None


def adopt(prototype, structure, user, note=""):
    """Records that `structure` adopts `prototype`, declared by `user`; returns the adoption."""
    if not accounts.is_member(user):
        raise NotAMember
    if structure is None:
        raise NoStructure
    if structure.pk == prototype.structure_id:
        raise OwnStructure
    try:
        with transaction.atomic():
            return prototype.adoptions.create(structure=structure, adopted_by=user, note=note)
    except IntegrityError as error:
        raise AlreadyAdopted from error


def can_withdraw(user, adoption):
    """The members of the adopting structure, and coordinators."""
    if not user.is_authenticated or not user.is_active:
        return False
    return manages_everything(user) or structure_id_of(user) == adoption.structure_id


def withdraw(adoption, user):
    if not can_withdraw(user, adoption):
        raise NotYours
    adoption.delete()


def page_context(prototype, user):
    """What the prototype's page shows of its adoptions to this visitor: the list, the count, the form if theirs."""
    member = accounts.is_member(user)
    adoptions = list(prototype.adoptions.select_related("structure", "adopted_by__member_profile"))
    structure_id = structure_id_of(user) if member else None
    own_adoption = next((adoption for adoption in adoptions if adoption.structure_id == structure_id), None)
    for adoption in adoptions:
        # Who declared it is known to members only; the public sees the structures.
        adoption.declared_by = accounts.display_name(adoption.adopted_by) if member and adoption.adopted_by else ""
        adoption.is_withdrawable = member and can_withdraw(user, adoption)
    return {
        "adoptions": adoptions,
        "adoption_count": len(adoptions),
        "is_member": member,
        "member_structure_id": structure_id,
        "own_adoption": own_adoption,
        "can_adopt": bool(member and structure_id and structure_id != prototype.structure_id and not own_adoption),
        "adoption_form": AdoptionForm(),
    }
