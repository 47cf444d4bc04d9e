"""Coordinators record the structures' signatures of the charter and choose its open-data value; nobody else."""

from django.db import migrations

from community.members.roles import COORDINATORS, grant_models


def grant(apps, schema_editor):
    grant_models(
        apps,
        {
            COORDINATORS: {
                ("places", "chartersignature"): ["add", "change", "delete", "view"],
                ("places", "chartersettings"): ["change"],
            }
        },
    )


class Migration(migrations.Migration):
    dependencies = [("places", "0003_charter"), ("members", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
