"""The demo's sign-ups: a past workshop with its attendance, an upcoming one nearly full, loaded once."""

import pytest

from home import demo
from workshops.models import Registration, SignupWindow, WorkshopPage

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
