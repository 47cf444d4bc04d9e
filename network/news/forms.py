"""The news index's filter: a plain GET form, /actualites/?mot_cle=…"""

from django import forms
from django.utils.translation import gettext_lazy as _


class NewsFilterForm(forms.Form):
    mot_cle = forms.ChoiceField(
        label=_("Mot-clé"),
        required=False,
        error_messages={"invalid_choice": _("Aucune actualité ne porte ce mot-clé : choisissez-en un dans la liste.")},
    )

    def __init__(self, data=None, *, tags=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["mot_cle"].choices = [("", _("Tous les mots-clés")), *((tag.slug, tag.name) for tag in tags)]

    def valid_filters(self):
        """The filters that passed validation, by field name; the others are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
