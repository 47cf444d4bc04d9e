"""Forms of the badges: a coordinator's revocation reason, a visitor's e-mail to check against a badge."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de la révocation"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Affiché publiquement sur la page de vérification du badge."),
        error_messages={"required": _("Indiquez le motif de la révocation : il sera affiché publiquement.")},
    )


class CheckEmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        error_messages={
            "required": _("Saisissez l'adresse e-mail à vérifier."),
            "invalid": _("Saisissez une adresse e-mail valide, par exemple nom@exemple.org."),
        },
    )
