"""Navigation pieces of every page: main menu, breadcrumb, footer links and funders."""

import logging

from django import template
from django.db.models import Prefetch
from wagtail.images.models import Rendition, SourceImageIOError
from wagtail.models import Site

from community.members import accounts
from community.organisation.models import OrganisationSettings
from home.models import StandardPage

register = template.Library()
logger = logging.getLogger(__name__)

EMBLEM_SPEC = "height-64"


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = _site_root(request)
    current = context.get("page")
    current_path = current.path if current else ""
    items = [
        (item, "page" if item.path == current_path else "true" if current_path.startswith(item.path) else None)
        for item in (root.get_children().live().public().in_menu() if root else [])
    ]
    # The map of places is a Django view, not a page: its link follows the pages' items.
    map_current = "page" if request.path == "/carte/" else "true" if request.path.startswith("/carte/") else None
    return {"items": items, "map_current": map_current}


@register.inclusion_tag("components/account_links.html", takes_context=True)
def account_links(context):
    """The signed-in person's own places: their journal and profile for members, the dashboard for coordinators."""
    user = context["request"].user
    return {"user": user, "is_member": accounts.is_member(user), "is_coordinator": accounts.is_coordinator(user)}


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return {"ancestors": ancestors, "page": page}


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    organisation = OrganisationSettings.for_request(request)
    funders = organisation.funders.select_related("emblem").prefetch_related(
        Prefetch("emblem__renditions", queryset=Rendition.objects.filter(filter_spec=EMBLEM_SPEC))
    )
    root = _site_root(request)
    legal_pages = StandardPage.objects.child_of(root).live().public() if root else []
    return {
        "organisation": organisation,
        "funders": [(funder, _emblem(funder)) for funder in funders],
        "legal_pages": legal_pages,
    }


def _emblem(funder):
    """The footer's rendition of a funder's emblem. An emblem whose file is missing (media not restored, a server
    that does not share MEDIA_ROOT) is left out, as on the PDFs: the footer is on every page, which would all fail."""
    if funder.emblem is None:
        return None
    try:
        return funder.emblem.get_rendition(EMBLEM_SPEC)
    except SourceImageIOError:
        logger.warning("The emblem of the funder %s has no file: %s", funder.name, funder.emblem.file.name)
        return None


@register.inclusion_tag("components/edit_link.html", takes_context=True)
def edit_link(context, page):
    """ "Modifier cette page" for a logged-in member who may edit it, straight to its editor."""
    user = context["request"].user
    can_edit = user.is_authenticated and page.permissions_for_user(user).can_edit()
    return {"page": page, "can_edit": can_edit}
