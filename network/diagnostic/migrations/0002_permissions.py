"""Coordinators edit the diagnostic's questions; nobody edits its counts or the e-mails waiting to leave."""

from django.db import migrations

from community.members.roles import COORDINATORS, grant_models

ALL = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    grant_models(apps, {COORDINATORS: {("diagnostic", "question"): ALL}})


class Migration(migrations.Migration):
    dependencies = [("diagnostic", "0001_initial"), ("members", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
