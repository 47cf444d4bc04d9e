"""The prototype library: filtered by domain, state and structure, one page at a time, its adoptions counted.

The listing costs the same few queries whatever the number of prototypes: stream fields deferred, structures
joined, adoptions counted in the same query.
"""

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.http import urlencode

from community.places.models import Structure

from .forms import PrototypeFilterForm

PER_PAGE = 12


def prototype_library(prototypes, params):
    """What the index shows of these (live, public) prototypes for the GET parameters `params`."""
    model = prototypes.model
    structures = Structure.objects.filter(prototypes__in=prototypes).distinct().order_by("name")
    form = PrototypeFilterForm(
        params,
        domains=model._meta.get_field("domain").choices,
        statuses=model._meta.get_field("status").choices,
        structures=structures,
    )
    filters = form.valid_filters()
    if "domaine" in filters:
        prototypes = prototypes.filter(domain=filters["domaine"])
    if "etat" in filters:
        prototypes = prototypes.filter(status=filters["etat"])
    if "structure" in filters:
        prototypes = prototypes.filter(structure__slug=filters["structure"])
    prototypes = (
        prototypes.defer_streamfields()
        .select_related("structure")
        .annotate(adoption_count=Count("adoptions"))
        .order_by("title")
    )
    return {
        "filter_form": form,
        "is_filtered": bool(filters),
        "query": urlencode(filters),
        "prototypes": Paginator(prototypes, PER_PAGE).get_page(params.get("page")),
    }
