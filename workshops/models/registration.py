"""A person's sign-up for a workshop: confirmed, waiting or cancelled, reached through a secret token."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


def current_notice_version():
    return settings.PRIVACY_NOTICE_VERSION


class PublicSignup(models.Model):
    """What every sign-up made without an account keeps: how to reach the person, their consent, and the secret
    token of their private link."""

    email = models.EmailField(_("adresse e-mail"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    consent_at = models.DateTimeField(_("consentement donné le"))
    # The privacy notice the consent was given under: its text changes, what the person agreed to does not.
    consent_notice_version = models.CharField(
        _("version de la notice d'information acceptée"),
        max_length=20,
        default=current_notice_version,
        editable=False,
    )
    created_at = models.DateTimeField(_("inscrite le"), default=timezone.now, editable=False)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(
        _("e-mail de confirmation envoyé le"), null=True, blank=True, editable=False
    )
    # The only key to a sign-up for its person: whoever holds it may see, change or cancel it.
    token = models.CharField(_("jeton"), max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        abstract = True

    @property
    def is_active(self):
        return self.status not in ("cancelled", "erased")


class Registration(PublicSignup):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmée")
        WAITING = "waiting", _("en attente")
        CANCELLED = "cancelled", _("annulée")
        # Name and contact gone (workshops/rights.py): only the funders' attendance proof stays.
        ERASED = "erased", _("effacée")

    class Attendance(models.TextChoices):
        PRESENT = "present", _("présent·e")
        ABSENT = "absent", _("absent·e")

    workshop = models.ForeignKey(
        "workshops.WorkshopPage", verbose_name=_("atelier"), related_name="registrations", on_delete=models.CASCADE
    )
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    structure = models.CharField(_("structure"), max_length=200)
    commune = models.CharField(_("commune"), max_length=120)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    # Filled in on the attendance sheet after the day; empty until then.
    attendance = models.CharField(_("présence"), max_length=10, choices=Attendance.choices, null=True, blank=True)
    promoted_at = models.DateTimeField(_("sortie de la liste d'attente le"), null=True, blank=True, editable=False)
    promotion_sent_at = models.DateTimeField(
        _("e-mail de sortie de liste d'attente envoyé le"), null=True, blank=True, editable=False
    )
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True, editable=False)
    survey_sent_at = models.DateTimeField(_("avis demandé le"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        # The waiting list is served in this order.
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "workshop",
                condition=Q(status__in=["confirmed", "waiting"]),
                name="workshops_registration_one_active_per_email",
                violation_error_message=_("Cette adresse e-mail est déjà inscrite à cet atelier."),
            )
        ]
        indexes = [
            models.Index(fields=["workshop", "status", "created_at"], name="workshops_registration_list"),
            # A person's sign-ups, as the tallies find them (workshops/tallies.py).
            models.Index(Lower("email"), "status", "workshop", name="workshops_registration_person"),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name} ({self.get_status_display()})"

    @classmethod
    def from_db(cls, db, field_names, values):
        registration = super().from_db(db, field_names, values)
        # The address as read: a change of it takes the person away from the tallies of their other workshops.
        registration.email_as_read = registration.__dict__.get("email")
        return registration

    @property
    def took_part(self):
        """Held a place and was not marked absent: reads the memory kept for participants."""
        return self.status == self.Status.CONFIRMED and self.attendance != self.Attendance.ABSENT

    def waiting_position(self):
        """1 for the next person to be promoted; None when not waiting."""
        if self.status != self.Status.WAITING:
            return None
        ahead = Registration.objects.filter(workshop_id=self.workshop_id, status=self.Status.WAITING).filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, id__lt=self.id)
        )
        return ahead.count() + 1


class SatisfactionResponse(models.Model):
    """A person's one-minute opinion of the workshop, given once after the day through their private link."""

    class Score(models.IntegerChoices):
        VERY_POOR = 1, _("1 — Pas du tout satisfait·e")
        POOR = 2, _("2 — Peu satisfait·e")
        FAIR = 3, _("3 — Moyennement satisfait·e")
        GOOD = 4, _("4 — Satisfait·e")
        VERY_GOOD = 5, _("5 — Très satisfait·e")

    registration = models.OneToOneField(
        Registration, verbose_name=_("inscription"), related_name="satisfaction", on_delete=models.CASCADE
    )
    score = models.PositiveSmallIntegerField(_("note"), choices=Score.choices)
    comment = models.TextField(_("commentaire"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("répondu le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("avis")
        verbose_name_plural = _("avis")

    def __str__(self):
        return f"{self.registration} : {self.score}/5"


class JourneyRegistration(PublicSignup):
    """An association's sign-up for a whole journey: who comes, from where, how many, for what needs."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmée")
        CANCELLED = "cancelled", _("annulée")
        ERASED = "erased", _("effacée")

    journey = models.ForeignKey(
        "workshops.JourneyPage", verbose_name=_("parcours"), related_name="registrations", on_delete=models.CASCADE
    )
    structure = models.CharField(_("association ou structure"), max_length=200)
    commune = models.CharField(_("commune de la structure"), max_length=120)
    contact_name = models.CharField(_("personne à contacter"), max_length=200)
    participants = models.PositiveSmallIntegerField(_("nombre de personnes"))
    needs = models.TextField(_("vos besoins"), max_length=3000, blank=True)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.CONFIRMED)

    class Meta:
        verbose_name = _("inscription à un parcours")
        verbose_name_plural = _("inscriptions à un parcours")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "journey",
                condition=Q(status="confirmed"),
                name="workshops_journeyregistration_one_active_per_email",
                violation_error_message=_("Cette adresse e-mail a déjà inscrit une structure à ce parcours."),
            )
        ]

    def __str__(self):
        return f"{self.structure} ({self.commune})"
