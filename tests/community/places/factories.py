"""Small builders of structures and mobile sessions for the map's tests."""

import datetime
import itertools

from django.utils import timezone

from community.places.models import Permanence, Structure

_counter = itertools.count(1)


def structure(**fields):
    n = next(_counter)
    data = {
        "name": f"Lieu {n}",
        "kind": "centre-social",
        "address": f"{n} rue de la Gare",
        "postcode": "59300",
        "commune": "Valenciennes",
        "insee_code": "59606",
        "latitude": 50.357,
        "longitude": 3.523,
        "services": ["demarches"],
        "opening_hours": "Mo-Fr 09:00-12:00",
        "referent_name": "Zoé Referente",
        "referent_email": "zoe.referente@example.org",
    }
    data.update(fields)
    return Structure.objects.create(**data)


def permanence(structure, days=3, **fields):
    data = {
        "date": timezone.localdate() + datetime.timedelta(days=days),
        "start_time": datetime.time(9, 0),
        "end_time": datetime.time(12, 0),
        "commune": "Couesmes",
        "postcode": "37330",
        "place": "Salle des fêtes",
        "latitude": 47.5727,
        "longitude": 0.3516,
    }
    data.update(fields)
    return Permanence.objects.create(structure=structure, **data)
