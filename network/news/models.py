"""The news pages: one index at /actualites/, and the dated, tagged news items below it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from community.members.page_rights import CoordinatorsPagePermissionTester
from core.pages import SitePage
from resources.blocks import BodyBlock
from resources.models import LicensedPage
from resources.search_text import SearchTextMixin

from . import listings


class NewsIndexPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des actualités")

    def permissions_for_user(self, user):
        return CoordinatorsPagePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.news_listing(NewsPage.objects.child_of(self).live().public(), request.GET))
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        # Whether a tag is borne by one of the news items listed, without reading them all (core/tags.py).
        indexes = [models.Index(fields=["tag", "content_object"], name="news_tag_page")]


class NewsPage(SearchTextMixin, LicensedPage):
    date = models.DateField(
        _("date de publication"),
        default=timezone.localdate,
        help_text=_("La date affichée ; les actualités sont classées de la plus récente à la plus ancienne."),
    )
    summary = models.CharField(
        _("chapô"), max_length=300, help_text=_("Une ou deux phrases : ce qu'on lit dans la liste et les flux.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=300,
        blank=True,
        help_text=_("Décrit l'image pour qui ne la voit pas ; vide si elle est décorative."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("mots-clés"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("licence")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")
