"""Signal handlers: publishing a workshop (with more places, say) hands free places to the waiting list; publishing
it cancelled tells its people, once."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import WorkshopPage
from .series import tell_cancellation
from .signup import promote_waiting


@receiver(page_published, sender=WorkshopPage)
def promote_waiting_after_publishing(sender, instance, **kwargs):
    promote_waiting(instance)


@receiver(page_published, sender=WorkshopPage)
def tell_cancellation_after_publishing(sender, instance, revision=None, **kwargs):
    tell_cancellation(instance, getattr(revision, "user", None))
