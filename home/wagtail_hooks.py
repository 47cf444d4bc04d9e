"""Admin and serving hooks of the home app."""

from wagtail import hooks

from .cache import serve_cached


@hooks.register("before_serve_page")
def serve_public_pages_from_cache(page, request, serve_args, serve_kwargs):
    return serve_cached(page, request, lambda: page.serve(request, *serve_args, **serve_kwargs))
