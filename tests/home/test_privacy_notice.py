"""The privacy notice states the retention figures and the notice version that the settings (and so the
retention command and the consents) use: the two cannot disagree."""

import pytest
from django.conf import settings
from django.test import override_settings

from home import demo

pytestmark = pytest.mark.django_db


def privacy_page(client, home):
    demo.build_legal_pages(home)
    return client.get("/confidentialite/").content.decode()


def states_the_settings(html):
    return (
        f"<strong>{settings.SIGNUP_RETENTION_MONTHS} mois</strong>" in html
        and f"<strong>{settings.ATTENDANCE_PROOF_RETENTION_YEARS} ans</strong>" in html
        and f"Version de cette notice : {settings.PRIVACY_NOTICE_VERSION}" in html
    )


def test_the_privacy_page_states_the_settings_figures_and_how_to_use_ones_rights(client, home):
    html = privacy_page(client, home)
    assert states_the_settings(html)
    assert "Ce que nous gardons sur vous" in html and "contact@gare-centrale.example" in html


@override_settings(SIGNUP_RETENTION_MONTHS=18, ATTENDANCE_PROOF_RETENTION_YEARS=7, PRIVACY_NOTICE_VERSION="2027-01")
def test_the_figures_follow_the_settings(client, home):
    html = privacy_page(client, home)
    assert "<strong>18 mois</strong>" in html and "<strong>7 ans</strong>" in html and states_the_settings(html)
