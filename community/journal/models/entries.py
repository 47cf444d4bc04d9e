"""The journal de bord: a member's entries, the competences each evidences, and who may read them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase

from core.limits import TEXT_MAX_LENGTH

MAX_LEVEL = 8  # DigComp's highest; a framework may have fewer levels, checked by the entry form
# The years a récit or a cadre de référence may cover: outside them, a period is a typing error.
PERIOD_YEARS = range(2000, 2101)


class JournalTag(TagBase):
    """The journal's own keywords, apart from the wiki's: a tag of a private entry is seen by its author alone, never
    in the admin's tag autocomplete nor in any other tag list."""

    class Meta:
        verbose_name = _("mot-clé du journal")
        verbose_name_plural = _("mots-clés du journal")


class JournalEntryTag(ItemBase):
    tag = models.ForeignKey(JournalTag, on_delete=models.CASCADE, related_name="tagged_entries")
    content_object = models.ForeignKey("journal.JournalEntry", on_delete=models.CASCADE, related_name="tagged_items")


class JournalEntry(models.Model):
    class Kind(models.TextChoices):
        OBSERVATION = "observation", _("Observation")
        REFLECTION = "reflexion", _("Réflexion")
        PRACTICE = "mise-en-pratique", _("Mise en pratique")
        CHANGE = "changement-engage", _("Changement engagé")
        OBSTACLE_LIFTED = "frein-leve", _("Frein levé")
        LEVER_FOUND = "levier-trouve", _("Levier trouvé")

    class Visibility(models.TextChoices):
        PRIVATE = "prive", _("Privée : moi seul·e")
        TEAM = "equipe", _("Équipe : les membres de ma structure")
        NETWORK = "reseau", _("Réseau : les membres du réseau")
        PUBLIC = "public", _("Publique : tout le monde")

    # What the récits collectifs may quote: the entries their authors shared beyond their structure.
    SHARED_WITH_NETWORK = (Visibility.NETWORK, Visibility.PUBLIC)

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries", verbose_name=_("auteur")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(
        _("texte"), max_length=TEXT_MAX_LENGTH, help_text=_("En Markdown : **gras**, *italique*, listes, liens…")
    )
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices, default=Kind.OBSERVATION)
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    tags = TaggableManager(through=JournalEntryTag, blank=True, verbose_name=_("mots-clés"))
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("entrée du journal de bord")
        verbose_name_plural = _("entrées du journal de bord")
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["author", "-date"]), models.Index(fields=["visibility", "-date"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding:  # its evidence keeps a copy of its date and visibility
            self.evidence.update(date=self.date, visibility=self.visibility)

    def get_absolute_url(self):
        return reverse("journal:detail", args=[self.pk])

    @property
    def author_name(self):
        """The author's display name from their profile (never their e-mail)."""
        profile = getattr(self.author, "member_profile", None)
        return profile.display_name if profile else (self.author.get_full_name() or self.author.get_username())

    @property
    def is_private(self):
        return self.visibility == self.Visibility.PRIVATE


class EvidencedCompetence(models.Model):
    """A competence an entry gives evidence of, with the level its author estimates."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="evidence")
    competence = models.ForeignKey(
        "competences.Competence", on_delete=models.PROTECT, related_name="evidence", verbose_name=_("compétence")
    )
    level = models.PositiveSmallIntegerField(
        _("niveau estimé"), validators=[MinValueValidator(1), MaxValueValidator(MAX_LEVEL)]
    )
    # Its entry's, copied whenever either is saved: the dashboard counts the evidence of a period's shared entries
    # from the index below alone, without joining each entry of the period to its evidence.
    date = models.DateField(_("date de l'entrée"), editable=False)
    visibility = models.CharField(
        _("visibilité de l'entrée"), max_length=10, choices=JournalEntry.Visibility.choices, editable=False
    )

    class Meta:
        verbose_name = _("compétence mise en évidence")
        verbose_name_plural = _("compétences mises en évidence")
        constraints = [models.UniqueConstraint(fields=["entry", "competence"], name="unique_evidence_per_entry")]
        indexes = [models.Index(fields=["visibility", "-date", "competence"])]

    def __str__(self):
        return f"{self.competence} ({self.level})"

    def save(self, *args, **kwargs):
        self.date, self.visibility = self.entry.date, self.entry.visibility
        super().save(*args, **kwargs)
