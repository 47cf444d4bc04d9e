"""`manage.py forget_unconfirmed_subscriptions`: deletes the digest addresses never confirmed within a week (daily
by cron; subscribing and `send_digest` do it too)."""

from django.core.management.base import BaseCommand

from network.digest import subscriptions


class Command(BaseCommand):
    help = "Efface les adresses abonnées à la lettre sans confirmation depuis plus d'une semaine."

    def handle(self, *args, **options):
        forgotten = subscriptions.forget_unconfirmed()
        self.stdout.write(f"{forgotten} adresse(s) non confirmée(s) effacée(s).")
