"""Members' profiles in the admin, for coordinators."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MemberProfile


class MemberProfileViewSet(SnippetViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = _("Profils des membres")
    list_display = ["display_name", "role", "structure"]
    list_filter = ["role"]
    search_fields = ["display_name"]
    menu_order = 320


register_snippet(MemberProfileViewSet)
