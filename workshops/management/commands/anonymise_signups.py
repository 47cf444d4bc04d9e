"""`manage.py anonymise_signups`: the retention limits of sign-ups, applied (daily by cron; idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
            _(
                "Ateliers terminés depuis plus de %(months)s mois : %(anonymised)s (preuve de présence gardée), "
                "%(deleted)s (liste d'attente, annulations)."
            )
            % {
                "months": months,
                "anonymised": anonymised(report.anonymised),
                "deleted": deleted(report.deleted),
            }
        )
        self.stdout.write(
            _("Parcours terminés depuis plus de %(months)s mois : %(anonymised)s, %(deleted)s.")
            % {
                "months": months,
                "anonymised": anonymised(report.journeys_anonymised),
                "deleted": deleted(report.journeys_deleted),
            }
        )
        self.stdout.write(
            ngettext(
                "Preuves de plus de %(years)s ans supprimées : %(count)s inscription aux ateliers, %(journeys)s aux "
                "parcours.",
                "Preuves de plus de %(years)s ans supprimées : %(count)s inscriptions aux ateliers, %(journeys)s aux "
                "parcours.",
                report.proofs_removed,
            )
            % {"years": years, "count": report.proofs_removed, "journeys": report.journey_proofs_removed}
        )


def anonymised(count):
    return ngettext("%(count)s inscription anonymisée", "%(count)s inscriptions anonymisées", count) % {"count": count}


def deleted(count):
    return ngettext("%(count)s supprimée", "%(count)s supprimées", count) % {"count": count}
