"""Versions kept in the cache, shared by every server: moving one on makes stale, at once, all that was cached under
the old one, without having to find it.

A version is a new random value each time, never a counter: a counter evicted from the cache would start again and
bring back what was cached under its old values."""

import secrets

from django.core.cache import cache
from django.db import transaction


def _fresh():
    return secrets.token_hex(6)


def current(key):
    return cache.get_or_set(key, _fresh, timeout=None)


def peek(keys):
    """The versions of these keys that are kept, without making any."""
    return cache.get_many(keys)


def move_on(*keys):
    """Moves these versions on now, and again once the current transaction is committed: what a request cached in
    between, from the data before the change, does not outlive it."""

    def renew():
        cache.set_many({key: _fresh() for key in keys}, timeout=None)

    renew()
    transaction.on_commit(renew)
