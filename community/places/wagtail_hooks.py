"""The map in the admin: structures and mobile sessions as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Permanence, Structure


class StructureViewSet(SnippetViewSet):
    model = Structure
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
    list_display = ["commune", "date", "structure", "offer", "people_met"]
    list_filter = ["offer", "structure"]
    ordering = ["-date"]

    def get_queryset(self, request):
        return Permanence.objects.select_related("structure")


class PlacesGroup(SnippetViewSetGroup):
    menu_label = _("Carte des lieux")
    menu_icon = "site"
    menu_order = 310
    items = (StructureViewSet, PermanenceViewSet)


register_snippet(PlacesGroup)
