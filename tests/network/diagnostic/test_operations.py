"""The diagnostic's operations: scoring, suggestions, anonymous counts, and the e-mail that leaves nothing behind."""

import datetime
import logging

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import outbox
from network.diagnostic import assessment, sending, suggestions, tasks
from network.diagnostic.models import AnswerCount, DailyCount, Level, Mode, PendingEmail
from tests.community.places.factories import permanence

from .conftest import more_questions

pytestmark = pytest.mark.django_db


def test_answers_are_read_back_as_done_alone_with_help_and_to_learn(questions):
    first, second, third = questions
    result = assessment.assess({first: Level.ALONE, second: Level.UNKNOWN, third: Level.WITH_HELP})
    assert result.alone == [first]
    assert result.with_help == [third]
    assert result.to_learn == [second]
    assert result.not_mastered == [third, second]  # the nearest first
    assert result.competence_ids() == sorted(c.pk for q in (second, third) for c in q.competences.all())


@pytest.mark.parametrize(
    ("levels", "words"),
    [
        ([Level.ALONE] * 4, "bien autonome"),
        ([Level.ALONE, Level.ALONE, Level.NOT_YET, Level.WITH_HELP], "bonnes bases"),
        ([Level.ALONE, Level.UNKNOWN, Level.NOT_YET, Level.NOT_YET], "le bon moment pour apprendre"),
    ],
)
def test_the_summary_encourages_at_every_level(questions, competences, levels, words):
    more_questions(1, competences["E-mail"])
    every = assessment.questions()
    assert words in str(assessment.assess(dict(zip(every, levels, strict=True))).summary())


def test_answers_held_for_an_e_mail_read_back_the_same_and_ignore_what_is_gone(questions):
    result = assessment.assess({questions[0]: Level.ALONE, questions[1]: Level.NOT_YET})
    encoded = result.encoded()
    assert assessment.decode(encoded, questions) == result.answers
    assert assessment.decode(encoded + ",999:seul,abc,1:faux", questions[1:]) == {questions[1]: Level.NOT_YET}


def test_counts_are_per_day_and_mode_and_per_question_and_answer_only(questions):
    day = datetime.date(2026, 3, 2)
    result = assessment.assess(dict.fromkeys(questions, Level.WITH_HELP))
    assessment.record(result, Mode.INTERVIEW, today=day)
    assessment.record(result, Mode.INTERVIEW, today=day)
    assessment.record(assessment.assess(dict.fromkeys(questions, Level.ALONE)), Mode.AUTONOMOUS, today=day)
    assert sorted(DailyCount.objects.values_list("mode", "completed")) == [("autonome", 1), ("entretien", 2)]
    assert sorted(AnswerCount.objects.values_list("level", "count")) == [("aide", 2)] * 3 + [("seul", 1)] * 3
    # Nothing links answers together, nor to a time finer than the day.
    assert {f.name for f in AnswerCount._meta.get_fields()} == {"id", "date", "question", "level", "count"}
    assert {f.name for f in DailyCount._meta.get_fields()} == {"id", "date", "mode", "completed"}


def test_counting_costs_the_same_queries_however_many_questions(questions, competences):
    def queries():
        result = assessment.assess(dict.fromkeys(assessment.questions(), Level.NOT_YET))
        with CaptureQueriesContext(connection) as context:
            assessment.record(result, Mode.AUTONOMOUS)
        return len(context.captured_queries)

    few = queries()
    more_questions(20, competences["Démarches"])
    assert queries() == few


def test_workshops_exercising_what_is_not_mastered_come_first_then_the_next_ones(questions, offer):
    result = assessment.assess({questions[1]: Level.NOT_YET})
    assert suggestions.suggest(result).workshops == [offer["later"], offer["sooner"]]
    mastered = assessment.assess({questions[1]: Level.ALONE})
    assert suggestions.suggest(mastered).workshops == [offer["sooner"], offer["later"]]


def test_past_or_unpublished_workshops_are_not_suggested(questions, offer):
    offer["sooner"].unpublish()
    offer["later"].start = timezone.now() - datetime.timedelta(days=3)
    offer["later"].end = timezone.now() - datetime.timedelta(days=3, hours=-2)
    offer["later"].save_revision().publish()
    assert suggestions.suggest(assessment.assess({questions[1]: Level.NOT_YET})).workshops == []


def test_tool_sheets_match_the_competences_not_mastered(questions, offer):
    result = assessment.assess({questions[0]: Level.WITH_HELP, questions[1]: Level.ALONE})
    assert suggestions.suggest(result).tool_sheets == [offer["mail"]]
    assert suggestions.suggest(assessment.assess({questions[0]: Level.ALONE})).tool_sheets == []


def test_mobile_sessions_near_a_commune_or_postcode_soonest_first(questions, offer):
    far = permanence(
        offer["session"].structure, days=1, commune="Lille", postcode="59000", latitude=50.63, longitude=3.06
    )
    later = permanence(offer["session"].structure, days=9, commune="Coussac-Bonneval", postcode="87500")
    later.latitude, later.longitude = 45.51, 1.32
    later.save()
    result = assessment.assess({questions[0]: Level.NOT_YET})
    found = suggestions.suggest(result, "saint yrieix")
    assert found.place == "Saint-Yrieix-la-Perche"
    assert [entry.item for entry in found.sessions] == [offer["session"], later]
    assert far not in [entry.item for entry in suggestions.suggest(result, "87500").sessions]
    unknown = suggestions.suggest(result, "Tombouctou")
    assert unknown.sessions == [] and "Tombouctou" in unknown.place_error


def test_a_cancelled_mobile_session_is_never_suggested(questions, offer):
    cancelled = permanence(offer["session"].structure, days=2, commune="Saint-Yrieix-la-Perche", postcode="87500")
    cancelled.latitude, cancelled.longitude, cancelled.is_cancelled = 45.5167, 1.2, True
    cancelled.save()
    result = assessment.assess({questions[0]: Level.NOT_YET})

    found = [entry.item for entry in suggestions.suggest(result, "saint yrieix").sessions]

    assert offer["session"] in found and cancelled not in found


@pytest.mark.usefixtures("database_queue")
def test_the_e_mail_leaves_once_and_then_neither_address_nor_answers_remain(
    questions, offer, django_capture_on_commit_callbacks
):
    result = assessment.assess(dict.fromkeys(questions, Level.NOT_YET))
    with django_capture_on_commit_callbacks(execute=True):
        pending = sending.ask_for_email("zoe@example.org", result, "87500")
    assert tasks.send_result.call(pending.pk) is True
    assert tasks.send_result.call(pending.pk) is False
    assert len(mail.outbox) == 1
    assert not PendingEmail.objects.exists()


def test_when_the_mail_server_stays_down_the_address_is_deleted_without_being_logged(
    questions, server_down, caplog, django_capture_on_commit_callbacks
):
    result = assessment.assess(dict.fromkeys(questions, Level.ALONE))
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        sending.ask_for_email("zoe@example.org", result)  # the immediate backend gives up at once
    assert mail.outbox == []
    assert not PendingEmail.objects.exists()
    assert "zoe" not in caplog.text


def test_what_waited_too_long_is_purged(questions):
    result = assessment.assess(dict.fromkeys(questions, Level.ALONE))
    old = PendingEmail.objects.create(email="a@example.org", answers=result.encoded())
    PendingEmail.objects.filter(pk=old.pk).update(created_on=timezone.localdate() - datetime.timedelta(days=3))
    sending.ask_for_email("b@example.org", result)
    assert list(PendingEmail.objects.values_list("email", flat=True)) == ["b@example.org"]


@pytest.mark.usefixtures("database_queue")
def test_after_the_last_attempt_the_address_is_deleted_unsent(questions, server_down):
    result = assessment.assess(dict.fromkeys(questions, Level.ALONE))
    pending = sending.ask_for_email("zoe@example.org", result)
    assert tasks.send_result.call(pending.pk, 0) is False
    assert PendingEmail.objects.filter(pk=pending.pk, sent_at=None).exists()  # tried again later
    assert tasks.send_result.call(pending.pk, len(outbox.BACKOFF)) is False
    assert not PendingEmail.objects.exists()
