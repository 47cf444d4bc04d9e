"""The pages of one type by title (the tool sheet library, filtered or not), by an index on Wagtail's page table
(issue 16): by title alone (0005), PostgreSQL read the pages of every type in alphabetical order until enough sheets
came up, 20,000 of them among 50,000 pages when workshops' titles sort first."""

from django.db import migrations

from core.database import CreateIndexes


class Migration(migrations.Migration):
    dependencies = [("home", "0008_page_id_as_text_index")]

    operations = [CreateIndexes("wagtailcore_page", {"gare_page_type_title": "(content_type_id, title)"})]
