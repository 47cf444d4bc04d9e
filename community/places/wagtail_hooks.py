"""The map in the admin: structures, mobile sessions (one by one or as a recurring series) and the charter's
signatures as snippets.

Signatures are a snippet of their own, not a panel of the structure: a chargé edits their own structure, and must
not record a signature of the charter for it. Only coordinators hold the signature's permissions."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet, SnippetViewSetGroup

from . import series
from .models import CharterSignature, Permanence, PermanenceSeries, Structure
from .permissions import StructurePermissionPolicy

# Before the viewsets below, which would otherwise create the default policy.
register_permission_policy(Structure, StructurePermissionPolicy(Structure))


class StructureEditView(EditView):
    """Wagtail checks the model's change permission only; here it is the structure's own that counts."""

    def get_object(self, queryset=None):
        structure = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", structure):
            raise PermissionDenied
        return structure


class StructureViewSet(SnippetViewSet):
    model = Structure
    edit_view_class = StructureEditView
    icon = "site"
    menu_label = _("Structures")
    list_display = ["name", "kind", "commune", "is_public"]
    list_filter = ["kind", "is_public"]
    search_fields = ["name", "commune"]
    list_per_page = 50


class PermanenceViewSet(SnippetViewSet):
    model = Permanence
    icon = "date"
    menu_label = _("Permanences mobiles")
    list_display = ["commune", "date", "structure", "offer", "is_cancelled", "people_met"]
    list_filter = ["offer", "is_cancelled", "structure"]
    ordering = ["-date"]

    def get_queryset(self, request):
        return Permanence.objects.select_related("structure")


class MaterialisingMixin:
    """A series saved in the admin brings its occurrences in line with its rule, in the same transaction."""

    def save_instance(self):
        with transaction.atomic():
            pk = self.form.instance.pk
            previous = PermanenceSeries.objects.filter(pk=pk).first() if pk else None
            instance = super().save_instance()
            series.materialise(instance, previous)
        return instance


class SeriesCreateView(MaterialisingMixin, CreateView):
    pass


class SeriesEditView(MaterialisingMixin, EditView):
    pass


class PermanenceSeriesViewSet(SnippetViewSet):
    model = PermanenceSeries
    add_view_class = SeriesCreateView
    edit_view_class = SeriesEditView
    icon = "rotate"
    menu_label = _("Permanences récurrentes")
    list_display = ["commune", "frequency", "first_date", "structure"]
    list_filter = ["frequency", "structure"]
    ordering = ["-first_date"]

    def get_queryset(self, request):
        return PermanenceSeries.objects.select_related("structure")


class CharterSignatureViewSet(SnippetViewSet):
    model = CharterSignature
    icon = "doc-full"
    menu_label = _("Signatures de la charte")
    list_display = ["structure", "signed_on", "signatory_role"]
    ordering = ["structure__name"]

    def get_queryset(self, request):
        return CharterSignature.objects.select_related("structure")


class PlacesGroup(SnippetViewSetGroup):
    menu_label = _("Carte des lieux")
    menu_icon = "site"
    menu_order = 310
    items = (StructureViewSet, PermanenceViewSet, PermanenceSeriesViewSet, CharterSignatureViewSet)


register_snippet(PlacesGroup)
