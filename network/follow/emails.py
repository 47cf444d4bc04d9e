"""The follows' e-mails, in French: the confirmation link (plain text), and the digest of changes (plain text and
HTML, with the one-click unsubscription of RFC 8058 in its headers)."""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.links import absolute_url
from network.digest.links import one_click_headers

from . import changes
from .models import Rhythm


def link(name, follower):
    return absolute_url(reverse(f"follow:{name}", args=[follower.token]))


def confirmation(follower):
    pending = follower.follows.filter(confirmed_at__isnull=True).select_related("page").order_by("page__title")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "confirm_url": link("confirm", follower),
            "titles": [follow.page.title for follow in pending],
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        body = render_to_string("follow/emails/confirmation.txt", context).strip() + "\n"
        subject = _("Confirmez le suivi de pages sur %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
    return EmailMessage(subject, body, to=[follower.email])


def digest(delivery):
    """What changed on the pages the follower follows at the delivery's rhythm, in its window."""
    follower = delivery.follower
    follows = list(changes.told(follower.follows.all(), delivery.rhythm))
    leave_url = link("unsubscribe", follower)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "pages": changes.changes(follows, delivery.since, delivery.until),
            "daily": delivery.rhythm == Rhythm.DAILY,
            "manage_url": link("manage", follower) if not follower.user_id else absolute_url(reverse("follow:mine")),
            "unsubscribe_url": leave_url,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        text = render_to_string("follow/emails/digest.txt", context).strip() + "\n"
        html = render_to_string("follow/emails/digest.html", context)
        subject = _("Ce qui a changé sur les pages que vous suivez — %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
    message = EmailMultiAlternatives(subject, text, to=[follower.address], headers=one_click_headers(leave_url))
    message.attach_alternative(html, "text/html")
    return message
