"""Signal handlers of the public page cache (home/cache.py): publishing, unpublishing, moving or deleting a page
makes every copy stale, and so does a restriction of a page (Wagtail's privacy settings), an edit of a site (its
home page) or of a site setting (the organisation and its funders are in every footer), a change to what the map or
the charter page lists (a place, a mobile session or a series of them, a signature) or an adoption of a prototype
(its count shows on the prototype's page and on the library's cards). A sign-up, a cancellation or a promotion from
the waiting list changes only its page's places."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from community.places.models import CharterSignature, Permanence, PermanenceSeries, Structure
from core.site_settings import CachedSiteSetting
from network.prototypes.models import Adoption
from workshops.models import JourneyRegistration, Registration

from .cache import clear_page_cache, forget_page

page_published.connect(clear_page_cache)
page_unpublished.connect(clear_page_cache)
post_page_move.connect(clear_page_cache)
post_delete.connect(clear_page_cache, sender=Page, dispatch_uid="page-cache-page-deleted")
for model in (PageViewRestriction, Site, CharterSignature, Structure, Permanence, PermanenceSeries, Adoption):
    post_save.connect(clear_page_cache, sender=model, dispatch_uid=f"page-cache-{model.__name__}-saved")
    post_delete.connect(clear_page_cache, sender=model, dispatch_uid=f"page-cache-{model.__name__}-deleted")


def clear_page_cache_on_site_setting(sender, created=False, **kwargs):
    # A setting just created (by `for_site()`, on its first reading) changes nothing shown.
    if issubclass(sender, CachedSiteSetting) and not created:
        clear_page_cache()


post_save.connect(clear_page_cache_on_site_setting, dispatch_uid="page-cache-site-setting-saved")
post_delete.connect(clear_page_cache_on_site_setting, dispatch_uid="page-cache-site-setting-deleted")


def forget_signup_page(sender, instance, **kwargs):
    forget_page(instance.workshop if sender is Registration else instance.journey)


for model in (Registration, JourneyRegistration):
    post_save.connect(forget_signup_page, sender=model, dispatch_uid=f"page-cache-{model.__name__}-saved")
    post_delete.connect(forget_signup_page, sender=model, dispatch_uid=f"page-cache-{model.__name__}-deleted")
