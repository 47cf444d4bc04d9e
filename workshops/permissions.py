"""Who manages which workshop in the admin: coordinators every page of the workshops and journeys; an animator the
workshops they animate, and new ones they create — never another's, whose participants-only memory it holds.

Adding a page below an index or a journey stays as the subtree's rights say, so animators create workshops where
they may (community/members/page_rights.py).
"""

from wagtail.models import PagePermissionTester

from community.members.page_rights import CoordinatorsPagePermissionTester, manages_everything


class WorkshopPagePermissionTester(CoordinatorsPagePermissionTester):
    def manages(self):
        return super().manages() or self.page.animators.filter(pk=self.user.pk).exists()

    # Its sign-ups and attendance are the funders' proof: deleting or moving a workshop is for coordinators.
    def can_delete(self, ignore_bulk=False):
        return manages_everything(self.user) and PagePermissionTester.can_delete(self, ignore_bulk)

    def can_move(self):
        return manages_everything(self.user) and PagePermissionTester.can_move(self)
