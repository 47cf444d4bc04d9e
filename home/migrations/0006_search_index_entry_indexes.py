"""Indexes PostgreSQL needs for the site search to cost the same whatever the number of pages (issue 16).

- `title || body`: Wagtail's database search backend matches a query against the two tsvectors of the index entry
  together (modelsearch's PostgresSearchQueryCompiler), while Wagtail's migrations index `title` and `body` apart:
  no index served the expression, and every search read every entry of the site. This GIN index is on the very
  expression the backend writes. The tsvectors are stored already stemmed with the backend's configuration
  (`french`), so the index serves any query made with it; its statistics also tell the planner how many entries
  a word matches.
- `object_id`: an entry by its object, whatever its content type. A page's entry is joined on its id as text
  (Wagtail's generic relation), among some twenty content types: with the unique (content_type, object_id) index
  alone, a page's entry cost twenty lookups, and PostgreSQL read every entry instead of walking the most recent
  pages and stopping once it has enough (home/search.py).

Nothing on SQLite, where the search goes through FTS5's own index.
"""

from django.db import migrations

from core.database import CreateIndexes

INDEXES = {
    "gare_search_title_body_gin": {"postgresql": "USING gin ((title || body))"},
    "gare_search_object_id": {"postgresql": "(object_id)"},
}


class Migration(migrations.Migration):
    dependencies = [("home", "0005_page_tree_indexes"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [CreateIndexes("wagtailsearch_indexentry", INDEXES)]
