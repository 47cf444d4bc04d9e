"""The coordinators' dashboard: where to compile what the journals tell, and the compiling of a job profile note."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import drafts, job_profiles
from .access import coordinators_only
from .dashboard_forms import JobProfileForm


@coordinators_only
def index(request):
    return TemplateResponse(request, "community/dashboard/index.html")


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
