"""Signal handlers: publishing a workshop (with more places, say) hands free places to the waiting list; publishing
it cancelled tells its people, once. Every change of a sign-up, an attendance or an opinion, and every save, unpublish
or move of a workshop's page, writes the workshop's tally again (workshops/tallies.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import tallies
from .models import Registration, SatisfactionResponse, WorkshopPage
from .series import tell_cancellation
from .signup import promote_waiting

# The fields of a sign-up, and of a workshop's page, that its tally depends on: saving others changes nothing.
TALLIED_SIGNUP_FIELDS = {"workshop", "workshop_id", "status", "attendance", "structure", "commune", "email"}
TALLIED_PAGE_FIELDS = {"start", "live", "structure", "structure_id", "stage", "path"}


@receiver(page_published, sender=WorkshopPage)
def promote_waiting_after_publishing(sender, instance, **kwargs):
    promote_waiting(instance)


@receiver(page_published, sender=WorkshopPage)
def tell_cancellation_after_publishing(sender, instance, revision=None, **kwargs):
    tell_cancellation(instance, getattr(revision, "user", None))


@receiver(post_save, sender=Registration)
def recount_after_saving_a_signup(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or not TALLIED_SIGNUP_FIELDS.isdisjoint(update_fields):
        # An address changed leaves the person's other workshops, whose tallies count them too.
        former = getattr(instance, "email_as_read", None)
        tallies.recount([instance.workshop_id], [former] if former and former != instance.email else ())
        instance.email_as_read = instance.email


@receiver(post_delete, sender=Registration)
def recount_after_deleting_a_signup(sender, instance, **kwargs):
    tallies.recount([instance.workshop_id], [instance.email] if instance.email else ())


@receiver(post_save, sender=SatisfactionResponse)
@receiver(post_delete, sender=SatisfactionResponse)
def recount_after_an_opinion(sender, instance, **kwargs):
    tallies.recount_signups([instance.registration_id])


@receiver(post_save, sender=WorkshopPage)
def record_after_saving_a_workshop(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or not TALLIED_PAGE_FIELDS.isdisjoint(update_fields):
        tallies.record([instance.pk])


# Wagtail may save the generic page only: its specific class is the sender of these.
@receiver(page_unpublished, sender=WorkshopPage)
@receiver(post_page_move, sender=WorkshopPage)
def record_after_unpublishing_or_moving_a_workshop(sender, instance, **kwargs):
    tallies.record([instance.pk])
