"""The prototypes' part of a structure's map page: the prototypes it adopted (the places app offers the hook)."""

from wagtail import hooks

from .models import Adoption


@hooks.register("structure_page_sections")
def adopted_prototypes(request, structure):
    adoptions = list(
        Adoption.objects.filter(structure=structure, prototype__live=True)
        .select_related("prototype__structure")
        .order_by("prototype__title")
    )
    if not adoptions:
        return None
    return "prototypes/structure_section.html", {"adoptions": adoptions}
