"""The workshops app's models: pages (workshops, journeys), sign-ups, themes and choices.

Inside the app the arrows run one way: pages use the forms, listings and operations, which use registration,
tags and choices only (a sign-up's page comes with the sign-up, or as an argument).
"""

from .announcements import Announcement, AnnouncementDelivery
from .choices import Format, SignupWindow, Stage
from .pages import (
    WORKSHOP_CARD_FIELDS,
    FeaturedPrototype,
    JourneyIndexPage,
    JourneyPage,
    JourneyStage,
    WorkshopIndexPage,
    WorkshopPage,
    WorkshopPageQuerySet,
)
from .registration import JourneyRegistration, Registration, SatisfactionResponse
from .series import WorkshopSeries
from .tags import WorkshopTag
from .tally import FirstReach, ReachedName, WorkshopTally

__all__ = [
    "WORKSHOP_CARD_FIELDS",
    "Announcement",
    "AnnouncementDelivery",
    "FeaturedPrototype",
    "FirstReach",
    "Format",
    "JourneyIndexPage",
    "JourneyPage",
    "JourneyRegistration",
    "JourneyStage",
    "ReachedName",
    "Registration",
    "SatisfactionResponse",
    "SignupWindow",
    "Stage",
    "WorkshopIndexPage",
    "WorkshopPage",
    "WorkshopPageQuerySet",
    "WorkshopSeries",
    "WorkshopTag",
    "WorkshopTally",
]
