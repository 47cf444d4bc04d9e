"""What a template writes of a value, for the pieces of pages the site draws in Python because their templates cost
too much for how often they are drawn (core/widgets.py, core/templatetags/cards.py; issue 16)."""

import html

from django.template import Context
from django.template.base import render_value_in_context
from django.utils.formats import date_format
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime

from . import french

# As a template renders: autoescaped, dates and numbers as the settings say.
_CONTEXT = Context()
# « lundi 1er décembre 2026, 18h30 »
WHEN = r"l j F Y, H\hi"


def text(value):
    """`{{ value }}`: a date in local time, a number localised, then escaped unless it is safe."""
    if type(value) is str:
        return html.escape(value)
    return render_value_in_context(value, _CONTEXT)


def formatted(value):
    """`{{ value|stringformat:'s' }}`: as %s writes it, escaped unless the value was safe."""
    if type(value) is str:
        return html.escape(value)
    try:
        written = "%s" % (str(value) if isinstance(value, tuple) else value)
    except (ValueError, TypeError):
        written = ""
    return written if isinstance(value, SafeData) else html.escape(written)


def moment(value, format=WHEN):
    """`<time datetime="{{ value|date:'c' }}">{{ value|date_fr:format }}</time>`: in the site's time zone, in French."""
    local = template_localtime(value)
    return f'<time datetime="{text(date_format(local, "c"))}">{text(french.format_date(local, format))}</time>'
