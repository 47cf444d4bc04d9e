"""The rights of people who signed up without an account, and how long their sign-ups are kept.

A person (or an association) sees everything kept about their sign-up, takes it away as JSON and erases it, from
their private link; coordinators do the same for them in the admin. Erasing removes the sign-up, except what the
funders' attendance proof needs: for a workshop that has begun, that the place was held and whether the person came;
for a journey under way, that an association of so many people took part. That proof is pseudonymous (no name,
contact, structure or commune; a new token nobody holds) and goes too after ATTENDANCE_PROOF_RETENTION_YEARS.
`apply_retention` does the same to every sign-up SIGNUP_RETENTION_MONTHS after its workshop or journey.
"""

from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.french import format_date

from . import signup, tallies
from .models import AnnouncementDelivery, JourneyRegistration, Registration, SatisfactionResponse, WorkshopPage
from .models.registration import new_token

# What erasing blanks. The rest of a pseudonymised sign-up: its workshop or journey, status "erased", attendance
# (or the number of people), and when it was made and consented to, under which notice: the proof's own record.
ERASED_REGISTRATION = {
    "first_name": "",
    "last_name": "",
    "email": "",
    "phone": "",
    "structure": "",
    "commune": "",
    "cancelled_at": None,
    "promoted_at": None,
    "reminded_at": None,
    "survey_sent_at": None,
}
ERASED_JOURNEY_REGISTRATION = {
    "structure": "",
    "commune": "",
    "contact_name": "",
    "email": "",
    "phone": "",
    "needs": "",
    "cancelled_at": None,
}


def retention_periods():
    """The figures the privacy notice states: they come from the settings, as the retention command's do."""
    return {"signup_months": settings.SIGNUP_RETENTION_MONTHS, "proof_years": settings.ATTENDANCE_PROOF_RETENTION_YEARS}


@dataclass
class Entry:
    """One stored field: its name, its French label, its value for JSON and as text for a page."""

    field: str
    label: str
    value: object
    text: str


def kept_data(registration):
    """Every field stored about a sign-up, in the model's order: what the person's page and JSON show."""
    return [_entry(registration, field) for field in registration._meta.concrete_fields]


def kept_answer(registration):
    """The satisfaction answer of a workshop sign-up, field by field; None without one."""
    answer = SatisfactionResponse.objects.filter(registration=registration).first()
    if answer is None:
        return None
    return [_entry(answer, field) for field in answer._meta.concrete_fields if field.name != "registration"]


def export(registration):
    """What is kept about a sign-up, as a JSON-ready dict with French keys: the person's copy."""
    is_journey = isinstance(registration, JourneyRegistration)
    page = registration.journey if is_journey else registration.workshop
    data = {
        "service": settings.WAGTAIL_SITE_NAME,
        "exporté le": timezone.localtime().isoformat(),
        "type": _("Inscription d'une structure à un parcours") if is_journey else _("Inscription à un atelier"),
        "parcours" if is_journey else "atelier": _page_summary(page, is_journey),
        "inscription": [_as_json(entry) for entry in kept_data(registration)],
    }
    if not is_journey:
        answer = kept_answer(registration)
        data["avis"] = [_as_json(entry) for entry in answer] if answer else None
        data["messages reçus"] = [
            {
                "objet": delivery.announcement.subject,
                "message": delivery.announcement.body,
                "envoyé le": timezone.localtime(delivery.sent_at).isoformat(),
            }
            for delivery in AnnouncementDelivery.objects.filter(registration=registration, sent_at__isnull=False)
            .select_related("announcement")
            .order_by("sent_at")
        ]
    return data


def export_filename(registration):
    return _("mes-donnees-%(date)s.json") % {"date": timezone.localdate().isoformat()}


def erase(registration):
    """Erases a workshop or journey sign-up at its person's request: see the module's docstring for what stays."""
    if isinstance(registration, JourneyRegistration):
        return _erase_journey_registration(registration)
    return _erase_registration(registration)


def _erase_registration(registration):
    with transaction.atomic():
        if registration.is_active and registration.workshop.start > timezone.now():
            # Before the day, erasing is cancelling first: a confirmed place goes to the waiting list.
            signup.cancel(registration)
        registration.refresh_from_db()
        if erasure_keeps_proof(registration):
            SatisfactionResponse.objects.filter(registration=registration).delete()
            _pseudonymise(registration, ERASED_REGISTRATION)
        else:
            registration.delete()


def erasure_keeps_proof(registration):
    """Whether erasing the sign-up now would keep its pseudonymous attendance proof (else it goes entirely)."""
    now = timezone.now()
    if isinstance(registration, JourneyRegistration):
        started = WorkshopPage.objects.child_of(registration.journey).filter(start__lte=now).exists()
        return registration.status == JourneyRegistration.Status.CONFIRMED and started
    return registration.status == Registration.Status.CONFIRMED and registration.workshop.start <= now


def _erase_journey_registration(registration):
    with transaction.atomic():
        current = JourneyRegistration.objects.select_for_update().select_related("journey").get(pk=registration.pk)
        if erasure_keeps_proof(current):
            _pseudonymise(current, ERASED_JOURNEY_REGISTRATION)
        else:
            current.delete()


def _pseudonymise(registration, erased):
    """Blanks the person's details and gives the row a token nobody holds: the private link leads nowhere now."""
    model = type(registration)
    rows = model.objects.filter(pk=registration.pk)
    # Asked while the address is there: the person's first workshop of the year, which their tallies count, may change.
    elsewhere = tallies.workshops_of_people(rows) if model is Registration else ()
    rows.update(status=model.Status.ERASED, token=new_token(), **erased)
    if model is Registration:
        # Which of the animators' messages reached the person would still point at them.
        AnnouncementDelivery.objects.filter(registration=registration).delete()
        # The update above sends no signal.
        tallies.recount_signups([registration.pk])
        tallies.recount(elsewhere)


# --- Retention: run by `manage.py anonymise_signups` ---------------------------------------------------------------


@dataclass
class RetentionReport:
    """How many sign-ups one run anonymised (kept as proof), deleted (no proof to keep) and removed as too old."""

    anonymised: int = 0
    deleted: int = 0
    proofs_removed: int = 0
    journeys_anonymised: int = 0
    journeys_deleted: int = 0
    journey_proofs_removed: int = 0


def apply_retention(now=None):
    """Anonymises the sign-ups of workshops (and journeys) over for SIGNUP_RETENTION_MONTHS, removes those over
    for ATTENDANCE_PROOF_RETENTION_YEARS. A second run finds nothing left to do."""
    now = now or timezone.now()
    anonymise_before = now - relativedelta(months=settings.SIGNUP_RETENTION_MONTHS)
    remove_before = now - relativedelta(years=settings.ATTENDANCE_PROOF_RETENTION_YEARS)
    report = RetentionReport()
    with transaction.atomic(), tallies.counting_once():
        report.proofs_removed = _delete(Registration.objects.filter(workshop__end__lt=remove_before))
        due = Registration.objects.filter(workshop__end__lt=anonymise_before).exclude(status=Registration.Status.ERASED)
        proofs = due.filter(status=Registration.Status.CONFIRMED)
        SatisfactionResponse.objects.filter(registration__in=proofs).delete()
        report.anonymised = _pseudonymise_all(proofs, ERASED_REGISTRATION)
        report.deleted = _delete(due)
        report.journey_proofs_removed = _delete(_journey_signups_ended_before(remove_before))
        journey_due = _journey_signups_ended_before(anonymise_before).exclude(status=JourneyRegistration.Status.ERASED)
        report.journeys_anonymised = _pseudonymise_all(
            journey_due.filter(status=JourneyRegistration.Status.CONFIRMED), ERASED_JOURNEY_REGISTRATION
        )
        report.journeys_deleted = _delete(journey_due)
    return report


def _journey_signups_ended_before(moment):
    """Journey sign-ups whose journey's last workshop ended before `moment`; for a journey without any workshop,
    sign-ups made before it. One query, whatever the number of journeys."""
    # A journey's workshops are its children in Wagtail's tree (what child_of() reads).
    last_end = WorkshopPage.objects.filter(
        path__startswith=OuterRef("journey__path"), depth=OuterRef("journey__depth") + 1
    ).order_by("-end")
    signups = JourneyRegistration.objects.alias(last_end=Subquery(last_end.values("end")[:1]))
    return signups.filter(Q(last_end__lt=moment) | Q(last_end__isnull=True, created_at__lt=moment))


def _pseudonymise_all(registrations, erased):
    count = 0
    for registration in registrations.only("pk"):
        _pseudonymise(registration, erased)
        count += 1
    return count


def _delete(registrations):
    _total, by_model = registrations.delete()
    return by_model.get(registrations.model._meta.label, 0)


# --- Coordinators' search, in the admin ---------------------------------------------------------------------------

MIN_QUERY_LENGTH = 3


def find_person(query):
    """Workshop and journey sign-ups whose name or e-mail contains `query` (at least MIN_QUERY_LENGTH characters)."""
    query = " ".join((query or "").split())
    if len(query) < MIN_QUERY_LENGTH:
        return [], []
    full_name = Concat("first_name", models.Value(" "), "last_name")
    workshop_signups = (
        Registration.objects.exclude(status=Registration.Status.ERASED)
        .alias(full_name=full_name)
        .filter(Q(full_name__icontains=query) | Q(email__icontains=query))
        .select_related("workshop")
        .order_by("email", "-workshop__start")
    )
    journey_signups = (
        JourneyRegistration.objects.exclude(status=JourneyRegistration.Status.ERASED)
        .filter(Q(contact_name__icontains=query) | Q(email__icontains=query))
        .select_related("journey")
        .order_by("email", "-created_at")
    )
    return list(workshop_signups), list(journey_signups)


def _page_summary(page, is_journey):
    if is_journey:
        return {"titre": page.title}
    return {
        "titre": page.title,
        "début": timezone.localtime(page.start).isoformat(),
        "fin": timezone.localtime(page.end).isoformat(),
        "commune": page.commune,
    }


def _entry(instance, field):
    value = getattr(instance, field.attname)
    if field.choices and value is not None:
        shown = getattr(instance, f"get_{field.name}_display")()
        value = text = str(shown)
    elif field.is_relation:
        value = text = str(getattr(instance, field.name))
    elif isinstance(field, models.DateTimeField):
        local = timezone.localtime(value) if value else None
        value = local.isoformat() if local else None
        text = format_date(local, "j F Y à H\\hi") if local else ""
    else:
        text = "" if value is None else str(value)
    label = _("Numéro") if field.primary_key else capfirst(str(field.verbose_name))
    return Entry(field.name, label, value, text)


def _as_json(entry):
    return {"champ": entry.field, "libellé": entry.label, "valeur": entry.value}
