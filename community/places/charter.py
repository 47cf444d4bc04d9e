"""The network's charter seen from its places: who signed it, and the open-data value signatories carry."""

from .models import CharterSettings, CharterSignature


def public_signatures():
    """The signatures of the structures shown on the map, in the order of their names; one query."""
    return (
        CharterSignature.objects.filter(structure__is_public=True)
        .select_related("structure")
        .order_by("structure__name", "pk")
    )


def open_data_entry(request):
    """(column, value) of the national schema that signatories carry in the open data, or None (the default)."""
    return CharterSettings.for_request(request).open_data_entry() if request else None
