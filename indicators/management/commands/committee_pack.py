from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators import figures, pack


class Command(BaseCommand):
    help = (
        "Écrit le dossier du comité de pilotage d'un trimestre (chiffres du trimestre et de l'année à ce jour, "
        "publicité des financeurs) en PDF. Par cron, au lendemain de chaque trimestre : --trimestre précédent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--trimestre", required=True, help="par exemple 2026-T2")
        parser.add_argument("--territoire", default="", help="un territoire des structures ; vide : tout le réseau")
        parser.add_argument("--dossier", default=".", help="où écrire le PDF (par défaut, le dossier courant)")

    def handle(self, trimestre, territoire, dossier, **options):
        try:
            quarter = pack.Quarter.parse(trimestre)
        except ValueError as error:
            raise CommandError(f"Trimestre illisible : {trimestre} (par exemple 2026-T2, de 2000 à 2100)") from error
        if territoire and territoire not in figures.territories():
            raise CommandError(f"Territoire inconnu : {territoire} ({', '.join(figures.territories())})")
        path = Path(dossier) / pack.filename(quarter, territoire)
        path.write_bytes(pack.committee_pack(quarter, territoire))
        self.stdout.write(f"Dossier écrit : {path}")
