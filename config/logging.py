"""Private tokens stay out of the logs: a filter that redacts them in every record's message and request.

The private links (see the urls.py files, `<slug:token>` and `<str:token>`): one's workshop sign-up
(/inscription/<token>/…), an association's journey sign-up (/inscription/parcours/<token>/), an invitation
(/compte/invitation/<token>/), a digest subscription's or a follower's links (/lettre/confirmer/<token>/,
/lettre/desinscription/<token>/, /suivre/confirmer|gerer|desinscription/<token>/) and a password reset
(/compte/reset/<uidb64>/<token>/, and the Wagtail admin's /admin/password_reset/confirm/<uidb64>/<token>/).
Whoever reads a log must not be able to open them. LOGGING (config/settings/base.py) puts the filter on every
handler; gunicorn's logger (config/gunicorn.py) runs it too.
"""

import copy
import logging
import re

REDACTED = "[token]"

# A path starts after a space, a quote, an equals sign or a parenthesis (log lines, request lines, Referer), at the
# start of the text, or after a scheme and host (absolute URLs).
_START = r"(?P<lead>^|[\s\"'=(,]|//[^/\s\"']+)"
_SEGMENT = r"[^/\s\"'?#]+"
PRIVATE_PATHS = [
    # /inscription/parcours/<token>/ before /inscription/<token>/, which would take "parcours" for the token.
    re.compile(_START + r"(?P<path>/inscription/parcours/)" + _SEGMENT),
    re.compile(_START + r"(?P<path>/inscription/)(?!parcours/)" + _SEGMENT),
    re.compile(_START + r"(?P<path>/compte/invitation/)" + _SEGMENT),
    re.compile(_START + r"(?P<path>/lettre/(?:confirmer|desinscription)/)" + _SEGMENT),
    re.compile(_START + r"(?P<path>/suivre/(?:confirmer|gerer|desinscription)/)" + _SEGMENT),
    re.compile(_START + r"(?P<path>/compte/reset/)" + _SEGMENT + "/" + _SEGMENT),
    re.compile(_START + r"(?P<path>/admin/password_reset/confirm/)" + _SEGMENT + "/" + _SEGMENT),
]


def redact(text):
    """`text` with the token of every private path replaced by [token]."""
    if not isinstance(text, str) or "/" not in text:
        return text
    for pattern in PRIVATE_PATHS:
        text = pattern.sub(lambda match: match["lead"] + match["path"] + REDACTED, text)
    return text


class RedactPrivateTokens(logging.Filter):
    """Rewrites the record in place, so every handler after this one sees it redacted too."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_text = redact(record.exc_text)
        record.stack_info = redact(record.stack_info)
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "META"):
            record.request = _redacted_request(request)
        return True


def _redacted_request(request):
    """A copy of the request for the log (Django's handlers read its path and META); the request itself goes on."""
    redacted = copy.copy(request)
    redacted.path = redact(request.path)
    redacted.path_info = redact(request.path_info)
    redacted.META = {name: redact(value) for name, value in request.META.items()}
    if hasattr(request, "environ"):
        redacted.environ = redacted.META
    return redacted
