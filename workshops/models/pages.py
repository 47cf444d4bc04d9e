"""Workshops and journeys (parcours): their pages and what the public sees of them."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import StreamBlock
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from community.members.page_rights import CoordinatorsPagePermissionTester
from community.members.roles import ANIMATORS
from core import sites
from core.choices import ChoiceLabels
from core.pages import CARD_FIELDS, PageQuerySet, SitePage, SitePageManager, is_private, pages
from network.prototypes.models import PrototypePage
from resources.blocks import BodyBlock, CaptionedImageBlock, DocumentBlock
from resources.models import LICENCE_URLS, Licence
from resources.search_text import SearchTextMixin

from .. import journeys, routes
from ..admin_forms import WorkshopPageForm
from ..attendance import can_manage
from ..forms import JourneySignupForm, SignupForm
from ..listings import workshop_agenda
from ..permissions import WorkshopPagePermissionTester
from .choices import Format, SignupWindow, Stage
from .registration import Registration
from .series import WorkshopSeries
from .tags import WorkshopTag

# A longer programme is a journey of workshops.
LONGEST_WORKSHOP = datetime.timedelta(days=14)
# What a workshop's card shows (its date, place and cancellation besides a page's).
WORKSHOP_CARD_FIELDS = (*CARD_FIELDS, "start", "commune", "is_cancelled")


class WorkshopIndexPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["workshops.WorkshopPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des ateliers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(workshop_agenda(WorkshopPage.objects.live().public().only(*WORKSHOP_CARD_FIELDS), request.GET))
        return context

    def calendar_workshops(self):
        """What <index URL>agenda.ics holds: every upcoming public workshop, in journeys too."""
        return (
            WorkshopPage.objects.live().public().defer_streamfields().select_related("structure", "series").upcoming()
        )

    def permissions_for_user(self, user):
        return CoordinatorsPagePermissionTester(user, self)


class SignupFormPage(RoutablePageMixin, SitePage):
    """A page carrying a public sign-up form, posted to <page URL>inscription/ and thanked at inscription/merci/.

    `signup_views` names the two views of routes.py that serve them.
    """

    signup_views = ("signup", "signup_done")

    class Meta:
        abstract = True

    @path("inscription/", name="signup")
    def signup_route(self, request):
        return getattr(routes, self.signup_views[0])(request, self)

    @path("inscription/merci/", name="signup_done")
    def signup_done_route(self, request):
        return getattr(routes, self.signup_views[1])(request, self)


class JourneyIndexPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["workshops.JourneyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des parcours")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["journeys"] = JourneyPage.objects.child_of(self).live().public().defer_streamfields().order_by("title")
        return context

    def permissions_for_user(self, user):
        return CoordinatorsPagePermissionTester(user, self)


class JourneyPage(SearchTextMixin, SignupFormPage):
    summary = models.CharField(_("en bref"), max_length=300)
    body = StreamField(BodyBlock(), verbose_name=_("présentation"), blank=True)
    territory = models.TextField(
        _("territoire"),
        blank=True,
        max_length=4000,
        help_text=_("Les communes dont les associations peuvent rejoindre le parcours, une par ligne. Vide : toutes."),
    )
    is_open = models.BooleanField(
        _("inscriptions des associations ouvertes"),
        default=True,
        help_text=_("Décochez pour ne plus accepter d'inscriptions au parcours entier."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("stages", label=_("Étapes du parcours"), heading=_("Étapes, dans l'ordre")),
        FieldPanel("territory"),
        FieldPanel("is_open"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("territory"),
    ]
    parent_page_types = ["workshops.JourneyIndexPage"]
    # Its final report (indicators/models.py), named, not imported: the figures read the workshops.
    subpage_types = ["workshops.WorkshopPage", "indicators.JourneyReportPage"]
    signup_views = ("journey_signup", "journey_signup_done")

    class Meta:
        verbose_name = _("parcours")
        verbose_name_plural = _("parcours")

    def communes(self):
        """The territory's communes, in the order given, without blank lines or repeats."""
        seen = {}
        for line in self.territory.splitlines():
            name = " ".join(line.split())
            if name and name.casefold() not in seen:
                seen[name.casefold()] = name
        return list(seen.values())

    def workshops(self):
        return (
            WorkshopPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("structure")
            .order_by("start")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["timeline"] = timeline = journeys.timeline(self)
        context["can_join"] = self.is_open
        if self.is_open and "journey_form" not in context:
            context["journey_form"] = JourneySignupForm(journey=self)
        context["can_manage"] = journeys.can_manage(request.user, self)
        # Its published documents other than workshops: the final report, once written. None to look for when its
        # children are all the workshops the timeline shows, as most often.
        shown = sum(len(step.workshops) for step in timeline)
        context["documents"] = (
            pages().child_of(self).live().public().not_type(WorkshopPage).only("title", "url_path")
            if self.numchild > shown
            else []
        )
        return context

    def calendar_workshops(self):
        """What <journey URL>agenda.ics holds: its upcoming workshops."""
        return self.workshops().select_related("series").upcoming()

    def permissions_for_user(self, user):
        return CoordinatorsPagePermissionTester(user, self)


class FeaturedPrototype(Orderable):
    """A prototype a temps fort presents (WorkshopPageForm refuses them on other formats)."""

    workshop = ParentalKey("workshops.WorkshopPage", related_name="featured_prototypes", on_delete=models.CASCADE)
    prototype = models.ForeignKey(
        PrototypePage, verbose_name=_("prototype"), related_name="featured_in", on_delete=models.CASCADE
    )

    panels = [FieldPanel("prototype")]

    class Meta(Orderable.Meta):
        verbose_name = _("prototype présenté")
        verbose_name_plural = _("prototypes présentés")


class JourneyStage(ChoiceLabels, Orderable):
    journey = ParentalKey(JourneyPage, related_name="stages", on_delete=models.CASCADE)
    kind = models.CharField(_("étape"), max_length=30, choices=Stage.choices)
    description = models.TextField(_("description"), blank=True, max_length=4000)

    panels = [FieldPanel("kind"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("étape")
        verbose_name_plural = _("étapes")

    def __str__(self):
        return self.get_kind_display()


class WorkshopPageQuerySet(PageQuerySet):
    def upcoming(self):
        """Those not over yet, soonest first. The bound on the start, which a workshop's longest duration makes
        true anyway, lets the database read them from the index on the start without going through the past."""
        now = timezone.now()
        return self.filter(end__gte=now, start__gte=now - LONGEST_WORKSHOP).order_by("start")

    def past(self):
        """Those over, latest first (a workshop over began before now: the index on the start again)."""
        now = timezone.now()
        return self.filter(end__lt=now, start__lt=now).order_by("-start")

    def with_memory(self):
        return self.filter(has_memory=True).order_by("-start")


class MemoryMediaBlock(StreamBlock):
    photo = CaptionedImageBlock(label=_("Photo"))
    document = DocumentBlock()


class WorkshopPage(SearchTextMixin, SignupFormPage):
    summary = models.CharField(_("en bref"), max_length=300)
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.HALF_DAY)
    structure = models.ForeignKey(
        "places.Structure",
        verbose_name=_("structure d'accueil"),
        related_name="workshops",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("Un lieu de la carte ; sinon, indiquez le lieu et l'adresse ci-dessous."),
    )
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    commune = models.CharField(_("commune"), max_length=120)
    capacity = models.PositiveIntegerField(_("nombre de places"), default=12)
    audience = models.CharField(
        _("public"), max_length=200, blank=True, help_text=_("Par exemple : bénévoles et salariés d'associations.")
    )
    objectives = models.TextField(_("objectifs"), blank=True, max_length=4000, help_text=_("Un objectif par ligne."))
    stage = models.CharField(
        _("étape du parcours"),
        max_length=30,
        choices=Stage.choices,
        blank=True,
        help_text=_("Pour un atelier d'un parcours : l'étape à laquelle il appartient."),
    )
    tags = ClusterTaggableManager(through=WorkshopTag, blank=True, verbose_name=_("thèmes"))
    signup_opens = models.DateTimeField(
        _("ouverture des inscriptions"), null=True, blank=True, help_text=_("Vide : ouvertes dès la publication.")
    )
    signup_closes = models.DateTimeField(
        _("clôture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Vide : ouvertes jusqu'au début de l'atelier."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("déroulé"), blank=True)
    memory_public = StreamField(
        BodyBlock(),
        verbose_name=_("mémoire de l'atelier (publique)"),
        blank=True,
        help_text=_("Ce qui a été vu, publié sous licence CC BY-SA 4.0."),
    )
    memory_media = StreamField(
        MemoryMediaBlock(),
        verbose_name=_("photos et fichiers (publics)"),
        blank=True,
        help_text=_("Seulement ce qui peut être partagé : l'accord des personnes photographiées est recueilli."),
    )
    memory_participants = StreamField(
        BodyBlock(),
        verbose_name=_("mémoire réservée aux participants"),
        blank=True,
        help_text=_(
            "Ce qui ne se partage pas publiquement : les personnes venues le lisent depuis le lien de leur "
            "inscription, les animateurs depuis cette page."
        ),
    )
    tools_used = ParentalManyToManyField(
        "resources.ToolSheetPage", verbose_name=_("fiches outils utilisées"), related_name="workshops", blank=True
    )
    has_memory = models.BooleanField(default=False, editable=False)
    # An occurrence of a recurring workshop: its original start is the iCalendar RECURRENCE-ID, kept when it moves.
    series = models.ForeignKey(
        WorkshopSeries,
        verbose_name=_("série"),
        related_name="occurrences",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
    )
    original_start = models.DateTimeField(_("début prévu par la série"), null=True, blank=True, editable=False)
    # Claimed before its people are told, so the cancellation's e-mails leave once.
    cancellation_told_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_cancelled = models.BooleanField(
        _("annulé"),
        default=False,
        help_text=_("L'atelier reste affiché comme annulé ; les inscriptions sont fermées, aucune n'est effacée."),
    )
    animators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("animateurs et animatrices"),
        related_name="animated_workshops",
        blank=True,
        limit_choices_to={"groups__name": ANIMATORS},
        help_text=_("Ils et elles voient les inscrits, notent les présences et impriment la feuille d'émargement."),
    )

    objects = SitePageManager.from_queryset(WorkshopPageQuerySet)()

    base_form_class = WorkshopPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("format"),
                FieldPanel("capacity"),
                FieldPanel("is_cancelled"),
            ],
            heading=_("Quand"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("signup_opens"), FieldPanel("signup_closes")])], heading=_("Inscriptions")
        ),
        MultiFieldPanel(
            [FieldPanel("structure"), FieldPanel("place"), FieldPanel("address"), FieldPanel("commune")],
            heading=_("Où"),
        ),
        FieldPanel("animators", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("objectives"), FieldPanel("stage"), FieldPanel("tags")],
            heading=_("Pour qui, pour quoi"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "featured_prototypes",
            label=_("Prototype"),
            heading=_("Prototypes présentés (temps fort seulement)"),
            help_text=_("Les prototypes des centres que ce temps fort présente, dans l'ordre où ils s'affichent."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("memory_public"),
                FieldPanel("memory_media"),
                FieldPanel("tools_used", widget=forms.CheckboxSelectMultiple),
                FieldPanel("memory_participants"),
            ],
            heading=_("Après l'atelier : la mémoire"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("memory_public"),
        index.SearchField("audience"),
        index.SearchField("objectives"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("commune"),
        index.FilterField("start"),
    ]
    parent_page_types = ["workshops.WorkshopIndexPage", "workshops.JourneyPage"]
    subpage_types = []
    memory_licence = Licence.CC_BY_SA

    class Meta:
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")
        # The agenda, the home page and the dashboard read workshops by date, the memories by date among those
        # that have one: by index, not by reading them all. The end beside the start: the agenda counts the
        # upcoming ones (up to a thousand) from the index alone.
        indexes = [
            models.Index(fields=["start", "end"], name="workshop_start_end"),
            models.Index(fields=["end"], name="workshop_end"),
            models.Index(fields=["start"], condition=Q(has_memory=True), name="workshop_memory_start"),
        ]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("La fin doit venir après le début.")})
        if self.start and self.end and self.end - self.start > LONGEST_WORKSHOP:
            raise ValidationError(
                {
                    "end": _("Un atelier dure au plus %(days)s jours : pour un programme plus long, créez un parcours.")
                    % {"days": LONGEST_WORKSHOP.days}
                }
            )
        if self.signup_opens and self.signup_closes and self.signup_closes <= self.signup_opens:
            raise ValidationError({"signup_closes": _("La clôture doit venir après l'ouverture.")})
        if self.signup_closes and self.end and self.signup_closes > self.end:
            raise ValidationError(
                {"signup_closes": _("Les inscriptions ne peuvent pas rester ouvertes après l'atelier.")}
            )

    def save(self, *args, **kwargs):
        # The public memory; the participants' part is read from their own sign-up page.
        self.has_memory = bool(self.memory_public or self.memory_media)
        super().save(*args, **kwargs)

    # Set by operations, not by the editor: a revision (older, or opened before) never brings them back.
    KEPT_FROM_DATABASE = ("series_id", "original_start", "cancellation_told_at")

    def with_content_json(self, content):
        page = super().with_content_json(content)
        if self.pk:
            current = WorkshopPage.objects.filter(pk=self.pk).values(*self.KEPT_FROM_DATABASE).first() or {}
            for name, value in current.items():
                setattr(page, name, value)
        return page

    @property
    def memory_licence_url(self):
        return LICENCE_URLS[self.memory_licence]

    def location(self):
        """Where it takes place, in one line: the place (or the structure), its address, the commune."""
        place = self.place or (self.structure.name if self.structure else "")
        address = self.address or (self.structure.address if self.structure else "")
        return ", ".join(part for part in (place, address, self.commune) if part)

    def objective_list(self):
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def signup_closes_at(self):
        return self.signup_closes or self.start

    @property
    def is_moved(self):
        """An occurrence held at another time than its series planned."""
        return self.original_start is not None and self.start != self.original_start

    def changes_by_itself_at(self):
        """When the page changes with no one editing it: its sign-up window opens, closes, the workshop ends (the
        public page cache keeps no copy past them)."""
        return (self.signup_opens, self.signup_closes_at, self.end)

    def signup_window(self, now=None):
        now = now or timezone.now()
        if self.end <= now:
            return SignupWindow.PAST
        if self.is_cancelled:
            return SignupWindow.CLOSED
        if self.signup_opens and now < self.signup_opens:
            return SignupWindow.NOT_YET_OPEN
        if now >= self.signup_closes_at:
            return SignupWindow.CLOSED
        return SignupWindow.OPEN

    def places_left(self):
        confirmed = self.registrations.filter(status=Registration.Status.CONFIRMED).count()
        return max(self.capacity - confirmed, 0)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        window = self.signup_window()
        context["signup_window"] = window
        if window == SignupWindow.OPEN:
            context["places_left"] = self.places_left()
            context["form"] = SignupForm()
        context["can_manage"] = can_manage(request.user, self)
        # The parent as routing read it: its title and address are all the page shows of a journey.
        parent = self.get_parent()
        context["journey"] = parent if issubclass(parent.specific_class, JourneyPage) else None
        context["agenda_url"] = self.agenda_url(parent, request)
        context["featured_prototypes"] = self.presented_prototypes() if self.format == Format.HIGHLIGHT else []
        if self.has_memory or context["can_manage"]:
            context["tools_used"] = self.tools_used.live().public().order_by("title")
            context["memory_authors"] = self.memory_authors()
        return context

    def agenda_url(self, parent, request):
        """The address of the workshops' agenda, when live and public: the one workshop index, most often the
        parent."""
        if issubclass(parent.specific_class, WorkshopIndexPage):
            return parent.get_url(request) if parent.live and not is_private(parent) else ""
        return sites.index_url(WorkshopIndexPage, request)

    def presented_prototypes(self):
        """The live, public prototypes this temps fort features, in its order, with their structures (one query)."""
        return (
            PrototypePage.objects.live()
            .public()
            .filter(featured_in__workshop=self)
            .defer_streamfields()
            .select_related("structure")
            # Rows written outside the editor (the demo) have no sort_order: their creation order decides.
            .order_by("featured_in__sort_order", "featured_in__pk")
        )

    def memory_authors(self):
        """The attribution of the memory: its animators' names."""
        return [person.get_full_name() or person.get_username() for person in self.animators.order_by("last_name")]

    def calendar_workshops(self):
        """What <page URL>agenda.ics holds: this workshop."""
        return [self]

    def permissions_for_user(self, user):
        return WorkshopPagePermissionTester(user, self)
