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
        self.fields["mot_cle"].choices = [("", _("Tous les mots-clés")), *((tag.slug, tag.name) for tag in tags)]

    def valid_filters(self):
        """The filters that passed validation, by field name; the others are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
