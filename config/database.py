"""Database settings shared by every environment: SQLite tuned so that concurrent writers wait their turn."""

import environ

SQLITE = "django.db.backends.sqlite3"

# Without these, concurrent sign-ups on SQLite fail with "database is locked" (measured: 19 of 24 at once).
# WAL lets readers go on while one connection writes; IMMEDIATE takes the write lock when a transaction begins,
# because a deferred transaction that has already read cannot wait for it (SQLite refuses at once); the busy
# timeout (seconds) is how long a writer waits for the lock before giving up.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def from_url(url):
    """The DATABASES entry for a DATABASE_URL; SQLite gets the options above."""
    config = environ.Env.db_url_config(url)
    if config["ENGINE"] == SQLITE:
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config
