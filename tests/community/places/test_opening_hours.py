"""Opening hours in OpenStreetMap syntax, shown in plain French; broken ones refused on the form."""

import pytest
from django.core.exceptions import ValidationError

from community.places.opening_hours import display, to_french, validate_opening_hours


@pytest.mark.parametrize(
    ("value", "french"),
    [
        (
            "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off",
            "du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h 30 ; le samedi de 9 h à 12 h ; "
            "fermé les jours fériés",
        ),
        ("Tu,Th 14:00-18:00", "le mardi et le jeudi de 14 h à 18 h"),
        ("Mo-We,Fr 08:30-12:15", "du lundi au mercredi et le vendredi de 8 h 30 à 12 h 15"),
        ("Mo-Su 10:00-20:00", "tous les jours de 10 h à 20 h"),
        ("24/7", "ouvert 24 h sur 24, 7 jours sur 7"),
        ("Mo 09:00-10:00,11:00-12:00,14:00-15:00", "le lundi de 9 h à 10 h, de 11 h à 12 h et de 14 h à 15 h"),
        ("Su off", "fermé le dimanche"),
        ("", ""),
    ],
)
def test_common_opening_hours_read_as_plain_french(value, french):
    assert to_french(value) == french


@pytest.mark.parametrize("value", ["Jan-Jun Mo 09:00-12:00", "Mo[1] 09:00-12:00", "sunrise-sunset"])
def test_what_the_subset_does_not_understand_is_shown_as_written(value):
    assert display(value) == value
    validate_opening_hours(value)  # valid OSM syntax beyond our subset is accepted


@pytest.mark.parametrize(
    "value", ["lundi 9h-12h", "Mo-Fr 9h-12h", "Mo 25:00-26:00", "Mo 09:60-10:00", "Mo 09:00-12:00 !"]
)
def test_obviously_broken_opening_hours_are_refused_in_french(value):
    with pytest.raises(ValidationError) as error:
        validate_opening_hours(value)
    assert "syntaxe OpenStreetMap" in str(error.value)
