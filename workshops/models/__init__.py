"""The workshops app's models: pages (workshops, journeys) and sign-ups."""

from .pages import JourneyPage, SignupWindow, WorkshopIndexPage, WorkshopPage, WorkshopPageQuerySet
from .registration import Registration

__all__ = [
    "JourneyPage",
    "Registration",
    "SignupWindow",
    "WorkshopIndexPage",
    "WorkshopPage",
    "WorkshopPageQuerySet",
]
