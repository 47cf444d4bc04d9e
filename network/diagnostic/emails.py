"""The result of a diagnostic by e-mail, plain text in French, recomputed from the answers held for sending."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.links import absolute_url

from . import assessment, suggestions


def result(pending):
    """The e-mail of a PendingEmail: what the person does already, what comes next, and where to learn it."""
    with translation.override(settings.LANGUAGE_CODE):
        answers = assessment.decode(pending.answers, assessment.questions())
        assessed = assessment.assess(answers)
        suggested = suggestions.suggest(assessed, pending.commune)
        context = {
            "assessment": assessed,
            "suggestions": suggested,
            "workshops": [(w, absolute_url(w.get_url() or "")) for w in suggested.workshops],
            "tool_sheets": [(s, absolute_url(s.get_url() or "")) for s in suggested.tool_sheets],
            "map_url": absolute_url(reverse("places:map")),
            "diagnostic_url": absolute_url(reverse("diagnostic:start")),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        body = render_to_string("diagnostic/emails/result.txt", context).strip() + "\n"
        subject = _("Votre diagnostic numérique")
    return EmailMessage(subject, body, to=[pending.email])
