"""One's own sign-up behind a token, the calendars and the animators' views (the sign-up forms' are in routes.py)."""

import copy
import logging
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from community.members.access import private

from . import announcements, attendance, ical, journeys, pdf, rights, satisfaction
from . import signup as operations
from .forms import AnnouncementForm, ChangeForm, SatisfactionForm
from .models import JourneyPage, JourneyRegistration, Registration, WorkshopPage

logger = logging.getLogger(__name__)


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
        "survey_open": satisfaction.is_open(registration) and not satisfaction.has_answered(registration),
        "participant_memory": registration.workshop.memory_participants if registration.took_part else None,
        "kept": rights.kept_data(registration),
        "kept_answer": rights.kept_answer(registration),
        "data_url": reverse("workshops:data", kwargs={"token": token}),
        "erase_url": reverse("workshops:erase", kwargs={"token": token}),
        "retention": rights.retention_periods(),
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


@private
def survey(request, token):
    registration = get_object_or_404(Registration.objects.select_related("workshop"), token=token)
    context = {"registration": registration, "workshop": registration.workshop}
    if satisfaction.has_answered(registration):
        # Reading the thanks again is fine; a second answer is a conflict.
        status = 409 if request.method == "POST" else 200
        return TemplateResponse(request, "workshops/survey.html", {**context, "answered": True}, status=status)
    if not satisfaction.is_open(registration):
        refusal = satisfaction.SurveyNotOpen()
        return TemplateResponse(request, "workshops/survey.html", {**context, "refusal": refusal.message}, status=403)
    form = SatisfactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            satisfaction.answer(registration, form.cleaned_data["score"], form.cleaned_data["comment"])
        except satisfaction.AlreadyAnswered:
            return TemplateResponse(request, "workshops/survey.html", {**context, "answered": True}, status=409)
        except satisfaction.SurveyNotOpen as refusal:
            context["refusal"] = refusal.message
            return TemplateResponse(request, "workshops/survey.html", context, status=403)
        messages.success(request, _("Merci pour votre avis !"))
        return redirect("workshops:survey", token=token)
    return TemplateResponse(request, "workshops/survey.html", {**context, "form": form})


def _can_change(registration):
    return registration.is_active and registration.workshop.start > timezone.now()


@private
def journey_manage(request, token):
    """An association's own sign-up for a journey, from the link in its e-mail: see it, cancel it."""
    registration = get_object_or_404(JourneyRegistration.objects.select_related("journey"), token=token)
    if request.method == "POST":
        journeys.leave(registration)
        messages.success(request, _("L'inscription de votre structure au parcours est annulée."))
        return redirect("workshops:journey_manage", token=token)
    context = {
        "registration": registration,
        "journey": registration.journey,
        "kept": rights.kept_data(registration),
        "data_url": reverse("workshops:journey_data", kwargs={"token": token}),
        "erase_url": reverse("workshops:journey_erase", kwargs={"token": token}),
        "retention": rights.retention_periods(),
    }
    return TemplateResponse(request, "workshops/journey_manage.html", context)


# --- One's rights on one's sign-up: a copy of what is kept, erasure -------------------------------------------


@private
def data_export(request, token):
    return download(get_object_or_404(Registration.objects.select_related("workshop"), token=token))


@private
def journey_data_export(request, token):
    return download(get_object_or_404(JourneyRegistration.objects.select_related("journey"), token=token))


def download(registration):
    """What is kept about a sign-up, as a JSON file (the coordinators' admin sends the same one)."""
    response = JsonResponse(rights.export(registration), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = content_disposition_header(True, rights.export_filename(registration))
    return response


@private
def erase(request, token):
    return _erase(request, get_object_or_404(Registration.objects.select_related("workshop"), token=token))


@private
def journey_erase(request, token):
    return _erase(request, get_object_or_404(JourneyRegistration.objects.select_related("journey"), token=token))


def _erase(request, registration):
    if request.method == "POST":
        try:
            rights.erase(registration)
        except operations.RegistrationLocked as refusal:
            messages.error(request, refusal.message)
            return redirect(_manage_url(registration))
        return redirect("workshops:erased")
    is_journey = isinstance(registration, JourneyRegistration)
    context = {
        "registration": registration,
        "journey": is_journey,
        "page": registration.journey if is_journey else registration.workshop,
        "keeps_proof": rights.erasure_keeps_proof(registration),
        "proof_years": rights.retention_periods()["proof_years"],
        "back_url": _manage_url(registration),
    }
    return TemplateResponse(request, "workshops/erase.html", context)


def _manage_url(registration):
    name = "workshops:journey_manage" if isinstance(registration, JourneyRegistration) else "workshops:manage"
    return reverse(name, kwargs={"token": registration.token})


@private
def erased(request):
    return TemplateResponse(request, "workshops/erased.html")


def calendar_file(request, page_path):
    """<page URL>agenda.ics: the iCalendar of a public workshop, or of all upcoming ones under the index page."""
    page = Page.find_for_request(request, "/" + page_path)
    if page is None:
        raise Http404
    page = page.specific
    if not page.live or page.get_view_restrictions().exists() or not hasattr(page, "calendar_workshops"):
        raise Http404
    return ical.response(page.calendar_workshops(), f"{page.slug}.ics", request, name=page.title)


# --- The animators' views: the workshop's animators and the coordinators only ---------------------------------


def managers_only(model, may_manage):
    """Anonymous visitors go to the login page; logged-in people who may not manage the page get a 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, page_id, *args, **kwargs):
            page = get_object_or_404(model.objects.defer_streamfields(), pk=page_id)
            if not may_manage(request.user, page):
                raise PermissionDenied
            response = view(request, page, *args, **kwargs)
            # Lists of people: never kept by a cache.
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
            return response

        return wrapped

    return decorator


manager_only = managers_only(WorkshopPage, attendance.can_manage)
journey_manager_only = managers_only(JourneyPage, journeys.can_manage)


@manager_only
def registrations(request, workshop):
    lists = attendance.registrations_by_status(workshop)
    context = {
        "workshop": workshop,
        "lists": lists,
        "present_count": sum(
            1 for r in lists["confirmed"] + lists["erased"] if r.attendance == Registration.Attendance.PRESENT
        ),
        "attendance_is_open": attendance.attendance_is_open(workshop),
        "attendance_choices": Registration.Attendance.choices,
        "satisfaction": satisfaction.summary(workshop),
    }
    return TemplateResponse(request, "workshops/animator/registrations.html", context)


@manager_only
def write_to_people(request, workshop):
    """The animators write to the confirmed people or to those waiting; the messages sent stay listed here."""
    form = AnnouncementForm(request.POST or None, sizes=announcements.audience_sizes(workshop))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                announcement = announcements.announce(workshop, author=request.user, **form.cleaned_data)
            except announcements.NobodyToWrite as refusal:
                form.add_error("audience", refusal.message)
            else:
                count = announcement.deliveries.count()
                messages.success(
                    request,
                    ngettext(
                        "Message envoyé à %(count)d personne, chacune par un e-mail à elle seule.",
                        "Message envoyé à %(count)d personnes, chacune par un e-mail à elle seule.",
                        count,
                    )
                    % {"count": count},
                )
                return redirect("workshops_management:announcements", page_id=workshop.pk)
    context = {"workshop": workshop, "form": form, "sent": announcements.sent(workshop)}
    return TemplateResponse(request, "workshops/animator/announcements.html", context, status=status)


@manager_only
def take_attendance(request, workshop):
    if request.method != "POST":
        return redirect("workshops_management:registrations", page_id=workshop.pk)
    marks = {}
    for key, value in request.POST.items():
        if key.startswith("presence-") and key.removeprefix("presence-").isdigit():
            marks[int(key.removeprefix("presence-"))] = value
    try:
        attendance.mark_attendance(workshop, marks)
    except attendance.AttendanceNotOpen as refusal:
        messages.error(request, refusal.message)
        return redirect("workshops_management:registrations", page_id=workshop.pk)
    messages.success(request, _("Les présences sont enregistrées."))
    return redirect("workshops_management:registrations", page_id=workshop.pk)


@manager_only
def export_csv(request, workshop):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, attendance.csv_filename(workshop))
    attendance.write_csv(workshop, response)
    return response


@manager_only
def attendance_sheet(request, workshop):
    response = HttpResponse(pdf.attendance_sheet(workshop, request), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, pdf.filename(workshop))
    return response


@journey_manager_only
def journey_registrations(request, journey):
    context = {"journey": journey, "registrations": journeys.registrations(journey)}
    return TemplateResponse(request, "workshops/animator/journey_registrations.html", context)


@journey_manager_only
def journey_csv(request, journey):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, journeys.csv_filename(journey))
    journeys.write_csv(journey, response)
    return response
