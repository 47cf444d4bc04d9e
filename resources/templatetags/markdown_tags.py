"""`{% load markdown_tags %}{{ text|markdown }}`: the site's one Markdown rendering in templates."""

from django import template

from resources.wiki import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Sanitized HTML with wiki links resolved in one query; an empty value renders nothing."""
    return render_markdown("" if text is None else str(text))
