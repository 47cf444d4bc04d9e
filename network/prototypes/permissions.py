"""Who edits the prototypes in the admin: coordinators all of them; a member the prototypes of their own structure
and the ones they created. Adding a prototype below the index stays as the subtree's rights say (chargés de
mission may, by the grant the demo and the roles give them)."""

from community.members.page_rights import CoordinatorsPagePermissionTester


def structure_id_of(user):
    """The id of the structure the member belongs to (their profile's), or None."""
    profile = getattr(user, "member_profile", None) if user.is_authenticated else None
    return profile.structure_id if profile else None


class PrototypePermissionTester(CoordinatorsPagePermissionTester):
    def manages(self):
        if super().manages():
            return True
        page = self.page.specific_deferred
        owns = page.owner_id is not None and page.owner_id == self.user.pk
        structure_id = getattr(page, "structure_id", None)
        return owns or (structure_id is not None and structure_id == structure_id_of(self.user))
