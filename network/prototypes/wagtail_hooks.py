"""The prototypes' part of a structure's map page (the places app offers the hook), and the chargés' right to add
prototypes below a new index."""

from wagtail import hooks

from community.members import roles

from .models import Adoption, PrototypeIndexPage


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


@hooks.register("after_create_page")
def let_charges_add_prototypes(request, page):
    """Chargés de mission add prototypes below the index (and edit those of their structure: permissions.py)."""
    if isinstance(page.specific, PrototypeIndexPage):
        roles.grant_pages(roles.CHARGES, page)
