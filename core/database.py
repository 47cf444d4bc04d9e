"""What a query asks of the database beyond the ORM."""

import contextlib

from django.db import connection


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
