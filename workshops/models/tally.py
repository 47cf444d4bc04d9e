"""What a workshop's sign-ups add up to, kept in one row beside it: the dashboard sums these rows, one per workshop,
instead of counting every sign-up of the period (workshops/tallies.py keeps them)."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


def average(total, count):
    """`total` divided by `count` exactly, as PostgreSQL averages integers (a float would show 87 / 20 as 4,3, not
    4,4); None for no count."""
    return Decimal(total) / count if count else None


class WorkshopTally(models.Model):
    """A copy of what the figures select a workshop by (its start, publication, structure, stage and journey) and
    the counts of its sign-ups, never typed: counted again from them whenever they change."""

    workshop = models.OneToOneField(
        "workshops.WorkshopPage",
        verbose_name=_("atelier"),
        primary_key=True,
        related_name="tally",
        on_delete=models.CASCADE,
    )
    start = models.DateTimeField(_("début"))
    # The local year of its start: a person counts once a year (`newcomers`).
    year = models.PositiveSmallIntegerField(_("année"), default=0)
    live = models.BooleanField(_("publié"))
    structure = models.ForeignKey(
        "places.Structure",
        verbose_name=_("structure d'accueil"),
        null=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    stage = models.CharField(_("étape du parcours"), max_length=30, blank=True)
    # Its parent page when that is a journey.
    journey = models.ForeignKey(
        "workshops.JourneyPage", verbose_name=_("parcours"), null=True, related_name="+", on_delete=models.SET_NULL
    )
    # Sign-ups counted (confirmed or erased, see indicators/figures.py), those marked present, the others.
    signups = models.PositiveIntegerField(_("inscriptions"), default=0)
    present = models.PositiveIntegerField(_("présents"), default=0)
    waiting = models.PositiveIntegerField(_("en attente"), default=0)
    cancelled = models.PositiveIntegerField(_("annulées"), default=0)
    erased = models.PositiveIntegerField(_("effacées"), default=0)
    # Some sign-up has its attendance noted: the sheet was filled in.
    has_attendance = models.BooleanField(_("présences relevées"), default=False)
    satisfaction_total = models.PositiveIntegerField(_("somme des notes"), default=0)
    satisfaction_answers = models.PositiveIntegerField(_("avis"), default=0)
    # The people whose first workshop of the year this is, among those where they were confirmed: summed over the
    # workshops held from a 1 January, the different people of the period (indicators/figures.py).
    newcomers = models.PositiveIntegerField(_("nouvelles personnes de l'année"), default=0)

    class Meta:
        verbose_name = _("décompte d'un atelier")
        verbose_name_plural = _("décomptes des ateliers")
        # The workshops held (live, started within a period), and their journeys, read from the index alone.
        indexes = [models.Index(fields=["start", "live", "journey"], name="workshop_tally_held")]

    def __str__(self):
        return f"{self.workshop_id} : {self.signups}"

    @property
    def satisfaction(self):
        """The average score; None without an answer."""
        return average(self.satisfaction_total, self.satisfaction_answers)


class ReachedName(models.Model):
    """An association or a commune that a workshop's confirmed sign-ups name, lower-cased, once per workshop: the
    dashboard counts the different ones of the workshops held from these few rows (workshops/tallies.py)."""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("association")
        COMMUNE = "commune", _("commune")

    # The constraint's index below begins with the tally: no index of its own.
    tally = models.ForeignKey(
        WorkshopTally, verbose_name=_("décompte"), related_name="names", on_delete=models.CASCADE, db_index=False
    )
    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices)
    # Lower-casing may lengthen a name (PostgreSQL's, beyond ASCII): a text column, which the database does not
    # bound, and twice the longest name a sign-up takes (a structure's 200 characters) as the bound of every text.
    name = models.TextField(_("nom"), max_length=400)

    class Meta:
        verbose_name = _("nom touché par un atelier")
        verbose_name_plural = _("noms touchés par les ateliers")
        constraints = [models.UniqueConstraint(fields=["tally", "kind", "name"], name="reached_name_once")]
        # The workshops that name it, when its first of the year is counted again (FirstReach).
        indexes = [models.Index(fields=["name", "kind"], name="reached_name_workshops")]

    def __str__(self):
        return self.name


class FirstReach(models.Model):
    """An association or a commune reached in a year, and when first: the start of the year's first live workshop
    whose confirmed sign-ups name it (its ReachedName). The dashboard counts the names reached from a 1 January by
    these rows, a few per name, rather than by every workshop's (workshops/tallies.py keeps them)."""

    year = models.PositiveSmallIntegerField(_("année"))
    kind = models.CharField(_("nature"), max_length=20, choices=ReachedName.Kind.choices)
    name = models.TextField(_("nom"), max_length=400)
    first = models.DateTimeField(_("premier atelier"))

    class Meta:
        verbose_name = _("nom touché dans l'année")
        verbose_name_plural = _("noms touchés dans l'année")
        constraints = [models.UniqueConstraint(fields=["year", "kind", "name"], name="first_reach_once")]

    def __str__(self):
        return f"{self.year} : {self.name}"
