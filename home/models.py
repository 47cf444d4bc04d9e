"""The home page (the gare centrale), the legal pages and the site's settings, funders included."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from resources.blocks import BodyBlock, MarkdownBlock
from resources.models import ToolSheetPage
from workshops.models import WorkshopPage

HOME_LISTING_SIZE = 3


class EntryPointBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"))
    text = blocks.CharBlock(label=_("Texte"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.CharBlock(label=_("Ou adresse"), required=False, help_text=_("Par exemple /carte/"))

    class Meta:
        icon = "link"
        label = _("Porte d'entrée")
        template = "home/blocks/entry_point.html"


class HomePage(Page):
    intro = StreamField([("markdown", MarkdownBlock())], verbose_name=_("présentation"), blank=True)
    entry_points = StreamField([("entry", EntryPointBlock())], verbose_name=_("portes d'entrée"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("entry_points")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        workshops = WorkshopPage.objects.live().public().defer_streamfields()
        context["next_workshops"] = workshops.upcoming()[:HOME_LISTING_SIZE]
        context["latest_memories"] = workshops.with_memory()[:HOME_LISTING_SIZE]
        context["latest_tool_sheets"] = (
            ToolSheetPage.objects.live().public().defer_streamfields().order_by("-last_published_at")
        )[:HOME_LISTING_SIZE]
        return context


class StandardPage(Page):
    """A plain page: charte, mentions légales, accessibilité, confidentialité."""

    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting, ClusterableModel):
    name = models.CharField(_("nom du collectif"), max_length=200, default="Gare centrale")
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("contact_email"), FieldPanel("address")], _("Le collectif")),
        InlinePanel("funders", heading=_("Financeurs"), label=_("financeur")),
    ]

    class Meta:
        verbose_name = _("réglages du collectif")


class Funder(Orderable):
    settings = ParentalKey(OrganisationSettings, related_name="funders", on_delete=models.CASCADE)
    name = models.CharField(_("nom"), max_length=200)
    emblem = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("emblème"), null=True, blank=True, on_delete=models.SET_NULL
    )
    mention = models.CharField(
        _("mention"),
        max_length=300,
        help_text=_("Par exemple : « Ce projet est cofinancé par l'Union européenne avec le FEDER »."),
    )
    url = models.URLField(_("site web"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("emblem"), FieldPanel("mention"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("financeur")
        verbose_name_plural = _("financeurs")

    def __str__(self):
        return self.name
