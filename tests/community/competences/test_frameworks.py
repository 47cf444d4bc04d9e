"""The competence framework: DigComp 2.2 and the network's framework, new versions, public pages, admin."""

import datetime

import pytest
from django.contrib.auth.models import Group

from community.competences import demo as competences_demo
from community.competences import frameworks
from community.competences.models import Competence, Framework
from tests.community.journal.queries import own_queries
from tests.factories import (
    CompetenceAreaFactory,
    CompetenceFactory,
    FrameworkFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def digcomp(db):
    return competences_demo.load_digcomp()


def test_digcomp_loads_in_french_with_5_areas_21_competences_and_8_levels(digcomp):
    assert digcomp.areas.count() == 5
    assert Competence.objects.filter(area__framework=digcomp).count() == 21
    assert list(digcomp.levels.values_list("number", flat=True)) == list(range(1, 9))
    stages = dict(digcomp.levels.values_list("number", "stage"))
    assert stages[1] == stages[2] == "Fondamental"
    assert stages[7] == stages[8] == "Hautement spécialisé"
    assert digcomp.areas.get(code="1").title == "Culture de l'information et des données"
    assert Competence.objects.get(area__framework=digcomp, code="2.1").title == (
        "Interagir au moyen des technologies numériques"
    )


def test_loading_twice_duplicates_nothing(digcomp):
    competences_demo.load()
    competences_demo.load()
    assert Framework.objects.count() == 2
    assert Competence.objects.count() == 21 + sum(len(area[2]) for area in competences_demo.CHARGE_AREAS)


def test_the_network_framework_has_a_handful_of_areas_and_competences():
    _, charge = competences_demo.load()
    assert 3 <= charge.areas.count() <= 4
    assert 8 <= Competence.objects.filter(area__framework=charge).count() <= 12


def test_new_version_copies_the_framework_and_leaves_the_old_one_intact(digcomp):
    old_competence = Competence.objects.get(area__framework=digcomp, code="3.1")
    new = frameworks.new_version(digcomp, "2.2-2026-2", datetime.date(2026, 7, 1))
    assert new.pk != digcomp.pk
    assert new.is_current
    digcomp.refresh_from_db()
    assert not digcomp.is_current
    assert Competence.objects.filter(area__framework=new).count() == 21
    assert new.levels.count() == 8
    assert Competence.objects.filter(area__framework=digcomp).count() == 21
    old_competence.refresh_from_db()
    assert old_competence.area.framework == digcomp
    # Editing the new version does not touch the old one.
    Competence.objects.filter(area__framework=new, code="3.1").update(title="Nouvel intitulé")
    old_competence.refresh_from_db()
    assert old_competence.title == "Développer des contenus numériques"


def test_a_version_cannot_be_published_twice(digcomp):
    with pytest.raises(frameworks.VersionExists):
        frameworks.new_version(digcomp, "2.2", datetime.date(2026, 7, 1))


def test_public_list_shows_current_frameworks_only(client, home, digcomp):
    frameworks.new_version(digcomp, "2026-2", datetime.date(2026, 7, 1))
    html = client.get("/competences/").content.decode()
    assert "DigComp 2.2" in html
    assert "/competences/digcomp/2026-2/" in html
    assert "/competences/digcomp/2.2/" not in html


def test_framework_page_lists_areas_competences_levels_and_cites_the_source(client, home, digcomp):
    response = client.get("/competences/digcomp/2.2/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Communication et collaboration" in html
    assert "/competences/digcomp/2.2/5.4/" in html
    assert "Hautement spécialisé" in html
    assert "Centre commun de recherche (JRC)" in html and "2022" in html


def test_old_versions_stay_reachable_and_say_so(client, home, digcomp):
    frameworks.new_version(digcomp, "2026-2", datetime.date(2026, 7, 1))
    html = client.get("/competences/digcomp/2.2/").content.decode()
    assert "version archivée" in html
    assert "/competences/digcomp/2026-2/" in html


def test_unknown_framework_or_competence_is_404(client, home, digcomp):
    assert client.get("/competences/digcomp/9.9/").status_code == 404
    assert client.get("/competences/digcomp/2.2/9.9/").status_code == 404


def test_competence_page_lists_the_live_tool_sheets_that_exercise_it(client, home, digcomp):
    competence = Competence.objects.get(area__framework=digcomp, code="2.4")
    sheets = ToolSheetIndexPageFactory(parent=home)
    live = ToolSheetPageFactory(parent=sheets, title="Framadate")
    draft = ToolSheetPageFactory(parent=sheets, title="Brouillon secret", live=False)
    other = ToolSheetPageFactory(parent=sheets, title="Sans rapport")
    for sheet in (live, draft):
        sheet.competences = [competence]
        sheet.save()
    response = client.get(competence.get_absolute_url())
    html = response.content.decode()
    assert "Collaborer au moyen des technologies numériques" in html
    assert "Framadate" in html and live.url in html
    assert "Brouillon secret" not in html
    assert other.title not in html


def build_framework(areas, per_area):
    framework = FrameworkFactory(slug="grand", version="1")
    for a in range(areas):
        area = CompetenceAreaFactory(framework=framework, code=str(a + 1))
        for c in range(per_area):
            CompetenceFactory(area=area, code=f"{a + 1}.{c + 1}")
    framework.levels.create(number=1, name="Un")
    return framework


@pytest.mark.parametrize("size", [(1, 1), (6, 8)])
def test_framework_pages_queries_do_not_grow(client, home, size):
    framework = build_framework(*size)
    FrameworkFactory()
    assert own_queries(client, "/competences/") == 1
    # The framework, its levels, areas and competences, and the other versions.
    assert own_queries(client, framework.get_absolute_url()) == 5


@pytest.mark.parametrize("sheet_count", [1, 8])
def test_competence_page_queries_do_not_grow(client, home, sheet_count):
    competence = CompetenceFactory()
    sheets = ToolSheetIndexPageFactory(parent=home)
    for n in range(sheet_count):
        sheet = ToolSheetPageFactory(parent=sheets, title=f"Fiche {n}")
        sheet.competences = [competence]
        sheet.save()
    # The competence with its area and framework, and the live sheets (public() reads the private sections from the
    # shared cache).
    assert own_queries(client, competence.get_absolute_url()) == 2


def test_demo_tags_tool_sheets_with_digcomp_competences(demo_site, client):
    competence = Competence.objects.get(area__framework__slug="digcomp", code="2.4")
    assert competence.tool_sheets.filter(slug="framadate").exists()
    html = client.get(competence.get_absolute_url()).content.decode()
    assert "Framadate" in html


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("contributor", False), ("animator", False), ("charge", False), ("coordinator", True)],
)
def test_only_coordinators_edit_the_framework_in_the_admin(client, users, digcomp, role, allowed):
    user = users[role]
    if user:
        client.force_login(user)
    competence = Competence.objects.get(area__framework=digcomp, code="1.1")
    response = client.get(f"/admin/snippets/competences/competence/edit/{competence.pk}/")
    if allowed:
        assert response.status_code == 200
        response = client.post(
            f"/admin/snippets/competences/competence/edit/{competence.pk}/",
            {
                "area": competence.area_id,
                "code": "1.1",
                "title": "Chercher l'information",
                "description": "",
                "order": 0,
            },
        )
        assert response.status_code == 302
        competence.refresh_from_db()
        assert competence.title == "Chercher l'information"
    else:
        assert response.status_code in (302, 403)
        assert Competence.objects.get(pk=competence.pk).title.startswith("Naviguer")


def test_coordinators_group_has_the_framework_permissions():
    coordinators = Group.objects.get(name="Coordinateurs")
    codenames = set(
        coordinators.permissions.filter(content_type__app_label="competences").values_list("codename", flat=True)
    )
    assert {"add_framework", "change_competence", "delete_competencearea", "change_proficiencylevel"} <= codenames


def test_framework_admin_listing_works_for_coordinators(client, users, digcomp):
    client.force_login(users["coordinator"])
    assert client.get("/admin/snippets/competences/framework/").status_code == 200
    assert client.get("/admin/snippets/competences/competence/?q=Naviguer").status_code == 200
    assert client.get(f"/admin/snippets/competences/framework/edit/{digcomp.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("contributor", 403), ("animator", 403), ("charge", 403), ("coordinator", 302)],
)
def test_only_coordinators_publish_a_new_version_from_the_framework_page(client, home, users, digcomp, role, status):
    if users[role]:
        client.force_login(users[role])
    response = client.post("/competences/digcomp/2.2/nouvelle-version/", {"version": "2026-2", "date": "2026-07-01"})
    assert response.status_code == status
    assert Framework.objects.filter(slug="digcomp").count() == (2 if role == "coordinator" else 1)
    if role == "coordinator":
        assert response["Location"] == "/competences/digcomp/2026-2/"
        assert "Publier une nouvelle version" in client.get("/competences/digcomp/2026-2/").content.decode()


def test_a_version_that_exists_is_refused_in_french(client, home, users, digcomp):
    client.force_login(users["coordinator"])
    response = client.post("/competences/digcomp/2.2/nouvelle-version/", {"version": "2.2", "date": "2026-07-01"})
    assert response.status_code == 409
    assert "existe déjà" in response.content.decode()
    response = client.post("/competences/digcomp/2.2/nouvelle-version/", {"version": "", "date": "hier"})
    assert response.status_code == 400
    assert Framework.objects.count() == 1


def test_visitors_are_not_offered_to_publish_a_version(client, home, digcomp):
    assert "Publier une nouvelle version" not in client.get("/competences/digcomp/2.2/").content.decode()


def test_the_tool_sheet_editor_offers_the_current_competences(client, home, users, digcomp):
    sheets = ToolSheetIndexPageFactory(parent=home)
    sheet = ToolSheetPageFactory(parent=sheets, title="Framadate")
    old = Competence.objects.get(area__framework=digcomp, code="2.4")
    new = frameworks.new_version(digcomp, "2026-2", datetime.date(2026, 7, 1))
    current = Competence.objects.get(area__framework=new, code="2.4")
    client.force_login(UserFactory(username="admin-test", is_superuser=True, is_staff=True))
    html = client.get(f"/admin/pages/{sheet.pk}/edit/").content.decode()
    assert "compétences exercées" in html.lower()
    assert f'value="{current.pk}"' in html
    assert f'value="{old.pk}"' not in html  # an archived version's competences are no longer offered
