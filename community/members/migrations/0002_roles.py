"""Creates the four roles as Wagtail groups, with admin access, the media they use, and coordinators' rights on
members' profiles and invitations."""

from django.db import migrations

from community.members.roles import ANIMATORS, CHARGES, CONTRIBUTORS, COORDINATORS, ROLES, grant_models

MEDIA = {
    ("wagtailimages", "image"): ["add", "change", "choose"],
    ("wagtaildocs", "document"): ["add", "change", "choose"],
}
GRANTS = {
    CONTRIBUTORS: MEDIA,
    ANIMATORS: MEDIA,
    CHARGES: MEDIA,
    COORDINATORS: {
        ("wagtailimages", "image"): ["add", "change", "choose", "delete"],
        ("wagtaildocs", "document"): ["add", "change", "choose", "delete"],
        ("members", "memberprofile"): ["change", "view"],
        ("members", "invitation"): ["view"],
    },
}


def create_roles(apps, schema_editor):
    grant_models(apps, GRANTS)
    access_admin = apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.add(access_admin)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
