"""The memory of a workshop: a public part under CC BY-SA with its authors, the tool sheets used, photos and files,
and a part that only its participants (through their private link) and its animators read."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    PASSWORD,
    RegistrationFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    UserFactory,
    publish_revision,
)
from workshops.models import Registration, WorkshopPage

pytestmark = pytest.mark.django_db

PRIVATE_NOTE = "Le trésorier du club a parlé de ses difficultés avec la banque."


@pytest.fixture
def past_workshop(workshop, home):
    sheets = ToolSheetIndexPageFactory(parent=home)
    pad = ToolSheetPageFactory(parent=sheets, title="Écrire à plusieurs avec un pad")
    animator = UserFactory(username="anim", first_name="Lou", last_name="Ferrand", role="Animateurs")
    workshop.animators.add(animator)
    start = timezone.now() - datetime.timedelta(days=3)
    publish_revision(
        workshop,
        animator,
        start=start,
        end=start + datetime.timedelta(hours=3),
        memory_public=[("markdown", "Nous avons **testé un pad** ensemble.")],
        memory_participants=[("markdown", PRIVATE_NOTE)],
    )
    workshop.tools_used.add(pad)
    workshop.save_revision(user=animator).publish()
    workshop.refresh_from_db()
    return workshop


def test_the_public_memory_shows_its_licence_authors_and_tool_sheets(client, past_workshop):
    html = client.get(past_workshop.url).content.decode()
    assert "Mémoire de l&#x27;atelier" in html or "Mémoire de l'atelier" in html
    assert "<strong>testé un pad</strong>" in html
    assert 'rel="license"' in html and "CC BY-SA 4.0" in html
    assert "Mémoire rédigée par Lou Ferrand et les participants." in html
    assert "Écrire à plusieurs avec un pad" in html


def test_the_participants_part_stays_off_the_public_page_and_out_of_search(client, past_workshop):
    assert past_workshop.has_memory
    assert PRIVATE_NOTE not in client.get(past_workshop.url).content.decode()
    assert WorkshopPage.objects.live().search("testé").count() == 1  # the public part is searched…
    assert not WorkshopPage.objects.live().search("trésorier").count()  # …the participants' part is not
    assert PRIVATE_NOTE not in client.get("/recherche/", {"q": "trésorier banque"}).content.decode()


@pytest.mark.parametrize(
    ("role", "sees"),
    [("anonymous", False), ("contributor", False), ("animator", False), ("charge", False), ("coordinator", True)],
)
def test_among_the_roles_only_coordinators_and_its_animators_read_the_participants_part(
    client, past_workshop, users, role, sees
):
    if users[role]:
        client.login(username=role, password=PASSWORD)
    assert (PRIVATE_NOTE in client.get(past_workshop.url).content.decode()) is sees


def test_its_own_animator_reads_the_participants_part(client, past_workshop):
    client.login(username="anim", password=PASSWORD)
    assert PRIVATE_NOTE in client.get(past_workshop.url).content.decode()


@pytest.mark.parametrize(
    ("status", "attendance", "reads"),
    [
        (Registration.Status.CONFIRMED, Registration.Attendance.PRESENT, True),
        (Registration.Status.CONFIRMED, None, True),
        (Registration.Status.CONFIRMED, Registration.Attendance.ABSENT, False),
        (Registration.Status.WAITING, None, False),
        (Registration.Status.CANCELLED, None, False),
    ],
)
def test_participants_read_their_part_through_their_private_link(client, past_workshop, status, attendance, reads):
    registration = RegistrationFactory(workshop=past_workshop, status=status, attendance=attendance)
    html = client.get(f"/inscription/{registration.token}/").content.decode()
    assert (PRIVATE_NOTE in html) is reads


def test_without_memory_the_page_has_no_memory_section(client, workshop):
    assert "Mémoire de l" not in client.get(workshop.url).content.decode()
