"""Coordinators edit the competence frameworks."""

from django.db import migrations

from community.members.roles import COORDINATORS, grant_models

ALL = ["add", "change", "delete", "view"]
MODELS = ["framework", "competencearea", "competence", "proficiencylevel"]


def grant(apps, schema_editor):
    grant_models(apps, {COORDINATORS: {("competences", model): ALL for model in MODELS}})


class Migration(migrations.Migration):
    dependencies = [("competences", "0001_initial"), ("members", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
