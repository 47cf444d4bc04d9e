"""The workshops of a journey's timeline, drawn in Python: a template for each was a fifth of the journey page's
build (issue 16). They write the whitespace of the template they replaced, to the byte."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.markup import moment, text

register = template.Library()


@register.simple_tag(takes_context=True)
def timeline_items(context, items):
    """Each workshop of a step (workshops/journeys.py TimelineItem): done, next or later, linked, when and where, and
    whether its memory is online once done."""
    request = context.get("request")
    states = {"done": gettext("Fait"), "next": gettext("Prochaine étape")}
    drawn = []
    for item in items:
        workshop = item.workshop
        current = ' aria-current="step"' if item.state == "next" else ""
        memory = f" · {text(gettext('mémoire en ligne'))}" if item.state == "done" and workshop.has_memory else ""
        drawn.append(
            f'\n        <li class="timeline-item timeline-{text(item.state)}"{current}>\n'
            f'          <span class="timeline-state">{text(states.get(item.state) or gettext("À venir"))}</span>\n'
            f'          <a href="{text(workshop.get_url(request))}">{text(workshop.title)}</a>\n'
            f'          <span class="meta">{moment(workshop.start)} · {text(workshop.commune)}{memory}</span>\n'
            "        </li>\n        "
        )
    return mark_safe("".join(drawn))  # noqa: S308 — every value above is escaped
