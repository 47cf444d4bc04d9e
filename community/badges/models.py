"""Open Badges 2.0 assertions: a coordinator's validation of a competence level, issued as a verifiable badge."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.competences.models import CompetenceValidation


class BadgeAssertion(models.Model):
    """One badge issued for one validation; it stays on record once revoked (hosted verification answers 410)."""

    uuid = models.UUIDField(_("identifiant public"), default=uuid.uuid4, unique=True, editable=False)
    # Erasing a member (their right to erasure) erases their badges: verifying one then answers 404.
    validation = models.ForeignKey(
        CompetenceValidation, on_delete=models.CASCADE, related_name="badges", verbose_name=_("validation")
    )
    # Only the salted SHA-256 of the member's e-mail at issue time, as the assertion publishes it ("sha256$…").
    recipient_identity = models.CharField(_("empreinte du destinataire"), max_length=80)
    salt = models.CharField(_("sel"), max_length=64)
    issued_on = models.DateTimeField(_("émis le"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("émis par")
    )
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("révoqué par"),
    )
    revocation_reason = models.TextField(_("motif de la révocation"), blank=True, max_length=500)

    class Meta:
        verbose_name = _("badge émis")
        verbose_name_plural = _("badges émis")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["validation"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_active_badge_per_validation",
            )
        ]

    def __str__(self):
        return f"{self.validation} ({self.uuid})"

    def get_absolute_url(self):
        return reverse("badges:verify", kwargs={"uuid": self.uuid})

    @property
    def is_revoked(self):
        return self.revoked_at is not None
