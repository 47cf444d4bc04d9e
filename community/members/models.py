"""Members of the network: their profile, and the invitations coordinators send (there is no open registration)."""

import datetime
import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

INVITATION_LIFETIME = datetime.timedelta(days=14)


class Role(models.TextChoices):
    INNOVATION = "charge-innovation", _("Chargé·e d'innovation numérique")
    ANIMATION = "charge-animation", _("Chargé·e d'animation numérique")
    COORDINATOR = "coordinateur", _("Coordinateur·rice")
    OTHER = "autre", _("Autre")


class MemberProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile", verbose_name=_("compte")
    )
    display_name = models.CharField(_("nom affiché"), max_length=120)
    role = models.CharField(_("rôle"), max_length=30, choices=Role.choices, default=Role.OTHER)
    structure = models.ForeignKey(
        "places.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("structure"),
    )
    bio = models.TextField(_("présentation"), max_length=1000, blank=True)

    panels = [
        FieldPanel("user", read_only=True),
        FieldPanel("display_name"),
        FieldPanel("role"),
        FieldPanel("structure"),
        FieldPanel("bio"),
    ]

    class Meta:
        verbose_name = _("profil de membre")
        verbose_name_plural = _("profils de membres")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name


def hash_token(token):
    """Only a digest of an invitation's token is stored: a leaked database gives no usable link."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    email = models.EmailField(_("adresse e-mail"))
    role = models.CharField(_("rôle"), max_length=30, choices=Role.choices)
    structure = models.ForeignKey(
        "places.Structure", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("structure")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
        verbose_name=_("invité·e par"),
    )
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    expires_at = models.DateTimeField(_("expire le"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    sent_at = models.DateTimeField(_("e-mail envoyé le"), null=True, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation",
        verbose_name=_("compte créé"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self):
        return self.accepted_at is None and not self.is_expired


class Notice(models.Model):
    """What a coordinator did that concerns a member (a level validated, a badge issued or revoked): shown on their
    profile until they have read it, and e-mailed once."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices", verbose_name=_("membre")
    )
    message = models.CharField(_("message"), max_length=1000)
    link = models.CharField(_("lien"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("le"), default=timezone.now)
    read_at = models.DateTimeField(_("lu le"), null=True, blank=True)
    email_sent_at = models.DateTimeField(_("e-mail envoyé le"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("nouvelle")
        verbose_name_plural = _("nouvelles")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.message
