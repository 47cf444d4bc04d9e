"""The reference of French communes: every commune and postcode found, however it is typed."""

from community.places import communes, nearby


def test_every_commune_of_france_is_in_the_reference():
    reference = communes.reference()
    assert len(reference.by_name) > 34_000
    assert {commune.name for commune in reference.named("Anzin")} == {"Anzin"}
    assert reference.with_postcode("59410")[0].name == "Anzin"


def test_anzin_next_to_valenciennes_is_found_by_name_or_postcode():
    by_name, by_postcode = nearby.resolve("ANZIN"), nearby.resolve("59410")
    assert by_name.label == "Anzin" and by_postcode.label == "59410"
    assert nearby.distance_km(by_name.latitude, by_name.longitude, 50.3580, 3.5233) < 3  # Valenciennes' town hall
    assert (by_postcode.latitude, by_postcode.longitude) == (by_name.latitude, by_name.longitude)


def test_names_are_found_whatever_their_accents_case_hyphens_or_saint():
    assert nearby.resolve("st saulve").label == "Saint-Saulve"
    assert nearby.resolve("conde sur l escaut").label == "Condé-sur-l'Escaut"
    assert nearby.resolve("Pont St Esprit").label == "Pont-Saint-Esprit"
    assert nearby.resolve("59220 denain").label == "Denain"


def test_a_postcode_of_several_communes_means_their_centre():
    hommes, centre = nearby.resolve("Hommes"), nearby.resolve("37340")
    assert centre.label == "37340" and len(communes.reference().with_postcode("37340")) > 1
    assert 0 < nearby.distance_km(centre.latitude, centre.longitude, hommes.latitude, hommes.longitude) < 15


def test_a_shared_name_means_the_commune_with_places_else_the_most_populous_and_offers_the_others():
    marly = nearby.resolve("Marly")
    assert marly.department == "59"  # 12,000 inhabitants, against 10,000 in Moselle
    assert [other.postcodes for other in marly.homonyms] == [("57155",)]
    assert nearby.resolve("saint yrieix").label == "Saint-Yrieix-sur-Charente"
    found = nearby.resolve("saint yrieix", known=["Saint-Yrieix-la-Perche"])
    assert found.label == "Saint-Yrieix-la-Perche"
    assert "Saint-Yrieix-sur-Charente" in [other.name for other in found.homonyms]
    assert nearby.resolve("Anzin").homonyms == ()  # Anzin-Saint-Aubin is another name, not a homonym


def test_an_unknown_commune_or_postcode_is_none():
    assert nearby.resolve("Atlantis") is None
    assert nearby.resolve("00000") is None
    assert nearby.resolve("") is None
