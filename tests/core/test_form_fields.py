"""A form's fields (core/templatetags/form_tags.py form_fields), drawn in Python, are what the template they replaced
drew, to the character: labels, help texts, errors and their ties, groups of boxes, hidden fields."""

import pytest
from django import forms
from django.template import Context, Template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

# components/form_fields.html before issue 16, the reference the tag is checked against.
TEMPLATE = Template(
    "{% load i18n form_tags %}{% error_summary form %}\n"
    "{% for field in form.hidden_fields %}{{ field }}{% endfor %}\n"
    "{% for field in form.visible_fields %}\n"
    "  {# Django ties each input to its help and error (aria-describedby, aria-invalid) by these ids"
    "; a group of boxes #}\n"
    "  {# (radios, checkboxes) is a fieldset named by its legend, which points to them itself. #}\n"
    "  {% if field.use_fieldset %}\n"
    '  <fieldset class="field{% if field.errors %} field-error{% endif %}"'
    '{% if field.help_text or field.errors %} aria-describedby="'
    "{% if field.help_text %}{{ field.auto_id }}_helptext{% endif %}"
    "{% if field.help_text and field.errors %} {% endif %}"
    '{% if field.errors %}{{ field.auto_id }}_error{% endif %}"{% endif %}>\n'
    "    <legend>{{ field.label|capfirst }}"
    '{% if field.field.required %} <span aria-hidden="true">*</span>{% endif %}</legend>\n'
    "  {% else %}\n"
    '  <div class="field{% if field.errors %} field-error{% endif %}">\n'
    '    <label for="{{ field.id_for_label }}">{{ field.label|capfirst }}'
    '{% if field.field.required %} <span aria-hidden="true">*</span>{% endif %}</label>\n'
    "  {% endif %}\n"
    "    "
    '{% if field.help_text %}<p class="help" id="{{ field.auto_id }}_helptext">{{ field.help_text }}'
    "</p>{% endif %}\n"
    "    {{ field }}\n"
    "    "
    '{% if field.errors %}<div class="errors" id="{{ field.auto_id }}_error">{{ field.errors }}</div'
    ">{% endif %}\n"
    "  {% if field.use_fieldset %}</fieldset>{% else %}</div>{% endif %}\n"
    "{% endfor %}\n"
)


class Everything(forms.Form):
    name = forms.CharField(label=_("nom de la structure"), max_length=5, help_text="Aide & conseils")
    email = forms.EmailField(label=mark_safe("<abbr>E-mail</abbr>"), required=False)
    needs = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    format = forms.ChoiceField(choices=[("", "Tous"), ("soiree", "Soirée")], required=False)
    visits = forms.ChoiceField(label="fréquence", choices=[("1", "Une fois"), ("2", "Deux")], widget=forms.RadioSelect)
    topics = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple, help_text="Plusieurs"
    )
    consent = forms.BooleanField(help_text=format_html('Lire <a href="{}">la politique</a>', "/confidentialite/"))
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("Tout <faux>")


class Prefixed(Everything):
    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "needs"]


@pytest.mark.parametrize(
    "form",
    [
        Everything(),
        Everything({}),
        Everything({"name": "Awa & Cie", "email": "awa", "format": "x", "visits": "3", "topics": ["a"], "token": "t"}),
        Prefixed({"name": "ok"}, prefix="second"),
    ],
    ids=["unbound", "empty", "invalid", "prefixed"],
)
def test_the_fields_are_drawn_as_the_template_drew_them(form):
    with override("fr"):
        tag = Template("{% load form_tags %}{% form_fields form %}").render(Context({"form": form}))
        assert tag == TEMPLATE.render(Context({"form": form}))
