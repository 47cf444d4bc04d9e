"""Pages of the community app: the récits collectifs, compiled from shared journal entries every two months."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.limits import TEXT_MAX_LENGTH
from core.pages import SitePage

from .entries import JournalEntry


class ExcerptBlock(blocks.StructBlock):
    """An excerpt of a journal entry its author shared with the network (their consent to appear here)."""

    entry_id = blocks.IntegerBlock(
        label=_("entrée d'origine"),
        required=False,
        help_text=_("Si son auteur la rend privée, l'extrait disparaît de la page publiée."),
    )
    title = blocks.CharBlock(label=_("titre"), max_length=200)
    author = blocks.CharBlock(label=_("auteur ou autrice"), max_length=200)
    date = blocks.DateBlock(label=_("date"))
    text = blocks.TextBlock(label=_("extrait (Markdown)"), max_length=TEXT_MAX_LENGTH)

    class Meta:
        icon = "openquote"
        label = _("extrait")
        template = "journal/blocks/excerpt.html"


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre de la partie"), max_length=200)
    introduction = blocks.RichTextBlock(
        label=_("introduction"), required=False, features=["bold", "italic", "link"], max_length=4000
    )
    excerpts = blocks.ListBlock(ExcerptBlock(), label=_("extraits"))

    class Meta:
        icon = "list-ul"
        label = _("partie")


class RecitIndexPage(SitePage):
    intro = RichTextField(_("introduction"), blank=True, max_length=4000, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["journal.RecitPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des récits collectifs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recits"] = (
            RecitPage.objects.child_of(self).live().public().defer_streamfields().order_by("-period_start")
        )
        return context


class RecitPage(SitePage):
    """A bimonthly récit collectif: the network's changes started, obstacles lifted and levers found."""

    period_start = models.DateField(_("début de la période"))
    period_end = models.DateField(_("fin de la période"))
    intro = RichTextField(
        _("introduction"), blank=True, max_length=4000, features=["bold", "italic", "link", "ul", "ol", "h3"]
    )
    sections = StreamField([("section", SectionBlock())], verbose_name=_("parties"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Période")),
        FieldPanel("intro"),
        FieldPanel("sections"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["journal.RecitIndexPage"]
    # Not from the public page cache: an excerpt must leave the page as soon as its author withdraws it.
    cache_public_page = False
    subpage_types = []

    class Meta:
        verbose_name = _("récit collectif")
        verbose_name_plural = _("récits collectifs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["consented"] = self.consented_entry_ids()
        return context

    def consented_entry_ids(self):
        """The source entries of the excerpts that are still shared (one query)."""
        ids = {
            excerpt["entry_id"]
            for block in self.sections
            for excerpt in block.value["excerpts"]
            if excerpt["entry_id"] is not None
        }
        shared = JournalEntry.objects.filter(pk__in=ids, visibility__in=JournalEntry.SHARED_WITH_NETWORK)
        return set(shared.values_list("pk", flat=True))
