"""Views of the resource space beside the page tree."""

from django.shortcuts import render

from .models import ResourceIndexPage


def missing_wiki_page(request):
    """Where a `[[lien]]` to a page that does not exist yet leads: says so, and offers to create it."""
    title = request.GET.get("titre", "").strip()[:200]
    index = ResourceIndexPage.objects.live().single()
    can_create = bool(index and index.permissions_for_user(request.user).can_add_subpage())
    return render(
        request,
        "resources/missing_wiki_page.html",
        {"title": title, "index": index, "can_create": can_create},
        status=404,
    )
