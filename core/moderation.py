"""Wagtail's default moderation workflow, and its default groups, under French names.

Wagtail's own migration names the workflow and its task after the group that may publish: « Moderators approval »,
so the editor's button read « Soumettre à Moderators approval »; its groups, « Editors » and « Moderators », showed
in English among the network's roles in the admin."""

WAGTAIL_DEFAULT = "Moderators approval"
WORKFLOW = "Relecture"
TASK = "Relecture par les modérateurs"
FRENCH_NAMES = {"Workflow": WORKFLOW, "Task": TASK}
GROUP_NAMES = {"Editors": "Éditeurs", "Moderators": "Modérateurs"}


def name_in_french(apps):
    """Renames Wagtail's default workflow and task; workflows the coordinators named stay as they are.
    apps: a migration's historical apps, or django.apps.apps."""
    for model, name in FRENCH_NAMES.items():
        apps.get_model("wagtailcore", model).objects.filter(name=WAGTAIL_DEFAULT).update(name=name)


def name_in_english(apps):
    """The migration's way back."""
    for model, name in FRENCH_NAMES.items():
        apps.get_model("wagtailcore", model).objects.filter(name=name).update(name=WAGTAIL_DEFAULT)


def name_groups_in_french(apps):
    """Renames Wagtail's default groups, keeping their members and rights; a group already named so in French (made
    by hand) is left as it is, and the English one with it: names are unique."""
    Group = apps.get_model("auth", "Group")
    for english, french in GROUP_NAMES.items():
        if not Group.objects.filter(name=french).exists():
            Group.objects.filter(name=english).update(name=french)


def name_groups_in_english(apps):
    """The migration's way back."""
    Group = apps.get_model("auth", "Group")
    for english, french in GROUP_NAMES.items():
        Group.objects.filter(name=french).update(name=english)
