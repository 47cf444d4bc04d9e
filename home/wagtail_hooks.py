"""Admin and serving hooks of the home app."""

from wagtail import hooks

from .cache import mark_cacheable


@hooks.register("before_serve_page")
def keep_public_pages_in_cache(page, request, serve_args, serve_kwargs):
    mark_cacheable(page, request)
