"""Versions kept in the cache, shared by every server: moving one on makes stale, at once, all that was cached under
the old one, without having to find it.

A version is a new random value each time, never a counter: a counter evicted from the cache would start again and
bring back what was cached under its old values.

What is kept under versions sits under a key of its own with the versions it was built under, read before it was
built (`read`, then `keep`): the versions and the value come in one round trip to the cache, and a value built while
a change was being made never matches the versions after it.

What every page reads (the fragments, the rendered texts) is read with `read_shared`: the first read of a request
reads the versions of all of it at once, and each server keeps what it has read or built under them. A page then
costs one round trip to the cache, not one a fragment: under load, each round trip waits for the cache server's
turn on the processor, which costs more than the reading itself.
"""

import pickle
import secrets
import threading
from collections import OrderedDict

from asgiref.local import Local
from django.core.cache import cache
from django.db import transaction

# What this server keeps of the shared values, pickled (each reader gets its own copy), the least recently read
# dropped first past this many bytes.
KEPT_BYTES = 16 * 1024 * 1024


def _fresh():
    return secrets.token_hex(6)


def current(key):
    return cache.get_or_set(key, _fresh, timeout=None)


MISSING = object()


def read(version_keys, key):
    """The current versions of these keys, and the value kept under `key` if it was built under them (else MISSING),
    in one round trip; versions never made, or evicted, are made."""
    kept = cache.get_many([*version_keys, key])
    versions = tuple(kept.get(version_key) for version_key in version_keys)
    if None in versions:
        return tuple(current(version_key) for version_key in version_keys), MISSING
    entry = kept.get(key)
    if entry is None or entry[0] != versions:
        return versions, MISSING
    return versions, entry[1]


def keep(versions, key, value, timeout):
    """Keeps a value built under these versions (as `read` gave them, before it was built)."""
    cache.set(key, (versions, value), timeout)


class _Kept:
    """The values this server has read or built, with their versions: bounded, shared by its threads."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key, versions):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry[0] != versions:
                return MISSING
            self.entries.move_to_end(key)
        return pickle.loads(entry[1])  # noqa: S301 — pickled by this process, below

    def put(self, key, versions, value):
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(data) > self.max_bytes:
            return
        with self.lock:
            if (old := self.entries.pop(key, None)) is not None:
                self.size -= len(old[1])
            self.entries[key] = (versions, data)
            self.size += len(data)
            while self.size > self.max_bytes:
                self.size -= len(self.entries.popitem(last=False)[1][1])


_kept = _Kept(KEPT_BYTES)
# The versions every request may need, as this server has met them: read together, at a request's first read.
_shared_keys = set()
# The versions read during the current request (None outside one): request_started and request_finished set them.
_request = Local()


def start_request(**kwargs):
    _request.versions = {}


def end_request(**kwargs):
    _request.versions = None


def read_shared(version_keys, key):
    """As `read`, for what every page may read: within a request, versions are read once, all together, and a value
    this server already holds under them costs no round trip."""
    versions_read = getattr(_request, "versions", None)
    if versions_read is None:
        return read(version_keys, key)
    _shared_keys.update(version_keys)
    fetched = None
    # A copy first: another thread may add to the set meanwhile.
    if unread := [version_key for version_key in tuple(_shared_keys) if version_key not in versions_read]:
        fetched = cache.get_many([*unread, key])
        versions_read.update((version_key, fetched.get(version_key)) for version_key in unread)
    versions = tuple(versions_read[version_key] for version_key in version_keys)
    if None in versions:
        versions = tuple(current(version_key) for version_key in version_keys)
        versions_read.update(zip(version_keys, versions, strict=True))
        return versions, MISSING
    if (value := _kept.get(key, versions)) is not MISSING:
        return versions, value
    entry = fetched.get(key) if fetched is not None else cache.get(key)
    if entry is None or entry[0] != versions:
        return versions, MISSING
    _kept.put(key, versions, entry[1])
    return versions, entry[1]


def keep_shared(versions, key, value, timeout):
    """As `keep`, for a value read with `read_shared`: this server holds it too."""
    keep(versions, key, value, timeout)
    _kept.put(key, versions, value)


def move_on(*keys):
    """Moves these versions on now, and again once the current transaction is committed: what a request cached in
    between, from the data before the change, does not outlive it."""

    def renew():
        fresh = {key: _fresh() for key in keys}
        cache.set_many(fresh, timeout=None)
        # This request reads what it changed under the new versions.
        if (versions_read := getattr(_request, "versions", None)) is not None:
            versions_read.update(fresh)

    renew()
    transaction.on_commit(renew)
