"""What the project asks of the database beyond the ORM: queries planned for their values, and indexes Django's
models cannot declare."""

import contextlib

from django.db import connection, router
from django.db.migrations.operations.base import Operation

# The databases an index written once serves as it is.
SQLITE_AND_POSTGRESQL = ("sqlite", "postgresql")


@contextlib.contextmanager
def planned_for_its_values():
    """Queries run inside are not prepared: PostgreSQL plans each for the values it is given.

    On PostgreSQL the queries a connection runs often are prepared (config/database.py), and after a few runs the
    server may keep one plan for any values. Where the best plan depends on the values, that plan can be far off: a
    search for a word found on nearly every page is best read by date, a rarer word from the full-text index; with
    the plan kept, « numérique » took 103 ms instead of 20 at scale 10."""
    connection.ensure_connection()
    driver = connection.connection
    threshold = getattr(driver, "prepare_threshold", None)  # psycopg's; SQLite prepares nothing across queries
    if threshold is None:
        yield
        return
    driver.prepare_threshold = None
    try:
        yield
    finally:
        driver.prepare_threshold = threshold


class CreateIndexes(Operation):
    """A migration's operation that creates indexes written in SQL, and drops them when the migration is unapplied:
    indexes on another app's table (Wagtail's pages, its search index), or in a form of one database (an operator
    class, a collation, an expression written as a query writes it, INCLUDE).

    `indexes` maps each index's name to its columns, `(…)`, for SQLite and PostgreSQL alike, or to its columns for
    each database it is made on; other databases get none. Nothing changes in Django's state of the models."""

    def __init__(self, table, indexes):
        self.table = table
        self.indexes = indexes

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        for name, columns in self._on(schema_editor, app_label):
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {self.table} {columns}")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        for name, _columns in self._on(schema_editor, app_label):
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    def describe(self):
        return f"Create the indexes {', '.join(self.indexes)} on {self.table}"

    def _on(self, schema_editor, app_label):
        """The indexes, with their columns, for this database, unless a router keeps this app off it (as RunPython
        and RunSQL do)."""
        if not router.allow_migrate(schema_editor.connection.alias, app_label):
            return
        vendor = schema_editor.connection.vendor
        for name, columns in self.indexes.items():
            by_vendor = dict.fromkeys(SQLITE_AND_POSTGRESQL, columns) if isinstance(columns, str) else columns
            if vendor in by_vendor:
                yield name, by_vendor[vendor]
