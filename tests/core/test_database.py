"""Indexes written in SQL by the migrations (core/database.py): each is made on the databases it names, and dropped
when its migration is unapplied."""

import pytest
from django.db import connection

from core.database import CreateIndexes

# Schema changes outside a transaction: SQLite's schema editor refuses to run inside one. Serialized rollback
# brings back what the migrations made, which the flush after the test removes (tests/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def indexes_of_pages():
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, "wagtailcore_page"))


def run(operation, direction):
    with connection.schema_editor() as editor:
        getattr(operation, f"database_{direction}")("home", editor, None, None)


def test_indexes_are_made_on_the_databases_they_name_and_dropped_when_unapplied():
    operation = CreateIndexes(
        "wagtailcore_page",
        {
            "gare_test_everywhere": "(slug)",
            "gare_test_here": {connection.vendor: "(draft_title)"},
            "gare_test_elsewhere": {"mysql": "(seo_title)"},
        },
    )
    run(operation, "forwards")
    made = indexes_of_pages()
    assert {"gare_test_everywhere", "gare_test_here"} <= made and "gare_test_elsewhere" not in made
    run(operation, "forwards")  # a database that has them already keeps them
    run(operation, "backwards")
    assert not {"gare_test_everywhere", "gare_test_here"} & indexes_of_pages()
