"""The resource space in Wagtail's admin: the reason of a return to an older version, in each page's history."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from . import history


@hooks.register("register_log_actions")
def register_revert_reason(actions):
    @actions.register_action(history.REVERT_REASON)
    class RevertReason(LogFormatter):
        label = _("Retour à une version depuis l'historique public")

        def format_message(self, log_entry):
            return _("Retour à une version, motif : %(reason)s") % {"reason": log_entry.data.get("reason", "")}
