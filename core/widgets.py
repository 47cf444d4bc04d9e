"""Form widgets of the listings' filters, written in Python: Django draws a select through a template included for
each option, which made a filter of fifty choices a third of the agenda's build (issue 16)."""

from django import forms
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class Select(forms.Select):
    """Django's select, to the character (tests/core/test_widgets.py), without its templates."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"', widget["name"]), _attributes(widget["attrs"]), ">"]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', localize(group_name)))
            for option in options:
                parts.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',
                        _text(option["value"]),
                        _attributes(option["attrs"]),
                        localize(option["label"]),
                    )
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 — every value above is escaped


def _text(value):
    """As Django's templates write a value with `|stringformat:'s'`: escaped, unless already safe."""
    return value if hasattr(value, "__html__") else str(value)


def _attributes(attrs):
    """As django/forms/widgets/attrs.html: True as a bare name, False left out."""
    return mark_safe(  # noqa: S308 — names and values escaped
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, _text(value))
            for name, value in attrs.items()
            if value is not False
        )
    )
