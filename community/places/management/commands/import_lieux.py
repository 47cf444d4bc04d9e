"""Imports places from a CSV or JSON file in the national schema, updating existing structures by `id`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from community.places import opendata


class Command(BaseCommand):
    help = (
        "Importe des lieux au format du standard national des lieux de médiation numérique (CSV ; ou , en UTF-8, "
        "ou JSON). Met à jour les structures existantes par « id », sans doublon ; chaque ligne rejetée est "
        "signalée avec sa raison."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="fichier .csv ou .json")
        parser.add_argument("--dry-run", action="store_true", help="vérifier sans rien enregistrer")

    def handle(self, path, dry_run=False, **options):
        try:
            rows = opendata.read_rows(path)
        except FileNotFoundError as error:
            raise CommandError(f"Fichier introuvable : {path}") from error
        except opendata.UnreadableFileError as error:
            raise CommandError(f"Fichier illisible : {error}") from error
        report = opendata.import_rows(rows, dry_run=dry_run)
        where = "ligne" if not path.lower().endswith((".json", ".geojson")) else "élément"
        for line, identifier, reason in report.rejected:
            label = f" (id « {identifier} »)" if identifier else ""
            self.stderr.write(f"{where} {line}{label} rejeté(e) : {reason}")
        prefix = "[essai, rien n'est enregistré] " if dry_run else ""
        created, unchanged, rejected = len(report.created), len(report.unchanged), len(report.rejected)
        self.stdout.write(
            prefix
            + ", ".join(
                [
                    ngettext("%(count)s créé", "%(count)s créés", created) % {"count": created},
                    f"{len(report.updated)} mis à jour",
                    ngettext("%(count)s inchangé", "%(count)s inchangés", unchanged) % {"count": unchanged},
                    ngettext("%(count)s rejeté", "%(count)s rejetés", rejected) % {"count": rejected},
                ]
            )
            + "."
        )
