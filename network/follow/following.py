"""Following a page (a visitor by e-mail with double opt-in, a member from their account), confirming, changing the
rhythm, stopping, leaving altogether. Logs name the rows, never an address."""

import logging

from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.links import absolute_url
from network.digest import subscriptions
from resources.models import ToolSheetPage, WikiPage
from workshops.models import JourneyPage, WorkshopIndexPage

from . import tasks
from .models import Follow, Follower

logger = logging.getLogger(__name__)

FOLLOWABLE = (WikiPage, ToolSheetPage, WorkshopIndexPage, JourneyPage)


class NotFollowable(Exception):  # noqa: N818 — domain names, as the style guide asks
    def __init__(self):
        self.message = _(
            "Cette page ne peut pas être suivie : on suit une page du wiki, une fiche outil, l'agenda des ateliers "
            "ou un parcours."
        )
        super().__init__(self.message)


class NoAddress(Exception):  # noqa: N818
    def __init__(self):
        self.message = _("Votre compte n'a pas d'adresse e-mail : ajoutez-en une à votre profil pour suivre une page.")
        super().__init__(self.message)


def is_followable(page):
    kind = getattr(page, "specific_class", None)
    return kind is not None and issubclass(kind, FOLLOWABLE)


def followable_page(page_id):
    """The live public page of that id (a 404 otherwise), if it is of a kind one follows (NotFollowable otherwise)."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    if not is_followable(page):
        raise NotFollowable
    return page


def follow_by_email(page, email, rhythm):
    """A visitor asks to follow `page` at `rhythm`: the address gets a link to confirm, even when it already follows
    other pages (nobody adds pages to someone else's digest). The answer is the same either way."""
    now = timezone.now()

    def add(follower):
        follow, created = Follow.objects.get_or_create(
            follower=follower, page=page, defaults={"rhythm": rhythm, "created_at": now}
        )
        if not created and follow.confirmed_at is None:
            Follow.objects.filter(pk=follow.pk).update(rhythm=rhythm, created_at=now)
        return follow.confirmed_at is None

    return subscriptions.ask(Follower, email, tasks.send_confirmation, add=add)


def follow_as_member(page, user, rhythm):
    """A member follows `page` at `rhythm` from their account: no confirmation, they are logged in."""
    if not user.email:
        raise NoAddress
    now = timezone.now()
    with transaction.atomic():
        follower, _created = Follower.objects.get_or_create(
            user=user, defaults={"created_at": now, "consent_at": now, "confirmed_at": now}
        )
        follow, _created = Follow.objects.update_or_create(
            follower=follower,
            page=page,
            defaults={"rhythm": rhythm},
            create_defaults={"rhythm": rhythm, "created_at": now, "confirmed_at": now},
        )
    return follow


def confirm(follower):
    """The address confirmed (from its link): it and every follow it asked for are confirmed; twice changes nothing."""
    with transaction.atomic():
        subscriptions.confirm(follower)
        follower.follows.filter(confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    return follower


def pending(follower):
    return follower.follows.filter(confirmed_at__isnull=True)


def forget_unconfirmed(now=None):
    """Forgets the addresses, and the follows, never confirmed within a week."""
    now = now or timezone.now()
    forgotten = subscriptions.forget_unconfirmed(now, Follower)
    Follow.objects.filter(confirmed_at__isnull=True, created_at__lt=now - subscriptions.UNCONFIRMED_KEPT).delete()
    return forgotten


def reachable():
    return subscriptions.reachable(Follower)


def follows_of(follower):
    """What the follower follows (confirmed), with the pages' titles and URLs in one query."""
    return list(
        follower.follows.filter(confirmed_at__isnull=False).select_related("page").order_by("page__title", "pk")
    )


def set_rhythm(follow, rhythm):
    Follow.objects.filter(pk=follow.pk).update(rhythm=rhythm)


def stop(follow):
    """Stops following one page."""
    follow.delete()


def leave(follower):
    """Stops following everything: a visitor's address is deleted with its follows, nothing personal is kept."""
    logger.info("%s left.", follower)
    follower.delete()


def of_member(user):
    """The member's follower row, or None."""
    return Follower.objects.filter(user=user).first() if user.is_authenticated else None


def follow_of(user, page):
    """The member's follow of that page, or None."""
    return Follow.objects.filter(follower__user=user, page=page).first()


def member_data(user):
    """What a member's export holds of their follows."""
    follower = of_member(user)
    if follower is None:
        return []
    return [
        {
            "page": follow.page.title,
            "url": absolute_url(follow.page.url or ""),
            "rythme": follow.rhythm,
            "depuis": follow.created_at.isoformat(),
        }
        for follow in follows_of(follower)
    ]


def confirmed_followers(rhythm):
    """The followers who are told at `rhythm`: confirmed, with a confirmed follow of that rhythm, and an address."""
    return (
        Follower.objects.filter(confirmed_at__isnull=False, follows__rhythm=rhythm, follows__confirmed_at__isnull=False)
        .exclude(Q(user__isnull=False) & (Q(user__email="") | Q(user__is_active=False)))
        .distinct()
    )
