"""Whoever manages mobile sessions manages their series: the same rights as on the sessions themselves."""

from django.db import migrations

from community.members.roles import ANIMATORS, CHARGES, COORDINATORS, grant_models

ALL = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    grant_models(
        apps,
        {
            COORDINATORS: {("places", "permanenceseries"): ALL},
            CHARGES: {("places", "permanenceseries"): ALL},
            ANIMATORS: {("places", "permanenceseries"): ["add", "change", "view"]},
        },
    )


class Migration(migrations.Migration):
    dependencies = [("places", "0005_permanence_series"), ("members", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
