"""`manage.py send_digest [--mois AAAA-MM]`: sends the digest of a month (by default the one that just ended) to
every confirmed address that has not had it; run it again and nothing more leaves."""

from django.core.management.base import BaseCommand, CommandError

from network.digest import monthly
from network.digest.contents import Month


class Command(BaseCommand):
    help = "Envoie la lettre mensuelle d'un mois (par défaut le mois écoulé), une fois par abonné·e."

    def add_arguments(self, parser):
        parser.add_argument("--mois", help="Le mois, au format AAAA-MM (par défaut : le mois écoulé).")

    def handle(self, *args, mois=None, **options):
        try:
            month = Month.parse(mois) if mois else Month.last_ended()
        except ValueError as error:
            raise CommandError("Le mois s'écrit AAAA-MM, par exemple 2026-11.") from error
        sent = monthly.send(month)
        if sent:
            self.stdout.write(f"Lettre de {month} : {sent} envoi(s) mis en file d'attente.")
        else:
            self.stdout.write(f"Lettre de {month} : aucun envoi (rien de neuf, ou déjà reçue par tous).")
