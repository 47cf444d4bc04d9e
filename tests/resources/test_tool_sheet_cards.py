"""The cards of the tool sheet library (resources/templatetags/tool_sheet_tags.py), drawn in Python, are what its
template drew, to the character: free software or not, tags or none, all escaped."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils.translation import override

from resources.listings import CardTag
from tests.factories import ToolSheetIndexPageFactory, ToolSheetPageFactory

pytestmark = pytest.mark.django_db

# The loop of resources/tool_sheet_index_page.html before issue 16 (its tags then read from `card_tags`), the
# reference the tag is checked against.
CARDS = Template(
    "{% load i18n wagtailcore_tags %}" + "{% for sheet in sheets %}\n"
    '      <article class="card">\n'
    '        <h3 class="card-title"><a href="{% pageurl sheet %}">{{ sheet.title }}</a></h3>\n'
    '        <p class="meta">{{ sheet.get_category_display }}'
    '{% if sheet.is_free_software %} · {% translate "Logiciel libre" %}{% endif %}</p>\n'
    "        <p>{{ sheet.summary }}</p>\n"
    "        {% with tags=sheet.card_tags %}{% if tags %}\n"
    '          <ul class="tag-list" aria-label="{% translate \'Mots-clés\' %}">\n'
    "            "
    '{% for tag in tags %}<li><a class="tag-link" href="?mot_cle={{ tag.slug|urlencode }}">{{'
    " tag.name }}</a></li>{% endfor %}\n"
    "          </ul>\n"
    "        {% endif %}{% endwith %}\n"
    "      </article>\n"
    "    {% endfor %}"
)


def test_the_cards_are_drawn_as_the_template_drew_them(home):
    index = ToolSheetIndexPageFactory(parent=home)
    free = ToolSheetPageFactory(parent=index, title="Pad <libre> & co", summary="Écrire à plusieurs", slug="pad")
    other = ToolSheetPageFactory(parent=index, is_free_software=False, category="cooperation", slug="autre")
    free.card_tags = [CardTag("Réunion & co", "reunion-co"), CardTag("À distance", "à distance/x")]
    other.card_tags = []
    context = {"sheets": [free, other], "request": RequestFactory().get("/outils/")}
    with override("fr"):
        drawn = Template("{% load tool_sheet_tags %}{% tool_sheet_cards sheets %}").render(Context(context))
        assert drawn == CARDS.render(Context(context))
