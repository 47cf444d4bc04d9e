"""Forms of the resource space: the filters of the tool sheet library, the documents' upload form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .models import ToolSheetPage


class ToolSheetFilterForm(forms.Form):
    """A plain GET form: each valid filter applies, an invalid one is ignored and explained beside its field.

    Field names are the French parameters of the address: /outils/?categorie=…&mot_cle=…&libre=on.
    """

    categorie = forms.ChoiceField(
        label=_("Catégorie"),
        required=False,
        choices=[("", _("Toutes les catégories")), *ToolSheetPage.Category.choices],
        error_messages={"invalid_choice": _("Cette catégorie n'existe pas : choisissez-en une dans la liste.")},
    )
    mot_cle = forms.ChoiceField(
        label=_("Mot-clé"),
        required=False,
        error_messages={"invalid_choice": _("Aucune fiche ne porte ce mot-clé : choisissez-en un dans la liste.")},
    )
    libre = forms.BooleanField(label=_("Logiciel libre uniquement"), required=False)

    def __init__(self, data=None, *, tags=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["mot_cle"].choices = [("", _("Tous les mots-clés")), *((tag.slug, tag.name) for tag in tags)]

    def valid_filters(self):
        """The filters that passed validation, by field name; the others are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), which says only what is wrong with a file.

    Once the form refuses a file (too big), the model's extension check finds no file and would add
    « L'extension de fichier «  » n'est pas autorisée » beneath the true reason.
    """

    def _post_clean(self):
        refused = list(self.errors.get("file", []))
        super()._post_clean()
        if refused:
            self.errors["file"] = self.error_class(refused, renderer=self.renderer)
