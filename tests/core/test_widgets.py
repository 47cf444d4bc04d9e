"""The site's form renderer (core/widgets.py) draws Django's widgets and error lists to the character."""

import datetime
import decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core import widgets

DJANGO = DjangoTemplates()
PYTHON = widgets.Renderer()

CHOICES = {
    "plain": [("", _("Tous les formats")), ("soiree", "Soirée"), ("atelier", "Atelier")],
    "numbers": [(5, "5 km"), (20, "20 km"), (2.5, 2.5), (decimal.Decimal("1.5"), 1500)],
    "to escape": [('a"b', "<b>gras</b> & co"), (mark_safe("s&r"), mark_safe("<i>sûr</i>"))],
    "groups": [("Lieux", [("tiers-lieu", "Tiers-lieu"), ("mediatheque", "Médiathèque")]), ("seul", "Seul")],
    "dates": [(datetime.date(2026, 12, 7), datetime.date(2026, 12, 7)), ("", "—")],
    "empty": [],
}
ATTRIBUTES = [
    None,
    {"id": "id_f", "aria-describedby": "id_f_helptext", "required": True, "disabled": False},
    {"placeholder": '<ex> & "co"', "data-x": mark_safe("<sûr>"), "min": 1, "max": 2.5, "rows": None},
]
VALUES = ["", "soiree", 20, 2.5, "tiers-lieu", None, 'a"b', mark_safe("<b>"), _("Tous"), True, ("a", 1)]
WIDGETS = {
    "text": forms.TextInput,
    "email": forms.EmailInput,
    "number": forms.NumberInput,
    "hidden": forms.HiddenInput,
    "password": lambda: forms.PasswordInput(render_value=True),
    "date": forms.DateInput,
    "checkbox": forms.CheckboxInput,
    "textarea": forms.Textarea,
    **{f"select {name}": (lambda choices=choices: forms.Select(choices=choices)) for name, choices in CHOICES.items()},
    "multiple": lambda: forms.SelectMultiple(choices=CHOICES["plain"]),
    "yes or no": forms.NullBooleanSelect,
}


@pytest.mark.parametrize("attrs", ATTRIBUTES)
@pytest.mark.parametrize("value", VALUES, ids=repr)
@pytest.mark.parametrize("widget", WIDGETS)
def test_each_widget_is_djangos(widget, value, attrs):
    with override("fr"):
        for name in ("format", 'nom"&'):
            django = WIDGETS[widget]().render(name, value, attrs, renderer=DJANGO)
            assert WIDGETS[widget]().render(name, value, attrs, renderer=PYTHON) == django


def test_a_widget_of_its_own_is_rendered_by_its_template():
    """A radio button, or a select whose options have a template of their own, is left to Django's templates."""

    class Fancy(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    for widget in (forms.RadioSelect(choices=CHOICES["plain"]), Fancy(choices=CHOICES["plain"])):
        assert widget.render("f", "soiree", renderer=PYTHON) == widget.render("f", "soiree", renderer=DJANGO)


class Person(forms.Form):
    name = forms.CharField(label="Nom", max_length=5, help_text="Aide")
    email = forms.EmailField(error_messages={"invalid": mark_safe("Une <b>adresse</b>")})
    needs = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    format = forms.ChoiceField(choices=CHOICES["plain"], help_text="Aide", required=False)
    consent = forms.BooleanField()

    def clean(self):
        raise forms.ValidationError(["Tout <faux>", _("Vraiment")])


@pytest.mark.parametrize(
    "data",
    [None, {}, {"name": "Awa & Cie", "email": "awa", "needs": "<script>", "format": "inconnu", "consent": "on"}],
)
def test_a_bound_form_draws_as_djangos(data):
    """Its ids, help texts and errors tied to their fields (aria-describedby, aria-invalid), its errors' lists."""
    with override("fr"):
        python, django = Person(data, renderer=PYTHON), Person(data, renderer=DJANGO)
        for name in Person.base_fields:
            assert str(python[name]) == str(django[name])
            assert str(python[name].errors) == str(django[name].errors)
        assert str(python.non_field_errors()) == str(django.non_field_errors())
        assert python.as_div() == django.as_div()


def test_the_site_draws_its_forms_so():
    assert forms.Form().renderer.__class__ is widgets.Renderer
