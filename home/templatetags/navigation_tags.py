"""Navigation pieces of every page: main menu, breadcrumb, footer links and funders.

The menu and the footer are the same on most pages: each is drawn once and kept, as HTML, with what it is drawn from
(core/fragments.py), rather than drawn by its template on every page (issue 16)."""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from community.members import accounts
from community.organisation import funders
from community.organisation.models import OrganisationSettings
from core import fragments, sites
from core.pages import NAVIGATION
from home import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The menu, the section of the page shown marked (aria-current): drawn once for each site, section and
    language, and kept until the tree changes."""
    request = context["request"]
    current = context.get("page")
    current_path = current.path if current else ""
    items = [
        (item, "page" if item.path == current_path else "true" if current_path.startswith(item.path) else None)
        for item in navigation.menu(request)
    ]
    # The map of places is a Django view, not a page: its link follows the pages' items.
    map_current = "page" if request.path == "/carte/" else "true" if request.path.startswith("/carte/") else None
    marks = "".join(mark[0] if mark else "-" for mark in [*(mark for _item, mark in items), map_current])
    return _drawn(
        request,
        NAVIGATION,
        f"menu:{marks}",
        lambda: render_to_string("components/main_menu.html", {"items": items, "map_current": map_current}),
    )


@register.inclusion_tag("components/account_links.html", takes_context=True)
def account_links(context):
    """The signed-in person's own places: their journal and profile for members, the dashboard for coordinators."""
    user = context["request"].user
    return {"user": user, "is_member": accounts.is_member(user), "is_coordinator": accounts.is_coordinator(user)}


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    return {"ancestors": navigation.ancestors(page, context["request"]), "page": page}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The collective's funders, legal pages and address: drawn once for each site and language, and kept until
    the settings, a funder or the tree changes."""
    request = context["request"]

    def draw():
        return render_to_string(
            "components/footer.html",
            {
                "organisation": OrganisationSettings.for_request(request),
                "funders": funders.for_footer(request),
                "legal_pages": navigation.legal_links(request),
            },
        )

    return _drawn(request, (OrganisationSettings.fragments_topic(), funders.FUNDERS, NAVIGATION), "footer", draw)


@register.simple_tag(takes_context=True)
def entry_points(context, page):
    """The home page's entry points: each may name a page, which Wagtail reads (one query) and draws on every
    uncached build of the home page. Drawn once and kept until the tree changes (the home page published, a page
    renamed or moved); a preview draws the draft's."""
    request = context["request"]

    def draw():
        return render_to_string("home/entry_points.html", {"page": page}, request=request)

    return _drawn(request, NAVIGATION, f"entry-points:{page.pk}", draw)


def _drawn(request, topics, name, draw):
    """A piece of every page as HTML, kept for the request's site and language until one of `topics` changes. A
    preview draws its own, from the draft, and keeps nothing."""
    site = sites.find_for_request(request)
    if site is None or getattr(request, "is_preview", False):
        return draw()
    return fragments.get(topics, f"{name}:{site.pk}:{get_language()}", draw)


@register.inclusion_tag("components/edit_link.html", takes_context=True)
def edit_link(context, page):
    """ "Modifier cette page" for a logged-in member who may edit it, straight to its editor."""
    user = context["request"].user
    can_edit = user.is_authenticated and page.permissions_for_user(user).can_edit()
    return {"page": page, "can_edit": can_edit}
