"""Signal handlers: a page published, unpublished, moved or deleted renews the wiki links of rendered texts."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .wiki import renew_links

page_published.connect(renew_links)
page_unpublished.connect(renew_links)
post_page_move.connect(renew_links)
post_delete.connect(renew_links, sender=Page)
