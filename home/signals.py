"""Signal handlers: publishing or unpublishing a page clears the public page cache, and so does a change to what
the charter page lists (a signature, or a signatory's name, commune or visibility) or an adoption of a prototype (its
count shows on the prototype's page and on the library's cards)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from community.places.models import CharterSignature, Structure
from network.prototypes.models import Adoption

from .cache import clear_page_cache

page_published.connect(clear_page_cache)
page_unpublished.connect(clear_page_cache)
for model in (CharterSignature, Structure, Adoption):
    post_save.connect(clear_page_cache, sender=model, dispatch_uid=f"page-cache-{model.__name__}-saved")
    post_delete.connect(clear_page_cache, sender=model, dispatch_uid=f"page-cache-{model.__name__}-deleted")
