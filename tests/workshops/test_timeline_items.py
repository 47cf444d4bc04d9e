"""The workshops of a journey's timeline (workshops/templatetags/journey_tags.py), drawn in Python, are what the
journey's template drew, to the character: done (with its memory or not), next, later."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from django.utils.translation import override

from tests.factories import JourneyIndexPageFactory, JourneyPageFactory, WorkshopPageFactory
from workshops.journeys import TimelineItem

pytestmark = pytest.mark.django_db

# The loop of workshops/journey_page.html before issue 16, the reference the tag is checked against.
ITEMS = Template(
    "{% load i18n wagtailcore_tags %}" + "{% for item in step.workshops %}\n"
    '        <li class="timeline-item timeline-{{ item.state }}"'
    '{% if item.state == "next" %} aria-current="step"{% endif %}>\n'
    '          <span class="timeline-state">{% if item.state == "done" %}'
    '{% translate "Fait" %}{% elif item.state == "next" %}{% translate "Prochaine étape" %}'
    '{% else %}{% translate "À venir" %}{% endif %}</span>\n'
    '          <a href="{% pageurl item.workshop %}">{{ item.workshop.title }}</a>\n'
    '          <span class="meta"><time datetime="{{ item.workshop.start|date:\'c\' }}">{{'
    ' item.workshop.start|date_fr:"l j F Y, H\\hi" }}</time> · {{ item.workshop.commune }}'
    '{% if item.state == "done" and item.workshop.has_memory %} · '
    '{% translate "mémoire en ligne" %}{% endif %}</span>\n'
    "        </li>\n"
    "        {% endfor %}"
)


def test_the_timeline_is_drawn_as_the_template_drew_it(home):
    journey = JourneyPageFactory(parent=JourneyIndexPageFactory(parent=home))
    start = timezone.make_aware(datetime.datetime(2026, 11, 1, 9, 0))
    workshops = [WorkshopPageFactory(parent=journey, title=f"Atelier <{n}> & co", start=start) for n in range(4)]
    for n in (0, 3):
        workshops[n].has_memory = True  # the first done, and one to come (which does not say so)
    items = [TimelineItem(workshops[0], "done"), TimelineItem(workshops[1], "done")]
    items += [TimelineItem(workshops[2], "next"), TimelineItem(workshops[3], "later")]
    context = {"step": {"workshops": items}, "request": RequestFactory().get("/")}
    with override("fr"):
        drawn = Template("{% load journey_tags %}{% timeline_items step.workshops %}").render(Context(context))
        assert drawn == ITEMS.render(Context(context))
