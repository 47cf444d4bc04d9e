"""Wagtail's default moderation workflow under French names.

Wagtail's own migration names the workflow and its task after the group that may publish: « Moderators approval »,
so the editor's button read « Soumettre à Moderators approval »."""

WAGTAIL_DEFAULT = "Moderators approval"
WORKFLOW = "Relecture"
TASK = "Relecture par les modérateurs"
FRENCH_NAMES = {"Workflow": WORKFLOW, "Task": TASK}


def name_in_french(apps):
    """Renames Wagtail's default workflow and task; workflows the coordinators named stay as they are.
    apps: a migration's historical apps, or django.apps.apps."""
    for model, name in FRENCH_NAMES.items():
        apps.get_model("wagtailcore", model).objects.filter(name=WAGTAIL_DEFAULT).update(name=name)


def name_in_english(apps):
    """The migration's way back."""
    for model, name in FRENCH_NAMES.items():
        apps.get_model("wagtailcore", model).objects.filter(name=name).update(name=WAGTAIL_DEFAULT)
