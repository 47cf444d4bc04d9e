"""Template filters of the map: distances, vocabulary labels, opening hours in French; and the items of the map's
lists, drawn in Python: a template for each of a page's forty places and sessions was a third of the map's build
(issue 16). They write the whitespace of the template they replaced, to the byte."""

from django import template
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from community.places import opening_hours
from core import french
from core.markup import text

register = template.Library()


@register.filter
def km(distance):
    if distance is None:
        return ""
    if distance < 10:
        return f"{number_format(round(distance, 1), 1)} km"
    return f"{round(distance)} km"


@register.filter
def labels(structure, field):
    return structure.labels(field)


@register.filter
def horaires(value):
    return opening_hours.display(value)


@register.filter
def heure(value):
    return opening_hours.hour(value) if value else ""


@register.simple_tag
def place_items(entries):
    """The places of a page of the map's list, each with its type, its distance when near a place searched, its
    address and its services."""
    items = []
    for entry in entries:
        place = entry.item
        name = f'<a href="{text(place.get_absolute_url())}">{text(place.name)}</a>'
        kind = f"{text(place.get_kind_display())} · {text(place.commune)}{_distance(entry)}"
        services = place.labels("services")
        services = f'<p class="services">{" · ".join(text(label) for label in services)}</p>' if services else ""
        items.append(
            '\n          <li class="card place">\n'
            f'            <h3 class="card-title">{name}</h3>\n'
            f'            <p class="meta">{kind}</p>\n'
            f"            <p>{text(place.address)}, {text(place.postcode)} {text(place.commune)}</p>\n"
            f"            {services}\n"
            "          </li>\n        "
        )
    return mark_safe("".join(items))  # noqa: S308 — every value above is escaped


@register.simple_tag
def session_items(entries):
    """The mobile sessions of a page of the map's list: where and when (cancelled, moved from its series' date),
    what they offer, their distance when near a place searched, and their structure."""
    items = []
    for entry in entries:
        session = entry.item
        cancelled = f' <span class="tag">{text(gettext("annulée"))}</span>' if session.is_cancelled else ""
        moved = ""
        if session.is_moved:
            was = gettext("Déplacée : elle devait avoir lieu le %(date)s.")
            moved = f'<p class="moved">{was % {"date": text(french.format_date(session.original_date, "l j F"))}}</p>'
        when = f"{text(heure(session.start_time))} – {text(heure(session.end_time))}"
        address = f", {text(session.address)}" if session.address else ""
        structure = session.structure
        # Out of the f-string: xgettext does not read into one (make messages).
        by = gettext("Par")
        items.append(
            '\n          <li class="card session">\n'
            f'            <h3 class="card-title">{text(session.commune)} — '
            f"{text(french.format_date(session.date, 'l j F Y'))}{cancelled}</h3>\n"
            f"            {moved}\n"
            f'            <p class="meta">{when} · {text(session.get_offer_display())}{_distance(entry)}</p>\n'
            f"            <p>{text(session.place)}{address}, {text(session.postcode)} {text(session.commune)}</p>\n"
            f'            <p>{text(by)} <a href="{text(structure.get_absolute_url())}">'
            f"{text(structure.name)}</a></p>\n"
            "          </li>\n        "
        )
    return mark_safe("".join(items))  # noqa: S308 — every value above is escaped


def _distance(entry):
    return "" if entry.distance is None else f' · <span class="distance">{text(km(entry.distance))}</span>'
