"""The role and year of a job profile note to compile."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .job_profiles import PROFILED_ROLES


class JobProfileForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=[(role.value, role.label) for role in PROFILED_ROLES],
        error_messages={
            "required": _("Choisissez un rôle."),
            "invalid_choice": _("Choisissez l'un des rôles de la liste."),
        },
    )
    year = forms.IntegerField(
        label=_("Année"),
        min_value=2000,
        error_messages={"required": _("Indiquez l'année."), "invalid": _("Indiquez une année, par exemple 2026.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].max_value = this_year
        self.fields["year"].validators.append(MaxValueValidator(this_year, _("L'année ne peut pas être à venir.")))
        self.fields["year"].initial = this_year
