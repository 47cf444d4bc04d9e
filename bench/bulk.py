"""Wagtail pages written in bulk: thousands of published pages in a few queries rather than a few per page.

A page is a row of `wagtailcore_page` (a treebeard node: `path`, `depth`, `numchild`) and a row of its model's own
table (multi-table inheritance), which Django's bulk_create refuses. The base rows go in with bulk_create, the
specific rows with the model manager's `_insert`, then the page's child relations and many-to-many fields as they
were set in memory (modelcluster), and one revision each, the live one, with its publication in the log: what
publishing it in the editor would leave, the plain text a searched page keeps (resources/search_text.py) included.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision

from resources.search_text import SearchTextMixin

BATCH = 500


def add_children(parent, pages, *, user=None, published_at=None):
    """Inserts `pages`, unsaved instances of one page model, as the last children of `parent`, live and published
    at `published_at` (one moment for all, or one per page); returns them saved, with their ids."""
    if not pages:
        return pages
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    first_step = last._get_lastpos_in_path() + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    moments = published_at if isinstance(published_at, list) else [published_at] * len(pages)
    for step, (page, moment) in enumerate(zip(pages, moments, strict=True), start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.owner = user
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = moment
        if isinstance(page, SearchTextMixin):
            page.make_search_text()
    _insert_base_rows(pages)
    _insert_specific_rows(model, pages)
    _insert_relations(model, pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    _publish(pages, content_type, user)
    return pages


def _insert_base_rows(pages):
    fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    bases = [Page(**{field.attname: getattr(page, field.attname) for field in fields}) for page in pages]
    Page.objects.bulk_create(bases, batch_size=BATCH)
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.id
        page._state.adding = False


def _insert_specific_rows(model, pages):
    fields = model._meta.local_concrete_fields
    size = connection.ops.bulk_batch_size(fields, pages) or BATCH
    for start in range(0, len(pages), size):
        model._base_manager._insert(pages[start : start + size], fields=fields)


def _in_memory(page, name):
    """What the page holds in memory for a child relation or a ParentalManyToManyField (set to empty if nothing
    was, so that serializing the page asks nothing of the database)."""
    held = page.__dict__.setdefault("_cluster_related_objects", {})
    return held.setdefault(name, [])


def _insert_relations(model, pages):
    for relation in get_all_child_relations(model):
        children = []
        for page in pages:
            for child in _in_memory(page, relation.get_accessor_name()):
                setattr(child, relation.field.attname, page.pk)
                children.append(child)
        relation.related_model.objects.bulk_create(children, batch_size=BATCH)
    for field in get_all_child_m2m_relations(model):
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [
            through(**{source: page.pk, target: item.pk}) for page in pages for item in _in_memory(page, field.name)
        ]
        through.objects.bulk_create(rows, batch_size=BATCH)


def _publish(pages, content_type, user):
    """One revision per page, the live and latest one, and its publication in the page's log."""
    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=base_type,
            object_id=str(page.pk),
            created_at=page.first_published_at,
            user=user,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.id
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=BATCH)
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=content_type,
                label=page.title,
                action="wagtail.publish",
                timestamp=page.first_published_at,
                user=user,
                revision_id=page.live_revision_id,
                page_id=page.pk,
                content_changed=True,
            )
            for page in pages
        ],
        batch_size=BATCH,
    )
