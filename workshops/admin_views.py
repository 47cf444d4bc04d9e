"""The coordinators' screen in the Wagtail admin: find a person's sign-ups, send them what is kept, erase them.

The operations are those of the person's own link (workshops/rights.py). Only coordinators (and superusers) enter:
the others get a plain 403, and the menu item is hidden from them.
"""

from functools import wraps

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from community.members import accounts
from community.members.access import private

from . import rights
from .models import JourneyRegistration, Registration
from .signup import RegistrationLocked
from .views import download

KINDS = {"atelier": Registration, "parcours": JourneyRegistration}


def coordinators_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not accounts.is_coordinator(request.user):
            # Wagtail would turn a PermissionDenied into a redirection to the dashboard: this says no plainly.
            context = {"page_title": _("Accès refusé"), "header_icon": "warning"}
            return TemplateResponse(request, "workshops/admin/forbidden.html", context, status=403)
        return view(request, *args, **kwargs)

    return private(wrapped)


@coordinators_only
def search(request):
    # The name or e-mail sought comes by POST: it stays out of access logs, browser history and Referer headers.
    query = request.POST.get("q", "").strip() if request.method == "POST" else ""
    workshop_signups, journey_signups = rights.find_person(query)
    context = {
        "page_title": _("Inscriptions et données personnelles"),
        "header_icon": "user",
        "query": query,
        "too_short": bool(query) and len(query) < rights.MIN_QUERY_LENGTH,
        "min_length": rights.MIN_QUERY_LENGTH,
        "workshop_signups": workshop_signups,
        "journey_signups": journey_signups,
    }
    return TemplateResponse(request, "workshops/admin/search.html", context)


@coordinators_only
def export(request, kind, pk):
    return download(_sign_up(kind, pk))


@coordinators_only
def erase(request, kind, pk):
    registration = _sign_up(kind, pk)
    if request.method == "POST":
        try:
            rights.erase(registration)
        except RegistrationLocked as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("L'inscription est effacée."))
        return redirect("workshops_signups:search")
    context = {
        "page_title": _("Effacer une inscription"),
        "header_icon": "bin",
        "registration": registration,
        "kind": kind,
        "keeps_proof": rights.erasure_keeps_proof(registration),
        "proof_years": rights.retention_periods()["proof_years"],
    }
    return TemplateResponse(request, "workshops/admin/erase.html", context)


def _sign_up(kind, pk):
    model = KINDS[kind]
    # An erased sign-up names nobody: there is nothing left to export or erase.
    return get_object_or_404(model.objects.exclude(status=model.Status.ERASED), pk=pk)
