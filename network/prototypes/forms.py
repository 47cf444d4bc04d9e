"""Forms of the prototypes: the library's filters (a plain GET form) and the « nous l'adoptons » note."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PrototypeFilterForm(forms.Form):
    """Each valid filter applies, an invalid one is ignored and explained beside its field.

    Field names are the French parameters of the address: /prototypes/?domaine=…&etat=…&structure=….
    """

    domaine = forms.ChoiceField(
        label=_("Domaine"),
        required=False,
        error_messages={"invalid_choice": _("Ce domaine n'existe pas : choisissez-en un dans la liste.")},
    )
    etat = forms.ChoiceField(
        label=_("État"),
        required=False,
        error_messages={"invalid_choice": _("Cet état n'existe pas : choisissez-en un dans la liste.")},
    )
    structure = forms.ChoiceField(
        label=_("Structure"),
        required=False,
        error_messages={"invalid_choice": _("Aucun prototype de cette structure : choisissez-en une dans la liste.")},
    )

    def __init__(self, data=None, *, domains=(), statuses=(), structures=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["domaine"].choices = [("", _("Tous les domaines")), *domains]
        self.fields["etat"].choices = [("", _("Tous les états")), *statuses]
        self.fields["structure"].choices = [
            ("", _("Toutes les structures")),
            *((structure.slug, structure.name) for structure in structures),
        ]

    def valid_filters(self):
        """The filters that passed validation, by field name; the others are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class AdoptionForm(forms.Form):
    note = forms.CharField(
        label=_("Un mot sur votre projet (facultatif)"),
        max_length=300,
        required=False,
        help_text=_("Affiché sur la page du prototype. Par exemple : « Nous l'installons à l'accueil en septembre. »"),
    )
