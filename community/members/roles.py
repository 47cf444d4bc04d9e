"""The four roles of the network as Wagtail groups (created by migration members 0002), their pages and models."""

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


def grant_models(apps, grants):
    """For data migrations: gives roles rights on models, as {role: {(app_label, model): [action, …]}}.

    Permissions are created only after migrations run, so the ones needed are created here, as Wagtail's own
    migrations do for its Editors and Moderators groups. Groups that do not exist are created.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, models in grants.items():
        group, _created = Group.objects.get_or_create(name=role)
        for (app_label, model), actions in models.items():
            content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for action in actions:
                permission, _created = Permission.objects.get_or_create(
                    content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
                )
                group.permissions.add(permission)
