"""The views the sign-up pages route to (RoutablePageMixin): the form's POST and its thanks, for a workshop and for a
whole journey."""

import logging

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from community.members.access import private

from . import journeys, ratelimit
from . import signup as operations
from .forms import JourneySignupForm, SignupForm
from .models.registration import JourneyRegistration, Registration

logger = logging.getLogger(__name__)

# The confirmation page finds the sign-up just made through the visitor's session, not through the URL.
SESSION_KEY = "workshops_last_registration"
JOURNEY_SESSION_KEY = "workshops_last_journey_registration"


def turn_away(request, page, form):
    """The answer to a flood of attempts (429) or to a bot that filled the honeypot (400); None for the others."""
    if ratelimit.SIGN_UPS.is_limited(request):
        return ratelimit.SIGN_UPS.too_many(request, "workshops/too_many_attempts.html", {"workshop": page})
    if form.is_bot():
        ratelimit.SIGN_UPS.record(request)
        logger.info("Honeypot sign-up turned away on page %s.", page.pk)
        return TemplateResponse(request, "workshops/signup_refused.html", {"workshop": page}, status=400)
    return None


@private
def signup(request, workshop):
    if request.method != "POST":
        return redirect(workshop.url + "#inscription")
    form = SignupForm(request.POST)
    if refusal := turn_away(request, workshop, form):
        return refusal
    if not form.is_valid():
        return _page_with_form(request, workshop, form, status=400)
    ratelimit.SIGN_UPS.record(request)
    try:
        registration = operations.sign_up(workshop, form.person())
    except operations.AlreadyRegistered as refusal:
        form.add_error("email", refusal.message)
        return _page_with_form(request, workshop, form, status=409)
    except operations.SignupClosed as refusal:
        return _page_with_form(request, workshop, form, status=403, signup_error=refusal.message)
    request.session[SESSION_KEY] = registration.pk
    return redirect(workshop.url + workshop.reverse_subpage("signup_done"))


@private
def signup_done(request, workshop):
    registration = Registration.objects.filter(pk=request.session.get(SESSION_KEY), workshop=workshop).first()
    if registration is None:
        return redirect(workshop.url)
    context = {"page": workshop, "registration": registration, "position": registration.waiting_position()}
    return TemplateResponse(request, "workshops/signup_done.html", context)


def _page_with_form(request, page, form, status, signup_error=None, form_name="form"):
    response = page.render(request, context_overrides={form_name: form, "signup_error": signup_error})
    response.status_code = status
    return response


# --- Associations joining a whole journey -------------------------------------------------------------------------


@private
def journey_signup(request, journey):
    if request.method != "POST":
        return redirect(journey.url + "#inscription")
    form = JourneySignupForm(request.POST, journey=journey)
    if refusal := turn_away(request, journey, form):
        return refusal
    if not form.is_valid():
        return _page_with_form(request, journey, form, status=400, form_name="journey_form")
    ratelimit.SIGN_UPS.record(request)
    try:
        registration = journeys.join(journey, form.association())
    except journeys.AlreadyJoined as refusal:
        form.add_error("email", refusal.message)
        return _page_with_form(request, journey, form, status=409, form_name="journey_form")
    except journeys.OutsideTerritory as refusal:
        form.add_error("commune", refusal.message)
        return _page_with_form(request, journey, form, status=400, form_name="journey_form")
    except journeys.JourneyClosed as refusal:
        return _page_with_form(
            request, journey, form, status=403, signup_error=refusal.message, form_name="journey_form"
        )
    request.session[JOURNEY_SESSION_KEY] = registration.pk
    return redirect(journey.url + journey.reverse_subpage("signup_done"))


@private
def journey_signup_done(request, journey):
    registration = JourneyRegistration.objects.filter(
        pk=request.session.get(JOURNEY_SESSION_KEY), journey=journey
    ).first()
    if registration is None:
        return redirect(journey.url)
    return TemplateResponse(
        request, "workshops/journey_signup_done.html", {"page": journey, "registration": registration}
    )
