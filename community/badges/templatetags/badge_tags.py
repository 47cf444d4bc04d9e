"""Template tags of the badges: the active badge of each validated level on a competence profile, in one query."""

from django import template

from community.badges import openbadges

register = template.Library()


@register.simple_tag
def active_badges(rows):
    """{% active_badges rows as badges %}: the active badge by validation pk, for the profile's rows."""
    return openbadges.active_badges([row.validation for row in rows])


@register.filter
def badge_for(badges_by_validation, validation):
    if validation is None:
        return None
    return badges_by_validation.get(validation.pk)
