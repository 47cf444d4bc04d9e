"""Public pages of the competence framework: the frameworks in force, one framework, one competence."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.members import accounts
from community.members.access import coordinators_only

from . import frameworks as operations
from .models import Competence, Framework


class NewVersionForm(forms.Form):
    version = forms.CharField(
        label=gettext_lazy("Nouvelle version"), max_length=20, help_text=gettext_lazy("Par exemple : 2026-2.")
    )
    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))


def framework_list(request):
    context = {"frameworks": operations.current_frameworks()}
    return TemplateResponse(request, "competences/framework_list.html", context)


def framework_detail(request, slug, version):
    framework = operations.framework_with_contents(slug, version)
    if framework is None:
        raise Http404
    context = {
        "framework": framework,
        "other_versions": operations.other_versions(framework),
        "can_publish_version": accounts.is_coordinator(request.user),
    }
    return TemplateResponse(request, "competences/framework_detail.html", context)


def competence_detail(request, slug, version, code):
    competence = get_object_or_404(
        Competence.objects.select_related("area__framework"),
        area__framework__slug=slug,
        area__framework__version=version,
        code=code,
    )
    # Tool sheets point at competences (resources may depend on community, not the reverse): the reverse relation
    # is a page queryset, so only live, public sheets are listed.
    tool_sheets = competence.tool_sheets.live().public().defer_streamfields().order_by("title")
    context = {"competence": competence, "framework": competence.area.framework, "tool_sheets": tool_sheets}
    return TemplateResponse(request, "competences/competence_detail.html", context)


@coordinators_only
def new_version(request, slug, version):
    """A coordinator publishes the half-year's new version of a framework (a copy to edit in the admin)."""
    framework = get_object_or_404(Framework, slug=slug, version=version)
    form = NewVersionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                copy = operations.new_version(framework, form.cleaned_data["version"], form.cleaned_data["date"])
            except operations.VersionExists as refusal:
                form.add_error("version", refusal.message)
                status = 409
            else:
                messages.success(
                    request,
                    _("La version %(version)s est en vigueur ; la version %(old)s reste consultable.")
                    % {"version": copy.version, "old": framework.version},
                )
                return redirect(copy.get_absolute_url())
        else:
            status = 400
    context = {"framework": framework, "form": form}
    return TemplateResponse(request, "competences/new_version.html", context, status=status)
