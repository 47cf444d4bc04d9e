"""The cards of the tool sheet library, drawn in Python: a template for each of a page's twenty sheets, their tags
within, was a third of the library's build (issue 16). They write the whitespace of the template they replaced, to
the byte."""

from urllib.parse import quote

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.markup import text

register = template.Library()


@register.simple_tag(takes_context=True)
def tool_sheet_cards(context, sheets):
    """Each sheet linked, with its category, whether it is free software, its summary and its tags (`card_tags`,
    resources/listings.py), each a link to the sheets bearing it."""
    request = context.get("request")
    cards = []
    for sheet in sheets:
        free = f" · {text(gettext('Logiciel libre'))}" if sheet.is_free_software else ""
        tags = ""
        if sheet.card_tags:
            links = "".join(
                f'<li><a class="tag-link" href="?mot_cle={text(quote(tag.slug))}">{text(tag.name)}</a></li>'
                for tag in sheet.card_tags
            )
            tags = (
                f'\n          <ul class="tag-list" aria-label="{text(gettext("Mots-clés"))}">\n'
                f"            {links}\n"
                "          </ul>\n        "
            )
        cards.append(
            '\n      <article class="card">\n'
            f'        <h3 class="card-title"><a href="{text(sheet.get_url(request))}">{text(sheet.title)}</a></h3>\n'
            f'        <p class="meta">{text(sheet.get_category_display())}{free}</p>\n'
            f"        <p>{text(sheet.summary)}</p>\n"
            f"        {tags}\n"
            "      </article>\n    "
        )
    return mark_safe("".join(cards))  # noqa: S308 — every value above is escaped
