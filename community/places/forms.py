"""The map's filter form (a plain GET form that works without JavaScript)."""

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from . import vocabulary

PERMANENCE_KIND = "permanence"
RADIUS_CHOICES_KM = (5, 10, 20, 50, 100)
DEFAULT_RADIUS_KM = 20


def _choice(label, choices, message):
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", _("Tous"))] + list(choices),
        error_messages={"invalid_choice": message},
    )


class CommuneChoices(BaseChoiceIterator):
    """The communes as choices, « Toutes » first, read as they are: a list of choices is checked choice by choice
    when set, and again for the widget, which cost milliseconds for a network's hundreds of communes (issue 16)."""

    def __init__(self, communes):
        self.communes = communes

    def __iter__(self):
        yield "", _("Toutes")
        for commune in self.communes:
            yield commune, commune


class CommuneChoicesForm(forms.Form):
    """A filter form whose communes are those of the places it filters."""

    def __init__(self, *args, communes=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Hundreds of communes: the site's renderer draws them in Python (core/widgets.py), not a template each.
        self.fields["commune"].choices = CommuneChoices(communes)  # the widget's too


class MapFilterForm(CommuneChoicesForm):
    pres_de = forms.CharField(
        label=_("Près de chez moi"),
        required=False,
        max_length=100,
        help_text=_("Une commune ou un code postal. Votre position n'est pas demandée."),
        widget=forms.TextInput(attrs={"placeholder": "ex. 59300"}),
    )
    rayon = forms.TypedChoiceField(
        label=_("Dans un rayon de"),
        required=False,
        coerce=int,
        choices=[(km, f"{km} km") for km in RADIUS_CHOICES_KM],
        initial=DEFAULT_RADIUS_KM,
        empty_value=DEFAULT_RADIUS_KM,
        help_text=_("Autour de la commune ou du code postal tapé."),
        error_messages={"invalid_choice": _("Choisissez une distance de la liste.")},
    )
    service = _choice(_("Service"), vocabulary.choices(vocabulary.SERVICES), _("Choisissez un service de la liste."))
    public = _choice(_("Public"), vocabulary.choices(vocabulary.PUBLICS), _("Choisissez un public de la liste."))
    commune = _choice(_("Commune"), [], _("Cette commune n'est pas dans la liste."))
    type = _choice(
        _("Type de lieu"),
        vocabulary.choices(vocabulary.KINDS) + [(PERMANENCE_KIND, _("Permanence mobile"))],
        _("Choisissez un type de la liste."),
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("rayon"):
            # A search sent without a radius shows the one it used.
            data = data.copy()
            data["rayon"] = DEFAULT_RADIUS_KM
        super().__init__(data, *args, **kwargs)


class DirectoryFilterForm(CommuneChoicesForm):
    """The referents' directory: by commune and by service (a plain GET form)."""

    commune = _choice(_("Commune"), [], _("Cette commune n'est pas dans la liste."))
    service = _choice(_("Service"), vocabulary.choices(vocabulary.SERVICES), _("Choisissez un service de la liste."))
