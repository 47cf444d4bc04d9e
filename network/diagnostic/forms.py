"""The questionnaire (one radio group per question, in the person's or the professional's words) and the form
that asks for the result by e-mail; French labels and errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from workshops.forms import EMAIL_INVALID, HONEYPOT_FIELD

from .models import INTERVIEW_LABELS, Level, Mode

PREFIX = "q"


def field_name(question):
    return f"{PREFIX}{question.pk}"


class DiagnosticForm(forms.Form):
    # Anything but "entretien" reads as the autonomous mode: a hidden field has no error to show.
    mode = forms.CharField(required=False, widget=forms.HiddenInput)
    commune = forms.CharField(
        label=_("Votre commune ou votre code postal"),
        required=False,
        max_length=100,
        help_text=_("Facultatif : pour vous proposer des permanences près de chez vous. Il n'est pas enregistré."),
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )

    def __init__(self, *args, questions, mode=Mode.AUTONOMOUS, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.mode = Mode(self.data.get("mode")) if self.data.get("mode") in Mode.values else Mode(mode)
        self.fields["mode"].initial = self.mode
        for question in questions:
            labels = INTERVIEW_LABELS if self.mode == Mode.INTERVIEW else dict(Level.choices)
            self.fields[field_name(question)] = forms.ChoiceField(
                label=question.asked_in(self.mode),
                help_text=question.explanation,
                choices=[(level.value, labels[level]) for level in Level],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choisissez une réponse à cette question."),
                    "invalid_choice": _("Choisissez une des réponses proposées."),
                },
            )
        if self.mode == Mode.INTERVIEW:
            self.fields["commune"].label = _("La commune ou le code postal de la personne")
            self.fields["commune"].help_text = _("Facultatif : pour lui proposer des permanences proches.")

    def question_fields(self):
        """(question, bound field) in the questions' order, for the template's fieldsets."""
        return [(question, self[field_name(question)]) for question in self.questions]

    def answers(self):
        """{question: Level} of a valid form."""
        return {question: Level(self.cleaned_data[field_name(question)]) for question in self.questions}

    def hidden_answers(self):
        """The valid answers and the mode as (name, value) pairs, posted again by the result page's forms."""
        pairs = [(field_name(question), self.cleaned_data[field_name(question)]) for question in self.questions]
        return [("mode", self.mode.value), *pairs]


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        max_length=254,
        help_text=_("Elle sert à cet envoi seulement, puis elle est effacée."),
        error_messages={"required": _("Saisissez votre adresse e-mail."), "invalid": EMAIL_INVALID},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    site_internet = forms.CharField(
        label=_("Laissez ce champ vide"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))
