"""Member accounts: who is a member or a coordinator, invitations by e-mail, accepting one, one's profile."""

import secrets
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from core import outbox
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
    """A new invitation (replacing any still pending for that address), e-mailed once committed; returns it."""
    Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True).update(expires_at=timezone.now())
    invitation = Invitation.objects.create(
        email=email,
        role=role,
        structure=structure,
        invited_by=invited_by,
        # Nobody holds this token: the link is minted when the e-mail leaves (invitation_email).
        token_hash=hash_token(secrets.token_urlsafe(32)),
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    transaction.on_commit(partial(send_invitation.enqueue, invitation.pk))
    return invitation


@task
def send_invitation(invitation_id, attempt=0):
    """Sends the invitation once, while it can still be accepted; retried while the mail server fails."""
    rows = Invitation.objects.select_related("invited_by").filter(pk=invitation_id)
    still_due = {"accepted_at__isnull": True, "expires_at__gt": timezone.now()}
    return outbox.send_once(send_invitation, attempt, rows, "sent_at", invitation_email, **still_due)


def invitation_email(invitation):
    """The invitation e-mail with a new link. Only the link's digest is kept, so the link is made here, as the
    e-mail leaves: the secret is never stored, not even in the task queue."""
    token = secrets.token_urlsafe(32)
    Invitation.objects.filter(pk=invitation.pk).update(token_hash=hash_token(token))
    context = {
        "invitation": invitation,
        # The coordinator's account may have gone since: the site invites in their stead.
        "inviter": display_name(invitation.invited_by) if invitation.invited_by else settings.WAGTAIL_SITE_NAME,
        "url": absolute_url(reverse("account:accept", args=[token])),
    }
    body = render_to_string("members/emails/invitation.txt", context)
    return EmailMessage(_("Votre invitation à la Gare centrale"), body, to=[invitation.email])


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
