"""`manage.py send_reminders`: the reminder e-mail before a workshop, sent once per person (run it hourly)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from workshops.signup import send_reminders


class Command(BaseCommand):
    help = "Envoie un rappel aux personnes inscrites aux ateliers qui commencent bientôt (une seule fois chacune)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=int, default=48, help="Ateliers commençant dans les N prochaines heures (48 par défaut)."
        )

    def handle(self, *args, hours, **options):
        queued = send_reminders(within=datetime.timedelta(hours=hours))
        self.stdout.write(
            ngettext("%(count)s rappel mis en file d'envoi.", "%(count)s rappels mis en file d'envoi.", queued)
            % {"count": queued}
        )
