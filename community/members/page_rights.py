"""Page rights narrowed page by page: Wagtail grants them on a whole subtree; these testers say who manages each
page itself. Adding pages below stays as the subtree's rights say."""

from wagtail.models import PagePermissionTester

from . import accounts

# What a page's own manager may do to it, beyond adding pages below it.
MANAGING = [
    "can_edit",
    "can_delete",
    "can_publish",
    "can_unpublish",
    "can_submit_for_moderation",
    "can_set_view_restrictions",
    "can_unschedule",
    "can_lock",
    "can_unlock",
    "can_move",
    "can_copy",
    "can_view_revisions",
    "can_reorder_children",
]


def manages_everything(user):
    return user.is_active and (user.is_superuser or accounts.is_coordinator(user))


class CoordinatorsPagePermissionTester(PagePermissionTester):
    """A page whose own editing is for coordinators (an index, a journey, a report); subclasses name more managers
    in `manages()`."""

    def manages(self):
        return manages_everything(self.user)


def _for_managers_only(name):
    def check(self, *args, **kwargs):
        return self.manages() and getattr(PagePermissionTester, name)(self, *args, **kwargs)

    check.__name__ = name
    return check


# Each right of MANAGING is Wagtail's, and the page's manager's.
for _name in MANAGING:
    setattr(CoordinatorsPagePermissionTester, _name, _for_managers_only(_name))
