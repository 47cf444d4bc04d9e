from django.db import migrations

from core import moderation


def name_in_french(apps, schema_editor):
    moderation.name_groups_in_french(apps)


def name_in_english(apps, schema_editor):
    moderation.name_groups_in_english(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_moderation_workflow_in_french"),
        # Wagtail's migrations that find these groups by their English names.
        ("wagtailcore", "0005_add_page_lock_permission_to_moderators"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0002_initial_data"),
        ("wagtailimages", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(name_in_french, name_in_english),
    ]
