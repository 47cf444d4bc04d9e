"""Badge pages: the public JSON-LD of hosted verification, the verification page, coordinators' issue and revoke."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from community.competences.models import Competence, CompetenceValidation
from community.members import accounts
from community.members.access import coordinators_only, private
from core import french
from core.links import absolute_url

from . import openbadges as operations
from .forms import CheckEmailForm, RevokeForm
from .models import BadgeAssertion


def json_ld(data, status=200):
    response = JsonResponse(
        data,
        status=status,
        content_type="application/ld+json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"  # backpacks and verifiers fetch it from other sites
    return response


def _refusal(request, error, member=None):
    context = {"message": error.message, "member": member}
    return TemplateResponse(request, "badges/refused.html", context, status=error.status)


# --- Public: hosted verification -----------------------------------------------------------------------------------


@private
def issuer(request):
    return json_ld(operations.issuer_json(request))


@private
def badge_class(request, competence_pk, level):
    competence = get_object_or_404(Competence.objects.select_related("area__framework"), pk=competence_pk)
    proficiency = operations.level_of(competence, level)
    if not operations.is_valid_level(competence, level, proficiency):
        raise Http404
    return json_ld(operations.badge_class_json(competence, level, proficiency))


@private
def assertion(request, uuid):
    badge = get_object_or_404(BadgeAssertion.objects.select_related("validation"), uuid=uuid)
    return json_ld(operations.assertion_json(badge), status=410 if badge.is_revoked else 200)


@private
def verify(request, uuid):
    badge = get_object_or_404(
        BadgeAssertion.objects.select_related(
            "validation__member__member_profile", "validation__competence__area__framework"
        ),
        uuid=uuid,
    )
    competence = badge.validation.competence
    form = CheckEmailForm(request.POST or None)
    match = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            match = operations.matches(badge, form.cleaned_data["email"])  # compared, never stored
            form = CheckEmailForm()  # nor shown back
        else:
            status = 400
    context = {
        "badge": badge,
        "holder": accounts.display_name(badge.validation.member),
        "competence": competence,
        "framework": competence.area.framework,
        "proficiency": operations.level_of(competence, badge.validation.level),
        "form": form,
        "match": match,
        "assertion_url": operations.assertion_id(badge),
        "badge_class_url": operations.badge_class_id(competence.pk, badge.validation.level),
        "issuer_url": operations.issuer_id(),
    }
    return TemplateResponse(request, "badges/verify.html", context, status=status)


# --- Coordinators: issue and revoke, from a member's competence profile -------------------------------------------


@coordinators_only
def issue(request, validation_pk):
    validation = get_object_or_404(
        CompetenceValidation.objects.select_related("member", "competence"), pk=validation_pk
    )
    member = validation.member
    if request.method != "POST":
        return redirect("journal:member_profile", username=member.get_username())
    try:
        badge = operations.issue_badge(validation, request.user)
    except operations.BadgeError as error:
        return _refusal(request, error, member)
    messages.success(
        request,
        _(
            "Badge émis pour %(competence)s, niveau %(level)s. Sa page de vérification est publique : elle montre "
            "le nom affiché %(of_name)s, la compétence et le niveau (jamais son adresse e-mail)."
        )
        % {
            "competence": validation.competence,
            "level": validation.level,
            "of_name": french.elide("de", accounts.display_name(member)),
        },
    )
    messages.info(request, _("Page de vérification : %(url)s") % {"url": absolute_url(badge.get_absolute_url())})
    return redirect("journal:member_profile", username=member.get_username())


@coordinators_only
def revoke(request, uuid):
    badge = get_object_or_404(BadgeAssertion.objects.select_related("validation__member"), uuid=uuid)
    member = badge.validation.member
    if request.method != "POST":
        return redirect("badges:verify", uuid=badge.uuid)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        context = {"badge": badge, "form": form, "member": member}
        return TemplateResponse(request, "badges/revoke.html", context, status=400)
    try:
        operations.revoke_badge(badge, request.user, form.cleaned_data["reason"])
    except operations.BadgeError as error:
        return _refusal(request, error, member)
    messages.success(request, _("Le badge est révoqué : sa vérification répond désormais « révoqué »."))
    return redirect("journal:member_profile", username=member.get_username())
