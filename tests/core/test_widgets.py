"""The filters' select written in Python (core/widgets.py) is Django's, to the character."""

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core import widgets

CHOICES = {
    "plain": [("", _("Tous les formats")), ("soiree", "Soirée"), ("atelier", "Atelier")],
    "numbers": [(5, "5 km"), (20, "20 km"), (2.5, 2.5)],
    "to escape": [('a"b', "<b>gras</b> & co"), (mark_safe("s&r"), mark_safe("<i>sûr</i>"))],
    "groups": [("Lieux", [("tiers-lieu", "Tiers-lieu"), ("mediatheque", "Médiathèque")]), ("seul", "Seul")],
    "empty": [],
}
ATTRIBUTES = [None, {"id": "id_f", "aria-describedby": "id_f_helptext", "required": True, "disabled": False}]


@pytest.mark.parametrize("attrs", ATTRIBUTES)
@pytest.mark.parametrize("value", ["", "soiree", 20, "tiers-lieu", None, 'a"b'])
@pytest.mark.parametrize("choices", CHOICES, ids=str)
def test_the_select_is_djangos(choices, value, attrs):
    with override("fr"):
        for name in ("format", 'nom"'):
            django_select = forms.Select(choices=CHOICES[choices]).render(name, value, attrs)
            assert widgets.Select(choices=CHOICES[choices]).render(name, value, attrs) == django_select


def test_a_bound_field_draws_it_as_django_does():
    """Through a form: its id, its help text and its error tied to it (aria-describedby, aria-invalid)."""

    class Filters(forms.Form):
        format = forms.ChoiceField(choices=CHOICES["plain"], help_text="Aide", required=False)

    class Python(Filters):
        format = forms.ChoiceField(choices=CHOICES["plain"], help_text="Aide", required=False, widget=widgets.Select)

    with override("fr"):
        for data in ({"format": "atelier"}, {"format": "inconnu"}, None):
            assert str(Python(data)["format"]) == str(Filters(data)["format"])
