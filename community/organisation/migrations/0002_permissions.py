"""Coordinators edit the collective's settings and its funders."""

from django.db import migrations

from community.members.roles import COORDINATORS, grant_models


def grant(apps, schema_editor):
    grant_models(apps, {COORDINATORS: {("organisation", "organisationsettings"): ["change"]}})


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial"), ("members", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
