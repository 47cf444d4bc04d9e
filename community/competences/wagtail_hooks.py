"""The competence frameworks in the admin: coordinators edit frameworks, areas and competences as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competence, CompetenceArea, Framework


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


class CompetenceFrameworkGroup(SnippetViewSetGroup):
    menu_label = _("Compétences")
    menu_icon = "tick-inverse"
    menu_order = 300
    items = (FrameworkViewSet, CompetenceAreaViewSet, CompetenceViewSet)


register_snippet(CompetenceFrameworkGroup)
