"""The animators' pages: who may see the sign-ups, the lists, the CSV export and the attendance."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import PASSWORD, RegistrationFactory, UserFactory, WorkshopPageFactory
from workshops import attendance
from workshops.models import Registration, WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def animated(workshop, users):
    workshop.animators.add(users["animator"])
    workshop.save()  # a parental relation is written with its page
    return workshop


@pytest.fixture
def people(animated):
    confirmed = RegistrationFactory(workshop=animated, first_name="Aline", last_name="Durand")
    first_waiting = RegistrationFactory(
        workshop=animated, first_name="Bruno", last_name="Petit", status=Registration.Status.WAITING
    )
    second_waiting = RegistrationFactory(
        workshop=animated, first_name="Chloé", last_name="Roux", status=Registration.Status.WAITING
    )
    cancelled = RegistrationFactory(
        workshop=animated, first_name="Denis", last_name="Blanc", status=Registration.Status.CANCELLED
    )
    return {"confirmed": confirmed, "waiting": [first_waiting, second_waiting], "cancelled": cancelled}


def login(client, user):
    if user is not None:
        client.login(username=user.username, password=PASSWORD)
    return client


def urls(workshop):
    base = f"/ateliers-gestion/{workshop.pk}/"
    return [base, base + "inscrits.csv", base + "emargement.pdf"]


def start_workshop(workshop):
    WorkshopPage.objects.filter(pk=workshop.pk).update(start=timezone.now() - datetime.timedelta(hours=1))
    workshop.refresh_from_db()


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("contributor", False),
        ("animator", True),
        ("other_animator", False),
        ("charge", False),
        ("coordinator", True),
    ],
)
def test_who_may_see_the_sign_ups(client, animated, users, role, allowed):
    user = UserFactory(username="autre", role="Animateurs") if role == "other_animator" else users[role]
    login(client, user)
    assert attendance.can_manage(user, animated) is allowed
    for url in urls(animated):
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, url
        elif user is None:
            assert response.status_code == 302
            assert response["Location"].startswith("/compte/login/?next=")
        else:
            assert response.status_code == 403, url
    post = client.post(f"/ateliers-gestion/{animated.pk}/presences/", {})
    assert post.status_code == (302 if allowed or user is None else 403)


def test_a_superuser_may_manage(animated):
    assert attendance.can_manage(UserFactory(username="root", is_superuser=True), animated)


def test_an_unknown_workshop_is_a_404(client, users):
    login(client, users["coordinator"])
    assert client.get("/ateliers-gestion/999999/").status_code == 404


def test_the_list_shows_each_status_with_counts(client, users, people, animated):
    login(client, users["animator"])
    response = client.get(f"/ateliers-gestion/{animated.pk}/")
    html = response.content.decode()
    assert "1 inscription confirmée" in html
    assert "2 personnes en liste d'attente" in html
    assert "1 annulation" in html
    # The waiting list in the order of promotion.
    assert html.index("Bruno Petit") < html.index("Chloé Roux")
    assert "Denis Blanc" in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    # Before the workshop starts, no attendance form.
    assert 'name="presence-' not in html


def test_the_csv_opens_in_excel(client, users, people, animated):
    login(client, users["coordinator"])
    response = client.get(f"/ateliers-gestion/{animated.pk}/inscrits.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Statut", "Position d'attente", "Prénom", "Nom"]
    assert [row[2] for row in rows[1:]] == ["Aline", "Bruno", "Chloé", "Denis"]
    assert [row[1] for row in rows[1:]] == ["", "1", "2", ""]


def test_csv_cells_never_run_as_formulas(workshop):
    RegistrationFactory(workshop=workshop, first_name="=HYPERLINK(1)")
    stream = io.StringIO()
    attendance.write_csv(workshop, stream)
    assert ";'=HYPERLINK(1);" in stream.getvalue()


def test_the_workshop_page_links_to_the_list_only_for_those_who_may(client, users, animated):
    link = f'href="/ateliers-gestion/{animated.pk}/"'
    assert link not in client.get(animated.url).content.decode()
    login(client, users["charge"])
    assert link not in client.get(animated.url).content.decode()
    login(client, users["animator"])
    assert link in client.get(animated.url).content.decode()


def test_attendance_is_taken_once_the_workshop_has_started(client, users, people, animated):
    login(client, users["animator"])
    confirmed = people["confirmed"]
    url = f"/ateliers-gestion/{animated.pk}/presences/"

    client.post(url, {f"presence-{confirmed.pk}": "present"})
    confirmed.refresh_from_db()
    assert confirmed.attendance is None

    start_workshop(animated)
    html = client.get(f"/ateliers-gestion/{animated.pk}/").content.decode()
    assert f'name="presence-{confirmed.pk}"' in html and "csrfmiddlewaretoken" in html
    response = client.post(url, {f"presence-{confirmed.pk}": "present"})
    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.attendance == Registration.Attendance.PRESENT
    client.post(url, {f"presence-{confirmed.pk}": "absent"})
    confirmed.refresh_from_db()
    assert confirmed.attendance == Registration.Attendance.ABSENT


def test_the_attendance_form_reads_as_french(client, users, people, animated):
    first_of_october = timezone.make_aware(datetime.datetime(timezone.now().year - 1, 10, 1, 14))
    WorkshopPage.objects.filter(pk=animated.pk).update(start=first_of_october, end=first_of_october)
    login(client, users["animator"])
    html = client.get(f"/ateliers-gestion/{animated.pk}/").content.decode()
    assert "Présence d'Aline Durand" in html
    assert "1er octobre" in html


def test_attendance_ignores_other_workshops_unknown_values_and_non_confirmed(animated, people):
    start_workshop(animated)
    other = WorkshopPageFactory(parent=animated.get_parent())
    stranger = RegistrationFactory(workshop=other)
    marks = {people["confirmed"].pk: "peut-être", people["waiting"][0].pk: "present", stranger.pk: "present"}
    assert attendance.mark_attendance(animated, marks) == 0
    assert not Registration.objects.exclude(attendance=None).exists()


def test_attendance_refused_before_the_start(animated, people):
    with pytest.raises(attendance.AttendanceNotOpen):
        attendance.mark_attendance(animated, {people["confirmed"].pk: "present"})


def test_the_animators_are_chosen_among_the_animators_group(users):
    field = WorkshopPage._meta.get_field("animators")
    choices = field.remote_field.model.objects.complex_filter(field.get_limit_choices_to())
    assert list(choices) == [users["animator"]]


def test_the_editor_picks_animators_with_checkboxes(client, users, animated):
    UserFactory(username="root", is_superuser=True, is_staff=True)
    client.login(username="root", password=PASSWORD)
    html = client.get(f"/admin/pages/{animated.pk}/edit/").content.decode()
    assert 'type="checkbox" name="animators"' in html


def test_the_list_makes_as_many_queries_for_many_people_as_for_few(client, users, animated):
    login(client, users["animator"])
    url = f"/ateliers-gestion/{animated.pk}/"

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    RegistrationFactory(workshop=animated)
    count()  # warms the content-type and site caches
    few = count()
    RegistrationFactory.create_batch(20, workshop=animated)
    RegistrationFactory.create_batch(5, workshop=animated, status=Registration.Status.WAITING)
    assert count() == few
