"""Prototypes: what a centre's digital community built, how to reproduce it, and the structures that adopted it."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.images.models import Rendition
from wagtail.models import Orderable, Page
from wagtail.search import index

from community.members.page_rights import CoordinatorsPagePermissionTester
from core.pages import SitePage
from resources.blocks import BodyBlock, MarkdownBlock
from resources.models import LicensedPage
from resources.search_text import SearchTextMixin

from . import adoptions, listings
from .permissions import PrototypePermissionTester

# The rendition prototypes/prototype_page.html shows a photo in: read with the photos, in one query.
PHOTO_SPEC = "width-800"


class Domain(models.TextChoices):
    """The domains the Lille call names for the prototypes of the centres sociaux connectés."""

    WELCOME = "accueil", _("Accueil")
    EDUCATION = "education", _("Éducation")
    PARENTING = "parentalite", _("Parentalité")
    E_ADMINISTRATION = "e-administration", _("E-administration")
    RESIDENTS_POWER = "pouvoir-d-agir", _("Pouvoir d'agir des habitants")
    OTHER = "autre", _("Autre")


class Status(models.TextChoices):
    """Where a prototype stands, from the first idea to its adoption."""

    IDEA = "idee", _("Idée")
    PROTOTYPE = "prototype", _("Prototype")
    TESTING = "en-test", _("En test")
    ADOPTED = "adopte", _("Adopté")


class PrototypeIndexPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["prototypes.PrototypePage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des prototypes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prototypes = PrototypePage.objects.child_of(self).live().public()
        context.update(listings.prototype_library(prototypes, request.GET))
        return context

    def permissions_for_user(self, user):
        return CoordinatorsPagePermissionTester(user, self)


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Étape"), max_length=200)
    text = MarkdownBlock(label=_("Comment faire"), required=False, rows=4)

    class Meta:
        icon = "list-ol"
        label = _("Étape")
        template = "prototypes/blocks/step.html"


class PrototypePage(SearchTextMixin, LicensedPage):
    summary = models.CharField(_("en bref"), max_length=300)
    problem = models.TextField(
        _("le problème"), max_length=2000, help_text=_("La difficulté de départ, telle que les habitants l'ont dite.")
    )
    domain = models.CharField(_("domaine"), max_length=30, choices=Domain.choices)
    status = models.CharField(_("état"), max_length=20, choices=Status.choices, default=Status.PROTOTYPE)
    structure = models.ForeignKey(
        "places.Structure",
        verbose_name=_("structure"),
        related_name="prototypes",
        null=True,
        on_delete=models.SET_NULL,
        help_text=_("Le centre social ou la structure qui porte le prototype."),
    )
    community = models.CharField(
        _("communauté"),
        max_length=200,
        blank=True,
        help_text=_("Qui l'a construit : par exemple, la communauté numérique du centre, des parents, des bénévoles."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("comment ça marche"), blank=True)
    cost = models.CharField(
        _("ce que ça coûte"), max_length=300, blank=True, help_text=_("Matériel, logiciels, temps passé.")
    )
    steps = StreamField([("step", StepBlock())], verbose_name=_("pour le reproduire, étape par étape"), blank=True)
    tool_sheets = ParentalManyToManyField(
        "resources.ToolSheetPage", verbose_name=_("fiches outils utilisées"), related_name="prototypes", blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("problem"),
        MultiFieldPanel(
            [FieldPanel("domain"), FieldPanel("status"), FieldPanel("structure"), FieldPanel("community")],
            heading=_("Qui, dans quel domaine"),
        ),
        FieldPanel("body"),
        FieldPanel("cost"),
        MultiFieldPanel(
            [FieldPanel("steps"), FieldPanel("tool_sheets", widget=forms.CheckboxSelectMultiple)],
            heading=_("Le reproduire"),
        ),
        InlinePanel("photos", label=_("Photo"), heading=_("Photos")),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("licence")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("community"),
        index.SearchField("body"),
        index.FilterField("domain"),
        index.FilterField("status"),
    ]
    parent_page_types = ["prototypes.PrototypeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("prototype")
        verbose_name_plural = _("prototypes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(adoptions.page_context(self, request.user))
        context["tools"] = self.tool_sheets.live().public().order_by("title")
        context["photo_list"] = self.photos.select_related("image").prefetch_related(
            Prefetch("image__renditions", queryset=Rendition.objects.filter(filter_spec=PHOTO_SPEC))
        )
        context["index"] = self.get_parent()
        return context

    def permissions_for_user(self, user):
        return PrototypePermissionTester(user, self)


class PrototypePhoto(Orderable):
    page = ParentalKey(PrototypePage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt = models.CharField(
        _("texte alternatif"), max_length=300, blank=True, help_text=_("Décrit la photo pour qui ne la voit pas.")
    )
    caption = models.CharField(_("légende"), max_length=300, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class Adoption(models.Model):
    """A structure declares « nous l'adoptons » for another structure's prototype."""

    prototype = models.ForeignKey(
        PrototypePage, verbose_name=_("prototype"), related_name="adoptions", on_delete=models.CASCADE
    )
    structure = models.ForeignKey(
        "places.Structure",
        verbose_name=_("structure qui l'adopte"),
        related_name="prototype_adoptions",
        on_delete=models.CASCADE,
    )
    # The person who declared it: kept for the structure's members, never shown to the public.
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("déclarée par"),
        related_name="prototype_adoptions",
        null=True,
        on_delete=models.SET_NULL,
    )
    adopted_at = models.DateTimeField(_("adopté le"), default=timezone.now)
    note = models.CharField(_("un mot"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["-adopted_at"]
        constraints = [
            models.UniqueConstraint(fields=["prototype", "structure"], name="one_adoption_per_structure"),
        ]

    def __str__(self):
        return f"{self.structure} → {self.prototype}"
