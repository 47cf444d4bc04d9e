"""The choice of a competence in a form: options grouped by area, each starting with the competence's own label."""

from itertools import groupby

from django import forms
from django.forms.models import ModelChoiceIterator

# Frameworks, then their areas and competences in the framework's order, so that each area makes one group.
FRAMEWORK_ORDER = ("area__framework__name", "area__framework__version", "area__order", "area__code", "order", "code")


class GroupedByAreaIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        competences = self.queryset.select_related("area__framework").order_by(*FRAMEWORK_ORDER)
        for area, members in groupby(competences, key=lambda competence: competence.area):
            yield (area_label(area), [self.choice(competence) for competence in members])


def area_label(area):
    framework = area.framework
    return f"{area.code}. {area.title} — {framework.name} ({framework.version})"


class CompetenceChoiceField(forms.ModelChoiceField):
    """A closed select on a phone shows only the chosen option: the framework's name goes to the <optgroup>."""

    iterator = GroupedByAreaIterator

    def label_from_instance(self, competence):
        return f"{competence.code} {competence.title}"
