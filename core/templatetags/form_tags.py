"""Form errors everyone can find: the summary that lists them as links, and the « Erreur : » of the page title."""

from django import template
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.utils.text import capfirst
from django.utils.translation import gettext as _

register = template.Library()


def field_anchor(field):
    """The id a summary link jumps to: choice lists (radios, checkboxes) have no label target, so their first box."""
    return field.id_for_label or f"{field.auto_id}_0"


@register.inclusion_tag("components/form_error_summary.html")
def error_summary(form, intro=None):
    errors = [
        (None if field.is_hidden else field_anchor(field), capfirst(field.label), error)
        for field in form
        for error in field.errors
    ]
    non_field_errors = form.non_field_errors()
    return {
        "errors": errors,
        "non_field_errors": non_field_errors,
        "count": len(errors) + len(non_field_errors),
        # Forms of a formset, which share a page, have a prefix: each summary keeps an id of its own.
        "summary_id": f"erreurs-{form.prefix}" if form.prefix else "erreurs",
        "intro": intro,
    }


def has_errors(value):
    # type(), not isinstance(): the latter would evaluate lazy context values (csrf_token sets a cookie).
    return issubclass(type(value), BaseForm | BaseFormSet) and value.is_bound and not value.is_valid()


@register.simple_tag(takes_context=True)
def error_title_prefix(context):
    """Screen readers announce the title first: a page sent back with errors says so before anything else."""
    if any(has_errors(value) for value in context.flatten().values()):
        return _("Erreur : ")
    return ""
