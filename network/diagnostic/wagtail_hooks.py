"""The diagnostic's questions in the admin: coordinators edit them and drag them into order."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Question


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Diagnostic numérique")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["text", "interview_text"]
    search_fields = ["text", "interview_text"]


register_snippet(QuestionViewSet)
