"""The home page (the gare centrale), the legal pages and the network's charter with its signatories."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from community.places import charter
from core import sites
from core.pages import CARD_FIELDS, SitePage
from network.news import listings as news_listings
from network.news.models import NewsIndexPage, NewsPage
from resources.blocks import BodyBlock, MarkdownBlock
from resources.models import ToolSheetPage
from workshops.models import WORKSHOP_CARD_FIELDS, WorkshopPage

HOME_LISTING_SIZE = 3


class EntryPointBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    text = blocks.CharBlock(label=_("Texte"), required=False, max_length=500)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.CharBlock(label=_("Ou adresse"), required=False, max_length=500, help_text=_("Par exemple /carte/"))

    class Meta:
        icon = "link"
        label = _("Porte d'entrée")
        template = "home/blocks/entry_point.html"


class HomePage(SitePage):
    intro = StreamField([("markdown", MarkdownBlock())], verbose_name=_("présentation"), blank=True)
    entry_points = StreamField([("entry", EntryPointBlock())], verbose_name=_("portes d'entrée"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("entry_points")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        workshops = WorkshopPage.objects.live().public().only(*WORKSHOP_CARD_FIELDS)
        context["next_workshops"] = workshops.upcoming()[:HOME_LISTING_SIZE]
        context["latest_memories"] = workshops.with_memory()[:HOME_LISTING_SIZE]
        # Of their own type: the index by type and date (migrations/0007) then finds them at once, where the pages
        # of all types by date were read until enough sheets came up.
        sheets = ToolSheetPage.objects.live().public().exact_type(ToolSheetPage).only(*CARD_FIELDS, "category")
        context["latest_tool_sheets"] = sheets.order_by("-last_published_at")[:HOME_LISTING_SIZE]
        context["latest_news"] = news_listings.latest(NewsPage.objects.live().public(), HOME_LISTING_SIZE)
        context["news_url"] = sites.index_url(NewsIndexPage, request)
        return context


class StandardPage(SitePage):
    """A plain page: charte, mentions légales, accessibilité, confidentialité."""

    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")


class CharterPage(StandardPage):
    """The network's charter (/charte/): its text, edited by coordinators, and the structures that signed it.

    A StandardPage underneath, so that a site whose /charte/ was a plain page became this one in place (migration
    home 0004) and keeps its text, address and history. Signatures are recorded in the admin's map section.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("charte du réseau")
        verbose_name_plural = _("chartes du réseau")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["signatures"] = list(charter.public_signatures())
        return context
