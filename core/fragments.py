"""What every page reads and few edits change (the site's settings, menu, breadcrumbs and footer, the private
sections), read once and kept in the shared cache, so that building a page costs no query for them and every server
sees an edit at once. What is read from every public place of the map (its communes) is kept the same way
(community/places/finder.py); its open-data files under the topic's version too, but on each server's own disk
(core/export_files.py).

A fragment belongs to a topic. An edit to what a topic holds moves the topic's version on (each app's signals.py),
which makes all its fragments stale at once: now, and again once the edit is committed, so that a page built in
between from the data before the edit does not keep it.
"""

from core import cache_versions

# A safety net only: every fragment is forgotten when what it holds is edited.
FRAGMENT_SECONDS = 3600


def _version_key(topic):
    return f"fragments-version:{topic}"


def version(topic):
    """The topic's current version, shared by every server: what is built from the topic is kept under it."""
    return cache_versions.current(_version_key(topic))


def get(topic, name, build, seconds=FRAGMENT_SECONDS):
    """The fragment `name` of `topic` from the cache, or `build()`, kept there until the topic changes (at most
    `seconds`). `topic` may be a tuple of topics, for what is built from several: kept until any of them changes."""
    topics = topic if isinstance(topic, tuple) else (topic,)
    key = f"fragment:{'+'.join(topics)}:{name}"
    versions, value = cache_versions.read_shared([_version_key(each) for each in topics], key)
    if value is cache_versions.MISSING:
        value = build()
        cache_versions.keep_shared(versions, key, value, seconds)
    return value


def forget(*topics):
    """Makes every fragment of these topics stale (now, and again once the current transaction is committed)."""
    cache_versions.move_on(*(_version_key(topic) for topic in topics))


def forgetting(*topics):
    """A signal receiver that forgets these topics, whatever the signal says."""

    def receiver(**kwargs):
        forget(*topics)

    return receiver
