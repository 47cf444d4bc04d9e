"""A person's rights over their account: what it keeps about them, for their export, and its erasure.

The apps above (competences, badges, journal) keep their own parts; the journal, at the top, gathers them all.
"""

from django.db import transaction
from django.db.models import Q
from wagtail.log_actions import registry as log_registry

from . import accounts
from .models import Invitation, Notice


def _isoformat(moment):
    return moment.isoformat() if moment else None


def _name_or_none(structure):
    return str(structure) if structure else None


def _profile_data(profile):
    return {
        "display_name": profile.display_name,
        "role": profile.role,
        "role_label": str(profile.get_role_display()),
        "structure": _name_or_none(profile.structure),
        "bio": profile.bio,
    }


def account_data(user):
    """The account, the profile and the invitations addressed to the person (not those they sent to others)."""
    profile = getattr(user, "member_profile", None)
    return {
        "account": {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": _isoformat(user.date_joined),
            "last_login": _isoformat(user.last_login),
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
        "profile": _profile_data(profile) if profile else None,
        "invitations": [
            {
                "email": invitation.email,
                "role": invitation.role,
                "structure": _name_or_none(invitation.structure),
                # Who brought them in, by the name the invitation e-mail already gave them.
                "invited_by": accounts.display_name(invitation.invited_by) if invitation.invited_by else None,
                "sent_at": _isoformat(invitation.created_at),
                "expires_at": _isoformat(invitation.expires_at),
                "accepted_at": _isoformat(invitation.accepted_at),
            }
            for invitation in invitations_of(user).select_related("structure", "invited_by__member_profile")
        ],
        "notices": [
            {
                "message": notice.message,
                "link": notice.link,
                "created_at": _isoformat(notice.created_at),
                "read_at": _isoformat(notice.read_at),
            }
            for notice in Notice.objects.filter(member=user)
        ],
    }


def invitations_of(user):
    """The invitations that concern the person: the one they accepted, and any sent to their address."""
    condition = Q(user=user)
    if user.email:
        condition |= Q(email__iexact=user.email)
    return Invitation.objects.filter(condition).order_by("created_at")


@transaction.atomic
def erase_account(user):
    """Deletes the invitations that concern the person, the admin's history of their account and profile, then the
    account.

    Django's `on_delete` does the rest: the profile, the notices, the validations received and their badges go with
    it (CASCADE); what the person did for others stays without their name (SET_NULL): validations and badges they
    gave, invitations they sent, Wagtail pages they own and revisions they saved.
    """
    invitations_of(user).delete()
    # Wagtail's log entries outlive what they describe, labelled with its name (the profile's is the display name).
    for instance in (user, getattr(user, "member_profile", None)):
        if instance is not None:
            log_registry.get_logs_for_instance(instance).delete()
    user.delete()
