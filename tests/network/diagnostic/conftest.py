"""Fixtures of the diagnostic's tests: questions linked to competences, workshops and tool sheets that exercise them,
and a mobile session near a commune."""

import datetime

import pytest
from django.utils import timezone

from network.diagnostic.models import Question
from tests.community.places.factories import permanence, structure
from tests.factories import (
    CompetenceFactory,
    ToolSheetIndexPageFactory,
    ToolSheetPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)


@pytest.fixture
def competences(db):
    return {name: CompetenceFactory(title=name) for name in ("E-mail", "Sécurité", "Démarches")}


@pytest.fixture
def questions(competences):
    made = []
    for order, (text, competence) in enumerate(
        [
            ("Envoyer un e-mail avec une pièce jointe", "E-mail"),
            ("Reconnaître un message frauduleux", "Sécurité"),
            ("Prendre un rendez-vous en ligne", "Démarches"),
        ]
    ):
        question = Question.objects.create(
            text=text, interview_text=f"La personne sait-elle : {text.lower()} ?", sort_order=order
        )
        question.competences.set([competences[competence]])
        made.append(question)
    return made


def more_questions(count, competence):
    for n in range(count):
        question = Question.objects.create(text=f"Question en plus {n}", sort_order=100 + n)
        question.competences.set([competence])


@pytest.fixture
def answer():
    """The POST data of a diagnostic: {question: level} and other fields."""

    def make(levels, **fields):
        return {**{f"q{question.pk}": level for question, level in levels.items()}, **fields}

    return make


@pytest.fixture
def offer(home, competences):
    """Two upcoming workshops: the sooner uses no sheet, the later one a sheet on security; sheets; a session."""
    sheets = ToolSheetIndexPageFactory(parent=home)
    security = ToolSheetPageFactory(parent=sheets, title="Gestionnaire de mots de passe")
    security.competences = [competences["Sécurité"]]
    security.save_revision().publish()
    mail = ToolSheetPageFactory(parent=sheets, title="Messagerie libre")
    mail.competences = [competences["E-mail"]]
    mail.save_revision().publish()
    index = WorkshopIndexPageFactory(parent=home)
    soon = timezone.now() + datetime.timedelta(days=2)
    sooner = WorkshopPageFactory(parent=index, title="Atelier photo", start=soon)
    later = WorkshopPageFactory(parent=index, title="Se protéger des arnaques", start=soon + datetime.timedelta(days=5))
    later.tools_used = [security]
    later.save_revision().publish()
    place = structure(commune="Saint-Yrieix-la-Perche", postcode="87500", latitude=45.515, longitude=1.205)
    session = permanence(
        place, commune="Saint-Yrieix-la-Perche", postcode="87500", latitude=45.515, longitude=1.205, place="Mairie"
    )
    return {"sooner": sooner, "later": later, "security": security, "mail": mail, "session": session}
