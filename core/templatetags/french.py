"""Template filters for French typography, built into every template (settings TEMPLATES builtins): dates with
« 1er » (`{{ page.start|date_fr:"l j F Y" }}`), elision (`{{ name|elide:"de" }}` → « d'Awa ») and numbers with their
thousands grouped (`{{ count|nombre }}` → « 1 000 »)."""

from django import template
from django.utils.html import format_html

from core import french

register = template.Library()


# expects_localtime: like Django's date filter, an aware datetime arrives in the site's time zone.
@register.filter(expects_localtime=True, is_safe=False)
def date_fr(value, format="j F Y"):
    if value in (None, ""):
        return ""
    return french.format_date(value, format)


@register.filter(needs_autoescape=True)
def elide(word, article, autoescape=True):
    if autoescape:
        # The article is the template's own text; only the word is escaped.
        return format_html(french.before(article, word) + "{}", word)
    return french.elide(article, word)


@register.filter(is_safe=True)
def nombre(value):
    return french.format_number(value)
