"""The plain text of a searched page, kept on the page when it is saved: the site search cuts its excerpts from it
(home/search.py), and a page of results renders no Markdown (issue 16: it was most of what one cost).

Wagtail publishes a revision by building the page from it and saving it: the page's row holds the text of its live
version, whatever drafts come after.
"""

from html import unescape

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamValue
from wagtail.search import index

from . import markdown
from .blocks import stored_text


def searched_fields(model):
    """The names of the fields the search indexes as text, but the title, in order."""
    return [
        field.field_name
        for field in model.search_fields
        if isinstance(field, index.SearchField) and field.field_name != "title"
    ]


def plain_text(values):
    """Field values (texts, stream fields) as one plain text: Markdown and rich text made plain through the one
    sanitizing pipeline, whitespace collapsed."""
    return " ".join(" ".join(_plain_pieces(values)).split())


def fill(model, fields, batch_size=500):
    """Makes the text of every page of `model` from `fields`: what a migration adding the field runs, with its
    historical model (which has neither the search fields nor the mixin's save) and the fields of that moment.
    The pages are read a batch at a time, by id, none while another is written."""
    last = 0
    while pages := list(model.objects.filter(pk__gt=last).order_by("pk").only(*fields)[:batch_size]):
        for page in pages:
            page.search_text = plain_text(getattr(page, name) for name in fields)
        model.objects.bulk_update(pages, ["search_text"])
        last = pages[-1].pk


def _plain_pieces(values):
    for value in values:
        if not value:
            continue
        if isinstance(value, StreamValue):
            yield from (_plain(text) for text in stored_text(value.stream_block, value.raw_data))
        else:
            yield str(value)


def _plain(text):
    return unescape(strip_tags(markdown.render(text, resolve_wiki_link=_label_only)))


def _label_only(title):
    # The text reads a wiki link's label, not the « (page à créer) » of a page it has not looked up.
    return None, True


class SearchTextMixin(models.Model):
    """A page that keeps the plain text of its searched fields, made each time they are saved."""

    # Not in revisions (serialize=False): publishing one makes it again.
    search_text = models.TextField(_("texte cherché"), blank=True, editable=False, serialize=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Saving a draft writes the revision's references alone: the row keeps the live text.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "search_text" in update_fields:
            self.make_search_text()
        super().save(*args, **kwargs)

    def make_search_text(self):
        """What save() does, for the pages written without it (bench/bulk.py)."""
        self.search_text = plain_text(getattr(self, name) for name in searched_fields(type(self)))
