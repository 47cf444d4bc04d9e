"""Signal handlers: edits that make fragments of every page stale (core/fragments.py).

The private sections change when a restriction is added or removed, or a page moves; the site's navigation (menus,
breadcrumbs, legal links: which pages are live and public, where, under which title) when a page is published,
unpublished, moved or deleted, a restriction changes, or a site is edited; a cached site setting when it is saved;
what a search found when the search index is updated.
"""

from django.db.models.signals import post_delete, post_save
from django_tasks.signals import task_finished
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import fragments
from .pages import NAVIGATION, PRIVACY, SEARCH_INDEX
from .site_settings import CachedSiteSetting

forget_privacy = fragments.forgetting(PRIVACY)
forget_navigation = fragments.forgetting(NAVIGATION)

page_published.connect(forget_navigation)
page_unpublished.connect(forget_navigation)
post_page_move.connect(forget_navigation)
post_page_move.connect(forget_privacy)
post_delete.connect(forget_navigation, sender=Page)
for signal in (post_save, post_delete):
    signal.connect(forget_privacy, sender=PageViewRestriction)
    signal.connect(forget_navigation, sender=PageViewRestriction)
    signal.connect(forget_navigation, sender=Site)


def forget_search_index(sender, task_result, **kwargs):
    # Wagtail indexes a saved page in a task, after its commit (a worker's, in production): a search made in between
    # found what the page said before.
    if task_result.task.module_path == insert_or_update_object_task.module_path:
        fragments.forget(SEARCH_INDEX)


task_finished.connect(forget_search_index)


def forget_site_setting(sender, created=False, **kwargs):
    # A setting just created (by `for_site()`, on its first reading) holds nothing kept yet.
    if issubclass(sender, CachedSiteSetting) and not created:
        fragments.forget(*sender.fragments_topics())


post_save.connect(forget_site_setting)
post_delete.connect(forget_site_setting)
