"""The one-minute satisfaction survey: who may answer, once, after the day; what the animators read of it."""

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext_lazy

from . import tasks
from .models.registration import Registration, SatisfactionResponse
from .signup import SignupError


class SurveyError(SignupError):
    """A refusal of the survey, with a French message for the person (a refusal about one's sign-up)."""

    message = gettext_lazy("Votre avis n'a pas pu être enregistré.")


class SurveyNotOpen(SurveyError):  # noqa: N818 — domain names, as the style guide asks
    message = gettext_lazy("Le questionnaire s'ouvre à la fin de l'atelier, pour les personnes inscrites.")


class AlreadyAnswered(SurveyError):  # noqa: N818 — domain names, as the style guide asks
    message = gettext_lazy("Vous avez déjà donné votre avis sur cet atelier. Merci !")


def is_open(registration, now=None):
    """Confirmed people not marked absent may answer once the workshop is over."""
    return (
        registration.status == Registration.Status.CONFIRMED
        and registration.attendance != Registration.Attendance.ABSENT
        and registration.workshop.end <= (now or timezone.now())
    )


def has_answered(registration):
    return SatisfactionResponse.objects.filter(registration=registration).exists()


def answer(registration, score, comment=""):
    """Records the one answer of a sign-up."""
    if not is_open(registration):
        raise SurveyNotOpen
    try:
        with transaction.atomic():
            return SatisfactionResponse.objects.create(
                registration=registration, score=score, comment=(comment or "").strip()
            )
    except IntegrityError as error:  # the one-to-one guard: a second answer, even at the same time
        raise AlreadyAnswered from error


def summary(workshop):
    """The average score, the number of answers and the comments, newest first."""
    answers = SatisfactionResponse.objects.filter(registration__workshop=workshop)
    totals = answers.aggregate(average=Avg("score"), count=Count("id"))
    comments = list(answers.exclude(comment="").order_by("-created_at").values_list("score", "comment"))
    return {"average": totals["average"], "count": totals["count"], "comments": comments}


def send_invitations(within, now=None):
    """Enqueues the survey link for those who could answer, once each, for workshops ended within `within`.

    Returns how many e-mails were enqueued.
    """
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        survey_sent_at__isnull=True,
        satisfaction__isnull=True,
        workshop__live=True,
        workshop__end__lte=now,
        workshop__end__gt=now - within,
    ).exclude(attendance=Registration.Attendance.ABSENT)
    return tasks.enqueue_each(tasks.send_survey, due)
