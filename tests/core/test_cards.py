"""The card of a page in a listing (core/templatetags/cards.py): its title linked, when and where, or a line of its
own, and its summary, escaped."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from tests.factories import JourneyIndexPageFactory, JourneyPageFactory, WorkshopIndexPageFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db


def card(tag, **context):
    return Template("{% load cards %}" + tag).render(Context({"request": RequestFactory().get("/"), **context}))


def test_a_workshops_card_says_when_and_where_in_french_and_whether_it_is_cancelled(home):
    start = timezone.make_aware(datetime.datetime(2026, 12, 1, 18, 30))
    workshop = WorkshopPageFactory(
        parent=WorkshopIndexPageFactory(parent=home),
        title="Écrire à <plusieurs>",
        slug="ecrire",
        summary="Un pad & un café",
        start=start,
        end=start + datetime.timedelta(hours=2),
        commune="Saint-Cyr-sur-Loire",
        is_cancelled=True,
    )
    tag = "{% page_card w date=w.start place=w.commune cancelled=w.is_cancelled %}"
    assert card(tag, w=workshop) == (
        '<article class="card">\n'
        '  <h3 class="card-title"><a href="/ateliers/ecrire/">Écrire à &lt;plusieurs&gt;</a>'
        ' <span class="tag">annulé</span></h3>\n'
        '  <p class="meta"><time datetime="2026-12-01T18:30:00+01:00">mardi 1er décembre 2026, 18h30</time>'
        " · Saint-Cyr-sur-Loire</p>\n"
        "  \n"
        "  <p>Un pad &amp; un café</p>\n"
        "</article>\n"
    )


def test_another_page_has_a_line_of_its_own_or_none(home):
    journey = JourneyPageFactory(parent=JourneyIndexPageFactory(parent=home), title="DUNAR", slug="dunar")
    journey.summary = ""
    assert card("{% page_card j meta=kind %}", j=journey, kind="Parcours & co") == (
        '<article class="card">\n'
        '  <h3 class="card-title"><a href="/parcours/dunar/">DUNAR</a></h3>\n'
        '  <p class="meta">Parcours &amp; co</p>\n'
        "  \n"
        "</article>\n"
    )
    assert card("{% page_card j %}", j=journey) == (
        '<article class="card">\n'
        '  <h3 class="card-title"><a href="/parcours/dunar/">DUNAR</a></h3>\n'
        "  \n"
        "  \n"
        "</article>\n"
    )
