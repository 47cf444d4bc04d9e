"""Signal handlers: publishing a workshop (with more places, say) hands free places to the waiting list."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import WorkshopPage
from .signup import promote_waiting


@receiver(page_published, sender=WorkshopPage)
def promote_waiting_after_publishing(sender, instance, **kwargs):
    promote_waiting(instance)
