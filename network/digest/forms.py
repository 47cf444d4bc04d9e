"""The subscription form: an address, consent, and the sign-up forms' honeypot (workshops/forms.py)."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from workshops.forms import EMAIL_INVALID, PRIVACY_URL, PublicSignupForm


class SubscribeForm(PublicSignupForm):
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        help_text=_("Vous y recevrez d'abord un lien pour confirmer : rien n'est envoyé avant."),
        error_messages={"invalid": EMAIL_INVALID, "required": _("Indiquez votre adresse e-mail.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("J'accepte que cette adresse serve à m'envoyer la lettre mensuelle"),
        error_messages={"required": _("Cochez cette case pour vous abonner.")},
    )

    field_order = ["email", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = format_html(
            _('Elle n\'est jamais affichée publiquement. <a href="{}">Lire la politique de confidentialité</a>'),
            PRIVACY_URL,
        )
