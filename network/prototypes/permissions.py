"""Who edits the prototypes in the admin: coordinators all of them; a member the prototypes of their own structure
and the ones they created. Adding a prototype below the index stays as the subtree's rights say (chargés de
mission may, by the grant the demo and the roles give them)."""

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


def is_coordinator(user):
    return user.is_active and (user.is_superuser or accounts.is_coordinator(user))


def structure_id_of(user):
    """The id of the structure the member belongs to (their profile's), or None."""
    profile = getattr(user, "member_profile", None) if user.is_authenticated else None
    return profile.structure_id if profile else None


class IndexPermissionTester(PagePermissionTester):
    """The index itself is the coordinators'; the subtree's rights add prototypes below it."""

    def manages(self):
        return is_coordinator(self.user)


class PrototypePermissionTester(IndexPermissionTester):
    def manages(self):
        if super().manages():
            return True
        page = self.page.specific_deferred
        owns = page.owner_id is not None and page.owner_id == self.user.pk
        structure_id = getattr(page, "structure_id", None)
        return owns or (structure_id is not None and structure_id == structure_id_of(self.user))


def _for_managers_only(name):
    def check(self, *args, **kwargs):
        return self.manages() and getattr(PagePermissionTester, name)(self, *args, **kwargs)

    check.__name__ = name
    return check


# Each right of MANAGING is Wagtail's, and the page's manager's.
for _name in MANAGING:
    setattr(IndexPermissionTester, _name, _for_managers_only(_name))
