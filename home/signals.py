"""Signal handlers: publishing or unpublishing a page clears the public page cache."""

from wagtail.signals import page_published, page_unpublished

from .cache import clear_page_cache

page_published.connect(clear_page_cache)
page_unpublished.connect(clear_page_cache)
