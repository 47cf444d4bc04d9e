"""Versions kept in the cache, shared by every server: moving one on makes stale, at once, all that was cached under
the old one, without having to find it.

A version is a new random value each time, never a counter: a counter evicted from the cache would start again and
bring back what was cached under its old values.

What is kept under versions sits under a key of its own with the versions it was built under, read before it was
built (`read`, then `keep`): the versions and the value come in one round trip to the cache, and a value built while
a change was being made never matches the versions after it."""

import secrets

from django.core.cache import cache
from django.db import transaction


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


def move_on(*keys):
    """Moves these versions on now, and again once the current transaction is committed: what a request cached in
    between, from the data before the change, does not outlive it."""

    def renew():
        cache.set_many({key: _fresh() for key in keys}, timeout=None)

    renew()
    transaction.on_commit(renew)
