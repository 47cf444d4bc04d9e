"""The diagnostic through the browser's eyes: the questions, the result posted back, French errors, the result by
e-mail through the queue, and the limits against floods."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from network.diagnostic.models import AnswerCount, DailyCount, Level, Mode, PendingEmail, Question
from tests.mail_queue import queued, work_the_queue

from .conftest import more_questions

pytestmark = pytest.mark.django_db

URL = "/diagnostic/"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def all_at(questions, level):
    return dict.fromkeys(questions, level)


def test_the_questionnaire_lists_every_question_with_plain_answers(client, home, questions):
    page = client.get(URL).content.decode()
    for question in questions:
        assert question.text in page
    assert page.count("Je sais le faire seul·e") == len(questions)
    assert "Je ne sais pas ce que c&#x27;est" in page
    assert 'type="radio"' in page
    assert "entretien accompagné" in page


def test_the_interview_mode_words_the_questions_for_the_professional(client, home, questions):
    page = client.get(URL, {"mode": "entretien"}).content.decode()
    assert "Comment écouter" in page
    assert questions[0].interview_text in page
    assert "Le fait seul·e" in page
    assert 'name="mode" value="entretien"' in page


def test_a_complete_diagnostic_shows_the_result_and_is_counted_without_anything_personal(
    client, home, questions, answer
):
    levels = {questions[0]: Level.ALONE, questions[1]: Level.NOT_YET, questions[2]: Level.WITH_HELP}
    response = client.post(URL, answer(levels, mode="autonome"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ce que vous savez déjà faire" in page
    assert "Ce que vous pourriez apprendre ensuite" in page
    assert response["Cache-Control"].startswith("max-age=0")
    assert DailyCount.objects.get().completed == 1
    assert DailyCount.objects.get().mode == Mode.AUTONOMOUS
    assert {(c.question, c.level, c.count) for c in AnswerCount.objects.all()} == {
        (questions[0], Level.ALONE, 1),
        (questions[1], Level.NOT_YET, 1),
        (questions[2], Level.WITH_HELP, 1),
    }
    assert not PendingEmail.objects.exists()


def test_an_incomplete_diagnostic_says_what_is_missing_in_french_with_a_400(client, home, questions, answer):
    response = client.post(URL, answer({questions[0]: Level.ALONE}, mode="entretien"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Il manque des réponses" in page
    # Each missing answer twice: in the summary at the top, and beside its question.
    assert page.count("Choisissez une réponse à cette question.") == 4
    assert f'href="#id_q{questions[1].pk}_0"' in page
    assert 'name="mode" value="entretien"' in page  # still the interview
    assert not DailyCount.objects.exists()


@pytest.mark.parametrize(
    ("bad", "status"),
    [
        ({"q{first}": "tout-seul"}, 400),
        ({"commune": "x" * 500}, 400),
        ({"mode": "inconnu"}, 200),  # read as the autonomous mode
        ({"q{first}": ["seul", "aide"]}, 200),  # the last one counts, as browsers never send two
        ({"q999999": "seul"}, 200),  # a question deleted meanwhile is left aside
    ],
)
def test_bad_input_never_reaches_a_500(client, home, questions, answer, bad, status):
    data = answer(all_at(questions, Level.ALONE))
    data.update({key.format(first=questions[0].pk): value for key, value in bad.items()})
    response = client.post(URL, data)
    assert response.status_code == status
    if status == 400:
        assert "Il manque des réponses" in response.content.decode() or "caractères" in response.content.decode()


def test_results_suggest_workshops_sessions_near_the_commune_and_tool_sheets(client, home, questions, answer, offer):
    levels = {questions[0]: Level.ALONE, questions[1]: Level.UNKNOWN, questions[2]: Level.ALONE}
    page = client.post(URL, answer(levels, commune="87500")).content.decode()
    assert page.index("Se protéger des arnaques") < page.index("Atelier photo")
    assert "Gestionnaire de mots de passe" in page
    assert "Messagerie libre" not in page  # e-mail is mastered
    assert "Permanences mobiles près de 87500" in page
    assert "Mairie" in page


def test_another_commune_on_the_result_page_is_not_counted_again(client, home, questions, answer, offer):
    data = answer(all_at(questions, Level.NOT_YET), mode="autonome")
    client.post(URL, data)
    response = client.post("/diagnostic/resultat/", {**data, "commune": "Saint-Yrieix"})
    assert response.status_code == 200
    assert "Permanences mobiles près de Saint-Yrieix-la-Perche" in response.content.decode()
    unknown = client.post("/diagnostic/resultat/", {**data, "commune": "Tombouctou"}).content.decode()
    assert "Nous ne trouvons aucune commune française « Tombouctou »" in unknown
    assert DailyCount.objects.get().completed == 1


def test_the_result_page_is_post_only(client, home):
    assert client.get("/diagnostic/resultat/").status_code == 405
    assert client.get("/diagnostic/envoyer/").status_code == 405


@pytest.mark.usefixtures("database_queue")
def test_the_result_by_e_mail_leaves_through_the_queue_then_nothing_is_kept(
    client, home, questions, answer, offer, django_capture_on_commit_callbacks
):
    data = answer(all_at(questions, Level.WITH_HELP), mode="autonome", commune="87500")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/diagnostic/envoyer/", {**data, "email": "zoe@example.org"})
    assert response.status_code == 302
    assert "Votre résultat part par e-mail" in client.get(response["Location"]).content.decode()
    waiting = queued("network.diagnostic.tasks").get()
    assert "zoe" not in str(waiting.args_kwargs)
    assert mail.outbox == []

    work_the_queue()
    assert [message.to for message in mail.outbox] == [["zoe@example.org"]]
    body = mail.outbox[0].body
    assert "Ce que vous faites avec un peu d'aide" in body
    assert "Se protéger des arnaques" in body
    assert "Mairie" in body
    assert not PendingEmail.objects.exists()
    assert not DailyCount.objects.exists()  # asking for the e-mail is not a second diagnostic


def test_a_bad_e_mail_address_is_said_on_the_result_page_with_a_400(client, home, questions, answer):
    data = answer(all_at(questions, Level.ALONE))
    response = client.post("/diagnostic/envoyer/", {**data, "email": "pas-une-adresse"})
    assert response.status_code == 400
    assert "Saisissez une adresse e-mail valide" in response.content.decode()
    assert "Votre résultat" in response.content.decode()
    assert not PendingEmail.objects.exists()


def test_a_bot_filling_the_honeypot_is_turned_away(client, home, questions, answer):
    data = answer(all_at(questions, Level.ALONE))
    response = client.post("/diagnostic/envoyer/", {**data, "email": "bot@example.org", "site_internet": "spam"})
    assert response.status_code == 400
    assert not PendingEmail.objects.exists()


@override_settings(DIAGNOSTIC_EMAIL_RATE_LIMIT=2)
def test_a_flood_of_e_mail_requests_gets_a_429(client, home, questions, answer):
    data = {**answer(all_at(questions, Level.ALONE)), "email": "zoe@example.org"}
    for _attempt in range(2):
        assert client.post("/diagnostic/envoyer/", data).status_code == 302
    response = client.post("/diagnostic/envoyer/", data)
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert response["Retry-After"]


def test_the_result_page_costs_the_same_queries_however_many_questions(
    client, home, questions, answer, offer, competences
):
    def queries():
        levels = all_at(Question.objects.all(), Level.NOT_YET)
        with CaptureQueriesContext(connection) as context:
            response = client.post(URL, answer(levels, commune="87500"))
        assert response.status_code == 200
        return len(context.captured_queries)

    queries()  # the site's settings and menus, cached from then on
    few = queries()
    more_questions(15, competences["Sécurité"])
    assert queries() == few


def test_the_questionnaire_costs_the_same_queries_however_many_questions(client, home, questions, competences):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL).status_code == 200
        return len(context.captured_queries)

    queries()
    few = queries()
    more_questions(15, competences["E-mail"])
    assert queries() == few


def test_answers_without_the_form_s_csrf_token_are_refused(home, questions, answer):
    response = Client(enforce_csrf_checks=True).post(URL, answer(all_at(questions, Level.ALONE)))
    assert response.status_code == 403
    assert not DailyCount.objects.exists()


def test_the_interview_s_result_reminds_the_professional_to_read_it_together(client, home, questions, answer):
    page = client.post(URL, answer(all_at(questions, Level.NOT_YET), mode="entretien")).content.decode()
    assert "Lisez ce résultat avec la personne" in page
    assert DailyCount.objects.get().mode == Mode.INTERVIEW
