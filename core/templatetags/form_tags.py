"""A form's fields, and its errors everyone can find: the summary that lists them as links, and the « Erreur : » of the
page title."""

from django import template
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.template.loader import render_to_string
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.markup import text

register = template.Library()

REQUIRED = ' <span aria-hidden="true">*</span>'


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


@register.simple_tag
def form_fields(form):
    """Each visible field with its label, help and errors, after the summary of the form's errors and its hidden
    fields. Written in Python, as the widgets are (core/widgets.py): a template looping over the fields cost a tenth
    of a sign-up page's build (issue 16). It writes the whitespace of the template it replaced, to the byte.

    Django ties each input to its help and error (aria-describedby, aria-invalid) by these ids; a group of boxes
    (radios, checkboxes) is a fieldset named by its legend, which points to them itself."""
    summary = error_summary(form)
    parts = [
        render_to_string("components/form_error_summary.html", summary) if summary["count"] else "\n",
        "\n",
        *(str(field) for field in form.hidden_fields()),
        "\n",
    ]
    for field in form.visible_fields():
        errors, help_text, auto_id = field.errors, field.help_text, text(field.auto_id)
        label = _label(field) + (REQUIRED if field.field.required else "")
        css = "field field-error" if errors else "field"
        if field.use_fieldset:
            ids = [f"{auto_id}_helptext" if help_text else "", f"{auto_id}_error" if errors else ""]
            described = f' aria-describedby="{" ".join(filter(None, ids))}"' if help_text or errors else ""
            opening = f'<fieldset class="{css}"{described}>\n    <legend>{label}</legend>'
        else:
            opening = f'<div class="{css}">\n    <label for="{text(field.id_for_label)}">{label}</label>'
        help_text = f'<p class="help" id="{auto_id}_helptext">{text(help_text)}</p>' if help_text else ""
        errors = f'<div class="errors" id="{auto_id}_error">{errors}</div>' if errors else ""
        closing = "</fieldset>" if field.use_fieldset else "</div>"
        parts.append(f"\n  \n  \n  \n  {opening}\n  \n    {help_text}\n    {field}\n    {errors}\n  {closing}\n")
    parts.append("\n")
    return mark_safe("".join(parts))  # noqa: S308 — every value above is escaped, or safe HTML of the form's


def _label(field):
    """`{{ field.label|capfirst }}`: escaped, unless the label is safe HTML."""
    label = str(field.label)
    return capfirst(label) if isinstance(label, SafeData) else text(capfirst(label))


def has_errors(value):
    # type(), not isinstance(): the latter would evaluate lazy context values (csrf_token sets a cookie).
    return issubclass(type(value), BaseForm | BaseFormSet) and value.is_bound and not value.is_valid()


@register.simple_tag(takes_context=True)
def error_title_prefix(context):
    """Screen readers announce the title first: a page sent back with errors says so before anything else."""
    if any(has_errors(value) for value in context.flatten().values()):
        return _("Erreur : ")
    return ""
