"""Serves anonymous visitors the shared copy of a public page before Wagtail routes the request, so that a page in
the cache costs no query (home/cache.py)."""

from . import cache


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (copy := cache.lookup(request)) is not None:
            return copy
        response = self.get_response(request)
        cache.store(request, response)
        return response
