"""Sign-up views: the form's POST under a workshop page, its confirmation, and one's own sign-up behind a token."""

import copy
import logging
from functools import wraps

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from . import ratelimit
from . import signup as operations
from .forms import ChangeForm, SignupForm
from .models import Registration

logger = logging.getLogger(__name__)

# The confirmation page finds the sign-up just made through the visitor's session, not through the URL.
SESSION_KEY = "workshops_last_registration"


def private(view):
    """These pages show one person's sign-up: no cache keeps them, no search engine indexes them."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        # The manage page's URL is its key: it must not leak to other sites through the Referer header.
        # ("no-referrer" would be stricter, but makes browsers send "Origin: null", which fails Django's CSRF check.)
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapped


@private
def signup(request, workshop):
    if request.method != "POST":
        return redirect(workshop.url + "#inscription")
    if ratelimit.is_limited(request):
        response = TemplateResponse(request, "workshops/too_many_attempts.html", {"workshop": workshop}, status=429)
        response["Retry-After"] = str(ratelimit.window_seconds())
        return response
    form = SignupForm(request.POST)
    if form.is_bot():
        ratelimit.record(request)
        logger.info("Honeypot sign-up turned away on workshop %s.", workshop.pk)
        return TemplateResponse(request, "workshops/signup_refused.html", {"workshop": workshop}, status=400)
    if not form.is_valid():
        return _page_with_form(request, workshop, form, status=400)
    ratelimit.record(request)
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


@private
def manage(request, token):
    registration = get_object_or_404(Registration.objects.select_related("workshop"), token=token)
    form = None
    if _can_change(registration):
        # The form works on a copy: a rejected change must not show up in the summary beside it.
        form = ChangeForm(request.POST or None, instance=copy.copy(registration))
        if request.method == "POST" and form.is_valid():
            try:
                operations.change(registration, form.cleaned_data)
            except operations.RegistrationLocked as refusal:
                messages.error(request, refusal.message)
            else:
                messages.success(request, _("Vos informations sont enregistrées."))
            return redirect("workshops:manage", token=token)
    context = {
        "registration": registration,
        "workshop": registration.workshop,
        "form": form,
        "can_cancel": _can_change(registration),
        "position": registration.waiting_position(),
    }
    # Form errors keep a 200: Django logs 4xx responses with their path, and this path holds the token.
    return TemplateResponse(request, "workshops/manage.html", context)


@private
def cancel(request, token):
    registration = get_object_or_404(Registration.objects.select_related("workshop"), token=token)
    if request.method == "POST":
        try:
            operations.cancel(registration)
        except operations.RegistrationLocked as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Votre inscription est annulée. Merci de nous avoir prévenus."))
        return redirect("workshops:manage", token=token)
    if not _can_change(registration):
        return redirect("workshops:manage", token=token)
    return TemplateResponse(request, "workshops/cancel.html", {"registration": registration})


def _can_change(registration):
    return registration.is_active and registration.workshop.start > timezone.now()


def _page_with_form(request, workshop, form, status, signup_error=None):
    response = workshop.render(request, context_overrides={"form": form, "signup_error": signup_error})
    response.status_code = status
    return response
