"""The site's form renderer (FORM_RENDERER): Django's own widget templates, and the list of a field's errors, written
in Python. Django draws every widget through templates (a select, one include per option), which made a page's
forms a fifth to a third of its build (issue 16); these draw the same characters (tests/core/test_widgets.py) from
the same context. Any other template (a widget of Wagtail's admin, a form's layout) is rendered as Django does.

An app that overrides one of these templates must take it out of DRAWN: its template would not be read."""

from django.forms.renderers import DjangoTemplates

from .markup import formatted, text

WIDGETS = "django/forms/widgets/"
OPTION = f"{WIDGETS}select_option.html"


class Renderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        draw = DRAWN.get(template_name)
        if draw is None or (drawn := draw(context)) is None:
            return super().render(template_name, context, request)
        return drawn


def _attributes(attrs):
    """django/forms/widgets/attrs.html: True as a bare name, False left out."""
    if not attrs:
        return ""  # most options of a select
    return "".join(
        f" {text(name)}" if value is True else f' {text(name)}="{formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(context):
    widget = context["widget"]
    value = "" if widget["value"] is None else f' value="{formatted(widget["value"])}"'
    attributes = _attributes(widget["attrs"])
    return f'<input type="{text(widget["type"])}" name="{text(widget["name"])}"{value}{attributes}>'


def _textarea(context):
    widget = context["widget"]
    content = text(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{text(widget["name"])}"{_attributes(widget["attrs"])}>\n{content}</textarea>'


def _select(context):
    """None when an option has a template of its own (a subclass's): the whole select is then Django's."""
    widget = context["widget"]
    parts = [f'<select name="{text(widget["name"])}"{_attributes(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{text(group_name)}">')
        for option in options:
            if option["template_name"] != OPTION:
                return None
            parts.append(
                f'\n  <option value="{formatted(option["value"])}"{_attributes(option["attrs"])}>'
                f"{text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _errors(context):
    errors = context["errors"]
    if not errors:
        return ""
    field_id = f' id="{text(errors.field_id)}_error"' if errors.field_id else ""
    items = "".join(f"<li>{text(error)}</li>" for error in errors)
    return f'<ul class="{text(context["error_class"])}"{field_id}>{items}</ul>'


# Each template is drawn as Django renders it, surrounding whitespace stripped (BaseRenderer.render).
DRAWN = {
    **{
        f"{WIDGETS}{name}.html": _input
        for name in (
            "input",
            "text",
            "email",
            "number",
            "tel",
            "url",
            "password",
            "search",
            "hidden",
            "date",
            "datetime",
            "time",
            "color",
            "file",
            "checkbox",
        )
    },
    f"{WIDGETS}textarea.html": _textarea,
    f"{WIDGETS}select.html": _select,
    "django/forms/errors/list/default.html": _errors,
    "django/forms/errors/list/ul.html": _errors,
}
