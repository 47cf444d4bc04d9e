"""`manage.py send_survey_invitations`: the survey link after a workshop, sent once per person (run it daily)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from workshops.satisfaction import send_invitations


class Command(BaseCommand):
    help = "Envoie le lien du questionnaire de satisfaction aux participants des ateliers terminés (une fois chacun)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=7, help="Ateliers terminés depuis moins de N jours (7 par défaut)."
        )

    def handle(self, *args, days, **options):
        queued = send_invitations(within=datetime.timedelta(days=days))
        self.stdout.write(
            ngettext(
                "%(count)s invitation mise en file d'envoi.", "%(count)s invitations mises en file d'envoi.", queued
            )
            % {"count": queued}
        )
