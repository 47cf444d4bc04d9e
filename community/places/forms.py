"""The map's filter form (a plain GET form that works without JavaScript)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import vocabulary

PERMANENCE_KIND = "permanence"


def _choice(label, choices, message):
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", _("Tous"))] + list(choices),
        error_messages={"invalid_choice": message},
    )


class CommuneChoicesForm(forms.Form):
    """A filter form whose communes are those of the places it filters."""

    def __init__(self, *args, communes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].choices = [("", _("Toutes"))] + [(c, c) for c in communes]


class MapFilterForm(CommuneChoicesForm):
    pres_de = forms.CharField(
        label=_("Près de chez moi"),
        required=False,
        max_length=100,
        help_text=_("Une commune ou un code postal. Votre position n'est pas demandée."),
        widget=forms.TextInput(attrs={"placeholder": "ex. 59300"}),
    )
    service = _choice(_("Service"), vocabulary.choices(vocabulary.SERVICES), _("Choisissez un service de la liste."))
    public = _choice(_("Public"), vocabulary.choices(vocabulary.PUBLICS), _("Choisissez un public de la liste."))
    commune = _choice(_("Commune"), [], _("Cette commune n'est pas dans la liste."))
    type = _choice(
        _("Type de lieu"),
        vocabulary.choices(vocabulary.KINDS) + [(PERMANENCE_KIND, _("Permanence mobile"))],
        _("Choisissez un type de la liste."),
    )


class DirectoryFilterForm(CommuneChoicesForm):
    """The referents' directory: by commune and by service (a plain GET form)."""

    commune = _choice(_("Commune"), [], _("Cette commune n'est pas dans la liste."))
    service = _choice(_("Service"), vocabulary.choices(vocabulary.SERVICES), _("Choisissez un service de la liste."))
