"""The demo's accessibility statement follows the RGAA model: status, what is checked, gaps, contact, recourse."""

import re
from html import unescape

import pytest

from home import demo

pytestmark = pytest.mark.django_db


def test_the_statement_has_the_rgaa_model_s_sections_and_the_defenseur_des_droits(client, home):
    demo.build_legal_pages(home)
    html = client.get("/accessibilite/").content.decode()

    headings = [unescape(heading) for heading in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    assert headings[:5] == [
        "État de conformité",
        "Ce qui est vérifié, et comment",
        "Contenus non accessibles connus",
        "Retour d'information et contact",
        "Voies de recours",
    ]
    assert "<strong>non conforme</strong>" in html and "aucun audit" in html
    for checked in ("axe-core", "Clavier", "360 px", "Sans JavaScript"):
        assert checked in html
    assert "contact@gare-centrale.example" in html
    assert "https://formulaire.defenseurdesdroits.fr/" in html
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in html
