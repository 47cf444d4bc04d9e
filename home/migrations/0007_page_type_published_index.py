"""The latest published pages of one type (the home page's new tool sheets), by an index on Wagtail's page table
(issue 16): by date alone (0005), the database read the pages of every type, newest first, until enough of that type
came up, thousands at a time when other pages were published more recently."""

from django.db import migrations

INDEX = "gare_page_type_published"


def create(apps, schema_editor):
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (content_type_id, last_published_at)"
        )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("home", "0006_search_index_entry_indexes")]

    operations = [migrations.RunPython(create, drop)]
