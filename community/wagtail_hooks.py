"""The community app in the admin: snippets for the competence framework (and the other community models)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competence, CompetenceArea, Framework, MemberProfile


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    icon = "list-ul"
    menu_label = _("Référentiels")
    list_display = ["name", "version", "date", "is_current"]
    list_filter = ["slug", "is_current"]
    search_fields = ["name"]


class CompetenceAreaViewSet(SnippetViewSet):
    model = CompetenceArea
    icon = "folder-open-inverse"
    menu_label = _("Domaines")
    list_display = ["code", "title", "framework"]
    list_filter = ["framework"]


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "tick-inverse"
    menu_label = _("Compétences")
    list_display = ["code", "title", "area"]
    list_filter = ["area__framework"]
    search_fields = ["title", "code"]


class MemberProfileViewSet(SnippetViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = _("Profils des membres")
    list_display = ["display_name", "role", "structure"]
    list_filter = ["role"]
    search_fields = ["display_name"]


class CompetenceFrameworkGroup(SnippetViewSetGroup):
    menu_label = _("Compétences")
    menu_icon = "tick-inverse"
    menu_order = 300
    items = (FrameworkViewSet, CompetenceAreaViewSet, CompetenceViewSet, MemberProfileViewSet)


register_snippet(CompetenceFrameworkGroup)


# --- The map: structures and mobile sessions (helper MAP) ---------------------------------------------------------

from .models import Permanence, Structure  # noqa: E402


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
