"""`{% follow_link page %}`: « Suivre cette page » on the pages one can follow, a plain link so they stay cached."""

from django import template

from network.follow.following import is_followable

register = template.Library()


@register.inclusion_tag("follow/follow_link.html")
def follow_link(page):
    return {"page": page, "is_followable": is_followable(page)}
