"""Database settings shared by every environment: SQLite tuned so that concurrent writers wait their turn,
PostgreSQL's planner told that the database is read from memory or an SSD."""

import environ

SQLITE = "django.db.backends.sqlite3"
POSTGRESQL = "django.db.backends.postgresql"

# Without these, concurrent sign-ups on SQLite fail with "database is locked" (measured: 19 of 24 at once).
# WAL lets readers go on while one connection writes; IMMEDIATE takes the write lock when a transaction begins,
# because a deferred transaction that has already read cannot wait for it (SQLite refuses at once); the busy
# timeout (seconds) is how long a writer waits for the lock before giving up.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}

# PostgreSQL's planner assumes by default that a page read at random costs four sequential ones (spinning disks): it
# then reads all 50,000 pages of the tree to join a thousand workshops to theirs, rather than look each up by its key
# (the agenda's count at scale 10: 28 ms, 4 ms with 1.1). 1.1 is the usual value for SSDs, and for a database that
# fits in memory, as a network's does. Set per connection, so that it needs no right on the server.
# A query run a few times on a connection is prepared (psycopg's prepare_threshold, over server-side binding): the
# server parses it once, and plans it once when one plan serves any values. Each page asks the same few queries again
# and again: a page built uncached is 7 to 16 % faster (home page, agenda, at scale 1). A pooler in transaction mode
# that cannot keep prepared statements (PgBouncer before 1.21) needs `?server_side_binding=false` in DATABASE_URL
# (README, « Production »).
POSTGRESQL_OPTIONS = {"options": "-c random_page_cost=1.1", "server_side_binding": True, "prepare_threshold": 5}
OPTIONS = {SQLITE: SQLITE_OPTIONS, POSTGRESQL: POSTGRESQL_OPTIONS}


def from_url(url):
    """The DATABASES entry for a DATABASE_URL, with the options above for its engine."""
    config = environ.Env.db_url_config(url)
    options = {**OPTIONS.get(config["ENGINE"], {}), **config.get("OPTIONS", {})}
    if isinstance(options.get("server_side_binding"), str):  # from the URL's query string
        options["server_side_binding"] = environ.Env.parse_value(options["server_side_binding"], bool)
    config["OPTIONS"] = options
    return config
