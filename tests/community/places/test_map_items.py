"""The items of the map's lists (community/places/templatetags/places_tags.py), drawn in Python, are what the map's
template drew, to the character: distances, cancelled and moved sessions, addresses, services, all escaped."""

import datetime

import pytest
from django.template import Context, Template
from django.utils.translation import override

from community.places.finder import Entry
from community.places.models import PermanenceSeries

from .factories import permanence, structure

pytestmark = pytest.mark.django_db

LOAD = "{% load i18n places_tags %}"
# The loops of places/map.html before issue 16, the reference the tags are checked against.
PLACES = Template(
    LOAD + "{% for entry in result.structures %}{% with place=entry.item %}\n"
    '          <li class="card place">\n'
    '            <h3 class="card-title"><a href="{{ place.get_absolute_url }}">{{ place.name'
    " }}</a></h3>\n"
    '            <p class="meta">{{ place.get_kind_display }} · {{ place.commune }}'
    '{% if entry.distance is not None %} · <span class="distance">{{ entry.distance|km'
    " }}</span>{% endif %}</p>\n"
    "            <p>{{ place.address }}, {{ place.postcode }} {{ place.commune }}</p>\n"
    '            {% with services=place|labels:"services" %}'
    '{% if services %}<p class="services">{{ services|join:" · " }}</p>{% endif %}'
    "{% endwith %}\n"
    "          </li>\n"
    "        {% endwith %}{% endfor %}"
)
SESSIONS = Template(
    LOAD + "{% for entry in result.permanences %}{% with session=entry.item %}\n"
    '          <li class="card session">\n'
    '            <h3 class="card-title">{{ session.commune }} — {{ session.date|date_fr:"l j F'
    ' Y" }}{% if session.is_cancelled %} <span class="tag">{% translate "annulée" %}</span>'
    "{% endif %}</h3>\n"
    '            {% if session.is_moved %}<p class="moved">'
    '{% blocktranslate with date=session.original_date|date_fr:"l j F" %}Déplacée : elle'
    " devait avoir lieu le {{ date }}.{% endblocktranslate %}</p>{% endif %}\n"
    '            <p class="meta">{{ session.start_time|heure }} – {{ session.end_time|heure }}'
    " · {{ session.get_offer_display }}"
    '{% if entry.distance is not None %} · <span class="distance">{{ entry.distance|km'
    " }}</span>{% endif %}</p>\n"
    "            <p>{{ session.place }}{% if session.address %}, {{ session.address }}"
    "{% endif %}, {{ session.postcode }} {{ session.commune }}</p>\n"
    "            <p>"
    '{% translate "Par" %} <a href="{{ session.structure.get_absolute_url }}">{{'
    " session.structure.name }}</a></p>\n"
    "          </li>\n"
    "        {% endwith %}{% endfor %}"
)


def test_the_places_are_drawn_as_the_template_drew_them():
    places = [
        structure(name="Café <des> & co", services=["demarches", "inconnu", "securite"]),
        structure(kind="tiers-lieu", address="", services=[]),
    ]
    entries = [Entry(places[0]), Entry(places[1], distance=4.25), Entry(places[0], distance=12.6)]
    with override("fr"):
        drawn = Template(LOAD + "{% place_items result.structures %}").render(
            Context({"result": {"structures": entries}})
        )
        assert drawn == PLACES.render(Context({"result": {"structures": entries}}))


def test_the_sessions_are_drawn_as_the_template_drew_them():
    place = structure(name="L'Escale & co")
    series = PermanenceSeries.objects.create(
        structure=place,
        first_date=datetime.date(2026, 1, 5),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        commune="Couesmes",
        postcode="37330",
        place="Salle",
    )
    sessions = [
        permanence(place, place="Salle <A>", address="1 rue & co", is_cancelled=True),
        permanence(
            place,
            days=5,
            series=series,
            original_date=datetime.date(2026, 3, 1),
            start_time=datetime.time(14, 30),
            end_time=datetime.time(17, 0),
        ),
    ]
    entries = [Entry(sessions[0]), Entry(sessions[1], distance=3.0)]
    with override("fr"):
        drawn = Template(LOAD + "{% session_items result.permanences %}").render(
            Context({"result": {"permanences": entries}})
        )
        assert drawn == SESSIONS.render(Context({"result": {"permanences": entries}}))
