"""The workshops app's models: pages (workshops, journeys) and sign-ups."""

from .pages import (
    JourneyIndexPage,
    JourneyPage,
    JourneyStage,
    SignupWindow,
    Stage,
    WorkshopIndexPage,
    WorkshopPage,
    WorkshopPageQuerySet,
    WorkshopTag,
)
from .registration import JourneyRegistration, Registration, SatisfactionResponse

__all__ = [
    "JourneyIndexPage",
    "JourneyPage",
    "JourneyRegistration",
    "JourneyStage",
    "Registration",
    "SatisfactionResponse",
    "SignupWindow",
    "Stage",
    "WorkshopIndexPage",
    "WorkshopPage",
    "WorkshopPageQuerySet",
    "WorkshopTag",
]
