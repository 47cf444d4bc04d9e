"""Scoring a diagnostic and counting it: what the person already does alone, what comes next, and anonymous counts."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import AnswerCount, DailyCount, Level, Mode, Question

# The share of tasks done alone from which the result speaks of a good autonomy, or of good bases.
AUTONOMOUS_SHARE = 0.75
BASES_SHARE = 0.4


def questions():
    """The questions in the coordinators' order, with their competences (two queries, whatever their number)."""
    return list(Question.objects.prefetch_related("competences").order_by("sort_order", "pk"))


@dataclass
class Assessment:
    """A person's answers read back: the questions done alone, with a little help, and not yet (or unknown)."""

    answers: dict  # {question: level}
    alone: list = field(default_factory=list)
    with_help: list = field(default_factory=list)
    to_learn: list = field(default_factory=list)

    @property
    def not_mastered(self):
        """What could be learnt next, the nearest first: what is done with help, then what is not done yet."""
        return self.with_help + self.to_learn

    def competence_ids(self):
        """The competences of the questions not mastered yet."""
        return sorted({c.pk for question in self.not_mastered for c in question.competences.all()})

    def summary(self):
        """One encouraging sentence about the whole."""
        if not self.answers:
            return ""
        share = len(self.alone) / len(self.answers)
        if share >= AUTONOMOUS_SHARE:
            return _("Vous êtes déjà bien autonome avec le numérique. Bravo ! Il reste quelques points à découvrir.")
        if share >= BASES_SHARE:
            return _("Vous avez de bonnes bases. Avec un peu de pratique, vous ferez bientôt plus de choses seul·e.")
        return _(
            "Vous débutez, et c'est le bon moment pour apprendre : pas à pas, avec des personnes patientes, "
            "près de chez vous et gratuitement."
        )

    def encoded(self):
        """The answers as "question pk:level" pairs, what an e-mail waiting to leave keeps."""
        return ",".join(f"{question.pk}:{level}" for question, level in self.answers.items())


def assess(answers):
    """`answers` is {question: Level}, in the questions' order."""
    assessment = Assessment(answers=dict(answers))
    for question, level in answers.items():
        if level == Level.ALONE:
            assessment.alone.append(question)
        elif level == Level.WITH_HELP:
            assessment.with_help.append(question)
        else:
            assessment.to_learn.append(question)
    return assessment


def decode(encoded, known_questions):
    """The answers of `Assessment.encoded()` for the questions still there; unknown pieces are left aside."""
    by_pk = {str(question.pk): question for question in known_questions}
    found = {}
    for piece in encoded.split(","):
        pk, _sep, level = piece.partition(":")
        if pk in by_pk and level in Level.values:
            found[by_pk[pk]] = Level(level)
    return {question: found[question] for question in known_questions if question in found}


@transaction.atomic
def record(assessment, mode, today=None):
    """Counts one diagnostic taken in `mode`, and each of its answers, for the day: no person, no hour, no address.

    Four queries whatever the number of questions: the day's missing rows created at zero, then raised in the
    database (F() + 1), so that two diagnostics ending together both count."""
    today = today or timezone.localdate()
    DailyCount.objects.bulk_create([DailyCount(date=today, mode=Mode(mode))], ignore_conflicts=True)
    DailyCount.objects.filter(date=today, mode=Mode(mode)).update(completed=F("completed") + 1)
    if not assessment.answers:
        return
    AnswerCount.objects.bulk_create(
        [AnswerCount(date=today, question=question, level=level) for question, level in assessment.answers.items()],
        ignore_conflicts=True,
    )
    answered = Q()
    for question, level in assessment.answers.items():
        answered |= Q(question=question, level=level)
    AnswerCount.objects.filter(answered, date=today).update(count=F("count") + 1)
