"""No lost update: forms that merge with what was saved since they were opened, or refuse with both versions."""

import json

from django import forms
from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

from .merge import MISSING, Conflict, merge_dicts, merge_value, plain_text

PAGE_BASE_FIELD = "merge_base_revision"
PAGE_SEEN_FIELD = "merge_seen_revision"
SNAPSHOT_FIELD = "merge_snapshot"
SEEN_FIELD = "merge_seen"
SNAPSHOT_SALT = "core.editing.snapshot"

CONFLICT_SUMMARY = _(
    "Quelqu'un d'autre a enregistré cette page pendant que vous la modifiiez, et vous avez changé les mêmes "
    "passages. Rien n'a été enregistré : vos modifications sont restées dans le formulaire. Comparez les deux "
    "versions ci-dessous, réconciliez-les, puis enregistrez à nouveau."
)
CONFLICT_SUMMARY_OBJECT = _(
    "Ceci a été enregistré ailleurs pendant que vous le modifiiez, et vous avez changé les mêmes passages. Rien "
    "n'a été enregistré : vos modifications sont restées dans le formulaire. Comparez les deux versions signalées, "
    "réconciliez-les, puis enregistrez à nouveau."
)
CONFLICT_FIELD = _(
    "Modifié entre-temps par quelqu'un d'autre. Version enregistrée entre-temps : « %(theirs)s ». "
    "Votre version : « %(mine)s »."
)
CONFLICT_BLOCK = _(
    "Un bloc a été modifié entre-temps par quelqu'un d'autre. Version enregistrée entre-temps : « %(theirs)s ». "
    "Votre version : « %(mine)s »."
)
REMOVED = _("(bloc supprimé)")
EMPTY = _("(vide)")


def _same_line_endings(value):
    # Browsers post text areas with \r\n: a text saved with \n is not changed by being posted back.
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    if isinstance(value, dict):
        return {key: _same_line_endings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_same_line_endings(item) for item in value]
    return value


def comparable(value):
    """A value in one shape whether it comes from a form's cleaned data or from a saved object."""
    if hasattr(value, "stream_block"):
        raw = value.stream_block.get_prep_value(value)
        return _same_line_endings(json.loads(json.dumps(raw, cls=DjangoJSONEncoder)))
    if isinstance(value, str):
        return _same_line_endings(value)
    if isinstance(value, TagBase):
        return value.name
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, RichText):
        return value.source
    if hasattr(value, "all"):
        value = value.all()
    if isinstance(value, list | tuple | set | models.QuerySet):
        return sorted((comparable(item) for item in value), key=str)
    return value


def jsonable(value):
    """A comparable value as JSON holds it (dates as text), for a signed snapshot."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _side_text(value):
    text = plain_text(value)
    if value is MISSING:
        return str(REMOVED)
    return text or str(EMPTY)


def conflict_message(conflict):
    template = CONFLICT_BLOCK if conflict.block_id else CONFLICT_FIELD
    return template % {"theirs": _side_text(conflict.theirs), "mine": _side_text(conflict.mine)}


class ChildRelationsMixin:
    """Inline child objects (a journey's stages, a framework's levels) merged as one field each."""

    def child_relations(self):
        return [name for name in self.formsets if name != "comments"]

    def _row_fields(self, name):
        return [field for field in self.formsets[name].form.base_fields if field not in {"id", "DELETE", "ORDER"}]

    def saved_rows(self, instance, name):
        fields = self._row_fields(name)
        children = getattr(instance, name).all() if instance is not None and instance.pk else []
        # Wrapped: a list of rows keeps its order (comparable() sorts plain lists).
        return {"rows": [{field: comparable(getattr(child, field, None)) for field in fields} for child in children]}

    def posted_rows(self, name):
        """The rows posted, in their order; None when the formset is invalid (its errors are shown anyway)."""
        formset = self.formsets[name]
        if not formset.is_valid():
            return None
        fields = self._row_fields(name)
        kept = [form for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if formset.can_order:
            kept.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
        return {"rows": [{field: comparable(form.cleaned_data.get(field)) for field in fields} for form in kept]}

    def take_their_rows(self, name, instance):
        """Saves the child objects as saved meanwhile, over the (unchanged) rows the form posted."""
        if not hasattr(self, "_their_child_relations"):
            self._their_child_relations = {}
        self._their_child_relations[name] = list(getattr(instance, name).all())

    def save(self, commit=True):
        taken = getattr(self, "_their_child_relations", None)
        if not taken:
            return super().save(commit=commit)
        instance = super().save(commit=False)
        for name, objects in taken.items():
            setattr(instance, name, objects)
        if commit:
            instance.save()
            self.save_m2m()
        return instance


class NoLostUpdatePageForm(ChildRelationsMixin, WagtailAdminPageForm):
    """Wagtail's page form, merged with the revisions saved since the editor was opened (its hidden base revision).

    Every page type of the project uses it (core.apps makes it the default of `Page.base_form_class`; page types
    with their own form inherit from it). Non-overlapping changes are merged into `cleaned_data`, field by field
    and StreamField block by block; overlapping ones are refused with both versions beside their field.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[PAGE_BASE_FIELD] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=self._latest_revision_id()
        )
        # The revision whose conflicts the person was shown: saving again keeps what they reconciled.
        self.fields[PAGE_SEEN_FIELD] = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def get_field_updates_for_resave(self):
        # Wagtail's autosave saved this editor's content as a newer revision: later saves start from it.
        return [*super().get_field_updates_for_resave(), (self.add_prefix(PAGE_BASE_FIELD), self._latest_revision_id())]

    def _latest_revision_id(self):
        # The database's, not the instance's: the editor's instance is rebuilt from a revision's content.
        if not self.instance.pk:
            return None
        return Page.objects.filter(pk=self.instance.pk).values_list("latest_revision_id", flat=True).first()

    def clean(self):
        cleaned_data = super().clean()
        base_id = cleaned_data.get(PAGE_BASE_FIELD)
        latest_id = self._latest_revision_id()
        if base_id is None or latest_id is None or base_id == latest_id:
            return cleaned_data
        revisions = {revision.pk: revision for revision in self.instance.revisions.filter(pk__in=[base_id, latest_id])}
        if latest_id not in revisions:
            return cleaned_data
        theirs = revisions[latest_id].as_object()
        base = revisions[base_id].as_object() if base_id in revisions else None
        self._merge(base, theirs, latest_id)
        return self.cleaned_data

    def _model_fields(self):
        for name in self.fields:
            if name in {PAGE_BASE_FIELD, PAGE_SEEN_FIELD} or name not in self.cleaned_data:
                continue
            try:
                yield name, self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue

    def _merge(self, base, theirs, latest_id):
        fields = dict(self._model_fields())
        streams = {name for name, field in fields.items() if isinstance(field, StreamField)}
        sides = {
            "base": {name: comparable(_saved_value(base, field)) for name, field in fields.items()} if base else {},
            "theirs": {name: comparable(_saved_value(theirs, field)) for name, field in fields.items()},
            "mine": {name: comparable(self.cleaned_data[name]) for name in fields},
        }
        merged = merge_dicts(sides["base"], sides["theirs"], sides["mine"], streams=streams)
        # Seen: the conflicts take what the person reconciled; what they did not touch still takes theirs.
        seen = self.cleaned_data.get(PAGE_SEEN_FIELD) == latest_id
        relations_merged = self._merge_child_relations(base, theirs, seen)
        if not seen and (merged.conflicts or not relations_merged):
            self._refuse(merged.conflicts, latest_id)
            return
        for name, field in fields.items():
            if merged.values.get(name) == sides["mine"][name]:
                continue
            if name in streams:
                self.cleaned_data[name] = field.stream_block.to_python(merged.values[name])
            elif merged.values.get(name) == sides["theirs"][name]:
                self.cleaned_data[name] = _form_value(theirs, field)
            else:
                # A text both changed apart, merged line by line.
                self.cleaned_data[name] = merged.values[name]

    def _merge_child_relations(self, base, theirs, seen):
        """Takes their child objects where only they changed them; False on a conflict (both changed them)."""
        for name in self.child_relations():
            mine = self.posted_rows(name)
            if mine is None or not hasattr(theirs, name):
                continue
            value, conflicted = merge_value(self.saved_rows(base, name), self.saved_rows(theirs, name), mine)
            if conflicted and seen:
                continue
            if conflicted:
                label = self.formsets[name].model._meta.verbose_name_plural
                conflict = Conflict(name, None, self.saved_rows(theirs, name), mine)
                self.add_error(None, f"{capfirst(label)} : {conflict_message(conflict)}")
                return False
            if value != mine:
                self.take_their_rows(name, theirs)
        return True

    def _refuse(self, conflicts, latest_id):
        for conflict in conflicts:
            if conflict.field in self.fields:
                self.add_error(conflict.field, conflict_message(conflict))
        self.add_error(None, CONFLICT_SUMMARY)
        # Submitting again, after reconciling, saves over the version now seen (still merged with the base).
        self.data = self.data.copy()
        self.data[self.add_prefix(PAGE_SEEN_FIELD)] = str(latest_id)


def _saved_value(instance, field):
    if isinstance(field, TaggableManager):
        return list(getattr(instance, field.name).all())
    return field.value_from_object(instance)


def _form_value(instance, field):
    """A saved object's value as the form's cleaned data holds it."""
    if isinstance(field, TaggableManager):
        return [tag.name for tag in getattr(instance, field.name).all()]
    if field.many_to_many:
        return list(getattr(instance, field.name).all())
    if field.is_relation:
        return getattr(instance, field.name)
    return field.value_from_object(instance)


class SnapshotFormMixin:
    """Mixin for front-end forms of objects without revisions: a signed snapshot of the values the form opened on.

    `merge_fields` lists the fields merged; `snapshot_values(instance)` gives them from the saved object (override it
    with `take_theirs` for values that are not plain fields, and `merge_labels` to name them). On a bound form,
    `clean()` merges what was posted with what was saved since the snapshot, or refuses with both versions beside
    each field (`has_conflict`: the view answers 409).
    """

    merge_fields = ()
    merge_labels = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        saved = self.saved_snapshot()
        self.fields[SNAPSHOT_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=signing.dumps(saved, salt=SNAPSHOT_SALT, compress=True)
        )
        # The saved version whose conflicts the person was shown: saving again keeps what they reconciled.
        self.fields[SEEN_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.conflicts = []

    @property
    def has_conflict(self):
        return bool(self.conflicts)

    def _snapshot_of(self, instance):
        return jsonable({name: comparable(value) for name, value in self.snapshot_values(instance).items()})

    def saved_snapshot(self):
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            return None
        return self._snapshot_of(instance)

    def merge_label(self, name):
        """The name of a merged value that is not a field of the form, for its conflict message."""
        return self.merge_labels.get(name, name)

    def snapshot_values(self, instance):
        return {name: getattr(instance, name) for name in self.merge_fields}

    def posted_values(self):
        """What was posted, by merged field."""
        return {name: self.cleaned_data.get(name) for name in self.merge_fields}

    def take_theirs(self, name, current):
        """Keep what was saved meanwhile for `name`, a field the person left as it was."""
        value = getattr(current, name)
        self.cleaned_data[name] = list(value.all()) if hasattr(value, "all") else value

    def clean(self):
        cleaned_data = super().clean()
        base = _signed(cleaned_data.get(SNAPSHOT_FIELD))
        instance = getattr(self, "instance", None)
        if base is None or instance is None or instance.pk is None or self.errors:
            return cleaned_data
        # The object as saved now, not the form's instance (the view loaded it; the form changes it after clean()).
        current = type(instance)._default_manager.get(pk=instance.pk)
        theirs = self._snapshot_of(current)
        if theirs == base:
            return cleaned_data
        mine = jsonable({name: comparable(value) for name, value in self.posted_values().items()})
        merged = merge_dicts(base, theirs, mine)
        seen = _signed(cleaned_data.get(SEEN_FIELD)) == theirs
        if merged.conflicts and not seen:
            self.conflicts = merged.conflicts
            for conflict in merged.conflicts:
                if conflict.field in self.fields:
                    self.add_error(conflict.field, conflict_message(conflict))
                else:
                    self.add_error(None, f"{self.merge_label(conflict.field)} : {conflict_message(conflict)}")
            self.add_error(None, CONFLICT_SUMMARY_OBJECT)
            # Submitting again saves what the person reconciled; what they typed stays in the form.
            self.data = self.data.copy()
            self.data[self.add_prefix(SEEN_FIELD)] = signing.dumps(theirs, salt=SNAPSHOT_SALT, compress=True)
            return self.cleaned_data
        # Seen or not in conflict: what the person did not change takes what was saved meanwhile.
        for name in self.merge_fields:
            if merged.values.get(name) == mine[name]:
                continue
            if merged.values.get(name) == theirs[name]:
                self.take_theirs(name, current)
            else:
                # A text both changed apart, merged line by line.
                self.cleaned_data[name] = merged.values[name]
        return self.cleaned_data


class NoLostUpdateSnippetForm(SnapshotFormMixin, ChildRelationsMixin, WagtailAdminModelForm):
    """Wagtail's admin form for objects without revisions (snippets): every field of the form and every inline
    child relation merged with what was saved since it was opened (`base_form_class` of the model)."""

    @property
    def merge_fields(self):
        names = [name for name in self.fields if name != SNAPSHOT_FIELD and _model_field(self._meta.model, name)]
        return (*names, *self.child_relations())

    def snapshot_values(self, instance):
        relations = self.child_relations()
        values = {name: getattr(instance, name) for name in self.merge_fields if name not in relations}
        return {**values, **{name: self.saved_rows(instance, name) for name in relations}}

    def posted_values(self):
        relations = self.child_relations()
        values = {name: self.cleaned_data.get(name) for name in self.merge_fields if name not in relations}
        return {**values, **{name: self.posted_rows(name) for name in relations}}

    def merge_label(self, name):
        if name in self.child_relations():
            return capfirst(self.formsets[name].model._meta.verbose_name_plural)
        return super().merge_label(name)

    def take_theirs(self, name, current):
        if name in self.child_relations():
            self.take_their_rows(name, current)
        else:
            super().take_theirs(name, current)


def _signed(value):
    """A snapshot signed by this site, or None (missing, or forged)."""
    try:
        return signing.loads(value or "", salt=SNAPSHOT_SALT)
    except signing.BadSignature:
        return None


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
