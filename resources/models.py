"""The resource space: the wiki and the library of tool sheets."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class Licence(models.TextChoices):
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"

    @property
    def url(self):
        return LICENCE_URLS[self]


LICENCE_URLS = {
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.fr",
}


class LicensedPage(Page):
    """A page whose content is shared under an open licence, with its contributors as attribution."""

    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_SA)

    class Meta:
        abstract = True

    @property
    def licence_url(self):
        return LICENCE_URLS[Licence(self.licence)]


class ResourceIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["resources.WikiPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil du wiki")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["wiki_pages"] = WikiPage.objects.child_of(self).live().public().defer_streamfields()
        return context


class WikiPageTag(TaggedItemBase):
    content_object = ParentalKey("resources.WikiPage", related_name="tagged_items", on_delete=models.CASCADE)


class WikiPage(LicensedPage):
    summary = models.CharField(_("résumé"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)
    tags = ClusterTaggableManager(through=WikiPageTag, blank=True, verbose_name=_("mots-clés"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body"), FieldPanel("tags")]
    settings_panels = Page.settings_panels + [FieldPanel("licence")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["resources.ResourceIndexPage", "resources.WikiPage"]
    subpage_types = ["resources.WikiPage"]

    class Meta:
        verbose_name = _("page du wiki")
        verbose_name_plural = _("pages du wiki")


class ToolSheetIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    per_page = 20

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["resources.ToolSheetPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des fiches outils")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sheets = ToolSheetPage.objects.child_of(self).live().public().defer_streamfields().order_by("title")
        context["sheets"] = Paginator(sheets, self.per_page).get_page(request.GET.get("page"))
        return context


class ToolSheetTag(TaggedItemBase):
    content_object = ParentalKey("resources.ToolSheetPage", related_name="tagged_items", on_delete=models.CASCADE)


class ToolSheetPage(LicensedPage):
    class Category(models.TextChoices):
        INTERNAL = "organisation-interne", _("Organisation interne")
        EXTERNAL = "valorisation-externe", _("Valorisation externe")
        COOPERATION = "cooperation", _("Coopération")
        TRANSVERSAL = "apports-transversaux", _("Apports transversaux")

    class Difficulty(models.IntegerChoices):
        EASY = 1, _("Facile")
        MEDIUM = 2, _("Intermédiaire")
        ADVANCED = 3, _("Avancé")

    summary = models.CharField(_("en bref"), max_length=300)
    tool_name = models.CharField(_("outil"), max_length=120, blank=True)
    replaces = models.CharField(
        _("alternative à"), max_length=200, blank=True, help_text=_("Par exemple : Doodle, Trello.")
    )
    category = models.CharField(_("catégorie"), max_length=30, choices=Category.choices)
    is_free_software = models.BooleanField(_("logiciel libre"), default=False)
    software_licence = models.CharField(_("licence du logiciel"), max_length=80, blank=True)
    website = models.URLField(_("site web"), blank=True)
    difficulty = models.PositiveSmallIntegerField(_("difficulté"), choices=Difficulty.choices, default=Difficulty.EASY)
    steps = StreamField(BodyBlock(), verbose_name=_("pas à pas"), blank=True)
    use_cases = StreamField(BodyBlock(), verbose_name=_("cas d'usage"), blank=True)
    last_checked = models.DateField(_("vérifiée le"), null=True, blank=True)
    tags = ClusterTaggableManager(through=ToolSheetTag, blank=True, verbose_name=_("mots-clés"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("tool_name"),
                FieldPanel("replaces"),
                FieldPanel("category"),
                FieldPanel("is_free_software"),
                FieldPanel("software_licence"),
                FieldPanel("website"),
                FieldPanel("difficulty"),
                FieldPanel("last_checked"),
            ],
            heading=_("L'outil"),
        ),
        FieldPanel("steps"),
        FieldPanel("use_cases"),
        FieldPanel("tags"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("licence")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("tool_name"),
        index.SearchField("replaces"),
        index.SearchField("steps"),
        index.SearchField("use_cases"),
        index.FilterField("category"),
        index.FilterField("is_free_software"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["resources.ToolSheetIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche outil")
        verbose_name_plural = _("fiches outils")
