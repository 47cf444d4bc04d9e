"""Retention: sign-ups are anonymised SIGNUP_RETENTION_MONTHS after their workshop or journey, and the attendance
proof that stays is removed after ATTENDANCE_PROOF_RETENTION_YEARS; `anonymise_signups` applies both, idempotently."""

import datetime
import io

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from tests.factories import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    RegistrationFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)
from workshops import rights
from workshops.models import JourneyRegistration, Registration, SatisfactionResponse

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2030, 6, 15, 12, 0))


def ended(**delta):
    """A workshop start that many days, months… before NOW (workshops last three hours)."""
    return NOW - relativedelta(**delta) - datetime.timedelta(hours=3)


@pytest.fixture
def index(home):
    return WorkshopIndexPageFactory(parent=home)


def workshop_at(index, start):
    return WorkshopPageFactory(parent=index, start=start)


def journey_sign_up(journey, **fields):
    return JourneyRegistration.objects.create(
        journey=journey,
        structure="Comité des fêtes",
        commune="Langeais",
        contact_name="Maëlle Tessier",
        email=fields.pop("email", "comite@example.org"),
        participants=4,
        consent_at=NOW - datetime.timedelta(days=800),
        created_at=NOW - datetime.timedelta(days=800),
        **fields,
    )


@override_settings(SIGNUP_RETENTION_MONTHS=12, ATTENDANCE_PROOF_RETENTION_YEARS=10)
def test_sign_ups_are_anonymised_after_the_months_and_the_proof_removed_after_the_years(index):
    recent = workshop_at(index, ended(months=11))
    old = workshop_at(index, ended(months=13))
    ancient = workshop_at(index, ended(years=10, days=1))
    keep = RegistrationFactory(workshop=recent, email="recente@example.org")
    came = RegistrationFactory(workshop=old, email="venue@example.org", attendance=Registration.Attendance.PRESENT)
    SatisfactionResponse.objects.create(registration=came, score=4, comment="Très bien")
    waited = RegistrationFactory(workshop=old, email="attente@example.org", status=Registration.Status.WAITING)
    RegistrationFactory(workshop=ancient, attendance=Registration.Attendance.ABSENT)

    report = rights.apply_retention(now=NOW)

    assert (report.anonymised, report.deleted, report.proofs_removed) == (1, 1, 1)
    assert Registration.objects.get(pk=keep.pk).email == "recente@example.org"
    proof = Registration.objects.get(pk=came.pk)
    assert (proof.status, proof.attendance, proof.email, proof.first_name) == ("erased", "present", "", "")
    assert not SatisfactionResponse.objects.exists()
    assert not Registration.objects.filter(pk=waited.pk).exists()
    assert not Registration.objects.filter(workshop=ancient).exists()


@override_settings(SIGNUP_RETENTION_MONTHS=3, ATTENDANCE_PROOF_RETENTION_YEARS=1)
def test_both_limits_come_from_the_settings(index):
    came = RegistrationFactory(workshop=workshop_at(index, ended(months=4)))
    RegistrationFactory(workshop=workshop_at(index, ended(months=13)))

    report = rights.apply_retention(now=NOW)

    assert (report.anonymised, report.proofs_removed) == (1, 1)
    assert Registration.objects.get().pk == came.pk


@override_settings(SIGNUP_RETENTION_MONTHS=12, ATTENDANCE_PROOF_RETENTION_YEARS=10)
def test_journey_sign_ups_count_from_the_journeys_last_workshop(home):
    journeys = JourneyIndexPageFactory(parent=home)
    over = JourneyPageFactory(parent=journeys, title="Fini")
    WorkshopPageFactory(parent=over, start=ended(months=20))
    WorkshopPageFactory(parent=over, start=ended(months=13))
    going_on = JourneyPageFactory(parent=journeys, title="En cours")
    WorkshopPageFactory(parent=going_on, start=ended(months=20))
    WorkshopPageFactory(parent=going_on, start=ended(months=2))
    ancient = JourneyPageFactory(parent=journeys, title="Ancien")
    WorkshopPageFactory(parent=ancient, start=ended(years=11))
    took_part = journey_sign_up(over)
    left = journey_sign_up(over, email="partie@example.org", status=JourneyRegistration.Status.CANCELLED)
    still = journey_sign_up(going_on)
    journey_sign_up(ancient)

    report = rights.apply_retention(now=NOW)

    assert (report.journeys_anonymised, report.journeys_deleted, report.journey_proofs_removed) == (1, 1, 1)
    proof = JourneyRegistration.objects.get(pk=took_part.pk)
    assert (proof.status, proof.participants, proof.email, proof.contact_name) == ("erased", 4, "", "")
    assert not JourneyRegistration.objects.filter(pk=left.pk).exists()
    assert JourneyRegistration.objects.get(pk=still.pk).email == "comite@example.org"
    assert not JourneyRegistration.objects.filter(journey=ancient).exists()


def test_the_command_says_what_it_did_and_a_second_run_changes_nothing(index):
    now = timezone.now()
    old = workshop_at(index, now - datetime.timedelta(days=500))
    RegistrationFactory(workshop=old, attendance=Registration.Attendance.PRESENT)
    RegistrationFactory(workshop=old, status=Registration.Status.CANCELLED)
    first, second = io.StringIO(), io.StringIO()

    call_command("anonymise_signups", stdout=first)
    after_first = list(Registration.objects.values())
    call_command("anonymise_signups", stdout=second)

    assert "1 inscription anonymisée" in first.getvalue()
    assert "1 supprimée" in first.getvalue()
    assert list(Registration.objects.values()) == after_first
    assert "0 inscription anonymisée" in second.getvalue() and "0 supprimée" in second.getvalue()
    assert "Preuves de plus de 10 ans supprimées : 0" in second.getvalue()
