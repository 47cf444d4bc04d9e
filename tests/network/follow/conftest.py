"""The pages one follows, a contributor who edits them, and the e-mails' links."""

import re

import pytest
from django.core import mail

from community.members.roles import CONTRIBUTORS
from tests.factories import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    ResourceIndexPageFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    UserFactory,
    WikiPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    publish_revision,
)

EMAIL = "maelys.vidal@example.org"
SITE = "https://gare.example"


@pytest.fixture
def site(home, settings):
    settings.WAGTAILADMIN_BASE_URL = SITE
    return home


@pytest.fixture
def contributor(db):
    return UserFactory(username="camille", first_name="Camille", last_name="Berthon", role=CONTRIBUTORS)


@pytest.fixture
def wiki_page(site, contributor):
    page = WikiPageFactory(parent=ResourceIndexPageFactory(parent=site), title="Animer un atelier")
    publish_revision(page, contributor, summary="Première version.")
    return page


@pytest.fixture
def tool_sheet(site, contributor):
    page = ToolSheetPageFactory(parent=ToolSheetIndexPageFactory(parent=site), title="Framadate")
    publish_revision(page, contributor, summary="Trouver une date.")
    return page


@pytest.fixture
def agenda(site):
    return WorkshopIndexPageFactory(parent=site)


@pytest.fixture
def journey(site):
    return JourneyPageFactory(parent=JourneyIndexPageFactory(parent=site), title="DUNAR")


def publish_workshop(parent, **fields):
    """A workshop as an animator publishes it: a first revision, logged."""
    page = WorkshopPageFactory(parent=parent, live=False, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def link(message, kind):
    return re.search(rf"{re.escape(SITE)}(/suivre/{kind}/[\w-]+/)", message.body).group(1)


def last_mail():
    return mail.outbox[-1]
