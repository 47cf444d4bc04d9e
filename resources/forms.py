"""Forms of the resource space: the filters of the tool sheet library."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ToolSheetFilterForm(forms.Form):
    """A plain GET form: each valid filter applies, an invalid one is ignored and explained beside its field.

    Field names are the French parameters of the address: /outils/?categorie=…&mot_cle=…&libre=on.
    """

    categorie = forms.ChoiceField(
        label=_("Catégorie"),
        required=False,
        error_messages={"invalid_choice": _("Cette catégorie n'existe pas : choisissez-en une dans la liste.")},
    )
    mot_cle = forms.ChoiceField(
        label=_("Mot-clé"),
        required=False,
        error_messages={"invalid_choice": _("Aucune fiche ne porte ce mot-clé : choisissez-en un dans la liste.")},
    )
    libre = forms.BooleanField(label=_("Logiciel libre uniquement"), required=False)

    def __init__(self, data=None, *, categories=(), tags=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["categorie"].choices = [("", _("Toutes les catégories")), *categories]
        self.fields["mot_cle"].choices = [("", _("Tous les mots-clés")), *tags]

    def valid_filters(self):
        """The filters that passed validation, by field name; the others are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class RevertForm(forms.Form):
    """Why a page goes back to an older version: the reason is shown to everyone in the public history."""

    reason = forms.CharField(
        label=_("Pourquoi revenir à cette version ? (affiché dans l'historique public)"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Indiquez pourquoi vous revenez à cette version : ce motif est affiché dans l'historique."),
            "max_length": _("Le motif tient en %(limit_value)d caractères au plus (il en compte %(show_value)d)."),
        },
    )
