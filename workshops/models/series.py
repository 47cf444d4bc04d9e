"""A recurring workshop: the rule its occurrences (sibling WorkshopPages, each with its own sign-ups) came from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from community.places import recurrence


class WorkshopSeries(models.Model):
    """Weekly or monthly, bounded (community/places/recurrence.py); the first workshop's start is DTSTART."""

    FREQUENCY_CHOICES = recurrence.FREQUENCY_CHOICES

    frequency = models.CharField(_("fréquence"), max_length=20, choices=FREQUENCY_CHOICES, default=recurrence.WEEKLY)
    interval = models.PositiveSmallIntegerField(_("intervalle"), default=1)
    first_start = models.DateTimeField(_("début de la première séance"))
    first_end = models.DateTimeField(_("fin de la première séance"))
    until = models.DateField(_("jusqu'au"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(_("nombre de séances"), null=True, blank=True)

    class Meta:
        verbose_name = _("série d'ateliers")
        verbose_name_plural = _("séries d'ateliers")

    def __str__(self):
        return f"{self.get_frequency_display()} ({self.first_start:%d/%m/%Y})"
