"""Many people sign up for the last places at the same instant: nobody is overbooked (PostgreSQL only)."""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from workshops import signup
from workshops.models import Registration

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serializes every write, there is no race to lose (CI runs it on PostgreSQL)",
    ),
    # Serialized rollback brings back the root page and locale that the flush after each test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 20


def at_once(attempt, arguments):
    """Runs `attempt` for each argument in its own thread and connection, all released at the same instant."""
    barrier = threading.Barrier(len(arguments))

    def run(argument):
        try:
            barrier.wait(timeout=30)
            return attempt(argument)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(arguments)) as pool:
        futures = [pool.submit(run, argument) for argument in arguments]
    return [future.result() for future in futures]


def test_simultaneous_sign_ups_for_the_last_places_never_overbook(workshop, person):
    signup.sign_up(workshop, person())  # 2 of the 3 places left

    outcomes = at_once(lambda details: signup.sign_up(workshop, details).status, [person() for _ in range(THREADS)])

    assert Counter(outcomes) == {Registration.Status.CONFIRMED: 2, Registration.Status.WAITING: THREADS - 2}
    statuses = Counter(Registration.objects.filter(workshop=workshop).values_list("status", flat=True))
    assert statuses == {Registration.Status.CONFIRMED: workshop.capacity, Registration.Status.WAITING: THREADS - 2}
    waiting = Registration.objects.filter(workshop=workshop, status=Registration.Status.WAITING)
    assert [r.waiting_position() for r in waiting] == list(range(1, THREADS - 1))


def test_simultaneous_sign_ups_with_one_e_mail_keep_a_single_one(workshop, person):
    def attempt(details):
        try:
            return signup.sign_up(workshop, details).status
        except signup.AlreadyRegistered:
            return "already registered"

    emails = ["zoe@example.org", "ZOE@example.org", "Zoe@Example.org"] * 4
    outcomes = at_once(attempt, [person(email=email) for email in emails])

    assert Counter(outcomes) == {Registration.Status.CONFIRMED: 1, "already registered": len(emails) - 1}
    assert Registration.objects.filter(workshop=workshop).count() == 1


def test_simultaneous_cancellations_promote_each_waiting_person_once(workshop, person):
    confirmed = [signup.sign_up(workshop, person()) for _ in range(3)]
    waiting = [signup.sign_up(workshop, person()) for _ in range(5)]

    at_once(signup.cancel, confirmed)

    statuses = [r.status for r in Registration.objects.filter(pk__in=[r.pk for r in waiting]).order_by("created_at")]
    assert statuses == [Registration.Status.CONFIRMED] * 3 + [Registration.Status.WAITING] * 2
    assert Registration.objects.filter(workshop=workshop, status=Registration.Status.CONFIRMED).count() == 3
