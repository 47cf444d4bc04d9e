"""Who follows which page, at which rhythm, and which digests of changes left."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from network.digest.models import OptInAddress


class Rhythm(models.TextChoices):
    DAILY = "quotidien", _("chaque jour")
    WEEKLY = "hebdomadaire", _("chaque semaine (le lundi)")


class Follower(OptInAddress):
    """An address told of the changes of the pages it follows: a visitor's (double opt-in, as the digest's), or a
    member's account, confirmed from the start, whose own address is read at each sending. Leaving deletes the row
    and its follows: nothing personal is kept."""

    email = models.EmailField(_("adresse e-mail"), max_length=254, unique=True, null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follower",
    )

    class Meta:
        verbose_name = _("personne qui suit des pages")
        verbose_name_plural = _("personnes qui suivent des pages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email__isnull=True, user__isnull=False)
                | models.Q(email__isnull=False, user__isnull=True),
                name="follower_is_an_address_or_an_account",
            )
        ]

    def __str__(self):
        # Never the address: this string may end up in a log.
        return f"suivi {self.pk}"

    @property
    def address(self):
        return self.user.email if self.user_id else self.email


class Follow(models.Model):
    """One page followed; told of once confirmed (a member's at once, a visitor's from the e-mail's link)."""

    follower = models.ForeignKey(Follower, on_delete=models.CASCADE, related_name="follows")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    rhythm = models.CharField(_("rythme"), max_length=20, choices=Rhythm.choices, default=Rhythm.WEEKLY)
    created_at = models.DateTimeField(_("demandé le"))
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("page suivie")
        verbose_name_plural = _("pages suivies")
        constraints = [models.UniqueConstraint(fields=["follower", "page"], name="one_follow_per_page")]

    def __str__(self):
        return f"suivi {self.follower_id} de la page {self.page_id}"


class Delivery(models.Model):
    """The digest of one period (a day, or a week from its Monday) for one follower and rhythm, created before
    sending, so each leaves at most once. It tells what changed after `since` (the previous one's `until`; each
    follow's confirmation at the latest) up to `until`."""

    follower = models.ForeignKey(Follower, on_delete=models.CASCADE, related_name="deliveries")
    rhythm = models.CharField(_("rythme"), max_length=20, choices=Rhythm.choices)
    period = models.DateField(_("période"), help_text=_("Le jour, ou le lundi de la semaine."))
    since = models.DateTimeField(_("depuis"), null=True, blank=True)
    until = models.DateTimeField(_("jusqu'à"))
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("envoi des changements suivis")
        verbose_name_plural = _("envois des changements suivis")
        constraints = [
            models.UniqueConstraint(fields=["follower", "rhythm", "period"], name="one_follow_digest_per_period")
        ]

    def __str__(self):
        return f"changements du {self.period:%Y-%m-%d} ({self.rhythm}) pour le suivi {self.follower_id}"
