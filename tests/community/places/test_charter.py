"""The charter's signatures as facts about structures: recorded by coordinators alone (a chargé edits their own
structure, never its signature), shown on the structure's map page, and exported in the open data only as a value
of the schema's closed lists that a coordinator chose for the charter — nowhere else, and never by default."""

import csv
import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from wagtail.models import Site

from community.members.models import MemberProfile
from community.places import opendata, vocabulary
from community.places.models import CharterSettings, CharterSignature, Structure
from tests.community.places import factories as make

pytestmark = pytest.mark.django_db

SIGNATURES = "/admin/snippets/places/chartersignature/"
SETTINGS = "/admin/settings/places/chartersettings/{site}/"
# The same two columns' patterns in schema v1.0.2 (LaMednum/standard-mediation-num, /work/shared/data): the
# exports follow v1.0.1 (vendored), and the charter's values must hold in both.
PATTERNS_1_0_2 = {
    "dispositif_programmes_nationaux": r"(?:(?:^|\|)(Aidants Connect|Bibliothèques numérique de référence|"
    r"Certification PIX|Conseillers numériques|Emmaüs Connect|France Services|Grande école du numérique|"
    r"La Croix Rouge|Point d'accès numérique CAF|Promeneurs du net|Relais numérique \(Emmaüs Connect\)))+$",
    "formations_labels": r"(?:(?:^|\|)(Formé à « Mon Espace Santé »|Formé à « DUPLEX » \(illettrisme\)|"
    r"Arnia/MedNum BFC \(Bourgogne-Franche-Comté\)|Collectif ressources et acteurs réemploi \(Normandie\)|"
    r"Étapes numériques\(La Poste\)|Fabriques de Territoire|Les Éclaireurs du numérique \(Drôme\)|"
    r"Mes Papiers \(Métropole de Lyon\)|ORDI 3.0|SUD LABS \(PACA\)))+$",
}


def sign(structure, role="présidente", signed_on=datetime.date(2025, 3, 14)):
    return CharterSignature.objects.create(structure=structure, signed_on=signed_on, signatory_role=role)


def choose(value):
    settings = CharterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.open_data_value = value
    settings.save()


@pytest.fixture
def places(home):
    signatory = make.structure(name="Centre signataire", national_programmes=["conseillers-numeriques"])
    sign(signatory)
    other = make.structure(name="Centre non signataire", national_programmes=["france-services"])
    return signatory, other


# --- The map page -------------------------------------------------------------------------------------------------


def test_the_map_page_says_since_when_a_structure_signed(client, places):
    signatory, other = places
    page = client.get(signatory.get_absolute_url()).content.decode()
    assert "Signataire de la charte du réseau depuis le 14 mars 2025." in page
    assert "présidente" not in page  # the role is the charter page's business
    assert "Signataire de la charte" not in client.get(other.get_absolute_url()).content.decode()


def test_the_map_page_shows_no_referent_to_anonymous_visitors(client, places):
    page = client.get(places[0].get_absolute_url()).content.decode()
    assert "Zoé Referente" not in page and "zoe.referente" not in page


# --- Open data ----------------------------------------------------------------------------------------------------


def exported(client, url):
    content = client.get(url).getvalue().decode()
    if url.endswith(".csv"):
        return {r["nom"]: r for r in csv.DictReader(io.StringIO(content))}
    document = json.loads(content)
    rows = document.get("lieux") or [f["properties"] for f in document["features"]]
    return {r["nom"]: r for r in rows}


URLS = ["/carte/lieux.csv", "/carte/lieux.json", "/carte/lieux.geojson"]


@pytest.mark.parametrize("url", URLS)
def test_without_a_chosen_value_the_charter_is_not_exported(client, places, url):
    rows = exported(client, url)
    assert rows["Centre signataire"]["dispositif_programmes_nationaux"] == "Conseillers numériques"
    assert not rows["Centre signataire"].get("formations_labels")
    assert "charte" not in client.get(url).getvalue().decode().casefold()


@pytest.mark.parametrize("url", URLS)
def test_signatories_carry_the_chosen_label(client, places, url):
    choose("formations_labels:Fabriques de Territoire")
    rows = exported(client, url)
    assert rows["Centre signataire"]["formations_labels"] == "Fabriques de Territoire"
    assert rows["Centre signataire"]["dispositif_programmes_nationaux"] == "Conseillers numériques"
    assert not rows["Centre non signataire"].get("formations_labels")
    for row in rows.values():
        assert opendata.validate(row) == [], row


@pytest.mark.parametrize("url", URLS)
def test_a_chosen_national_programme_joins_the_signatories_own(client, places, url):
    choose("dispositif_programmes_nationaux:Promeneurs du net")
    rows = exported(client, url)
    assert rows["Centre signataire"]["dispositif_programmes_nationaux"] == "Conseillers numériques|Promeneurs du net"
    assert rows["Centre non signataire"]["dispositif_programmes_nationaux"] == "France Services"
    assert all(opendata.validate(row) == [] for row in rows.values())


def test_the_chosen_value_is_merged_without_duplicates(home):
    signatory = make.structure(name="Déjà promeneur")
    sign(signatory)
    structure = opendata.exported_structures().get()
    structure.national_programmes = ["aidants-connect"]
    merged = opendata.row(structure, ("dispositif_programmes_nationaux", "Promeneurs du net"))
    assert merged["dispositif_programmes_nationaux"] == "Aidants Connect|Promeneurs du net"
    # A value already present (as an import of another producer's file could leave it) is not repeated.
    twice = opendata.row(structure, ("dispositif_programmes_nationaux", "Aidants Connect"))
    assert twice["dispositif_programmes_nationaux"] == "Aidants Connect"


@pytest.mark.parametrize("key", [key for _group, options in vocabulary.CHARTER_CHOICES for key, _label in options])
def test_every_value_a_coordinator_may_choose_fits_the_schema_patterns(home, key):
    signatory = make.structure(national_programmes=["aidants-connect", "pix"])
    sign(signatory)
    column, value = key.split(":", 1)
    row = opendata.row(opendata.exported_structures().get(), (column, value))
    assert opendata.validate(row) == []  # schema v1.0.1, vendored
    assert re.fullmatch(PATTERNS_1_0_2[column], row[column]), row[column]  # and v1.0.2
    assert value not in {schema_value for _key, schema_value, _label in vocabulary.NATIONAL_PROGRAMMES}


def test_reimporting_an_export_with_the_charter_changes_nothing(client, places, tmp_path):
    choose("dispositif_programmes_nationaux:Promeneurs du net")
    path = tmp_path / "export.csv"
    path.write_bytes(client.get("/carte/lieux.csv").getvalue())
    before = list(Structure.objects.values_list("national_programmes", "updated_at"))
    out = io.StringIO()
    call_command("import_lieux", str(path), stdout=out)
    assert "0 mis à jour" in out.getvalue() and "0 rejeté" in out.getvalue()
    assert list(Structure.objects.values_list("national_programmes", "updated_at")) == before


def test_a_hidden_signatory_is_in_no_export(client, places):
    hidden = make.structure(name="Signataire caché", is_public=False)
    sign(hidden)
    choose("formations_labels:ORDI 3.0")
    for url in URLS:
        assert "Signataire caché" not in client.get(url).getvalue().decode()


# --- Who records a signature --------------------------------------------------------------------------------------


def signature_form(structure):
    return {"structure": structure.pk, "signed_on": "2025-06-01", "signatory_role": "directrice"}


@pytest.mark.parametrize("role", ["contributor", "animator", "charge"])
def test_only_coordinators_record_a_signature_even_for_their_own_structure(client, home, users, role):
    own = make.structure(name="Centre du chargé")
    MemberProfile.objects.create(user=users[role], display_name=role, structure=own)
    client.force_login(users[role])
    assert client.get(SIGNATURES).status_code == 302  # Wagtail sends them back to the dashboard
    assert client.get(SIGNATURES + "add/").status_code == 302
    client.post(SIGNATURES + "add/", signature_form(own))
    assert not CharterSignature.objects.exists()
    # Their own structure's editor offers no way to sign either.
    editor = client.get(f"/admin/snippets/places/structure/edit/{own.pk}/").content.decode()
    assert "signed_on" not in editor and "charter" not in editor


@pytest.mark.parametrize("role", ["contributor", "animator", "charge"])
def test_only_coordinators_change_or_delete_a_signature(client, home, users, role):
    own = make.structure(name="Centre du chargé")
    signature = sign(own)
    MemberProfile.objects.create(user=users[role], display_name=role, structure=own)
    client.force_login(users[role])
    client.post(f"{SIGNATURES}edit/{signature.pk}/", {**signature_form(own), "signatory_role": "moi"})
    client.post(f"{SIGNATURES}delete/{signature.pk}/")
    signature.refresh_from_db()
    assert signature.signatory_role == "présidente"
    assert client.get(SETTINGS.format(site=Site.objects.get(is_default_site=True).pk)).status_code == 302


def test_a_coordinator_records_a_signature_once_per_structure(client, home, users):
    structure = make.structure(name="Centre Dutemple")
    client.force_login(users["coordinator"])
    assert client.post(SIGNATURES + "add/", signature_form(structure)).status_code == 302
    signature = CharterSignature.objects.get()
    assert (signature.structure, signature.signatory_role) == (structure, "directrice")
    again = client.post(SIGNATURES + "add/", {**signature_form(structure), "signatory_role": "présidente"})
    assert again.status_code == 200 and CharterSignature.objects.count() == 1
    listing = client.get(SIGNATURES).content.decode()
    assert "Centre Dutemple" in listing and "directrice" in listing


def test_a_coordinator_chooses_the_charter_open_data_value(client, home, users):
    client.force_login(users["coordinator"])
    url = SETTINGS.format(site=Site.objects.get(is_default_site=True).pk)
    assert client.get(url).status_code == 200
    client.post(url, {"open_data_value": "formations_labels:ORDI 3.0"})
    settings = CharterSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.open_data_entry() == ("formations_labels", "ORDI 3.0")
    client.post(url, {"open_data_value": "formations_labels:Un label inventé"})
    assert CharterSettings.for_site(Site.objects.get(is_default_site=True)).open_data_value == (
        "formations_labels:ORDI 3.0"
    )
