"""Coordinators, and only they, edit the diagnostic's questions in the admin; the demo has a dozen of them."""

import pytest

from network.diagnostic.models import Question

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/diagnostic/question/add/"


@pytest.mark.parametrize("role", ["contributor", "animator", "charge"])
def test_other_roles_cannot_add_a_question(client, home, users, role):
    client.force_login(users[role])
    response = client.post(ADD_URL, {"text": "Une question"})
    assert response.status_code == 302  # sent back to the admin's dashboard
    assert not Question.objects.exists()


def test_a_coordinator_adds_a_question_linked_to_competences(client, home, users, competences):
    client.force_login(users["coordinator"])
    assert client.get(ADD_URL).status_code == 200
    response = client.post(
        ADD_URL,
        {
            "text": "Payer en ligne sans risque",
            "interview_text": "La personne paie-t-elle en ligne ?",
            "explanation": "",
            "competences": [competences["Sécurité"].pk],
        },
    )
    assert response.status_code == 302
    question = Question.objects.get()
    assert list(question.competences.all()) == [competences["Sécurité"]]
    assert question.sort_order is not None  # last in the order until dragged elsewhere


def test_the_demo_diagnostic_has_a_dozen_questions_linked_to_digcomp(demo_site, client):
    questions = Question.objects.prefetch_related("competences__area__framework")
    assert len(questions) == 12
    for question in questions:
        assert question.competences.exists()
        assert {c.area.framework.slug for c in question.competences.all()} == {"digcomp"}
    page = client.get("/").content.decode()
    assert 'href="/diagnostic/"' in page


def test_a_coordinator_finds_a_question_by_its_words(client, home, users, questions):
    client.force_login(users["coordinator"])
    response = client.get("/admin/snippets/diagnostic/question/", {"q": "frauduleux"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Reconnaître un message frauduleux" in page
    assert "Prendre un rendez-vous en ligne" not in page
