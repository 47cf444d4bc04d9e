"""The dashboard's choice of period and territory, read from the address (GET): a view can be bookmarked or sent."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.journal.models import PERIOD_YEARS
from workshops.models import JourneyPage

from .figures import Scope, territories
from .pack import Quarter


class ScopeForm(forms.Form):
    du = forms.DateField(
        label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    au = forms.DateField(
        label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    territoire = forms.ChoiceField(label=_("Territoire"), required=False)

    def __init__(self, data=None, today=None, territories=None):
        today = today or timezone.localdate()
        self.default = Scope(today.replace(month=1, day=1), today)
        super().__init__(data or None, initial={"du": self.default.start, "au": self.default.end})
        _offer_territories(self.fields["territoire"], territories)

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("du") or self.default.start
        end = cleaned.get("au") or self.default.end
        for name, day in (("du", start), ("au", end)):
            if day.year not in PERIOD_YEARS:
                self.add_error(name, _("Choisissez une date entre 2000 et 2100."))
        if start > end:
            self.add_error("au", _("La fin de la période doit suivre son début."))
        cleaned["du"], cleaned["au"] = start, end
        return cleaned

    def scope(self):
        """The chosen scope; the current year for the whole network when nothing is chosen."""
        if not self.is_bound:
            return self.default
        return Scope(self.cleaned_data["du"], self.cleaned_data["au"], self.cleaned_data["territoire"])


class PackForm(forms.Form):
    """The steering committee's pack: a quarter (2026-T2) and a territory."""

    trimestre = forms.CharField(
        label=_("Trimestre"),
        max_length=7,
        help_text=_("Par exemple 2026-T2 (avril–juin)."),
        error_messages={"required": _("Indiquez le trimestre, par exemple 2026-T2.")},
    )
    territoire = forms.ChoiceField(label=_("Territoire"), required=False)

    def __init__(self, data=None, today=None, territories=None):
        today = today or timezone.localdate()
        super().__init__(data or None, initial={"trimestre": str(Quarter.containing(today))}, auto_id="comite-%s")
        _offer_territories(self.fields["territoire"], territories)

    def clean_trimestre(self):
        try:
            return Quarter.parse(self.cleaned_data["trimestre"])
        except ValueError:
            raise forms.ValidationError(
                _("Saisissez un trimestre sous la forme 2026-T2, entre 2000 et 2100.")
            ) from None


def _offer_territories(field, names=None):
    """The territories offered: `names` when the page has read them already for its other form."""
    names = territories() if names is None else names
    field.choices = [("", _("Tout le réseau"))] + [(name, name) for name in names]
    field.error_messages["invalid_choice"] = _("Choisissez un territoire de la liste.")


class JourneyReportForm(forms.Form):
    parcours = forms.ModelChoiceField(
        label=_("Parcours"),
        queryset=JourneyPage.objects.live().order_by("title"),
        empty_label=None,
        error_messages={"invalid_choice": _("Ce parcours n'existe pas ou n'est pas publié.")},
    )
