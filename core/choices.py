"""The label of a model's choice (get_FOO_display()) as Django gives it, without translating every label of the
field to find one."""

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


class ChoiceLabels:
    """Django makes the field's choices a dict to look the value up, which hashes every lazy label, so translates
    it: a card showing its category translated all the categories (140 calls for ten, issue 16). Here only the
    values are hashed; the label found is the same."""

    def _get_FIELD_display(self, field):  # noqa: N802 — Django's name, which get_FOO_display() calls
        value = getattr(self, field.attname)
        labels = {make_hashable(choice): label for choice, label in field.flatchoices}
        return force_str(labels.get(make_hashable(value), value), strings_only=True)
