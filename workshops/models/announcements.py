"""What a workshop's animators write to its people: the message, kept for the workshop's managers, and one
delivery per person so that each e-mail leaves once."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .registration import Registration


class Announcement(models.Model):
    class Audience(models.TextChoices):
        CONFIRMED = Registration.Status.CONFIRMED, _("les personnes inscrites (confirmées)")
        WAITING = Registration.Status.WAITING, _("les personnes en liste d'attente")

    workshop = models.ForeignKey(
        "workshops.WorkshopPage", on_delete=models.CASCADE, related_name="announcements", verbose_name=_("atelier")
    )
    audience = models.CharField(_("destinataires"), max_length=20, choices=Audience.choices)
    subject = models.CharField(_("objet"), max_length=150)
    body = models.TextField(_("message"), max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="announcements",
        verbose_name=_("écrit par"),
    )
    # Where the people's replies go: the author's address when they wrote, never the list of people.
    reply_to = models.EmailField(_("réponses à"), blank=True)
    created_at = models.DateTimeField(_("envoyé le"), default=timezone.now)

    class Meta:
        verbose_name = _("message aux inscrits")
        verbose_name_plural = _("messages aux inscrits")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject


class AnnouncementDelivery(models.Model):
    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="deliveries")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="announcements")
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["announcement", "registration"], name="one_delivery_per_person"),
        ]

    def __str__(self):
        return f"{self.announcement} → {self.registration_id}"
