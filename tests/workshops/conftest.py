"""Fixtures of the workshop tests: an upcoming workshop with few places, and people to sign up."""

import itertools

import pytest

from tests.factories import WorkshopIndexPageFactory, WorkshopPageFactory


@pytest.fixture
def workshop(home):
    index = WorkshopIndexPageFactory(parent=home)
    return WorkshopPageFactory(parent=index, title="Écrire à plusieurs", slug="ecrire-a-plusieurs", capacity=3)


@pytest.fixture
def person():
    """Makes the details of a new person each call (override any field with keywords)."""
    numbers = itertools.count(1)

    def make(**fields):
        number = next(numbers)
        return {
            "first_name": "Camille",
            "last_name": f"Martin-{number}",
            "email": f"camille.{number}@example.org",
            "phone": "",
            "structure": "Centre social La Passerelle",
            "commune": "Langeais",
            **fields,
        }

    return make
