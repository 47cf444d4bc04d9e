"""The diagnostic's questions (edited by coordinators), its anonymous counts, and the e-mails waiting to leave."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class Level(models.TextChoices):
    """How far a person goes alone with a task, from the most autonomous; said in plain words."""

    ALONE = "seul", _("Je sais le faire seul·e")
    WITH_HELP = "aide", _("Avec un peu d'aide")
    NOT_YET = "pas-encore", _("Pas encore")
    UNKNOWN = "inconnu", _("Je ne sais pas ce que c'est")


# The same levels as the professional of a guided interview notes them.
INTERVIEW_LABELS = {
    Level.ALONE: _("Le fait seul·e"),
    Level.WITH_HELP: _("Le fait avec un peu d'aide"),
    Level.NOT_YET: _("Ne le fait pas encore"),
    Level.UNKNOWN: _("Ne connaît pas"),
}


class Mode(models.TextChoices):
    AUTONOMOUS = "autonome", _("En autonomie")
    INTERVIEW = "entretien", _("Entretien accompagné")


class Question(Orderable):
    """One everyday task of the self-assessment, in the person's words and in the professional's."""

    text = models.CharField(
        _("question"), max_length=300, help_text=_("Comme la personne la lit, par exemple : « Envoyer un e-mail »")
    )
    interview_text = models.CharField(
        _("question en entretien"),
        max_length=300,
        blank=True,
        help_text=_("Comme le ou la professionnelle la pose, par exemple : « Savez-vous envoyer un e-mail ? »"),
    )
    explanation = models.CharField(
        _("explication simple"),
        max_length=500,
        blank=True,
        help_text=_("Facultatif : une phrase pour comprendre la question."),
    )
    competences = models.ManyToManyField(
        "competences.Competence",
        verbose_name=_("compétences du référentiel"),
        related_name="diagnostic_questions",
        blank=True,
        help_text=_("Pour proposer les ateliers et les fiches outils qui les travaillent."),
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("interview_text"),
        FieldPanel("explanation"),
        FieldPanel("competences"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question du diagnostic")
        verbose_name_plural = _("questions du diagnostic")

    def __str__(self):
        return self.text

    def asked_in(self, mode):
        return self.interview_text or self.text if mode == Mode.INTERVIEW else self.text


class DailyCount(models.Model):
    """How many diagnostics were completed on a day in a mode: nothing about who, nor when in the day."""

    date = models.DateField(_("jour"))
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices)
    completed = models.PositiveIntegerField(_("diagnostics terminés"), default=0)

    class Meta:
        verbose_name = _("diagnostics du jour")
        verbose_name_plural = _("diagnostics par jour")
        constraints = [models.UniqueConstraint(fields=["date", "mode"], name="unique_diagnostic_day_mode")]

    def __str__(self):
        return f"{self.date} {self.get_mode_display()} : {self.completed}"


class AnswerCount(models.Model):
    """How many times a question got an answer on a day: counts only, never one person's answers together."""

    date = models.DateField(_("jour"))
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="counts")
    level = models.CharField(_("réponse"), max_length=20, choices=Level.choices)
    count = models.PositiveIntegerField(_("nombre"), default=0)

    class Meta:
        verbose_name = _("réponses du jour")
        verbose_name_plural = _("réponses par jour")
        constraints = [
            models.UniqueConstraint(fields=["date", "question", "level"], name="unique_diagnostic_answer_day")
        ]

    def __str__(self):
        return f"{self.date} {self.question_id} {self.get_level_display()} : {self.count}"


class PendingEmail(models.Model):
    """A result someone asked for by e-mail, held only until it has left (network/diagnostic/sending.py)."""

    email = models.EmailField(_("adresse e-mail"))
    # "question pk:level" pairs, comma-separated: what the e-mail recomputes the result from.
    answers = models.CharField(_("réponses"), max_length=2000)
    commune = models.CharField(_("commune ou code postal"), max_length=100, blank=True)
    created_on = models.DateField(_("demandé le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("résultat à envoyer")
        verbose_name_plural = _("résultats à envoyer")

    def __str__(self):
        # Never the address: this may end up in a log.
        return str(_("Résultat à envoyer n° %(pk)s") % {"pk": self.pk})
