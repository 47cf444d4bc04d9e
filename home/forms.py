"""Forms of the home app: the site search."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .search import MAX_QUERY_LENGTH, Kind


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "La recherche est trop longue : %(limit_value)d caractères au plus, vous en avez saisi %(show_value)d."
            )
        },
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    type = forms.ChoiceField(
        label=_("Type de contenu"),
        required=False,
        choices=[("", _("Tous les contenus")), *Kind.choices],
        error_messages={"invalid_choice": _("Ce type de contenu n'existe pas : choisissez-en un dans la liste.")},
    )
    mot_cle = forms.ChoiceField(
        label=_("Mot-clé"),
        required=False,
        error_messages={"invalid_choice": _("Aucune page ne porte ce mot-clé : choisissez-en un dans la liste.")},
    )

    def __init__(self, data=None, *, tags=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["mot_cle"].choices = [("", _("Tous les mots-clés")), *((tag.slug, tag.name) for tag in tags)]
