"""The choices of the workshops' fields and states: read by the pages, the forms and the operations alike."""

import enum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """The steps of a journey, in the order they come."""

    AWARENESS = "sensibilisation", _("Sensibilisation")
    DIAGNOSIS = "diagnostic", _("Diagnostic")
    COLLECTIVE = "accompagnement-collectif", _("Accompagnement collectif")
    TRAINING = "formation", _("Formation")
    TECHNICAL_SUPPORT = "appui-technique", _("Appui technique")


class Format(models.TextChoices):
    """A workshop's length."""

    EVENING = "soiree", _("Soirée")
    HALF_DAY = "demi-journee", _("Demi-journée")
    DAY = "journee", _("Journée")
    HIGHLIGHT = "temps-fort", _("Temps fort")


class SignupWindow(enum.StrEnum):
    NOT_YET_OPEN = "not-yet-open"
    OPEN = "open"
    CLOSED = "closed"
    PAST = "past"
