"""What changed on the pages a follower follows, between two instants: new published versions of a wiki page or a
tool sheet (who, when, and the link to their diff in the public history); workshops new, changed or cancelled in
the agenda or a journey. A few queries per follower, whatever the number of pages followed or of changes."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from wagtail.models import Page, PageLogEntry

from core.links import absolute_url
from resources.history import PUBLISH_ACTIONS, display_name
from resources.models import ToolSheetPage, WikiPage
from workshops.models import JourneyPage, WorkshopIndexPage, WorkshopPage

CANCEL_ACTIONS = {"wagtail.unpublish", "wagtail.delete"}


class Kind:
    NEW = "new"
    CHANGED = "changed"
    CANCELLED = "cancelled"


@dataclass
class Version:
    author: str
    published_at: datetime


@dataclass
class WorkshopChange:
    kind: str
    title: str
    url: str | None = None
    start: datetime | None = None
    commune: str = ""


@dataclass
class PageChanges:
    """What changed on one followed page: its new versions, or the workshops of the agenda or journey."""

    title: str
    url: str
    versions: list[Version] = field(default_factory=list)
    diff_url: str | None = None
    workshops: list[WorkshopChange] = field(default_factory=list)


def told(follows, rhythm):
    """Of these follows, those a digest at `rhythm` tells: confirmed, of a page still live and public."""
    visible = Page.objects.live().public().values("pk")
    return (
        follows.filter(rhythm=rhythm, confirmed_at__isnull=False, page__in=visible)
        .select_related("page")
        .order_by("page__title", "pk")
    )


def since_for(follow, since):
    """A follow tells what happened after the previous digest, and never what happened before it was confirmed."""
    return max(follow.confirmed_at, since) if since else follow.confirmed_at


def changes(follows, since, until):
    """What changed for these follows (pages selected) after `since` (or each follow's confirmation) up to `until`,
    in the order of the follows; pages where nothing changed are left out."""
    windows = [(follow, since_for(follow, since)) for follow in follows]
    resources = [(f, start) for f, start in windows if issubclass(f.page.specific_class, (WikiPage, ToolSheetPage))]
    agendas = [
        (f, start) for f, start in windows if issubclass(f.page.specific_class, (WorkshopIndexPage, JourneyPage))
    ]
    found = {**_versions(resources, until), **_workshops(agendas, until)}
    return [found[follow.pk] for follow in follows if follow.pk in found]


def _page_url(page):
    return absolute_url(page.get_url() or "")


def _versions(windows, until):
    if not windows:
        return {}
    earliest = min(start for _follow, start in windows)
    published = list(
        PageLogEntry.objects.filter(
            page_id__in=[follow.page_id for follow, _start in windows],
            action__in=PUBLISH_ACTIONS,
            revision__isnull=False,
            timestamp__gt=earliest,
            timestamp__lte=until,
        )
        .select_related("revision__user")
        .defer("revision__content")
        .order_by("timestamp", "pk")
    )
    # The version each follower had last seen: the latest published before their window, in one query.
    before = Q()
    for follow, start in windows:
        before |= Q(page_id=follow.page_id, timestamp__lte=start)
    seen = dict(
        PageLogEntry.objects.filter(before, action__in=PUBLISH_ACTIONS, revision__isnull=False)
        .values("page_id")
        .annotate(last=Max("revision_id"))
        .values_list("page_id", "last")
    )
    found = {}
    for follow, start in windows:
        new = [entry for entry in published if entry.page_id == follow.page_id and entry.timestamp > start]
        if not new:
            continue
        url = _page_url(follow.page)
        history = f"{url}historique/"
        old = seen.get(follow.page_id)
        found[follow.pk] = PageChanges(
            title=follow.page.title,
            url=url,
            versions=[Version(display_name(entry.revision.user), entry.timestamp) for entry in new],
            diff_url=f"{history}?de={old}&a={new[-1].revision_id}" if old else history,
        )
    return found


def _workshops(windows, until):
    if not windows:
        return {}
    earliest = min(start for _follow, start in windows)
    events = list(
        PageLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(WorkshopPage),
            action__in=PUBLISH_ACTIONS | CANCEL_ACTIONS,
            timestamp__gt=earliest,
            timestamp__lte=until,
        )
        .values("page_id", "action", "timestamp", "label")
        .order_by("timestamp", "pk")
    )
    ids = {event["page_id"] for event in events}
    pages = {
        page.pk: page
        for page in WorkshopPage.objects.filter(pk__in=ids)
        .defer_streamfields()
        .only("title", "path", "url_path", "live", "first_published_at", "start", "commune")
    }
    public = set(WorkshopPage.objects.filter(pk__in=ids).public().values_list("pk", flat=True))
    found = {}
    for follow, start in windows:
        told = []
        latest = {}
        for event in events:
            if event["timestamp"] > start:
                latest[event["page_id"]] = event
        for page_id, event in latest.items():
            change = _workshop_change(follow.page, start, pages.get(page_id), page_id in public, event)
            if change:
                told.append(change)
        if told:
            told.sort(key=lambda change: (change.start is None, change.start or until, change.title))
            found[follow.pk] = PageChanges(title=follow.page.title, url=_page_url(follow.page), workshops=told)
    return found


def _workshop_change(followed, start, page, is_public, event):
    """What one workshop's latest event in the window means for the follower of `followed` (agenda or journey)."""
    if page is None:
        # Deleted: only the agenda can tell it (the journey it was in is unknown now).
        if issubclass(followed.specific_class, JourneyPage):
            return None
        return WorkshopChange(Kind.CANCELLED, event["label"])
    if issubclass(followed.specific_class, JourneyPage) and not page.path.startswith(followed.path):
        return None
    if not is_public:
        return None
    was_announced = page.first_published_at is not None and page.first_published_at <= start
    if event["action"] in CANCEL_ACTIONS or not page.live:
        return (
            WorkshopChange(Kind.CANCELLED, page.title, start=page.start, commune=page.commune)
            if was_announced
            else None
        )
    kind = Kind.CHANGED if was_announced else Kind.NEW
    return WorkshopChange(kind, page.title, _page_url(page), page.start, page.commune)
