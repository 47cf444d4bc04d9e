"""What animators and coordinators do with a workshop's sign-ups: who may, the lists, the CSV, the attendance."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.members.roles import COORDINATORS
from core.spreadsheets import write_spreadsheet

from . import tallies
from .models.registration import Registration

CSV_HEADERS = (
    gettext_lazy("Statut"),
    gettext_lazy("Position d'attente"),
    gettext_lazy("Prénom"),
    gettext_lazy("Nom"),
    gettext_lazy("E-mail"),
    gettext_lazy("Téléphone"),
    gettext_lazy("Structure"),
    gettext_lazy("Commune"),
    gettext_lazy("Inscrit·e le"),
    gettext_lazy("Présence"),
)


class AttendanceNotOpen(Exception):  # noqa: N818 — domain names, as the style guide asks
    """Attendance is taken once the workshop has started."""

    message = gettext_lazy("Les présences se notent une fois l'atelier commencé.")


def can_manage(user, workshop):
    """Superusers, coordinators and the workshop's own animators see and handle its sign-ups."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.groups.filter(name=COORDINATORS).exists():
        return True
    return user.animated_workshops.filter(pk=workshop.pk).exists()


def registrations_by_status(workshop):
    """The sign-ups in four lists: confirmed, waiting (in the order they will be promoted), cancelled, and erased
    (no name left: counted as the funders' attendance proof, never listed)."""
    lists = {status: [] for status in Registration.Status.values}
    for registration in Registration.objects.filter(workshop=workshop).order_by("created_at", "id"):
        lists[registration.status].append(registration)
    return {
        "confirmed": lists[Registration.Status.CONFIRMED],
        "waiting": lists[Registration.Status.WAITING],
        "cancelled": lists[Registration.Status.CANCELLED],
        "erased": lists[Registration.Status.ERASED],
    }


def attendance_is_open(workshop, now=None):
    return workshop.start <= (now or timezone.now())


def mark_attendance(workshop, marks, now=None):
    """Records présent / absent (or nothing) for confirmed sign-ups; `marks` maps registration ids to values.

    Returns how many sign-ups changed.
    """
    if not attendance_is_open(workshop, now):
        raise AttendanceNotOpen
    allowed = set(Registration.Attendance.values)
    changed = 0
    with transaction.atomic(), tallies.counting_once():
        confirmed = Registration.objects.select_for_update().filter(
            workshop=workshop, status=Registration.Status.CONFIRMED, pk__in=list(marks)
        )
        for registration in confirmed:
            value = marks[registration.pk] or None
            if value is not None and value not in allowed:
                continue
            if registration.attendance != value:
                registration.attendance = value
                registration.save(update_fields=["attendance"])
                changed += 1
    return changed


def write_csv(workshop, stream):
    """Writes every sign-up of a workshop to `stream`, confirmed then waiting (in order) then cancelled."""
    lists = registrations_by_status(workshop)
    positions = {registration.pk: number for number, registration in enumerate(lists["waiting"], start=1)}
    write_spreadsheet(
        stream,
        CSV_HEADERS,
        (_row(registration, positions) for registration in lists["confirmed"] + lists["waiting"] + lists["cancelled"]),
    )


def _row(registration, positions):
    return [
        registration.get_status_display(),
        positions.get(registration.pk, ""),
        registration.first_name,
        registration.last_name,
        registration.email,
        registration.phone,
        registration.structure,
        registration.commune,
        timezone.localtime(registration.created_at).strftime("%d/%m/%Y %H:%M"),
        registration.get_attendance_display() or "",
    ]


def csv_filename(workshop):
    return _("inscrits-%(slug)s.csv") % {"slug": workshop.slug}
