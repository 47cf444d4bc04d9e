"""Template filters of the map: distances, vocabulary labels, opening hours in French."""

from django import template
from django.utils.formats import number_format

from community.places import opening_hours

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
