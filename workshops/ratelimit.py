"""The per-address limit on sign-up attempts (workshops and journeys), counted by core/ratelimit.py."""

from core.ratelimit import VisitorLimit

SIGN_UPS = VisitorLimit("workshops-signup", "WORKSHOPS_SIGNUP_RATE", limit=5, window=600)
