"""`manage.py load_demo`: builds (or completes) the demo site and prints the demo accounts."""

from django.core.management.base import BaseCommand, CommandError

from home import demo


class Command(BaseCommand):
    help = "Crée le contenu de démonstration (sans doublon si on le relance) et affiche les comptes."

    def handle(self, *args, **options):
        try:
            accounts = demo.load()
        except demo.DemoNotAllowed as refusal:
            raise CommandError(refusal.message) from refusal
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
        self.stdout.write(f"Comptes de démonstration (mot de passe : {demo.DEMO_PASSWORD}) :")
        for user, role in accounts:
            self.stdout.write(f"  {user.username:<15} {role}")
