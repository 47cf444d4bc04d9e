"""The digest's e-mails, in French: the confirmation link (plain text), and the monthly digest (plain text and HTML,
with the one-click unsubscription of RFC 8058 in its headers)."""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.links import absolute_url

from . import links
from .contents import Month, contents


def confirm_url(subscription):
    return absolute_url(reverse("digest:confirm", args=[subscription.token]))


def unsubscribe_url(subscription):
    return absolute_url(reverse("digest:unsubscribe", args=[subscription.token]))


def confirmation(subscription):
    with translation.override(settings.LANGUAGE_CODE):
        context = {"confirm_url": confirm_url(subscription), "site_name": settings.WAGTAIL_SITE_NAME}
        body = render_to_string("digest/emails/confirmation.txt", context).strip() + "\n"
        subject = _("Confirmez votre abonnement à la lettre de %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
    return EmailMessage(subject, body, to=[subscription.email])


def _linked(pages):
    for page in pages:
        page.absolute_url = absolute_url(page.get_url() or "")
    return pages


def digest(delivery):
    """The digest of the delivery's month for its address."""
    subscription = delivery.subscription
    month = Month(delivery.month.year, delivery.month.month)
    found = contents(month)
    leave_url = unsubscribe_url(subscription)
    with translation.override(settings.LANGUAGE_CODE):
        month_name = date_format(month.first_day, "F Y")
        context = {
            "month_name": month_name,
            "news": _linked(found.news),
            "workshops": _linked(found.workshops),
            "tool_sheets": _linked(found.tool_sheets),
            "unsubscribe_url": leave_url,
            "subscribe_url": absolute_url(reverse("digest:subscribe")),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        text = render_to_string("digest/emails/digest.txt", context).strip() + "\n"
        html = render_to_string("digest/emails/digest.html", context)
        subject = _("La lettre de %(site)s : %(month)s") % {"site": settings.WAGTAIL_SITE_NAME, "month": month_name}
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[subscription.email],
        headers=links.one_click_headers(leave_url),
    )
    message.attach_alternative(html, "text/html")
    return message
