"""The news index is the coordinators' page: animators add and publish news below it (their rights on its
subtree), but only coordinators edit, unpublish, move or delete the index itself."""

from wagtail.models import PagePermissionTester

from community.members import accounts


class NewsIndexPermissionTester(PagePermissionTester):
    def _is_coordinator(self):
        return accounts.is_coordinator(self.user)

    def can_edit(self):
        return self._is_coordinator() and super().can_edit()

    def can_publish(self):
        return self._is_coordinator() and super().can_publish()

    def can_unpublish(self):
        return self._is_coordinator() and super().can_unpublish()

    def can_delete(self, ignore_bulk=False):
        return self._is_coordinator() and super().can_delete(ignore_bulk)

    def can_move(self):
        return self._is_coordinator() and super().can_move()
