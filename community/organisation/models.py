"""The collective's site settings: its name, contact, and the funders whose publicity every support carries."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.models import Orderable

from core.site_settings import CachedSiteSetting


@register_setting(icon="site")
class OrganisationSettings(CachedSiteSetting, ClusterableModel):
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
