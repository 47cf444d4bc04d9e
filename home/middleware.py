"""Serves anonymous visitors the shared copy of a public page before Wagtail routes the request, so that a page in
the cache costs no query (home/cache.py).

It comes right after the security middleware: a copy keeps the headers the middlewares inside gave the page (its
Content-Security-Policy, its language, its framing rule), so a hit goes through none of them. The only one a copy
still needs is the CSRF middleware, for the cookie of the token it puts in a form: its own hooks read the visitor's
cookie and set a new one."""

from django.middleware.csrf import CsrfViewMiddleware

from . import cache


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if (copy := cache.lookup(request, self.csrf)) is not None:
            return self.csrf.process_response(request, copy)
        response = self.get_response(request)
        cache.store(request, response)
        return response
