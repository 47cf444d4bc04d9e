"""Signal handlers: publishing or unpublishing a page clears the public page cache, and so does an adoption of a
prototype (its count shows on the prototype's page and on the library's cards)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from network.prototypes.models import Adoption

from .cache import clear_page_cache

page_published.connect(clear_page_cache)
page_unpublished.connect(clear_page_cache)
post_save.connect(clear_page_cache, sender=Adoption)
post_delete.connect(clear_page_cache, sender=Adoption)
