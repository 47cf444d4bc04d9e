"""`manage.py anonymise_signups`: the retention limits of sign-ups, applied (daily by cron; idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from workshops.rights import apply_retention


class Command(BaseCommand):
    help = (
        "Anonymise les inscriptions aux ateliers et aux parcours terminés depuis SIGNUP_RETENTION_MONTHS mois, "
        "et supprime les preuves de présence de plus de ATTENDANCE_PROOF_RETENTION_YEARS ans."
    )

    def handle(self, *args, **options):
        report = apply_retention()
        months, years = settings.SIGNUP_RETENTION_MONTHS, settings.ATTENDANCE_PROOF_RETENTION_YEARS
        self.stdout.write(
            f"Ateliers terminés depuis plus de {months} mois : {report.anonymised} inscription(s) anonymisée(s) "
            f"(preuve de présence gardée), {report.deleted} supprimée(s) (liste d'attente, annulations)."
        )
        self.stdout.write(
            f"Parcours terminés depuis plus de {months} mois : {report.journeys_anonymised} inscription(s) "
            f"anonymisée(s), {report.journeys_deleted} supprimée(s)."
        )
        self.stdout.write(
            f"Preuves de plus de {years} ans supprimées : {report.proofs_removed} inscription(s) aux ateliers, "
            f"{report.journey_proofs_removed} aux parcours."
        )
