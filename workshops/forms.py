"""The public sign-up form and the form to change one's sign-up; French labels and errors."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.editing import SnapshotFormMixin

from .models.announcements import Announcement
from .models.choices import Format
from .models.registration import JourneyRegistration, Registration, SatisfactionResponse

PRIVACY_URL = "/confidentialite/"
# A field no human sees or fills in; bots filling every input give themselves away.
HONEYPOT_FIELD = "site_internet"
MAX_PARTICIPANTS = 30
EMAIL_INVALID = _("Saisissez une adresse e-mail valide, par exemple nom@exemple.org.")

phone_validator = RegexValidator(
    r"^\+?[0-9 .()-]{6,25}$", _("Saisissez un numéro de téléphone, par exemple 06 12 34 56 78.")
)

# Autocomplete tokens let browsers and assistive tools fill in the person's details (WCAG 1.3.5).
AUTOCOMPLETE = {
    "first_name": "given-name",
    "last_name": "family-name",
    "email": "email",
    "phone": "tel",
    "structure": "organization",
    "commune": "address-level2",
    "contact_name": "name",
}


class PersonFieldsMixin:
    def _set_up_person_fields(self):
        for name, field in self.fields.items():
            if name in AUTOCOMPLETE:
                field.widget.attrs["autocomplete"] = AUTOCOMPLETE[name]
        if "phone" in self.fields:
            self.fields["phone"].validators.append(phone_validator)
            self.fields["phone"].widget.input_type = "tel"


class PublicSignupForm(forms.Form):
    """What every public sign-up form asks besides its fields: consent to the privacy notice, and a honeypot."""

    consent = forms.BooleanField(
        label=_("J'accepte que ces informations servent à gérer mon inscription"),
        error_messages={"required": _("Cochez cette case pour vous inscrire.")},
    )
    site_internet = forms.CharField(
        label=_("Laissez ce champ vide"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = format_html(
            _('Elles ne sont jamais affichées publiquement. <a href="{}">Lire la politique de confidentialité</a>'),
            PRIVACY_URL,
        )

    def visible_fields(self):
        # The honeypot is drawn apart, out of sight and out of the accessibility tree.
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))


class SignupForm(PersonFieldsMixin, PublicSignupForm, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["first_name", "last_name", "email", "phone", "structure", "commune"]
        help_texts = {
            "email": _("Vous y recevrez la confirmation et le lien pour modifier ou annuler votre inscription."),
            "phone": _("Facultatif : pour vous prévenir d'un changement de dernière minute."),
            "structure": _("L'association ou l'organisme que vous représentez, ou « à titre personnel »."),
            "commune": _("La commune de votre structure."),
        }
        error_messages = {"email": {"invalid": EMAIL_INVALID}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_up_person_fields()

    def person(self):
        return {name: self.cleaned_data.get(name, "") for name in self.Meta.fields}


class JourneySignupForm(PersonFieldsMixin, PublicSignupForm, forms.ModelForm):
    """An association joins a whole journey; within a territory, its commune is picked from the territory's."""

    class Meta:
        model = JourneyRegistration
        fields = ["structure", "commune", "contact_name", "email", "phone", "participants", "needs"]
        help_texts = {
            "email": _("Vous y recevrez la confirmation et le lien pour revoir ou annuler l'inscription."),
            "phone": _("Facultatif."),
            "participants": _("Combien de personnes de votre structure suivront le parcours (de 1 à 30)."),
            "needs": _("Facultatif : ce que vous attendez du parcours, les outils ou les difficultés du moment."),
        }
        error_messages = {"email": {"invalid": EMAIL_INVALID}}
        widgets = {"needs": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, journey, **kwargs):
        super().__init__(*args, **kwargs)
        communes = journey.communes()
        if communes:
            self.fields["commune"] = forms.ChoiceField(
                label=_("Commune de la structure"),
                choices=[("", _("Choisissez la commune")), *((name, name) for name in communes)],
                help_text=_("Le parcours est ouvert aux associations de ces communes."),
                error_messages={
                    "required": _("Choisissez la commune de votre structure."),
                    "invalid_choice": _("Cette commune n'est pas sur le territoire du parcours."),
                },
            )
        self.fields["participants"].validators += [MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)]
        self.fields["participants"].widget.attrs.update(min=1, max=MAX_PARTICIPANTS)
        self._set_up_person_fields()

    def association(self):
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class ChangeForm(SnapshotFormMixin, PersonFieldsMixin, forms.ModelForm):
    """One's own sign-up, merged with what was changed elsewhere since the page was opened (another device)."""

    merge_fields = ("first_name", "last_name", "phone", "structure", "commune")

    class Meta:
        model = Registration
        fields = ["first_name", "last_name", "phone", "structure", "commune"]
        help_texts = {"phone": _("Facultatif.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_up_person_fields()


class SatisfactionForm(forms.ModelForm):
    class Meta:
        model = SatisfactionResponse
        fields = ["score", "comment"]
        labels = {
            "score": _("Dans l'ensemble, êtes-vous satisfait·e de cet atelier ?"),
            "comment": _("Un mot à ajouter ?"),
        }
        help_texts = {"comment": _("Facultatif. Ce qui vous a servi, ce qui manquait.")}
        widgets = {"score": forms.RadioSelect, "comment": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"score": {"required": _("Choisissez une note de 1 à 5.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A radio button per score, without the empty "---------" choice.
        self.fields["score"].choices = SatisfactionResponse.Score.choices


class WorkshopFilterForm(forms.Form):
    """The agenda's plain GET form: /ateliers/?quand=…&commune=…&format=…&theme=…; an invalid value is explained
    and ignored."""

    quand = forms.ChoiceField(
        label=_("Quand"),
        required=False,
        choices=[("", _("À venir")), ("passes", _("Passés"))],
        error_messages={"invalid_choice": _("Choisissez « À venir » ou « Passés ».")},
    )
    # Typed, not picked from a list: a network's communes run into the hundreds, which a list would send on every
    # visit, and read from every workshop.
    commune = forms.CharField(
        label=_("Commune"),
        required=False,
        max_length=120,
        help_text=_("Son nom, par exemple Langeais ; vide : toutes les communes."),
        error_messages={"max_length": _("Un nom de commune compte au plus 120 caractères.")},
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Tous les formats")), *Format.choices],
        error_messages={"invalid_choice": _("Ce format n'existe pas : choisissez-en un dans la liste.")},
    )
    theme = forms.ChoiceField(
        label=_("Thème"),
        required=False,
        error_messages={"invalid_choice": _("Aucun atelier sur ce thème : choisissez-en un dans la liste.")},
    )

    def __init__(self, data=None, *, themes=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["theme"].choices = [("", _("Tous les thèmes")), *themes]

    def clean_commune(self):
        return " ".join(self.cleaned_data["commune"].split())

    def valid_filters(self):
        """The filters that passed validation, by field name; the others are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class AnnouncementForm(forms.ModelForm):
    """An animator's message to the workshop's people; each audience says how many it holds."""

    class Meta:
        model = Announcement
        fields = ["audience", "subject", "body"]
        widgets = {"audience": forms.RadioSelect, "body": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "audience": {"required": _("Choisissez à qui écrire.")},
            "subject": {"required": _("Donnez un objet au message.")},
            "body": {"required": _("Écrivez le message.")},
        }

    def __init__(self, *args, sizes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [
            (value, f"{label} ({sizes[value]})") for value, label in Announcement.Audience.choices
        ]
        self.fields["audience"].initial = Announcement.Audience.CONFIRMED
