"""The themes of workshops: their own tag links, so that the agenda lists the themes of workshops only."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class WorkshopTag(TaggedItemBase):
    content_object = ParentalKey("workshops.WorkshopPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        # Whether a theme is borne by one of the workshops the agenda lists, without reading them all (core/tags.py).
        indexes = [models.Index(fields=["tag", "content_object"], name="workshop_tag_page")]
