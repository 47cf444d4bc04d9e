"""The coordinators' dashboard (/tableau-de-bord/): the figures of a period and a territory, their CSV, and the
steering committee's pack."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from community.journal import drafts
from community.members.access import coordinators_only
from core.paging import query_without
from core.spreadsheets import write_spreadsheet

from . import figures, pack, reports
from .forms import JourneyReportForm, PackForm, ScopeForm


def _refused(request, form=None, pack_form=None):
    """The dashboard's forms again, with what was wrong said on them."""
    context = {"form": form or ScopeForm(), "pack_form": pack_form or PackForm()}
    return TemplateResponse(request, "indicators/dashboard.html", context, status=400)


def _chosen_scope(request, territories=None):
    """The scope the address asks for, with its form; None for a scope badly written."""
    form = ScopeForm(request.GET, territories=territories)
    return form, (None if form.is_bound and not form.is_valid() else form.scope())


@coordinators_only
def dashboard(request):
    # Both forms offer the territories: read once.
    territories = figures.territories()
    form, scope = _chosen_scope(request, territories)
    if scope is None:
        return _refused(request, form=form, pack_form=PackForm(territories=territories))
    context = {
        "form": form,
        "pack_form": PackForm(territories=territories),
        "scope": scope,
        "query": query_without(request),
        **figures.dashboard(scope, page_number=request.GET.get("page", 1)),
    }
    return TemplateResponse(request, "indicators/dashboard.html", context)


@coordinators_only
def table_csv(request, slug):
    if slug not in figures.TABLES:
        raise Http404
    form, scope = _chosen_scope(request)
    if scope is None:
        return _refused(request, form=form)
    table = figures.TABLES[slug](scope, timezone.now())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    write_spreadsheet(response, table.headers, table.rows)
    name = f"{slug}-{scope.start:%Y-%m-%d}-{scope.end:%Y-%m-%d}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@coordinators_only
def committee_pack(request):
    form = PackForm(request.GET)
    if not form.is_valid():
        return _refused(request, pack_form=form)
    quarter, territory = form.cleaned_data["trimestre"], form.cleaned_data["territoire"]
    response = HttpResponse(pack.committee_pack(quarter, territory, request), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, pack.filename(quarter, territory))
    return response


@coordinators_only
def compile_journey_report(request):
    """A coordinator picks a journey; the draft of its final report opens in the page editor."""
    return drafts.compile_view(
        request,
        JourneyReportForm(request.POST or None),
        lambda form: reports.compile_report(form.cleaned_data["parcours"], request.user),
        heading=_("Préparer le rapport final d'un parcours"),
        explanation=_(
            "Le brouillon reprend les objectifs du parcours. Le calendrier des ateliers tenus, les chiffres de "
            "participation, les mémoires et les fiches outils sont calculés à chaque affichage. Vous écrivez les "
            "travaux et résultats, les conclusions et les recommandations, puis publiez : le rapport se "
            "télécharge en PDF avec la publicité des financeurs."
        ),
        ready=_("Le brouillon est prêt : écrivez les conclusions et les recommandations, puis publiez."),
    )
