"""The card of a page in a listing (the agenda, the home page, the indexes), drawn in Python: a template included for
each card cost some 500 calls, a third of the agenda's build (issue 16).

    {% page_card workshop date=workshop.start place=workshop.commune cancelled=workshop.is_cancelled %}
    {% page_card sheet meta=sheet.get_category_display %}
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.markup import moment, text

register = template.Library()


@register.simple_tag(takes_context=True)
def page_card(context, card, date=None, place="", cancelled=False, meta=""):
    """A page as a card: its title linked (and « annulé »), then when and where (a workshop's date and commune), or
    else a line of `meta`, then its summary."""
    title = f'<a href="{text(card.get_url(context.get("request")))}">{text(card.title)}</a>'
    if cancelled:
        title += f' <span class="tag">{text(gettext("annulé"))}</span>'
    if date:
        line = f'<p class="meta">{moment(date)}{f" · {text(place)}" if place else ""}</p>\n  '
    elif meta:
        line = f'<p class="meta">{text(meta)}</p>'
    else:
        line = ""
    summary = getattr(card, "summary", "")
    summary = f"<p>{text(summary)}</p>" if summary else ""
    return mark_safe(  # noqa: S308 — every value above is escaped
        f'<article class="card">\n  <h3 class="card-title">{title}</h3>\n  {line}\n  {summary}\n</article>\n'
    )
