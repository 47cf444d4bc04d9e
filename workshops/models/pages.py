"""Workshops and journeys (parcours): their pages and what the public sees of them."""

import enum

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.roles import ANIMATORS
from resources.blocks import BodyBlock

from .registration import Registration


class WorkshopIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["workshops.WorkshopPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des ateliers")

    def get_context(self, request, *args, **kwargs):
        from workshops.listings import workshop_agenda  # listings import the forms, which import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(workshop_agenda(request.GET))
        return context

    def calendar_workshops(self):
        """What <index URL>agenda.ics holds: every upcoming public workshop, in journeys too."""
        return WorkshopPage.objects.live().public().defer_streamfields().upcoming()


class JourneyPage(Page):
    summary = models.CharField(_("en bref"), max_length=300)
    body = StreamField(BodyBlock(), verbose_name=_("présentation"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    subpage_types = ["workshops.WorkshopPage"]

    class Meta:
        verbose_name = _("parcours")
        verbose_name_plural = _("parcours")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workshops"] = (
            WorkshopPage.objects.child_of(self).live().public().defer_streamfields().order_by("start")
        )
        return context


class WorkshopPageQuerySet(PageQuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start")

    def with_memory(self):
        return self.filter(has_memory=True).order_by("-start")


class SignupWindow(enum.StrEnum):
    NOT_YET_OPEN = "not-yet-open"
    OPEN = "open"
    CLOSED = "closed"
    PAST = "past"


class WorkshopPage(RoutablePageMixin, Page):
    class Format(models.TextChoices):
        EVENING = "soiree", _("Soirée")
        HALF_DAY = "demi-journee", _("Demi-journée")
        DAY = "journee", _("Journée")
        HIGHLIGHT = "temps-fort", _("Temps fort")

    summary = models.CharField(_("en bref"), max_length=300)
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.HALF_DAY)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    commune = models.CharField(_("commune"), max_length=120)
    capacity = models.PositiveIntegerField(_("nombre de places"), default=12)
    signup_opens = models.DateTimeField(
        _("ouverture des inscriptions"), null=True, blank=True, help_text=_("Vide : ouvertes dès la publication.")
    )
    signup_closes = models.DateTimeField(
        _("clôture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Vide : ouvertes jusqu'au début de l'atelier."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("objectifs et déroulé"), blank=True)
    memory_public = StreamField(
        BodyBlock(),
        verbose_name=_("mémoire de l'atelier (publique)"),
        blank=True,
        help_text=_("Ce qui a été vu, publié sous licence CC BY-SA 4.0."),
    )
    has_memory = models.BooleanField(default=False, editable=False)
    animators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("animateurs et animatrices"),
        related_name="animated_workshops",
        blank=True,
        limit_choices_to={"groups__name": ANIMATORS},
        help_text=_("Ils et elles voient les inscrits, notent les présences et impriment la feuille d'émargement."),
    )

    objects = PageManager.from_queryset(WorkshopPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("format"),
                FieldPanel("capacity"),
            ],
            heading=_("Quand"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("signup_opens"), FieldPanel("signup_closes")])], heading=_("Inscriptions")
        ),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("address"), FieldPanel("commune")], heading=_("Où")),
        FieldPanel("animators", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("memory_public"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("memory_public"),
        index.FilterField("commune"),
        index.FilterField("start"),
    ]
    parent_page_types = ["workshops.WorkshopIndexPage", "workshops.JourneyPage"]
    subpage_types = []
    # The page carries a sign-up form (CSRF token, live count of places): never from the shared page cache.
    cache_public_page = False

    class Meta:
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("La fin doit venir après le début.")})
        if self.signup_opens and self.signup_closes and self.signup_closes <= self.signup_opens:
            raise ValidationError({"signup_closes": _("La clôture doit venir après l'ouverture.")})
        if self.signup_closes and self.end and self.signup_closes > self.end:
            raise ValidationError(
                {"signup_closes": _("Les inscriptions ne peuvent pas rester ouvertes après l'atelier.")}
            )

    def save(self, *args, **kwargs):
        self.has_memory = bool(self.memory_public)
        super().save(*args, **kwargs)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def signup_closes_at(self):
        return self.signup_closes or self.start

    def signup_window(self, now=None):
        now = now or timezone.now()
        if self.end <= now:
            return SignupWindow.PAST
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
            from workshops.forms import SignupForm  # here: the forms module imports the models

            context["places_left"] = self.places_left()
            context["form"] = SignupForm()
        from workshops.attendance import can_manage

        context["can_manage"] = can_manage(request.user, self)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The form's CSRF token belongs to one visitor: no shared cache may keep this page.
        patch_cache_control(response, private=True)
        return response

    # The sign-up lives under the page's own URL, /ateliers/<slug>/inscription/; its views are in views.py
    # (imported in the methods: views import the models).
    @path("inscription/", name="signup")
    def signup_route(self, request):
        from workshops import views

        return views.signup(request, self)

    @path("inscription/merci/", name="signup_done")
    def signup_done_route(self, request):
        from workshops import views

        return views.signup_done(request, self)

    def calendar_workshops(self):
        """What <page URL>agenda.ics holds: this workshop."""
        return [self]
