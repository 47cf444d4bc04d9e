"""The sign-up e-mails (confirmation or waiting list, promotion, reminder, survey): plain text, in French.

Each function composes its message; workshops/tasks.py sends them.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from core.french import format_date
from core.links import absolute_url


def manage_url(registration):
    return absolute_url(reverse("workshops:manage", args=[registration.token]))


def survey_url(registration):
    return absolute_url(reverse("workshops:survey", args=[registration.token]))


def journey_manage_url(registration):
    return absolute_url(reverse("workshops:journey_manage", args=[registration.token]))


def signup(registration):
    if registration.status == registration.Status.WAITING:
        return _compose(registration, "waiting", _("Liste d'attente : %(title)s"))
    return _compose(registration, "confirmation", _("Inscription confirmée : %(title)s"))


def promotion(registration):
    return _compose(registration, "promotion", _("Une place s'est libérée : vous êtes inscrit·e à %(title)s"))


def reminder(registration):
    return _compose(registration, "reminder", _("Rappel : %(title)s, %(date)s"))


def survey(registration):
    return _compose(registration, "survey", _("Votre avis sur %(title)s (une minute)"))


def _compose(registration, template, subject):
    """One of the e-mails about a workshop sign-up."""
    workshop = registration.workshop
    with translation.override(settings.LANGUAGE_CODE):
        start = localtime(workshop.start)
        context = {
            "registration": registration,
            "workshop": workshop,
            "when": _("%(day)s, de %(start)s à %(end)s")
            % {
                "day": format_date(start, "l j F Y"),
                "start": date_format(start, "H\\hi"),
                "end": date_format(localtime(workshop.end), "H\\hi"),
            },
            "where": workshop.location(),
            "workshop_url": absolute_url(workshop.get_url() or ""),
            "manage_url": manage_url(registration),
            "survey_url": survey_url(registration),
            "position": registration.waiting_position(),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        body = render_to_string(f"workshops/emails/{template}.txt", context).strip() + "\n"
        subject = subject % {"title": workshop.title, "date": format_date(start, "l j F")}
    return EmailMessage(subject, body, to=[registration.email])


def journey_signup(registration):
    """Confirms an association's sign-up for a journey, with the link to see or cancel it."""
    journey = registration.journey
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "journey": journey,
            "journey_url": absolute_url(journey.get_url() or ""),
            "manage_url": journey_manage_url(registration),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        body = render_to_string("workshops/emails/journey_confirmation.txt", context).strip() + "\n"
        subject = _("Inscription au parcours : %(title)s") % {"title": journey.title}
    return EmailMessage(subject, body, to=[registration.email])


def announcement(delivery):
    """An animator's message to one person: to them alone, replies to the animator who wrote it."""
    message, registration = delivery.announcement, delivery.registration
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "message": message,
            "workshop": message.workshop,
            "workshop_url": absolute_url(message.workshop.get_url() or ""),
            "manage_url": manage_url(registration),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        body = render_to_string("workshops/emails/announcement.txt", context).strip() + "\n"
        subject = _("%(title)s : %(subject)s") % {"title": message.workshop.title, "subject": message.subject}
    reply_to = [message.reply_to] if message.reply_to else None
    return EmailMessage(subject, body, to=[registration.email], reply_to=reply_to)
