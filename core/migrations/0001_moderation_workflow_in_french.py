from django.db import migrations

from core import moderation


def name_in_french(apps, schema_editor):
    moderation.name_in_french(apps)


def name_in_english(apps, schema_editor):
    moderation.name_in_english(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [
        migrations.RunPython(name_in_french, name_in_english),
    ]
