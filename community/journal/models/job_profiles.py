"""The yearly job profile notes (référentiels métiers): per role, the competences its people evidence and have
validated most, compiled as a draft page that a coordinator edits and publishes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from community.members.models import Role
from core.pages import SitePage


class CompetenceLineBlock(blocks.StructBlock):
    """One competence of the role, with the figures it was compiled from and the coordinator's own words."""

    code = blocks.CharBlock(label=_("code"), max_length=50)
    title = blocks.CharBlock(label=_("compétence"), max_length=300)
    framework = blocks.CharBlock(label=_("référentiel"), required=False, max_length=200)
    people = blocks.IntegerBlock(label=_("personnes qui l'attestent"), min_value=0)
    entries = blocks.IntegerBlock(label=_("entrées qui l'attestent"), min_value=0)
    validated = blocks.IntegerBlock(label=_("niveaux validés"), min_value=0)
    highest_validated = blocks.IntegerBlock(label=_("plus haut niveau validé"), required=False)
    comment = blocks.TextBlock(label=_("ce que cela recouvre dans le métier"), required=False, max_length=2000)

    class Meta:
        icon = "tick"
        label = _("compétence")
        template = "journal/blocks/competence_line.html"


class JobProfileIndexPage(SitePage):
    intro = RichTextField(_("introduction"), blank=True, max_length=4000, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["journal.JobProfilePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des référentiels métiers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["profiles"] = (
            JobProfilePage.objects.child_of(self).live().public().defer_streamfields().order_by("-year", "role")
        )
        return context


class JobProfilePage(SitePage):
    """A référentiel métier: what the people of one role showed they master, year after year."""

    role = models.CharField(_("rôle"), max_length=30, choices=Role.choices)
    year = models.PositiveSmallIntegerField(_("année"))
    intro = RichTextField(
        _("introduction"), blank=True, max_length=4000, features=["bold", "italic", "link", "ul", "ol", "h3"]
    )
    competences = StreamField([("competence", CompetenceLineBlock())], verbose_name=_("compétences"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("role"), FieldPanel("year")], heading=_("Rôle et année")),
        FieldPanel("intro"),
        FieldPanel("competences"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("competences")]
    parent_page_types = ["journal.JobProfileIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("référentiel métier")
        verbose_name_plural = _("référentiels métiers")
