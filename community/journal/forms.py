"""Forms of the journal de bord: an entry with its evidenced competences, and the filters of one's journal."""

from django import forms
from django.core.validators import MaxValueValidator
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.competences.fields import CompetenceChoiceField
from community.competences.models import Competence, Framework
from core.editing import SnapshotFormMixin

from .job_profiles import PROFILED_ROLES
from .models import PERIOD_YEARS, EvidencedCompetence, JournalEntry, JournalTag
from .models.entries import MAX_LEVEL
from .recit import Period

LEVEL_CHOICES = [("", "—")] + [(n, str(n)) for n in range(1, MAX_LEVEL + 1)]


def competence_queryset(also=()):
    """The competences of the frameworks in force, plus those already chosen (an entry keeps its version)."""
    condition = Competence.objects.filter(area__framework__is_current=True)
    if also:
        condition = condition | Competence.objects.filter(pk__in=also)
    return condition.select_related("area__framework")


class JournalEntryForm(SnapshotFormMixin, forms.ModelForm):
    """An entry, merged with what was saved elsewhere since it was opened (another tab, another device)."""

    merge_fields = ("date", "title", "kind", "body", "tags", "visibility", "evidence")
    merge_labels = {"evidence": _("Compétences mises en évidence")}

    def __init__(self, *args, evidence=None, **kwargs):
        # The evidence formset is merged as one field: both sides changed it, or only one did.
        self.evidence = evidence
        self.keeps_saved_evidence = False
        super().__init__(*args, **kwargs)

    def snapshot_values(self, entry):
        rows = entry.evidence.select_related("competence") if entry.pk else []
        return {
            **super().snapshot_values(entry),
            "evidence": [_evidence_text(row.competence, row.level) for row in rows],
        }

    def posted_values(self):
        values = {**super().posted_values(), "evidence": self.saved_snapshot()["evidence"]}
        if self.evidence is not None and self.evidence.is_valid():
            values["evidence"] = [
                _evidence_text(form.cleaned_data["competence"], form.cleaned_data.get("level"))
                for form in self.evidence.forms
                if form.cleaned_data.get("competence") and not form.cleaned_data.get("DELETE")
            ]
        return values

    def take_theirs(self, name, current):
        if name == "evidence":
            self.keeps_saved_evidence = True
        elif name == "tags":
            self.cleaned_data["tags"] = [tag.name for tag in current.tags.all()]
        else:
            super().take_theirs(name, current)

    class Meta:
        model = JournalEntry
        fields = ["date", "title", "kind", "body", "tags", "visibility"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "body": forms.Textarea(attrs={"rows": 12}),
            "visibility": forms.RadioSelect,
        }
        help_texts = {"tags": _("Séparés par des virgules, par exemple : parentalité, e-administration.")}


def _evidence_text(competence, level):
    return f"{competence.code} {competence.title} ({level})"


class EvidenceForm(forms.ModelForm):
    level = forms.TypedChoiceField(label=_("niveau estimé"), choices=LEVEL_CHOICES, coerce=int, required=False)

    class Meta:
        model = EvidencedCompetence
        fields = ["competence", "level"]
        field_classes = {"competence": CompetenceChoiceField}

    def __init__(self, *args, competence_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].queryset = competence_choices
        self.fields["competence"].required = False
        self.fields["competence"].empty_label = _("— choisir une compétence —")

    def clean(self):
        cleaned = super().clean()
        competence, level = cleaned.get("competence"), cleaned.get("level")
        if competence and not level:
            self.add_error("level", _("Indiquez le niveau que vous estimez avoir atteint."))
        if level and not competence and not self.errors.get("competence"):
            self.add_error("competence", _("Choisissez la compétence que ce niveau concerne."))
        if competence and level:
            top = competence.area.framework.levels.count() or MAX_LEVEL
            if level > top:
                self.add_error(
                    "level", _("Ce référentiel compte %(top)s niveaux : choisissez entre 1 et %(top)s.") % {"top": top}
                )
        return cleaned

    def has_changed(self):
        # A row left on its empty choices is not an evidence (and is not validated).
        return bool(self.data.get(self.add_prefix("competence")) or self.data.get(self.add_prefix("level"))) or (
            self.instance.pk is not None and super().has_changed()
        )


class BaseEvidenceFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        chosen = list(instance.evidence.values_list("competence_id", flat=True)) if instance and instance.pk else []
        self.competence_choices = competence_queryset(also=chosen)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "competence_choices": self.competence_choices}

    def clean(self):
        # Before the formset's own unique check, which would drop the second row's data without saying which.
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            competence = form.cleaned_data.get("competence")
            if competence is None:
                continue
            if competence.pk in seen:
                form.add_error("competence", _("Cette compétence est déjà indiquée plus haut."))
            seen.add(competence.pk)
        super().clean()

    def save(self, commit=True):
        # Rows whose competence was emptied out are dropped, like deleted ones.
        for form in self.forms:
            if form.instance.pk and not form.cleaned_data.get("competence"):
                form.cleaned_data["DELETE"] = True
        return super().save(commit)


EvidenceFormSet = inlineformset_factory(
    JournalEntry,
    EvidencedCompetence,
    form=EvidenceForm,
    formset=BaseEvidenceFormSet,
    extra=3,
    max_num=12,
    validate_max=True,
    can_delete=True,
)


class JournalFilterForm(forms.Form):
    """The filters of one's journal, from the query string; an invalid value is explained and ignored."""

    q = forms.CharField(label=_("Rechercher dans mes entrées"), max_length=200, required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    mot_cle = forms.ModelChoiceField(
        label=_("Mot-clé"),
        queryset=JournalTag.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous"),
    )
    competence = CompetenceChoiceField(
        label=_("Compétence"), queryset=Competence.objects.none(), required=False, empty_label=_("Toutes")
    )
    du = forms.DateField(label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    au = forms.DateField(label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, data, user):
        super().__init__(data)
        self.fields["type"].choices = [("", _("Tous"))] + list(JournalEntry.Kind.choices)
        self.fields["mot_cle"].queryset = (
            JournalTag.objects.filter(tagged_entries__content_object__author=user).distinct().order_by("name")
        )
        self.fields["competence"].queryset = Competence.objects.filter(evidence__entry__author=user).distinct()
        self.fields["type"].error_messages["invalid_choice"] = _("Ce type d'entrée n'existe pas.")
        self.fields["mot_cle"].error_messages["invalid_choice"] = _("Vous n'avez aucune entrée avec ce mot-clé.")
        self.fields["competence"].error_messages["invalid_choice"] = _(
            "Aucune de vos entrées ne met en évidence cette compétence."
        )
        for name in ("du", "au"):
            self.fields[name].error_messages["invalid"] = _("Saisissez une date valide, par exemple 2026-03-31.")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("du"), cleaned.get("au")
        if start and end and start > end:
            self.add_error("au", _("La fin de la période précède son début."))
            cleaned.pop("au", None)
        return cleaned

    def values(self):
        """The valid filters only (a rejected one is shown with its error and not applied)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "kind": cleaned.get("type") or None,
            "tag": cleaned.get("mot_cle"),
            "competence": cleaned.get("competence"),
            "start": cleaned.get("du"),
            "end": cleaned.get("au"),
            "query": cleaned.get("q") or "",
        }


class ValidationForm(forms.Form):
    """A coordinator's validation of a member's level in one competence."""

    competence = forms.ModelChoiceField(queryset=Competence.objects.select_related("area__framework"))
    level = forms.TypedChoiceField(label=_("Niveau validé"), choices=LEVEL_CHOICES[1:], coerce=int)
    comment = forms.CharField(label=_("Commentaire"), max_length=2000, required=False, widget=forms.Textarea)

    @classmethod
    def sent_from_row(cls, data):
        """The form as sent from one competence's row of the profile: its fields keep that row's ids, so that the
        error summary links to the row's own fields."""
        row = data.get("competence", "")
        return cls(data, auto_id=f"%s-{row}" if row.isdigit() else "id_%s")


class RecitPeriodForm(forms.Form):
    """The first month of the two-month period a récit collectif covers."""

    debut = forms.RegexField(
        label=_("Premier mois de la période"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        help_text=_("Le récit couvre ce mois et le suivant. Format : 2026-03."),
        error_messages={"invalid": _("Saisissez un mois sous la forme 2026-03.")},
        widget=forms.TextInput(attrs={"type": "month"}),
    )

    def clean_debut(self):
        year, month = (int(part) for part in self.cleaned_data["debut"].split("-"))
        try:
            return Period.two_months_from(year, month)
        except ValueError:
            raise forms.ValidationError(
                _("Choisissez un mois entre %(first)s et %(last)s.")
                % {"first": f"{PERIOD_YEARS.start}-01", "last": f"{PERIOD_YEARS.stop - 1}-11"}
            ) from None

    def period(self):
        return self.cleaned_data["debut"]


class CadreForm(forms.Form):
    """Which framework and which half-year the cadre de référence covers."""

    referentiel = forms.ModelChoiceField(
        label=_("Référentiel"),
        queryset=Framework.objects.filter(is_current=True),
        empty_label=None,
        error_messages={"invalid_choice": _("Ce référentiel n'existe pas ou n'est plus en vigueur.")},
    )
    semestre = forms.CharField(
        label=_("Semestre"),
        max_length=6,
        help_text=_("Par exemple 2026-1 (janvier–juin) ou 2026-2 (juillet–décembre)."),
    )

    def clean_semestre(self):
        from .cadre import Semester

        try:
            return Semester.parse(self.cleaned_data["semestre"])
        except ValueError:
            raise forms.ValidationError(
                _("Saisissez un semestre sous la forme 2026-1 ou 2026-2. Les années vont de %(first)s à %(last)s.")
                % {"first": PERIOD_YEARS.start + 1, "last": PERIOD_YEARS.stop - 1}
            ) from None


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
