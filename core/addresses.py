"""The addresses under which a listing's many links lie (the map's places, the site's pages), asked of the URL
resolver once rather than for each link: reverse() costs as much as the rest of a card of a listing."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def fixed(name, *args):
    """reverse(name, args): the same for as long as the URL configuration and the script prefix it reads."""
    return _reversed(name, args, get_urlconf(settings.ROOT_URLCONF), get_script_prefix())


@functools.lru_cache(maxsize=64)
def _reversed(name, args, urlconf, script_prefix):
    return reverse(name, args=args, urlconf=urlconf)
