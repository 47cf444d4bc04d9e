"""The roles' rights on the community models in the admin: coordinators edit the competence frameworks, members'
profiles and the map; chargés de mission edit the map; animators add and change mobile sessions."""

from django.db import migrations

ALL = ["add", "change", "delete", "view"]
GRANTS = {
    "Coordinateurs": {
        "framework": ALL,
        "competencearea": ALL,
        "competence": ALL,
        "proficiencylevel": ALL,
        "structure": ALL,
        "permanence": ALL,
        "memberprofile": ["change", "view"],
        "invitation": ["view"],
    },
    "Chargés de mission": {"structure": ALL, "permanence": ALL},
    "Animateurs": {"structure": ["view"], "permanence": ["add", "change", "view"]},
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="community", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial"), ("home", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
