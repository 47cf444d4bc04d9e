"""The demo's prototypes: several Valenciennes centres, every domain, adoptions, the temps fort presenting them."""

from html import unescape

import pytest
from django.contrib.auth import get_user_model

from home import demo
from network.prototypes.models import Adoption, Domain, PrototypePage
from workshops.demo import VALENCIENNES_HIGHLIGHT
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db


def test_the_demo_prototypes_their_adoptions_and_the_temps_fort(client, demo_site):
    prototypes = PrototypePage.objects.live().select_related("structure")
    assert {prototype.domain for prototype in prototypes} == set(Domain.values)
    assert len({prototype.status for prototype in prototypes}) == 4
    assert len({prototype.structure.commune for prototype in prototypes}) >= 3
    assert all(a.structure_id != a.prototype.structure_id for a in Adoption.objects.select_related("prototype"))
    assert Adoption.objects.count() >= 1

    highlight = WorkshopPage.objects.get(slug=VALENCIENNES_HIGHLIGHT["slug"])
    presented = list(highlight.presented_prototypes())
    assert len({prototype.structure_id for prototype in presented}) >= 3
    html = unescape(client.get(highlight.url).content.decode())
    assert "Prototypes présentés" in html and "Maison de quartier Beaujardin" in html

    # The demo chargée belongs to another structure than the Valenciennes centres: she may adopt.
    chargee = get_user_model().objects.get(username="chargee")
    client.force_login(chargee)
    assert "Nous l'adoptons</button>" in unescape(client.get(presented[0].url).content.decode())

    counts = (PrototypePage.objects.count(), Adoption.objects.count(), highlight.featured_prototypes.count())
    demo.load()
    assert (PrototypePage.objects.count(), Adoption.objects.count(), highlight.featured_prototypes.count()) == counts
