"""The latest published pages of one type (the home page's new tool sheets), by an index on Wagtail's page table
(issue 16): by date alone (0005), the database read the pages of every type, newest first, until enough of that type
came up, thousands at a time when other pages were published more recently."""

from django.db import migrations

from core.database import CreateIndexes


class Migration(migrations.Migration):
    dependencies = [("home", "0006_search_index_entry_indexes")]

    operations = [CreateIndexes("wagtailcore_page", {"gare_page_type_published": "(content_type_id, last_published_at)"})]
