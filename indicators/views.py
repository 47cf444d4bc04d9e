"""The coordinators' dashboard (/tableau-de-bord/): the figures of a period and a territory, and their CSV."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header

from community.members.access import coordinators_only
from core.spreadsheets import write_spreadsheet

from . import figures
from .forms import ScopeForm


@coordinators_only
def dashboard(request):
    form = ScopeForm(request.GET)
    if form.is_bound and not form.is_valid():
        return TemplateResponse(request, "indicators/dashboard.html", {"form": form}, status=400)
    scope = form.scope()
    context = {"form": form, "scope": scope, "query": request.GET.urlencode(), **figures.dashboard(scope)}
    return TemplateResponse(request, "indicators/dashboard.html", context)


@coordinators_only
def table_csv(request, slug):
    form = ScopeForm(request.GET)
    if form.is_bound and not form.is_valid():
        return HttpResponse(" ".join(str(error) for error in form.errors.values()), status=400)
    scope = form.scope()
    table = figures.dashboard(scope)["tables"].get(slug)
    if table is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    write_spreadsheet(response, table.headers, table.rows)
    name = f"{slug}-{scope.start:%Y-%m-%d}-{scope.end:%Y-%m-%d}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
