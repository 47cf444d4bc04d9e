"""Gives the four roles their rights on images and documents where Wagtail looks for them: on the root collection.

Wagtail's media permissions are per collection; the model-level ones of 0002_roles alone let nobody upload.
"""

from django.db import migrations

from community.members.roles import ANIMATORS, CHARGES, CONTRIBUTORS, COORDINATORS

MEDIA = {"wagtailimages": "image", "wagtaildocs": "document"}
ACTIONS = {
    CONTRIBUTORS: ["add", "change", "choose"],
    ANIMATORS: ["add", "change", "choose"],
    CHARGES: ["add", "change", "choose"],
    COORDINATORS: ["add", "change", "choose", "delete"],
}


def grant(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    root = Collection.objects.get(depth=1)
    for role, actions in ACTIONS.items():
        group = Group.objects.get(name=role)
        for app_label, model in MEDIA.items():
            for action in actions:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
                GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def revoke(apps, schema_editor):
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(
        group__name__in=ACTIONS, permission__content_type__app_label__in=MEDIA
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_invitation_sent_at"),
        ("wagtailcore", "0066_collection_management_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
