"""24 people sign up for the same workshop at the same instant, on a file-based SQLite database.

Run by tests/workshops/test_sqlite_load.py in a subprocess (`python -m tests.workshops.sqlite_load`), with
DATABASE_URL naming a fresh SQLite file: the test suite's own SQLite lives in memory, where writers never meet.
Prints one JSON object: every response's status, the errors raised, and how many sign-ups ended confirmed and waiting.
"""

import json
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import django

PEOPLE = 24
SIGNUP_URL = "/ateliers/ecrire-a-plusieurs/inscription/"


def prepare():
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from tests.factories import HomePageFactory, WorkshopIndexPageFactory, WorkshopPageFactory

    call_command("migrate", verbosity=0, interactive=False)
    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Gare centrale"}
    )
    index = WorkshopIndexPageFactory(parent=home)
    return WorkshopPageFactory(parent=index, title="Écrire à plusieurs", slug="ecrire-a-plusieurs", capacity=3)


def sign_up_at_once():
    from django.core.signals import got_request_exception
    from django.db import connections
    from django.test import Client

    barrier = threading.Barrier(PEOPLE)
    errors = []
    got_request_exception.connect(lambda sender, request, **kwargs: errors.append(repr(sys.exc_info()[1])), weak=False)

    def attempt(number):
        client = Client(raise_request_exception=False)
        data = {
            "first_name": "Camille",
            "last_name": f"Martin-{number}",
            "email": f"camille.{number}@example.org",
            "phone": "",
            "structure": "Centre social La Passerelle",
            "commune": "Langeais",
            "consent": "on",
        }
        try:
            barrier.wait(timeout=60)
            # One address each: the per-address limit on sign-ups is not what this measures.
            return client.post(SIGNUP_URL, data, REMOTE_ADDR=f"192.0.2.{number + 1}").status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        return list(pool.map(attempt, range(PEOPLE))), errors


def main():
    django.setup()
    from workshops.models import Registration

    workshop = prepare()
    statuses, errors = sign_up_at_once()
    outcome = Counter(Registration.objects.filter(workshop=workshop).values_list("status", flat=True))
    json.dump(
        {"statuses": statuses, "errors": errors, "capacity": workshop.capacity, "registrations": dict(outcome)},
        sys.stdout,
        default=str,
    )


if __name__ == "__main__":
    main()
