"""Who edits a structure in the admin: coordinators edit every one; a structure's own members edit theirs.

Coordinators hold the model's add, change and delete permissions. The other roles hold `change_own_structure`,
which reaches only the structure named on the member's profile (set by the invitation or a coordinator).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

OWN = "change_own"


class StructurePermissionPolicy(ModelPermissionPolicy):
    def _own_structure_id(self, user):
        if not user.is_active or not user.has_perm(self._get_permission_name(OWN)):
            return None
        profile = getattr(user, "member_profile", None)
        return profile.structure_id if profile else None

    def user_has_permission(self, user, action):
        if action == "change" and self._own_structure_id(user):
            return True  # some structure, at least: their own
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return action == "change" and instance.pk == self._own_structure_id(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if any(super(StructurePermissionPolicy, self).user_has_permission(user, action) for action in actions):
            return self.model._default_manager.all()
        own = self._own_structure_id(user) if "change" in actions else None
        return self.model._default_manager.filter(pk=own) if own else self.model._default_manager.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission(actions)
        if "change" not in actions:
            return users
        members = self._get_users_with_any_permission_codenames_filter(self._get_permission_codenames({OWN}))
        return (
            get_user_model()
            .objects.filter(Q(pk__in=users.values("pk")) | (members & Q(member_profile__structure=instance)))
            .distinct()
        )
