"""Signal handlers: the footer's funders (funders.py) are forgotten when a funder or the collective's settings are
saved or deleted, an image (an emblem's file) is saved or deleted, or a rendition deleted."""

from django.db.models.signals import post_delete, post_save
from wagtail.images.models import Image, Rendition

from core import fragments

from .funders import FUNDERS
from .models import Funder, OrganisationSettings

forget_funders = fragments.forgetting(FUNDERS)

for model in (OrganisationSettings, Funder, Image):
    post_save.connect(forget_funders, sender=model)
    post_delete.connect(forget_funders, sender=model)
post_delete.connect(forget_funders, sender=Rendition)
