"""The workshops app's models: pages (workshops, journeys) and sign-ups."""

from .pages import JourneyPage, SignupWindow, WorkshopIndexPage, WorkshopPage, WorkshopPageQuerySet
from .registration import Registration, SatisfactionResponse

__all__ = [
    "JourneyPage",
    "Registration",
    "SatisfactionResponse",
    "SignupWindow",
    "WorkshopIndexPage",
    "WorkshopPage",
    "WorkshopPageQuerySet",
]
