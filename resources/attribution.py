"""Who a licensed page is owed to: the one attribution its HTML credit and its Markdown download both give."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Min, Subquery
from django.utils.translation import gettext as _
from wagtail.models import Revision


@dataclass(frozen=True)
class Attribution:
    authors: list[str]
    licence: str
    licence_url: str
    source_url: str


def display_name(user):
    """A person's public name: never their e-mail address."""
    if user is None:
        return _("Auteur inconnu")
    return user.get_full_name().strip() or user.get_username()


def contributors(page):
    """The display names of everyone who saved a revision of the live version, by first contribution (one query)."""
    revisions = {
        "wagtail_revisions__base_content_type": page.get_base_content_type(),
        "wagtail_revisions__object_id": str(page.pk),
    }
    if page.live_revision_id:
        # A draft saved after the live version is not public yet: its author is credited once it is published.
        live = Revision.objects.filter(pk=page.live_revision_id).values("created_at")
        revisions["wagtail_revisions__created_at__lte"] = Subquery(live)
    users = (
        get_user_model()
        .objects.filter(**revisions)  # one filter() call: the annotation counts these revisions only
        .annotate(first_contribution=Min("wagtail_revisions__created_at"))
        .order_by("first_contribution", "pk")
    )
    return [display_name(user) for user in users]


def authors(page):
    """Whom the page credits: its contributors, or « le collectif » when no revision has a known author."""
    return contributors(page) or [_("le collectif")]


def attribute(page, request):
    """The page's authors, licence and full address, as reuse under its licence must cite them."""
    return Attribution(
        authors=authors(page),
        licence=page.get_licence_display(),
        licence_url=page.licence_url,
        source_url=request.build_absolute_uri(page.get_url(request)),
    )
