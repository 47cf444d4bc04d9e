"""Sign-up views (the form's POST, its confirmation, one's own sign-up behind a token) and the animators' views."""

import copy
import logging
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import attendance, ical, pdf, ratelimit, satisfaction
from . import signup as operations
from .forms import ChangeForm, SatisfactionForm, SignupForm
from .models import Registration, WorkshopPage

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
        "survey_open": satisfaction.is_open(registration) and not satisfaction.has_answered(registration),
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


def _page_with_form(request, workshop, form, status, signup_error=None):
    response = workshop.render(request, context_overrides={"form": form, "signup_error": signup_error})
    response.status_code = status
    return response


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


def manager_only(view):
    """Anonymous visitors go to the login page; logged-in people who may not manage the workshop get a 403."""

    @login_required
    @wraps(view)
    def wrapped(request, page_id, *args, **kwargs):
        workshop = get_object_or_404(WorkshopPage.objects.defer_streamfields(), pk=page_id)
        if not attendance.can_manage(request.user, workshop):
            raise PermissionDenied
        response = view(request, workshop, *args, **kwargs)
        # Lists of people: never kept by a cache.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


@manager_only
def registrations(request, workshop):
    lists = attendance.registrations_by_status(workshop)
    context = {
        "workshop": workshop,
        "lists": lists,
        "present_count": sum(1 for r in lists["confirmed"] if r.attendance == Registration.Attendance.PRESENT),
        "attendance_is_open": attendance.attendance_is_open(workshop),
        "attendance_choices": Registration.Attendance.choices,
        "satisfaction": satisfaction.summary(workshop),
    }
    return TemplateResponse(request, "workshops/animator/registrations.html", context)


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
