"""The competence framework: frameworks in dated versions, their areas, competences and proficiency levels."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from core.editing import NoLostUpdateSnippetForm


class Framework(ClusterableModel):
    """One version of a competence framework; a new version each half-year leaves the old one intact."""

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(
        _("identifiant"), max_length=80, help_text=_("Commun à toutes les versions du référentiel.")
    )
    version = models.CharField(_("version"), max_length=20)
    date = models.DateField(_("date"))
    description = models.TextField(_("description"), blank=True, max_length=4000)
    source = models.TextField(
        _("source"), blank=True, max_length=1000, help_text=_("La référence à citer, par exemple l'éditeur.")
    )
    source_url = models.URLField(_("adresse de la source"), blank=True)
    is_current = models.BooleanField(
        _("version en vigueur"), default=True, help_text=_("Les pages publiques et le journal proposent cette version.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("version"),
        FieldPanel("date"),
        FieldPanel("is_current"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("source_url")], heading=_("Source")),
        InlinePanel("levels", heading=_("Niveaux de maîtrise"), label=_("niveau")),
    ]
    # Two coordinators editing it at once: what they changed apart is merged, the same field is refused.
    base_form_class = NoLostUpdateSnippetForm

    class Meta:
        verbose_name = _("référentiel de compétences")
        verbose_name_plural = _("référentiels de compétences")
        ordering = ["name", "-date"]
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="unique_framework_version")]

    def __str__(self):
        return f"{self.name} ({self.version})"

    def get_absolute_url(self):
        return reverse("competences:framework", kwargs={"slug": self.slug, "version": self.version})


class CompetenceArea(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="areas", verbose_name=_("référentiel")
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("intitulé"), max_length=200)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [FieldPanel("framework"), FieldPanel("code"), FieldPanel("title"), FieldPanel("order")]
    base_form_class = NoLostUpdateSnippetForm

    class Meta:
        verbose_name = _("domaine de compétences")
        verbose_name_plural = _("domaines de compétences")
        ordering = ["order", "code"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="unique_area_code")]

    def __str__(self):
        return f"{self.code}. {self.title} — {self.framework}"


class Competence(models.Model):
    area = models.ForeignKey(
        CompetenceArea, on_delete=models.CASCADE, related_name="competences", verbose_name=_("domaine")
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("intitulé"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [
        FieldPanel("area"),
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("order"),
    ]
    base_form_class = NoLostUpdateSnippetForm

    class Meta:
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        ordering = ["order", "code"]
        constraints = [models.UniqueConstraint(fields=["area", "code"], name="unique_competence_code")]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        framework = self.area.framework
        return reverse(
            "competences:competence", kwargs={"slug": framework.slug, "version": framework.version, "code": self.code}
        )


class ProficiencyLevel(models.Model):
    framework = ParentalKey(Framework, on_delete=models.CASCADE, related_name="levels", verbose_name=_("référentiel"))
    number = models.PositiveSmallIntegerField(_("numéro"))
    name = models.CharField(_("nom"), max_length=100)
    stage = models.CharField(_("palier"), max_length=100, blank=True, help_text=_("Par exemple : fondamental."))
    description = models.TextField(_("description"), blank=True, max_length=4000)

    panels = [FieldPanel("number"), FieldPanel("name"), FieldPanel("stage"), FieldPanel("description")]

    class Meta:
        verbose_name = _("niveau de maîtrise")
        verbose_name_plural = _("niveaux de maîtrise")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="unique_level_number")]

    def __str__(self):
        return f"{self.number}. {self.name}"


class CompetenceValidation(models.Model):
    """A coordinator's validation of the level a member has reached in a competence (the latest one counts)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="competence_validations",
        verbose_name=_("membre"),
    )
    competence = models.ForeignKey(
        Competence, on_delete=models.PROTECT, related_name="validations", verbose_name=_("compétence")
    )
    level = models.PositiveSmallIntegerField(_("niveau validé"))
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("validé par")
    )
    validated_at = models.DateTimeField(_("validé le"), auto_now_add=True)
    comment = models.TextField(_("commentaire"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("validation de compétence")
        verbose_name_plural = _("validations de compétences")
        ordering = ["-validated_at", "-pk"]

    def __str__(self):
        return f"{self.competence} : {self.level}"
