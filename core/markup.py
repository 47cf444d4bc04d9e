"""What a template writes of a value, for the pieces of pages the site draws in Python because their templates cost
too much for how often they are drawn (core/widgets.py, core/templatetags/cards.py; issue 16)."""

import html

from django.template import Context
from django.template.base import render_value_in_context
from django.utils.safestring import SafeData

# As a template renders: autoescaped, dates and numbers as the settings say.
_CONTEXT = Context()


def text(value):
    """`{{ value }}`: a date in local time, a number localised, then escaped unless it is safe."""
    if type(value) is str:
        return html.escape(value)
    return render_value_in_context(value, _CONTEXT)


def formatted(value):
    """`{{ value|stringformat:'s' }}`: as %s writes it, escaped unless the value was safe."""
    try:
        written = "%s" % (str(value) if isinstance(value, tuple) else value)
    except (ValueError, TypeError):
        written = ""
    return written if isinstance(value, SafeData) else html.escape(written)
