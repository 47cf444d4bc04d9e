"""Coordinators and chargés de mission edit the map; animators add and change mobile sessions."""

from django.db import migrations

from community.members.roles import ANIMATORS, CHARGES, COORDINATORS, grant_models

ALL = ["add", "change", "delete", "view"]
GRANTS = {
    COORDINATORS: {("places", "structure"): ALL, ("places", "permanence"): ALL},
    CHARGES: {("places", "structure"): ALL, ("places", "permanence"): ALL},
    ANIMATORS: {("places", "structure"): ["view"], ("places", "permanence"): ["add", "change", "view"]},
}


def grant(apps, schema_editor):
    grant_models(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial"), ("members", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
