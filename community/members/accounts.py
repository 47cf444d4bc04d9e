"""Member accounts: who is a member or a coordinator, invitations by e-mail, accepting one, one's profile."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.links import absolute_url

from . import roles
from .models import INVITATION_LIFETIME, Invitation, MemberProfile, Role, hash_token

# The Wagtail group an invited person joins, by the role the coordinator chose.
ROLE_GROUPS = {
    Role.INNOVATION: roles.CHARGES,
    Role.ANIMATION: roles.CHARGES,
    Role.COORDINATOR: roles.COORDINATORS,
    Role.OTHER: roles.CONTRIBUTORS,
}


class InvitationError(Exception):
    status = 410


class InvitationUnknown(InvitationError):  # noqa: N818 — domain names, as the style guide asks
    status = 404

    def __init__(self):
        self.message = _("Ce lien d'invitation n'existe pas. Vérifiez qu'il est complet, ou demandez-en un nouveau.")
        super().__init__(self.message)


class InvitationExpired(InvitationError):  # noqa: N818
    def __init__(self):
        self.message = _("Ce lien d'invitation a expiré. Demandez à un coordinateur de vous inviter à nouveau.")
        super().__init__(self.message)


class InvitationUsed(InvitationError):  # noqa: N818
    def __init__(self):
        self.message = _("Ce lien d'invitation a déjà servi à créer un compte : connectez-vous.")
        super().__init__(self.message)


def is_member(user):
    """A logged-in person of one of the network's four roles (or an administrator)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=roles.ROLES).exists()


def is_coordinator(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=roles.COORDINATORS).exists()


def profile_for(user):
    """The member's profile, created from the account's name the first time it is needed."""
    profile, _created = MemberProfile.objects.get_or_create(
        user=user, defaults={"display_name": user.get_full_name() or user.get_username()}
    )
    return profile


def display_name(user):
    profile = getattr(user, "member_profile", None)
    return profile.display_name if profile else (user.get_full_name() or user.get_username())


@transaction.atomic
def invite(email, role, invited_by, structure=None):
    """A new invitation (replacing any still pending for that address), sent by e-mail; returns it."""
    Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True).update(expires_at=timezone.now())
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        role=role,
        structure=structure,
        invited_by=invited_by,
        token_hash=hash_token(token),
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    context = {
        "invitation": invitation,
        "inviter": display_name(invited_by),
        "url": absolute_url(reverse("account:accept", args=[token])),
    }
    body = render_to_string("members/emails/invitation.txt", context)
    # Sent inside the transaction: if the mail server refuses it, no invitation is left that nobody received.
    send_mail(_("Votre invitation à la Gare centrale"), body, None, [email], fail_silently=False)
    return invitation


def find_invitation(token):
    """The usable invitation behind a link, or the reason it cannot be used."""
    invitation = Invitation.objects.filter(token_hash=hash_token(token)).first()
    if invitation is None:
        raise InvitationUnknown
    if invitation.accepted_at is not None:
        raise InvitationUsed
    if invitation.is_expired:
        raise InvitationExpired
    return invitation


@transaction.atomic
def accept(token, username, password, display_name, bio=""):
    """Creates the invited person's account, in the group of their role, with their profile; returns the user."""
    invitation = Invitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
    if invitation is None:
        raise InvitationUnknown
    find_invitation(token)  # the same checks, now under the lock
    user = get_user_model().objects.create_user(username=username, email=invitation.email, password=password)
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[invitation.role]))
    MemberProfile.objects.create(
        user=user, display_name=display_name, role=invitation.role, structure=invitation.structure, bio=bio
    )
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


def pending_invitations():
    return Invitation.objects.filter(accepted_at__isnull=True, expires_at__gt=timezone.now()).select_related(
        "invited_by"
    )
