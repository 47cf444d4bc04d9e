"""Indexes Wagtail's page table lacks for what every page asks (issue 16), so that the cost stays flat as the tree
grows to tens of thousands of pages:

- a page's children (`path LIKE 'parent%' AND depth = n`: menus, listings, the explorer): by depth, then path as a
  prefix. SQLite uses an index for a prefix LIKE only under a case-insensitive collation, which changes nothing
  for paths (digits and capital letters); PostgreSQL needs the pattern operator class whatever the database's
  collation;
- a page by its address (`url_path`, core/pages.py routes with it);
- the latest published (`last_published_at`, the home page's new tool sheets and the feeds);
- a page by its title, as typed or lower-cased (resources/wiki.py resolves [[wiki links]] with both).
"""

from django.db import migrations

from core.database import CreateIndexes

INDEXES = {
    "gare_page_depth_path": {
        "sqlite": "(depth, path COLLATE NOCASE)",
        "postgresql": "(depth, path varchar_pattern_ops)",
    },
    "gare_page_url_path": "(url_path)",
    "gare_page_last_published_at": "(last_published_at)",
    "gare_page_title": "(title)",
    "gare_page_lower_title": "(LOWER(title))",
}


class Migration(migrations.Migration):
    dependencies = [("home", "0004_charte_becomes_charter_page"), ("wagtailcore", "0098_apitoken")]

    operations = [CreateIndexes("wagtailcore_page", INDEXES)]
