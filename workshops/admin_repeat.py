"""« Répéter cet atelier » in the Wagtail admin: its recurrence entered once, its occurrences created beside it.

Whoever may edit the workshop and add a workshop beside it repeats it: its animators and the coordinators.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from community.members.access import private
from community.places import recurrence

from . import series
from .models import WorkshopPage, WorkshopSeries


class RepeatForm(forms.Form):
    frequency = forms.ChoiceField(label=gettext_lazy("Fréquence"), choices=WorkshopSeries.FREQUENCY_CHOICES)
    interval = forms.IntegerField(
        label=gettext_lazy("Intervalle"),
        min_value=1,
        max_value=12,
        initial=1,
        help_text=gettext_lazy("1 : chaque semaine (ou chaque mois) ; 2 : une semaine (ou un mois) sur deux."),
    )
    until = forms.DateField(
        label=gettext_lazy("Jusqu'au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    count = forms.IntegerField(
        label=gettext_lazy("Nombre de séances, celle-ci comprise"),
        required=False,
        help_text=gettext_lazy("Une date de fin ou un nombre de séances (52 au plus)."),
    )

    def __init__(self, *args, first_day, **kwargs):
        super().__init__(*args, **kwargs)
        self.first_day = first_day

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            recurrence.check(data["frequency"], self.first_day, data["interval"], data.get("until"), data.get("count"))
        except recurrence.InvalidRule as refusal:
            self.add_error(refusal.field, refusal.message)
        return data


def may_repeat(user, workshop):
    parent = workshop.get_parent()
    return workshop.permissions_for_user(user).can_edit() and parent.permissions_for_user(user).can_add_subpage()


@private
def repeat(request, pk):
    workshop = get_object_or_404(WorkshopPage, pk=pk)
    if not may_repeat(request.user, workshop):
        context = {"page_title": _("Accès refusé"), "header_icon": "warning"}
        return TemplateResponse(request, "workshops/admin/forbidden.html", context, status=403)
    first_day = workshop.start.astimezone(series.ZONE).date()
    form = RepeatForm(request.POST or None, first_day=first_day)
    if workshop.series_id is None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        occurrences = series.repeat(
            workshop, data["frequency"], data["interval"], data.get("until"), data.get("count"), user=request.user
        )
        messages.success(
            request,
            ngettext(
                "%(count)s séance créée, avec ses inscriptions.",
                "%(count)s séances créées, chacune avec ses inscriptions.",
                len(occurrences),
            )
            % {"count": len(occurrences)},
        )
        return redirect("wagtailadmin_explore", workshop.get_parent().pk)
    context = {
        "page_title": _("Répéter l'atelier « %(title)s »") % {"title": workshop.title},
        "header_icon": "rotate",
        "workshop": workshop,
        "form": form,
        "already": workshop.series_id is not None,
    }
    return TemplateResponse(request, "workshops/admin/repeat.html", context)
