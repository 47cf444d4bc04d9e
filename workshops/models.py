"""Workshops and journeys (parcours): their pages and what the public sees of them."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from resources.blocks import BodyBlock


class WorkshopIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["workshops.WorkshopPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des ateliers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        workshops = WorkshopPage.objects.live().public().defer_streamfields()
        context["upcoming"] = workshops.upcoming()
        context["past"] = workshops.filter(end__lt=timezone.now()).order_by("-start")
        return context


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


class WorkshopPage(Page):
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
    body = StreamField(BodyBlock(), verbose_name=_("objectifs et déroulé"), blank=True)
    memory_public = StreamField(
        BodyBlock(),
        verbose_name=_("mémoire de l'atelier (publique)"),
        blank=True,
        help_text=_("Ce qui a été vu, publié sous licence CC BY-SA 4.0."),
    )
    has_memory = models.BooleanField(default=False, editable=False)

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
        MultiFieldPanel([FieldPanel("place"), FieldPanel("address"), FieldPanel("commune")], heading=_("Où")),
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

    class Meta:
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")

    def save(self, *args, **kwargs):
        self.has_memory = bool(self.memory_public)
        super().save(*args, **kwargs)

    @property
    def is_past(self):
        return self.end < timezone.now()
