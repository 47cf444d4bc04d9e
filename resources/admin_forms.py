"""The admin's forms of the resource space (Wagtail's admin forms load after the models: apart from forms.py)."""

from wagtail.documents.forms import BaseDocumentForm


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
