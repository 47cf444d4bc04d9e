"""The demo's sign-ups: a past workshop with its attendance, an upcoming one nearly full, loaded once."""

import pytest

from home import demo
from workshops.models import JourneyPage, Registration, SignupWindow, Stage, WorkshopPage

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_nearly_full_workshop_and_past_attendance(demo_site, client):
    nearly_full = WorkshopPage.objects.get(slug="atelier-ecrire-a-plusieurs")
    assert nearly_full.signup_window() == SignupWindow.OPEN
    assert nearly_full.places_left() == 2
    past = WorkshopPage.objects.get(slug="soiree-cultures-numeriques")
    assert set(past.registrations.values_list("attendance", flat=True)) == {"present", "absent"}
    assert all(email.endswith("@example.org") for email in Registration.objects.values_list("email", flat=True))
    later = WorkshopPage.objects.get(slug="atelier-cartographie-participative")
    assert later.signup_window() == SignupWindow.NOT_YET_OPEN
    assert "Les inscriptions ouvriront le" in client.get(later.url).content.decode()

    count = Registration.objects.count()
    demo.load()
    assert Registration.objects.count() == count


def test_the_demo_has_the_dunar_journey_and_the_valenciennes_highlight(demo_site, client):
    dunar = JourneyPage.objects.get(slug="dunar-pays-loire-nature")
    workshops = WorkshopPage.objects.child_of(dunar)
    # An evening, five collective half-days and five half-days of on-site support, as in the Artefacts proposal.
    assert workshops.filter(format="soiree").count() == 1
    assert workshops.filter(stage=Stage.COLLECTIVE).count() == 5
    assert workshops.filter(stage=Stage.TECHNICAL_SUPPORT).count() == 5
    assert workshops.filter(has_memory=True).count() >= 3
    assert any(workshop.signup_window() == SignupWindow.OPEN for workshop in workshops)
    assert dunar.registrations.count() == 2

    html = client.get(dunar.url).content.decode()
    assert "Prochaine étape" in html and "mémoire en ligne" in html
    with_tools = client.get(workshops.get(slug="accompagnement-collectif-2").url).content.decode()
    assert "Les fiches outils utilisées" in with_tools and "Wekan" in with_tools

    highlight = WorkshopPage.objects.get(slug="temps-fort-centres-sociaux-connectes")
    assert (highlight.format, highlight.commune) == ("temps-fort", "Valenciennes")
    assert highlight.signup_window() == SignupWindow.OPEN
