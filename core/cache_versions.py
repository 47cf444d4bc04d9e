"""Versions kept in the cache, shared by every server: moving one on makes stale, at once, all that was cached under
the old one, without having to find it."""

from django.core.cache import cache


def current(key):
    return cache.get_or_set(key, 1, timeout=None)


def move_on(key):
    try:
        cache.incr(key)
    except ValueError:  # not kept yet, or evicted
        cache.set(key, 2, timeout=None)
