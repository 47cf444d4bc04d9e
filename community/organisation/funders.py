"""The funders every page's footer shows (emblem and mention), read once and kept in the shared cache: the footer is
on every page, and the funders change only when a coordinator edits the collective's settings (signals.py)."""

import logging
from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.images.models import Rendition, SourceImageIOError

from core import fragments, sites

from .models import OrganisationSettings

logger = logging.getLogger(__name__)

# Fragment topic: forgotten when a funder, the settings or an image changes.
FUNDERS = "funders"
# The height the footer shows it at (site.css, .funder-emblem): no larger file than the page uses.
EMBLEM_SPEC = "height-48"


@dataclass(frozen=True)
class Emblem:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class FooterFunder:
    name: str
    mention: str
    emblem: Emblem | None


def for_footer(request):
    """The funders of the request's site, in their order, each with its emblem's rendition (or None)."""
    site = sites.find_for_request(request)
    if site is None:
        return []
    return fragments.get(FUNDERS, str(site.pk), lambda: _footer_funders(OrganisationSettings.for_site(site)))


def _footer_funders(organisation):
    funders = organisation.funders.select_related("emblem").prefetch_related(
        Prefetch("emblem__renditions", queryset=Rendition.objects.filter(filter_spec=EMBLEM_SPEC))
    )
    return [FooterFunder(funder.name, funder.mention, _emblem(funder)) for funder in funders]


def _emblem(funder):
    """The footer's rendition of a funder's emblem. An emblem whose file is missing (media not restored, a server
    that does not share MEDIA_ROOT) is left out, as on the PDFs: the footer is on every page, which would all fail."""
    if funder.emblem is None:
        return None
    try:
        rendition = funder.emblem.get_rendition(EMBLEM_SPEC)
    except SourceImageIOError:
        logger.warning("The emblem of the funder %s has no file: %s", funder.name, funder.emblem.file.name)
        return None
    return Emblem(rendition.url, rendition.width, rendition.height)
