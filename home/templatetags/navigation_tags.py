"""Navigation pieces of every page: main menu, breadcrumb, footer links and funders."""

from django import template

from community.members import accounts
from community.organisation import funders
from community.organisation.models import OrganisationSettings
from home import navigation

register = template.Library()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    current_path = current.path if current else ""
    items = [
        (item, "page" if item.path == current_path else "true" if current_path.startswith(item.path) else None)
        for item in navigation.menu(request)
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
    return {"ancestors": navigation.ancestors(page, context["request"]), "page": page}


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    return {
        "organisation": OrganisationSettings.for_request(request),
        "funders": funders.for_footer(request),
        "legal_pages": navigation.legal_links(request),
    }


@register.inclusion_tag("components/edit_link.html", takes_context=True)
def edit_link(context, page):
    """ "Modifier cette page" for a logged-in member who may edit it, straight to its editor."""
    user = context["request"].user
    can_edit = user.is_authenticated and page.permissions_for_user(user).can_edit()
    return {"page": page, "can_edit": can_edit}
