"""What the result suggests: the next workshops, mobile sessions near a commune, tool sheets for what comes next.

A fixed number of queries, whatever the number of questions, workshops or sheets."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Value

from community.places import finder
from community.places.communes import normalize
from resources.models import ToolSheetPage
from workshops.models import WorkshopPage

WORKSHOPS = 3
SESSIONS = 3
TOOL_SHEETS = 4
# Haute-Vienne is rural: a mobile session half an hour's drive away is still "near".
NEAR_KM = 30


@dataclass
class Suggestions:
    workshops: list = field(default_factory=list)
    sessions: list = field(default_factory=list)  # finder entries: the session and its distance
    tool_sheets: list = field(default_factory=list)
    place: str = ""  # the commune found for what was typed
    place_error: str = ""


def next_workshops(competence_ids, limit=WORKSHOPS):
    """The next public workshops, those whose tool sheets exercise the competences first (one query)."""
    if competence_ids:
        exercising = Exists(ToolSheetPage.objects.filter(workshops=OuterRef("pk"), competences__in=competence_ids))
    else:
        exercising = Value(False)
    workshops = (
        WorkshopPage.objects.live()
        .public()
        .upcoming()
        .defer_streamfields()
        .annotate(is_relevant=exercising)
        .order_by("-is_relevant", "start")
    )
    return list(workshops[:limit])


def tool_sheets(competence_ids, limit=TOOL_SHEETS):
    if not competence_ids:
        return []
    sheets = ToolSheetPage.objects.live().public().defer_streamfields()
    return list(sheets.filter(competences__in=competence_ids).distinct().order_by("title")[:limit])


def sessions_near(query, today=None, limit=SESSIONS):
    """The next mobile sessions within NEAR_KM of a commune or postcode; with the place found, or
    the French message saying it is unknown. Reuses the map's finder: no second geocoder."""
    location = finder.locate(query, today)
    if location is None:
        return [], "", finder.unknown_place(query)
    label = location.label

    def elsewhere(session):
        return normalize(session.commune) != normalize(label) and session.postcode != label

    sessions = finder.upcoming_permanences(today).filter(is_cancelled=False)
    near = finder.near(sessions, location, NEAR_KM)
    # Those in the very commune typed first, then the others within reach; each soonest first.
    near.sort(key=lambda entry: (elsewhere(entry.item), entry.item.date, entry.item.start_time))
    return near[:limit], label, ""


def suggest(assessment, commune="", today=None):
    competence_ids = assessment.competence_ids()
    suggestions = Suggestions(workshops=next_workshops(competence_ids), tool_sheets=tool_sheets(competence_ids))
    if commune:
        suggestions.sessions, suggestions.place, suggestions.place_error = sessions_near(commune, today)
    return suggestions
