"""The resource space: the wiki and the library of tool sheets."""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import InvalidPage
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.pages import SitePage
from core.paging import paginate

from . import attribution, export, history, listings
from .blocks import BodyBlock
from .forms import RevertForm
from .search_text import SearchTextMixin


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


class LicensedPage(RoutablePageMixin, SitePage):
    """A page whose content is shared under an open licence, with its contributors as attribution."""

    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_SA)

    class Meta:
        abstract = True

    @property
    def licence_url(self):
        return LICENCE_URLS[Licence(self.licence)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attribution"] = attribution.attribute(self, request)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        # `?format=md` is never cached: the public page cache skips requests with a query string.
        if request.GET.get("format") == "md":
            return self.serve_markdown(request)
        return super().index_route(request, *args, **kwargs)

    def serve_markdown(self, request):
        """The page as a Markdown file to download, with its licence and authors in the front matter."""
        text = export.to_markdown(self, attribution.attribute(self, request), request.build_absolute_uri)
        response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{self.slug}.md")
        return response

    @path("historique/", name="history")
    def history_view(self, request):
        """The public revisions of the page, and with `?de=<id>&a=<id>` what changed between two of them."""
        entries = history.revisions(self, request.user)
        context = {"entries": entries, "comparison": None, "can_revert": history.can_revert(self, request.user)}
        # Without a choice yet, the form offers the latest change: the one before last against the last.
        selected = (entries[1].id, entries[0].id) if len(entries) > 1 else (None, None)
        try:
            asked = history.read_request(request.GET)
        except history.InvalidHistoryRequest as refusal:
            context["error"] = refusal.message
            asked = history.HistoryRequest(page_number=1, compared=None)
        try:
            context["history_page"] = history.page_of(entries, asked.page_number)
            if asked.compared:
                start, end = (history.find(entries, revision_id) for revision_id in asked.compared)
                context["comparison"] = {"from": start, "to": end, "changes": history.diff(self, start.id, end.id)}
                selected = asked.compared
        except (InvalidPage, history.RevisionNotFoundError) as error:
            raise Http404 from error
        context["selected_from"], context["selected_to"] = selected
        response = self.render(request, template="resources/page_history.html", context_overrides=context)
        response.status_code = 400 if "error" in context else 200
        return response

    @path("historique/retablir/<int:revision_id>/", name="revert")
    def revert_view(self, request, revision_id):
        """Those who may edit the page bring an older version back, with a reason the history shows (GET asks)."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not history.can_revert(self, request.user):
            raise PermissionDenied
        entries = history.revisions(self, request.user)
        try:
            target = history.find(entries, revision_id)
        except history.RevisionNotFoundError as error:
            raise Http404 from error
        live = next((entry for entry in entries if entry.is_live), None)
        form = RevertForm(request.POST if request.method == "POST" else None)
        status = 200
        if form.is_bound:
            status = 400
            if form.is_valid():
                try:
                    history.revert(self, target.id, request.user, form.cleaned_data["reason"])
                except history.AlreadyLive as refusal:
                    form.add_error(None, refusal.message)
                    status = 409
                else:
                    messages.success(request, _("La version %(number)s est rétablie.") % {"number": target.number})
                    return redirect(self.url + self.reverse_subpage("history"))
        changes = history.diff(self, live.id, target.id) if live else []
        response = self.render(
            request,
            template="resources/page_revert.html",
            context_overrides={"form": form, "target": target, "live": live, "changes": changes},
        )
        response.status_code = status
        return response


class ResourceIndexPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["resources.WikiPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil du wiki")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = WikiPage.objects.child_of(self).live().public().defer_streamfields()
        context["wiki_pages"] = paginate(pages, request.GET.get("page"), listings.PER_PAGE)
        return context


class WikiPageTag(TaggedItemBase):
    content_object = ParentalKey("resources.WikiPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        # Whether a tag is borne by one of the pages a filter lists, without reading all its pages (core/tags.py).
        indexes = [models.Index(fields=["tag", "content_object"], name="wiki_tag_page")]


class WikiPage(SearchTextMixin, LicensedPage):
    # The address of a wiki page's history (`history_view`): a child page of that slug could never be reached.
    # Wiki pages only live under the wiki or under one another, so refusing the slug here covers moves too.
    RESERVED_SLUG = "historique"

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

    def clean(self):
        super().clean()
        if self.slug == self.RESERVED_SLUG:
            message = _("« %(slug)s » est l'adresse de l'historique des pages du wiki : choisissez-en une autre.")
            raise ValidationError({"slug": message % {"slug": self.RESERVED_SLUG}})


class ToolSheetIndexPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["resources.ToolSheetPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des fiches outils")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # All the sheets, without `child_of(self)`: they can only live here (one index, their only parent type),
        # and the tree's index would make SQLite read every sheet before keeping those of a category. Of their own
        # type: the index by type and title (home/migrations/0009) reads them alone in alphabetical order.
        sheets = ToolSheetPage.objects.live().public().exact_type(ToolSheetPage).defer_streamfields()
        context.update(listings.tool_sheet_library(self, sheets, request.GET))
        return context


class ToolSheetTag(TaggedItemBase):
    content_object = ParentalKey("resources.ToolSheetPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        # Whether a tag is borne by one of the pages a filter lists, without reading all its pages (core/tags.py).
        indexes = [models.Index(fields=["tag", "content_object"], name="tool_sheet_tag_page")]


class ToolSheetPage(SearchTextMixin, LicensedPage):
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
    competences = ParentalManyToManyField(
        "competences.Competence",
        related_name="tool_sheets",
        limit_choices_to={"area__framework__is_current": True},
        blank=True,
        verbose_name=_("compétences exercées"),
        help_text=_("Les compétences du référentiel que cet outil permet d'exercer."),
    )

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
        FieldPanel("competences", widget=forms.CheckboxSelectMultiple),
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
        # The index's filters: the sheets of a category are read without reading the others.
        indexes = [models.Index(fields=["category", "is_free_software"], name="toolsheet_category_free")]

    def exercised_competences(self):
        """The competences the tool exercises, with their framework, for the sheet's page (one query)."""
        return self.competences.select_related("area__framework").order_by("area__framework__name", "code")
