"""Who manages which workshop in the admin: coordinators every page of the workshops and journeys; an animator the
workshops they animate, and new ones they create — never another's, whose participants-only memory it holds.

Wagtail grants page rights on a whole subtree; these testers narrow them page by page. Adding a page below an
index or a journey stays as the subtree's rights say, so animators create workshops where they may.
"""

from wagtail.models import PagePermissionTester

from community.members import accounts

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
    """The indexes and journeys: their own editing is for coordinators; the subtree's rights add pages below."""

    def manages(self):
        return manages_everything(self.user)


class WorkshopPagePermissionTester(CoordinatorsPagePermissionTester):
    def manages(self):
        return super().manages() or self.page.animators.filter(pk=self.user.pk).exists()

    # Its sign-ups and attendance are the funders' proof: deleting or moving a workshop is for coordinators.
    def can_delete(self, ignore_bulk=False):
        return manages_everything(self.user) and PagePermissionTester.can_delete(self, ignore_bulk)

    def can_move(self):
        return manages_everything(self.user) and PagePermissionTester.can_move(self)


def _for_managers_only(name):
    def check(self, *args, **kwargs):
        return self.manages() and getattr(PagePermissionTester, name)(self, *args, **kwargs)

    check.__name__ = name
    return check


# Each right of MANAGING is Wagtail's, and the page's manager's.
for _name in MANAGING:
    setattr(CoordinatorsPagePermissionTester, _name, _for_managers_only(_name))
