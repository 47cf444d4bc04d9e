"""Who receives the monthly digest (an address and its secret token, nothing else) and which digests left."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class OptInAddress(models.Model):
    """An address given without an account, double opt-in: the secret token of its links is its only key, and it
    receives anything only once confirmed from the e-mail sent to it (the digest's subscribers, the followers)."""

    email = models.EmailField(_("adresse e-mail"), max_length=254, unique=True)
    token = models.CharField(_("jeton"), max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("demandée le"))
    consent_at = models.DateTimeField(_("consentement le"))
    confirmation_sent_at = models.DateTimeField(_("confirmation envoyée le"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class Subscription(OptInAddress):
    """An address that asked for the digest. Unsubscribing deletes the row: nothing personal is kept."""

    class Meta:
        verbose_name = _("abonnement à la lettre")
        verbose_name_plural = _("abonnements à la lettre")

    def __str__(self):
        # Never the address: this string may end up in a log.
        return f"abonnement {self.pk}"


class Delivery(models.Model):
    """The digest of one month for one subscription: created before sending, so each leaves at most once."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    month = models.DateField(_("mois"), help_text=_("Le premier jour du mois."))
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("envoi de la lettre")
        verbose_name_plural = _("envois de la lettre")
        constraints = [models.UniqueConstraint(fields=["subscription", "month"], name="one_digest_per_month")]

    def __str__(self):
        return f"lettre {self.month:%Y-%m} pour l'abonnement {self.subscription_id}"
