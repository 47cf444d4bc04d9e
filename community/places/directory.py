"""The members' directory of referents: each structure's referent and how to reach them, by commune and service."""

from dataclasses import dataclass

from django.db.models import Q

from .communes import normalize
from .forms import DirectoryFilterForm
from .models import Structure


@dataclass
class Result:
    form: DirectoryFilterForm
    structures: list
    is_filtered: bool = False


def with_referent():
    """Structures whose referent is named or reachable (hidden ones too: the directory is for members)."""
    return Structure.objects.filter(~Q(referent_name="") | ~Q(referent_email="") | ~Q(referent_phone="")).order_by(
        "commune", "name", "pk"
    )


def search(params):
    """One query, whatever the number of structures; the filters work on the list it returns."""
    structures = list(with_referent())
    communes = sorted({s.commune for s in structures}, key=normalize)
    form = DirectoryFilterForm(params or None, communes=communes)
    data = form.cleaned_data if form.is_valid() else {}
    commune, service = data.get("commune"), data.get("service")
    chosen = [s for s in structures if (not commune or s.commune == commune) and (not service or service in s.services)]
    return Result(form=form, structures=chosen, is_filtered=bool(commune or service))
