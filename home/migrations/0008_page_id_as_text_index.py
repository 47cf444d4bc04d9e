"""An index on the page's id as text, for the site search to reach the pages of the entries that match a word
(issue 16).

Wagtail's search index keeps a page's id as text (`object_id`, a generic relation), and joins the page on
`object_id = CAST(page.id AS varchar(50))`, an expression no index served: from the few entries that match a word,
the database read every page to find theirs. The index is on that very expression, written as Django writes it
(SQLite matches an expression index on the same text only). On SQLite, where the search reaches the page of each
entry FTS5 finds (home/search.py), it also holds what the search filters (privacy included) and orders the pages by:
the page's row, with its many fields, is not read.
"""

from django.db import migrations

from core.database import CreateIndexes

INDEX = "gare_page_id_as_text"
COLUMNS = {
    "sqlite": "(CAST(id AS varchar(50)), live, content_type_id, last_published_at, path, depth)",
    "postgresql": "((id::varchar(50)))",
}


class Migration(migrations.Migration):
    dependencies = [("home", "0007_page_type_published_index")]

    operations = [CreateIndexes("wagtailcore_page", {INDEX: COLUMNS})]
