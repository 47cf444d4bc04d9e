"""« Nous l'adoptons » and its withdrawal: POST from the prototype's page, back to it with a message."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import adoptions
from .forms import AdoptionForm
from .models import Adoption, PrototypePage


def _refused(request, error, prototype):
    return render(
        request, "prototypes/refused.html", {"message": error.message, "prototype": prototype}, status=error.status
    )


@login_required
@require_POST
def adopt(request, prototype_id):
    prototype = get_object_or_404(PrototypePage.objects.live().public(), pk=prototype_id)
    form = AdoptionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        adoption = adoptions.adopt(prototype, adoptions.structure_of(request.user), request.user, note=note)
    except adoptions.AdoptionRefused as error:
        return _refused(request, error, prototype)
    messages.success(
        request, _("C'est noté : %(structure)s adopte ce prototype.") % {"structure": adoption.structure.name}
    )
    return redirect(prototype.url + "#adoptions")


@login_required
@require_POST
def withdraw(request, pk):
    adoption = get_object_or_404(Adoption.objects.select_related("prototype", "structure"), pk=pk)
    prototype = adoption.prototype
    try:
        adoptions.withdraw(adoption, request.user)
    except adoptions.AdoptionRefused as error:
        return _refused(request, error, prototype)
    messages.success(request, _("L'adoption par %(structure)s est retirée.") % {"structure": adoption.structure.name})
    return redirect(prototype.url + "#adoptions")
