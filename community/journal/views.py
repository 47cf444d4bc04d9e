"""The journal de bord's pages: one's entries (filters, search), writing, editing, deleting, exports, network view;
and, under /compte/, a member's own data: its export and erasure."""

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from community.competences.models import Framework
from community.members import accounts, notices
from community.members.access import account_holders_only, coordinators_only, members_only, private
from community.members.forms import PasswordConfirmationForm
from core.paging import query_without

from . import cadre, drafts, entries, job_profiles, recit, rights
from . import profile as competence_profile
from .forms import (
    CadreForm,
    EvidenceFormSet,
    JobProfileForm,
    JournalEntryForm,
    JournalFilterForm,
    RecitPeriodForm,
    ValidationForm,
)
from .models import JournalEntry

PER_PAGE = 20


@members_only
def entry_list(request):
    filters = JournalFilterForm(request.GET or None, request.user)
    values = filters.values() if request.GET else {}
    found = entries.filter_entries(entries.own_entries(request.user), **values)
    context = {
        "filters": filters,
        "entries": Paginator(found, PER_PAGE).get_page(request.GET.get("page")),
        "query": query_without(request),
        "is_filtered": any(values.values()) if values else False,
        "is_coordinator": accounts.is_coordinator(request.user),
    }
    return TemplateResponse(request, "journal/entry_list.html", context)


@private
def network(request):
    """What others shared: public entries for everyone; network and team entries for members. Never private."""
    found = entries.network_entries(request.user)
    context = {"entries": Paginator(found, PER_PAGE).get_page(request.GET.get("page")), "query": ""}
    return TemplateResponse(request, "journal/network.html", context)


def _visible_entry(request, pk):
    entry = entries.visible_entries(request.user).filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry


def _own_entry(request, pk):
    """The author's entry; someone who may read it but not change it gets a 403, anyone else a 404."""
    entry = _visible_entry(request, pk)
    if entry.author_id != request.user.pk:
        raise PermissionDenied
    return entry


@private
def entry_detail(request, pk):
    entry = _visible_entry(request, pk)
    context = {"entry": entry, "is_author": entry.author_id == request.user.pk}
    return TemplateResponse(request, "journal/entry_detail.html", context)


def _edit(request, entry):
    evidence = EvidenceFormSet(request.POST or None, instance=entry, prefix="competences")
    form = JournalEntryForm(request.POST or None, instance=entry, evidence=evidence)
    if request.method == "POST":
        if form.is_valid() and evidence.is_valid():
            saved = entries.save_entry(form, evidence, request.user)
            messages.success(request, _("L'entrée « %(title)s » est enregistrée.") % {"title": saved.title})
            return redirect(saved.get_absolute_url())
        # Saved elsewhere meanwhile, on the same passages: both versions are shown, nothing is lost.
        status = 409 if form.has_conflict else 400
    else:
        status = 200
    context = {"form": form, "evidence": evidence, "entry": entry if entry.pk else None}
    return TemplateResponse(request, "journal/entry_form.html", context, status=status)


@members_only
def entry_create(request):
    return _edit(request, JournalEntry(author=request.user))


@members_only
def entry_edit(request, pk):
    return _edit(request, _own_entry(request, pk))


@members_only
def entry_delete(request, pk):
    entry = _own_entry(request, pk)
    if request.method == "POST":
        entries.delete_entry(entry)
        messages.success(request, _("L'entrée « %(title)s » est supprimée.") % {"title": entry.title})
        return redirect("journal:list")
    return TemplateResponse(request, "journal/entry_confirm_delete.html", {"entry": entry})


@members_only
def export_markdown(request):
    response = HttpResponse(entries.export_markdown(request.user), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "journal-de-bord.md")
    return response


@members_only
def export_json(request):
    response = HttpResponse(entries.export_json(request.user), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "journal-de-bord.json")
    return response


# --- Competence profiles -------------------------------------------------------------------------------------------


def _profile_page(request, member, validation_form=None, status=200):
    context = {
        "member": member,
        "member_name": accounts.display_name(member),
        "rows": competence_profile.profile(member, request.user),
        "is_own": member.pk == request.user.pk,
        "can_validate": accounts.is_coordinator(request.user) and member.pk != request.user.pk,
        "validation_form": validation_form,
        "level_choices": range(1, 9),
    }
    if context["is_own"]:
        context["notices"] = notices.unread(member)
    return TemplateResponse(request, "journal/profile.html", context, status=status)


@members_only
def own_profile(request):
    return _profile_page(request, request.user)


@members_only
def member_profile(request, username):
    member = get_object_or_404(get_user_model().objects.select_related("member_profile"), username=username)
    if member.pk == request.user.pk:
        return redirect("journal:profile")
    if not accounts.is_coordinator(request.user):
        raise PermissionDenied
    return _profile_page(request, member)


@coordinators_only
def validate_competence(request, username):
    member = get_object_or_404(get_user_model(), username=username)
    if request.method != "POST":
        return redirect("journal:member_profile", username=username)
    form = ValidationForm.sent_from_row(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            competence_profile.validate(member, data["competence"], data["level"], request.user, data["comment"])
        except competence_profile.CannotValidate as refusal:
            form.add_error("level", refusal.message)
        else:
            messages.success(
                request,
                _("Niveau %(level)s validé pour %(competence)s.")
                % {"level": data["level"], "competence": data["competence"]},
            )
            return redirect("journal:member_profile", username=username)
    if member.pk == request.user.pk:
        raise PermissionDenied
    return _profile_page(request, member, validation_form=form, status=400)


@coordinators_only
def member_list(request):
    context = {"members": competence_profile.members()}
    return TemplateResponse(request, "journal/member_list.html", context)


# --- Récit collectif -----------------------------------------------------------------------------------------------


@coordinators_only
def compile_recit(request):
    """A coordinator picks a two-month period; a draft récit opens in the page editor."""
    return drafts.compile_view(
        request,
        RecitPeriodForm(request.POST or None),
        lambda form: recit.compile_recit(form.period(), request.user),
        heading=_("Compiler un récit collectif"),
        explanation=_(
            "Le brouillon rassemble les entrées du journal de bord partagées avec le réseau ou publiques pendant les "
            "deux mois choisis, classées en changements engagés, freins levés et leviers trouvés. Les entrées privées "
            "ou d'équipe n'y figurent jamais. Vous le relisez et le publiez dans l'éditeur."
        ),
        ready=_("Le brouillon du récit est prêt : relisez-le, complétez-le, publiez-le."),
    )


# --- Cadre de référence --------------------------------------------------------------------------------------------


@coordinators_only
def cadre_report(request):
    """The half-yearly cadre de référence of a framework, as a page or (`?format=pdf`) a PDF to download."""
    data = request.GET.copy()
    data.setdefault("semestre", str(cadre.Semester.containing(timezone.localdate())))
    if "referentiel" not in data:
        first = Framework.objects.filter(is_current=True).order_by("name").first()
        if first:
            data["referentiel"] = str(first.pk)
    form = CadreForm(data)
    if not form.is_valid():
        return TemplateResponse(request, "journal/cadre.html", {"form": form}, status=400)
    report = cadre.build_report(form.cleaned_data["referentiel"], form.cleaned_data["semestre"])
    if request.GET.get("format") == "pdf":
        response = HttpResponse(cadre.render_pdf(report, request), content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, cadre.filename(report))
        return response
    pdf_query = data.copy()
    pdf_query["format"] = "pdf"
    context = {"form": form, "report": report, "pdf_query": pdf_query.urlencode()}
    return TemplateResponse(request, "journal/cadre.html", context)


# --- Compiled from the coordinators' dashboard (indicators/urls.py) ---------------------------------------------------


@coordinators_only
def compile_job_profile(request):
    """A coordinator picks a role and a year; the draft référentiel métier opens in the page editor."""
    return drafts.compile_view(
        request,
        JobProfileForm(request.POST or None),
        lambda form: job_profiles.compile_job_profile(
            form.cleaned_data["role"], form.cleaned_data["year"], request.user
        ),
        heading=_("Préparer un référentiel métier"),
        explanation=_(
            "Chaque année, le brouillon rassemble, pour un rôle, les compétences que ses membres ont le plus attestées "
            "dans leurs entrées partagées du journal de bord et fait valider. Les entrées privées n'y comptent jamais. "
            "Vous décrivez ensuite chaque compétence dans l'éditeur, puis publiez la page sous "
            "« Référentiels métiers »."
        ),
        ready=_("Le brouillon est prêt : décrivez chaque compétence, puis publiez."),
    )


# --- A member's own data, reached from their profile under /compte/ ----------------------------------------------


@account_holders_only
def export_my_data(request):
    response = HttpResponse(rights.export(request.user), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "mes-donnees-gare-centrale.json")
    return response


def _erase_when_confirmed(request, template, erase, message, then):
    """GET: what will be erased. POST with the person's password: `erase(request)`, then the message and `then`.
    A wrong password erases nothing (400)."""
    form = PasswordConfirmationForm(request, request.POST if request.method == "POST" else None)
    if not (form.is_bound and form.is_valid()):
        return TemplateResponse(request, template, {"form": form}, status=400 if form.is_bound else 200)
    erase(request)
    # After erase(), which may log out and so empty the session: the message must outlive it.
    messages.success(request, message)
    return redirect(then)


@account_holders_only
def erase_my_journal(request):
    return _erase_when_confirmed(
        request,
        "journal/erase_journal.html",
        lambda request: rights.erase_journal(request.user),
        _("Votre journal de bord est effacé : vos entrées et leurs mots-clés."),
        "account:profile",
    )


def _erase_account_and_log_out(request):
    rights.erase_account(request.user)
    logout(request)


@account_holders_only
def erase_my_account(request):
    return _erase_when_confirmed(
        request,
        "journal/erase_account.html",
        _erase_account_and_log_out,
        _("Votre compte et vos données sont effacés. Merci d'avoir fait partie du réseau."),
        "/",
    )
