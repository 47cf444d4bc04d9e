"""`manage.py send_follow_digests [--rythme quotidien|hebdomadaire]`: sends the digests of changes to the followers
of pages (by cron each morning: the daily ones, and the weekly ones on Mondays); run it again and nothing more
leaves."""

from django.core.management.base import BaseCommand

from network.follow import sending
from network.follow.models import Rhythm


class Command(BaseCommand):
    help = "Envoie à chaque personne qui suit des pages ce qui y a changé (une fois par jour ou par semaine)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rythme",
            choices=Rhythm.values,
            help="Un seul rythme (par défaut : les quotidiens, et les hebdomadaires le lundi).",
        )

    def handle(self, *args, rythme=None, **options):
        counts = {rythme: sending.send(rythme)} if rythme else sending.send_due()
        for rhythm, sent in counts.items():
            self.stdout.write(f"Suivis ({rhythm}) : {sent} envoi(s) mis en file d'attente.")
