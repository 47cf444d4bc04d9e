"""The follow forms: a visitor's (the digest's address, consent and honeypot, with a rhythm), a member's (the rhythm
only), and the rhythm of a follow changed later."""

from django import forms
from django.utils.translation import gettext_lazy as _

from network.digest.forms import SubscribeForm

from .models import Rhythm


class RhythmForm(forms.Form):
    rhythm = forms.ChoiceField(
        label=_("Recevoir les changements"),
        choices=Rhythm.choices,
        initial=Rhythm.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez un rythme."), "invalid_choice": _("Choisissez un rythme proposé.")},
    )


class FollowForm(RhythmForm, SubscribeForm):
    field_order = ["email", "rhythm", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _("J'accepte que cette adresse serve à m'envoyer les changements de cette page")
        self.fields["consent"].error_messages["required"] = _("Cochez cette case pour suivre la page.")
