"""Coordinators edit every structure, members their own; chargés de mission and animators manage mobile sessions."""

from django.db import migrations

from community.members.roles import ANIMATORS, CHARGES, CONTRIBUTORS, COORDINATORS, grant_models

ALL = ["add", "change", "delete", "view"]
GRANTS = {
    COORDINATORS: {("places", "structure"): ALL, ("places", "permanence"): ALL},
    CHARGES: {("places", "structure"): ["view", "change_own"], ("places", "permanence"): ALL},
    ANIMATORS: {("places", "structure"): ["view", "change_own"], ("places", "permanence"): ["add", "change", "view"]},
    CONTRIBUTORS: {("places", "structure"): ["change_own"]},
}


def grant(apps, schema_editor):
    grant_models(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial"), ("members", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
