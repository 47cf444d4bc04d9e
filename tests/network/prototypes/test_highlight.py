"""A temps fort presents prototypes on its page; only a temps fort may (the editor refuses it on other formats)."""

import datetime
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from community.members.roles import COORDINATORS
from tests.factories import UserFactory, WorkshopIndexPageFactory, WorkshopPageFactory
from workshops.models import FeaturedPrototype, WorkshopPage
from workshops.models.choices import Format

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshops(home):
    return WorkshopIndexPageFactory(parent=home)


@pytest.fixture
def highlight(workshops):
    return WorkshopPageFactory(parent=workshops, title="Temps fort des centres sociaux", format=Format.HIGHLIGHT)


def feature(workshop, prototypes):
    workshop.featured_prototypes = [FeaturedPrototype(prototype=prototype) for prototype in prototypes]
    workshop.save_revision().publish()


def test_a_temps_fort_presents_its_prototypes_in_order_with_their_structures(
    client, highlight, make_prototype, centres
):
    borne = make_prototype(title="La borne d'accueil")
    carnet = make_prototype(title="Le carnet des parents", structure=centres["third"])
    draft = make_prototype(title="Un brouillon")
    feature(highlight, [carnet, borne, draft])
    draft.unpublish()
    html = unescape(client.get(highlight.url).content.decode())
    assert "Prototypes présentés" in html
    assert html.index("Le carnet des parents") < html.index("La borne d'accueil")
    assert "Centre socioculturel Agora (Douchy-les-Mines)" in html
    assert "Maison de quartier Beaujardin (Valenciennes)" in html
    assert "Un brouillon" not in html


def test_a_workshop_without_prototypes_has_no_such_section(client, highlight):
    assert "Prototypes présentés" not in client.get(highlight.url).content.decode()


def test_the_section_costs_the_same_queries_for_2_or_8_prototypes(client, highlight, make_prototype, centres):
    def count():
        client.get(highlight.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(highlight.url)
        return len(queries)

    feature(highlight, [make_prototype(), make_prototype(structure=centres["third"])])
    small = count()
    feature(
        highlight,
        [make_prototype(structure=structure) for structure in [*centres.values()] * 2 + [centres["maker"]] * 2],
    )
    assert count() == small


def editor_data(workshop, format, prototypes):
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0)
    return nested_form_data(
        {
            "title": workshop.title,
            "slug": workshop.slug,
            "summary": workshop.summary,
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": (start + datetime.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
            "format": format,
            "capacity": 20,
            "commune": "Valenciennes",
            "body": streamfield([]),
            "memory_public": streamfield([]),
            "memory_media": streamfield([]),
            "memory_participants": streamfield([]),
            "featured_prototypes": inline_formset([{"prototype": prototype.pk} for prototype in prototypes]),
        }
    )


def test_the_editor_refuses_prototypes_on_another_format(client, highlight, make_prototype):
    prototype = make_prototype()
    client.force_login(UserFactory(username="coord", role=COORDINATORS, is_superuser=True))
    response = client.post(f"/admin/pages/{highlight.pk}/edit/", editor_data(highlight, Format.EVENING, [prototype]))
    assert response.status_code == 200
    assert "Seul un temps fort présente des prototypes" in unescape(response.content.decode())
    response = client.post(f"/admin/pages/{highlight.pk}/edit/", editor_data(highlight, Format.HIGHLIGHT, [prototype]))
    assert response.status_code == 302, unescape(response.content.decode())[-3000:]
    latest = WorkshopPage.objects.get(pk=highlight.pk).get_latest_revision_as_object()
    assert [item.prototype_id for item in latest.featured_prototypes.all()] == [prototype.pk]
    # A soirée without prototypes saves as before.
    response = client.post(f"/admin/pages/{highlight.pk}/edit/", editor_data(highlight, Format.EVENING, []))
    assert response.status_code == 302
