"""The diagnostic's pages: the questionnaire, its result (answers posted, never stored), the result by e-mail."""

import logging

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from community.members.access import private
from core.ratelimit import VisitorLimit

from . import assessment, sending, suggestions
from .forms import DiagnosticForm, EmailForm
from .models import Mode

logger = logging.getLogger(__name__)

# Results asked for by e-mail, per address (settings DIAGNOSTIC_EMAIL_RATE_LIMIT and _WINDOW).
EMAILS = VisitorLimit("diagnostic-email", "DIAGNOSTIC_EMAIL_RATE", limit=5, window=3600)


def _mode(request):
    return Mode.INTERVIEW if request.GET.get("mode") == Mode.INTERVIEW else Mode.AUTONOMOUS


def _questionnaire(request, form, status=200):
    context = {"form": form, "mode": form.mode, "interview": form.mode == Mode.INTERVIEW}
    return TemplateResponse(request, "diagnostic/questionnaire.html", context, status=status)


@require_http_methods(["GET", "POST"])
def start(request):
    """GET: the questions (a public page); POST: the person's result, counted once for the indicators."""
    if request.method == "POST":
        return _take(request)
    return _questionnaire(request, DiagnosticForm(questions=assessment.questions(), mode=_mode(request)))


@private
def _take(request):
    form = DiagnosticForm(request.POST, questions=assessment.questions())
    if not form.is_valid():
        return _questionnaire(request, form, status=400)
    assessed = assessment.assess(form.answers())
    assessment.record(assessed, form.mode)
    return _result(request, form, assessed)


@private
@require_http_methods(["POST"])
def result(request):
    """The same result again for another commune: not counted a second time."""
    form = DiagnosticForm(request.POST, questions=assessment.questions())
    if not form.is_valid():
        return _questionnaire(request, form, status=400)
    return _result(request, form, assessment.assess(form.answers()))


@private
@require_http_methods(["POST"])
def send(request):
    """The result by e-mail, if the person asks: held until it leaves through the queue, then deleted."""
    form = DiagnosticForm(request.POST, questions=assessment.questions())
    email_form = EmailForm(request.POST)
    if EMAILS.is_limited(request):
        return EMAILS.too_many(request)
    if email_form.is_bot():
        EMAILS.record(request)
        logger.info("Honeypot diagnostic e-mail turned away.")
        return TemplateResponse(request, "diagnostic/refused.html", status=400)
    if not form.is_valid():
        return _questionnaire(request, form, status=400)
    assessed = assessment.assess(form.answers())
    if not email_form.is_valid():
        return _result(request, form, assessed, email_form=email_form, status=400)
    EMAILS.record(request)
    sending.ask_for_email(email_form.cleaned_data["email"], assessed, form.cleaned_data["commune"])
    return redirect("diagnostic:sent")


@private
def sent(request):
    return TemplateResponse(request, "diagnostic/sent.html")


def _result(request, form, assessed, email_form=None, status=200):
    commune = form.cleaned_data["commune"]
    context = {
        "form": form,
        "mode": form.mode,
        "interview": form.mode == Mode.INTERVIEW,
        "assessment": assessed,
        "suggestions": suggestions.suggest(assessed, commune),
        "commune": commune,
        "hidden_answers": form.hidden_answers(),
        "email_form": email_form or EmailForm(),
    }
    return TemplateResponse(request, "diagnostic/result.html", context, status=status)
