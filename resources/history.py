"""The public history of a licensed page: its revisions, and what changed between two of them."""

import difflib
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models.fields.json import KT
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import PageLogEntry, Revision

from . import export
from .attribution import display_name

PUBLISH_ACTIONS = {"wagtail.publish", "wagtail.publish.scheduled"}
REVERT_ACTIONS = {"wagtail.revert"}
# Logged beside the publication of a version brought back from the public history, with the reason given.
REVERT_REASON = "resources.revert"
CONTEXT_LINES = 2
PER_PAGE = 20


class RevisionNotFoundError(LookupError):
    """No revision of that id that this page has and this visitor may see."""


class AlreadyLive(Exception):  # noqa: N818 — domain names, as the style guide asks
    """The version asked for is the one online: there is nothing to go back to."""

    # Lazy: a class attribute is read at import, before any request's language is active.
    message = gettext_lazy("Cette version est déjà celle en ligne : il n'y a rien à rétablir.")


class InvalidHistoryRequest(Exception):  # noqa: N818
    """Parameters of the history's address that no link of the site makes (`?de=abc`, `?page=-1`)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class HistoryRequest:
    page_number: int
    compared: tuple[int, int] | None  # the revision ids to compare, from and to


@dataclass
class RevisionEntry:
    id: int
    number: int
    created_at: datetime
    author: str
    summary: str
    is_published: bool
    is_live: bool
    previous_id: int | None = None


@dataclass
class Line:
    kind: str  # "equal", "insert" or "delete"
    text: str


@dataclass
class FieldDiff:
    label: str
    hunks: list[list[Line]] = field(default_factory=list)


def can_see_drafts(page, user):
    """Unpublished revisions may hold what was never meant to be public: only the page's editors see them."""
    return bool(user and user.is_authenticated and page.permissions_for_user(user).can_edit())


def revisions(page, user=None):
    """The revisions of the page this visitor may see, newest first (two queries, whatever their number)."""
    rows = list(
        Revision.objects.for_instance(page)
        .select_related("user")
        .defer("content")  # the titles are enough to summarise; only a diff reads two contents
        .annotate(content_title=KT("content__title"))
        .order_by("created_at", "pk")
    )
    actions = {}
    for revision_id, action, data in PageLogEntry.objects.filter(page_id=page.pk, revision__isnull=False).values_list(
        "revision_id", "action", "data"
    ):
        actions.setdefault(revision_id, []).append((action, data or {}))

    numbers = {row.pk: number for number, row in enumerate(rows, start=1)}
    listed = []
    for row in rows:
        logged = actions.get(row.pk, [])
        is_live = row.pk == page.live_revision_id
        is_published = is_live or any(action in PUBLISH_ACTIONS for action, _data in logged)
        listed.append((row, logged, is_live, is_published))
    if not can_see_drafts(page, user):
        listed = [item for item in listed if item[3]]

    entries = []
    previous = None  # the previous listed revision: a hidden draft's title must not show in a summary either
    for row, logged, is_live, is_published in listed:
        summary = _summary(row, previous, logged, is_published, numbers)
        entries.append(
            RevisionEntry(
                row.pk,
                numbers[row.pk],
                row.created_at,
                display_name(row.user),
                summary,
                is_published,
                is_live,
                previous_id=previous.pk if previous else None,
            )
        )
        previous = row
    return entries[::-1]


def _summary(row, previous, logged, is_published, numbers):
    """What a revision did, derived from Wagtail's log (Wagtail keeps no message with a revision)."""
    parts = [_("Publication") if is_published else _("Brouillon")]
    if numbers[row.pk] == 1:
        parts.insert(0, _("Création"))
    reverted = next(
        (
            data.get("revision", {}).get("id")
            for action, data in logged
            if action in REVERT_ACTIONS or (action in PUBLISH_ACTIONS and "revision" in data)
        ),
        None,
    )
    if reverted:
        if reverted in numbers:
            parts.append(_("retour à la version %(number)s") % {"number": numbers[reverted]})
        else:
            parts.append(_("version rétablie"))
    reason = next((data.get("reason") for action, data in logged if action == REVERT_REASON), None)
    if reason:
        parts.append(_("motif : %(reason)s") % {"reason": reason})
    if previous is not None and row.content_title != previous.content_title:
        parts.append(
            _("titre « %(old)s » devenu « %(new)s »") % {"old": previous.content_title, "new": row.content_title}
        )
    return " · ".join(parts)


def read_request(params):
    """What the history's address asks: a page of the list, and perhaps two revisions to compare."""
    page_number = _positive_int(params.get("page", "1"), _("Le numéro de page doit être un entier positif."))
    if "de" not in params and "a" not in params:
        return HistoryRequest(page_number, None)
    message = _("Pour comparer, choisissez deux versions dans les listes « Version de départ » et « d’arrivée ».")
    compared = (_positive_int(params.get("de", ""), message), _positive_int(params.get("a", ""), message))
    return HistoryRequest(page_number, compared)


def _positive_int(text, message):
    if not text.isdecimal() or int(text) < 1:  # isdecimal() also refuses signs and spaces
        raise InvalidHistoryRequest(message)
    return int(text)


def page_of(entries, number):
    """One page of the entries, newest first; a number past the last page raises EmptyPage."""
    return Paginator(entries, PER_PAGE).page(number)


def find(entries, revision_id):
    """The entry of that id among those listed for the visitor; others (another page's, a hidden draft) do not exist."""
    for entry in entries:
        if entry.id == revision_id:
            return entry
    raise RevisionNotFoundError(revision_id)


def can_revert(page, user):
    return bool(user and user.is_authenticated and page.permissions_for_user(user).can_edit())


@transaction.atomic
def revert(page, revision_id, user, reason):
    """Brings back an older version of the page as a new revision, nothing erased, with the reason in the history.

    Who may publish the page publishes it at once, as a wiki does; who may only edit it leaves a draft for the
    page's publishers. Returns the new revision."""
    if not can_revert(page, user):
        raise PermissionDenied
    target = find(revisions(page, user), revision_id)
    if target.is_live:
        raise AlreadyLive
    old = Revision.objects.get(pk=target.id)
    restored = page.with_content_json(old.content)
    revision = restored.save_revision(user=user, previous_revision=old, log_action=True)
    if page.permissions_for_user(user).can_publish():
        revision.publish(user=user, previous_revision=old)
    log(
        instance=page,
        action=REVERT_REASON,
        user=user,
        revision=revision,
        data={"reason": reason, "revision": {"id": old.pk}},
    )
    return revision


def diff(page, from_revision, to_revision):
    """Per field, the lines removed and added from one revision to the other; unchanged fields are left out."""
    pages = Revision.objects.for_instance(page).in_bulk([from_revision, to_revision])
    if len(pages) != len({from_revision, to_revision}):
        raise RevisionNotFoundError(from_revision, to_revision)
    before = export.text_fields(page.with_content_json(pages[from_revision].content))
    after = export.text_fields(page.with_content_json(pages[to_revision].content))
    changes = []
    for (label, old), (_label, new) in zip(before, after, strict=True):
        hunks = line_diff(old, new)
        if hunks:
            changes.append(FieldDiff(label, hunks))
    return changes


def line_diff(old, new):
    """The hunks of a line diff, with a little unchanged context around each change."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        hunk = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                hunk += [Line("equal", text) for text in old_lines[i1:i2]]
                continue
            hunk += [Line("delete", text) for text in old_lines[i1:i2]]
            hunk += [Line("insert", text) for text in new_lines[j1:j2]]
        hunks.append(hunk)
    return hunks
