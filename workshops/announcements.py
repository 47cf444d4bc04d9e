"""Animators write to a workshop's people: each person gets an e-mail of their own, through the queue, and a reply
goes to the animator who wrote, never to the others. The messages stay on the workshop's management page."""

from functools import partial

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from .models import Announcement, AnnouncementDelivery, Registration
from .tasks import send_announcement


class NobodyToWrite(Exception):  # noqa: N818 — domain names, as the style guide asks
    def __init__(self):
        self.message = _("Personne n'est dans ce groupe pour l'instant : le message n'est pas envoyé.")
        super().__init__(self.message)


def audience_sizes(workshop):
    """How many people each audience holds now, by audience."""
    counts = dict(
        Registration.objects.filter(workshop=workshop, status__in=Announcement.Audience.values)
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    return {audience: counts.get(audience, 0) for audience in Announcement.Audience.values}


@transaction.atomic
def announce(workshop, audience, subject, body, author):
    """Writes to the people of `audience` (confirmed or waiting); their e-mails leave once committed."""
    people = list(Registration.objects.filter(workshop=workshop, status=audience).values_list("pk", flat=True))
    if not people:
        raise NobodyToWrite
    announcement = Announcement.objects.create(
        workshop=workshop, audience=audience, subject=subject, body=body, author=author, reply_to=author.email
    )
    AnnouncementDelivery.objects.bulk_create(
        AnnouncementDelivery(announcement=announcement, registration_id=pk) for pk in people
    )
    for delivery_id in announcement.deliveries.values_list("pk", flat=True):
        transaction.on_commit(partial(send_announcement.enqueue, delivery_id))
    return announcement


def sent(workshop):
    """The workshop's messages, newest first, with how many people each was for and how many e-mails left."""
    return (
        Announcement.objects.filter(workshop=workshop)
        .select_related("author__member_profile")
        .annotate(
            recipients=Count("deliveries"),
            delivered=Count("deliveries", filter=Q(deliveries__sent_at__isnull=False)),
        )
    )
