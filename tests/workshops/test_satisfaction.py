"""The one-minute survey after the day: one answer per sign-up, read by the animators."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import PASSWORD, RegistrationFactory
from workshops import satisfaction
from workshops.models import Registration, SatisfactionResponse, WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_workshop(workshop):
    start = timezone.now() - datetime.timedelta(days=1)
    WorkshopPage.objects.filter(pk=workshop.pk).update(start=start, end=start + datetime.timedelta(hours=3))
    workshop.refresh_from_db()
    return workshop


@pytest.fixture
def registration(past_workshop):
    return RegistrationFactory(workshop=past_workshop)


def survey_url(registration):
    return f"/inscription/{registration.token}/avis/"


def test_a_participant_answers_once(client, registration):
    response = client.get(survey_url(registration))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="radio" name="score" value="5"' in html and "---------" not in html

    response = client.post(survey_url(registration), {"score": "4", "comment": " Très utile. "})
    assert response.status_code == 302
    answer = SatisfactionResponse.objects.get()
    assert (answer.registration, answer.score, answer.comment) == (registration, 4, "Très utile.")

    assert client.get(survey_url(registration)).status_code == 200
    second = client.post(survey_url(registration), {"score": "1"})
    assert second.status_code == 409
    assert SatisfactionResponse.objects.get().score == 4


def test_the_score_is_required_and_between_1_and_5(client, registration):
    assert client.post(survey_url(registration), {"score": "6"}).status_code == 200
    assert client.post(survey_url(registration), {"comment": "Bien"}).status_code == 200
    assert not SatisfactionResponse.objects.exists()


@pytest.mark.parametrize(
    ("status", "attendance"),
    [
        (Registration.Status.WAITING, None),
        (Registration.Status.CANCELLED, None),
        (Registration.Status.CONFIRMED, Registration.Attendance.ABSENT),
    ],
)
def test_only_those_who_could_come_may_answer(client, past_workshop, status, attendance):
    registration = RegistrationFactory(workshop=past_workshop, status=status, attendance=attendance)
    assert client.post(survey_url(registration), {"score": "5"}).status_code == 403
    assert not SatisfactionResponse.objects.exists()


def test_the_survey_opens_after_the_workshop(client, workshop):
    registration = RegistrationFactory(workshop=workshop)
    assert client.get(survey_url(registration)).status_code == 403
    with pytest.raises(satisfaction.SurveyNotOpen):
        satisfaction.answer(registration, 5)
    assert survey_url(registration) not in client.get(f"/inscription/{registration.token}/").content.decode()


def test_the_manage_page_links_to_the_survey_after_the_day(client, registration):
    assert survey_url(registration) in client.get(f"/inscription/{registration.token}/").content.decode()


def test_a_second_answer_is_refused_by_the_operation(registration):
    satisfaction.answer(registration, 3)
    with pytest.raises(satisfaction.AlreadyAnswered):
        satisfaction.answer(registration, 5)


def test_the_animators_read_the_average_and_comments(client, users, past_workshop):
    past_workshop.animators.add(users["animator"])
    past_workshop.save()
    satisfaction.answer(RegistrationFactory(workshop=past_workshop), 5, "Bravo <b>!</b>")
    satisfaction.answer(RegistrationFactory(workshop=past_workshop), 4)
    assert satisfaction.summary(past_workshop)["average"] == 4.5

    client.login(username="animator", password=PASSWORD)
    html = client.get(f"/ateliers-gestion/{past_workshop.pk}/").content.decode()
    assert "Note moyenne : 4,5 / 5 (2 réponses)" in html
    assert "Bravo &lt;b&gt;!&lt;/b&gt;" in html


def test_the_survey_link_is_e_mailed_once_after_the_day(past_workshop, capsys):
    came = RegistrationFactory(workshop=past_workshop, attendance=Registration.Attendance.PRESENT)
    RegistrationFactory(workshop=past_workshop, attendance=Registration.Attendance.ABSENT)
    RegistrationFactory(workshop=past_workshop, status=Registration.Status.WAITING)
    answered = RegistrationFactory(workshop=past_workshop)
    satisfaction.answer(answered, 5)

    call_command("send_survey_invitations")
    assert [m.to for m in mail.outbox] == [[came.email]]
    assert survey_url(came) in mail.outbox[0].body
    assert "1 invitation mise en file d'envoi." in capsys.readouterr().out

    call_command("send_survey_invitations")
    assert len(mail.outbox) == 1


def test_no_survey_e_mail_before_the_end_or_long_after(workshop):
    RegistrationFactory(workshop=workshop)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    assert satisfaction.send_invitations(within=datetime.timedelta(days=7)) == 0
    WorkshopPage.objects.filter(pk=workshop.pk).update(start=long_ago, end=long_ago + datetime.timedelta(hours=3))
    assert satisfaction.send_invitations(within=datetime.timedelta(days=7)) == 0
