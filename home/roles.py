"""The four roles of the network as Wagtail groups (created by migration home 0002) and their pages."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

CONTRIBUTORS = "Contributeurs"
ANIMATORS = "Animateurs"
CHARGES = "Chargés de mission"
COORDINATORS = "Coordinateurs"
ROLES = [CONTRIBUTORS, ANIMATORS, CHARGES, COORDINATORS]

EDIT_PAGES = ["add_page", "change_page", "publish_page"]
MANAGE_PAGES = EDIT_PAGES + ["bulk_delete_page", "lock_page", "unlock_page"]


def grant_pages(role, page, codenames=EDIT_PAGES):
    """Lets a role edit (or manage) a page and everything below it."""
    group = Group.objects.get(name=role)
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
