"""Pages read from the database (core/pages.py SitePage.from_db) and the labels of choices (core/choices.py): built
without the constructors that only a new page needs, they are the pages Django and Wagtail would give."""

import pytest
from django.db import models
from wagtail.models import Page

from community.places.models import Structure
from resources.models import ToolSheetPage
from tests.factories import JourneyIndexPageFactory, JourneyPageFactory, ToolSheetIndexPageFactory, ToolSheetPageFactory
from workshops.models import JourneyPage, JourneyStage

pytestmark = pytest.mark.django_db


def test_a_page_read_whole_or_in_part_is_the_page_saved(home):
    sheet = ToolSheetPageFactory(parent=ToolSheetIndexPageFactory(parent=home), title="Pad", category="cooperation")
    for read in (
        ToolSheetPage.objects.get(pk=sheet.pk),
        ToolSheetPage.objects.only("title", "url_path").get(pk=sheet.pk),
        Page.objects.get(pk=sheet.pk).specific,
    ):
        assert (read.title, read.url, read.category, read.content_type) == (
            "Pad",
            sheet.url,
            "cooperation",
            sheet.content_type,
        )
        assert not read._state.adding and read._state.db == "default"
    read.title = "Pad collaboratif"
    read.save_revision().publish()
    assert ToolSheetPage.objects.get().title == "Pad collaboratif"  # saved in place, not a second page


def test_a_page_read_has_its_child_relations(home):
    journey = JourneyPageFactory(parent=JourneyIndexPageFactory(parent=home))
    JourneyStage.objects.create(journey=journey, kind="diagnostic", description="Où en est-on ?")
    assert [stage.description for stage in JourneyPage.objects.get(pk=journey.pk).stages.all()] == ["Où en est-on ?"]


@pytest.mark.parametrize("value", ["cooperation", "inconnue", ""])
def test_a_choice_has_djangos_label(value):
    sheet, structure = ToolSheetPage(category=value), Structure(kind=value or "tiers-lieu")
    for instance, field in ((sheet, "category"), (structure, "kind")):
        djangos = models.Model._get_FIELD_display(instance, instance._meta.get_field(field))
        assert getattr(instance, f"get_{field}_display")() == djangos
