"""The dashboard counts the diagnostics of the period, autonomous and in guided interviews, from anonymous counts."""

import datetime

import pytest

from indicators import figures
from network.diagnostic import assessment
from network.diagnostic.models import Level, Mode, Question

pytestmark = pytest.mark.django_db

MARCH = figures.Scope(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))


@pytest.fixture
def taken():
    question = Question.objects.create(text="Appeler sa famille en vidéo")
    answers = assessment.assess({question: Level.ALONE})
    for day, mode in [(2, Mode.AUTONOMOUS), (2, Mode.INTERVIEW), (15, Mode.AUTONOMOUS), (31, Mode.INTERVIEW)]:
        assessment.record(answers, mode, today=datetime.date(2026, 3, day))
    assessment.record(answers, Mode.AUTONOMOUS, today=datetime.date(2026, 4, 1))  # after the period


def test_diagnostics_of_the_period(taken):
    assert figures.diagnostics(MARCH) == {"taken": 4, "interview": 2, "autonomous": 2}


def test_no_diagnostic_is_zero(db):
    assert figures.diagnostics(MARCH) == {"taken": 0, "interview": 0, "autonomous": 0}


def test_the_dashboard_shows_them(client, taken, users):
    client.force_login(users["coordinator"])
    page = client.get("/tableau-de-bord/", {"du": "2026-03-01", "au": "2026-03-31"}).content.decode()
    assert "Diagnostics numériques" in page
    assert "(dont 2 en entretien accompagné)" in page


def test_the_answers_per_question_of_the_period(taken):
    table = figures.diagnostic_table(MARCH)
    assert table.headers[1:] == [
        "Le fait seul·e",
        "Le fait avec un peu d'aide",
        "Ne le fait pas encore",
        "Ne connaît pas",
    ]
    assert table.rows == [["Appeler sa famille en vidéo", 4, 0, 0, 0]]


def test_the_answers_per_question_as_csv(client, taken, users):
    client.force_login(users["coordinator"])
    response = client.get("/tableau-de-bord/diagnostic.csv", {"du": "2026-03-01", "au": "2026-03-31"})
    assert response.status_code == 200
    assert "Appeler sa famille en vidéo" in response.content.decode("utf-8-sig")
