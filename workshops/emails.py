"""The sign-up e-mails (confirmation or waiting list, promotion, reminder, survey): plain text, in French."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from core.links import absolute_url

logger = logging.getLogger(__name__)


def manage_url(registration):
    return absolute_url(reverse("workshops:manage", args=[registration.token]))


def survey_url(registration):
    return absolute_url(reverse("workshops:survey", args=[registration.token]))


def journey_manage_url(registration):
    return absolute_url(reverse("workshops:journey_manage", args=[registration.token]))


def send_signup(registration):
    if registration.status == registration.Status.WAITING:
        return _send(registration, "waiting", _("Liste d'attente : %(title)s"))
    return _send(registration, "confirmation", _("Inscription confirmée : %(title)s"))


def send_promotion(registration):
    return _send(registration, "promotion", _("Une place s'est libérée : vous êtes inscrit·e à %(title)s"))


def send_reminder(registration):
    return _send(registration, "reminder", _("Rappel : %(title)s, %(date)s"))


def send_survey(registration):
    return _send(registration, "survey", _("Votre avis sur %(title)s (une minute)"))


def send_once(registrations, sent_field, send, now, **still_due):
    """Sends `send(registration)` to each, marking `sent_field` first so that two runs at once send one e-mail;
    a failed e-mail is unmarked for the next run. `still_due`: conditions checked again when marking.
    Returns how many were sent."""
    model = registrations.model
    sent = 0
    for registration in registrations:
        claimed = model.objects.filter(pk=registration.pk, **{f"{sent_field}__isnull": True}, **still_due).update(
            **{sent_field: now}
        )
        if not claimed:
            continue
        if send(registration):
            sent += 1
        else:
            model.objects.filter(pk=registration.pk).update(**{sent_field: None})
    return sent


def _send(registration, template, subject):
    """Sends one of the e-mails about a workshop sign-up."""
    workshop = registration.workshop
    with translation.override(settings.LANGUAGE_CODE):
        start = localtime(workshop.start)
        context = {
            "registration": registration,
            "workshop": workshop,
            "when": _("%(day)s, de %(start)s à %(end)s")
            % {
                "day": date_format(start, "l j F Y"),
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
        subject = subject % {"title": workshop.title, "date": date_format(start, "l j F")}
    return _deliver(subject, body, registration, template)


def send_journey_signup(registration):
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
    return _deliver(subject, body, registration, "journey confirmation")


def _deliver(subject, body, registration, label):
    """Sends one e-mail; a failure is logged without the address and reported as False."""
    try:
        send_mail(subject, body, None, [registration.email])
    except (smtplib.SMTPException, OSError) as error:
        logger.error(
            "The %s e-mail of sign-up %s could not be sent (%s).", label, registration.pk, type(error).__name__
        )
        return False
    return True
